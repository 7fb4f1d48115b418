import * as v from 'valibot';
import { describeJsonError, isUserError, readUserFile, UserError, writeFileAtomic } from '@slipway/action-kit/lite';
import type { Finding } from './types.js';
import { check } from './validate.js';

/** A baseline lists findings, a few hundred bytes each: 64 MiB is hundreds of thousands of them. */
const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/** Accepted findings, by fingerprint. */
export interface Baseline {
  version: 1;
  findings: { fingerprint: string; rule: string; file: string; note?: string }[];
}

const baselineSchema = v.object({
  version: v.literal(1),
  findings: v.array(
    v.object({
      fingerprint: v.string(),
      rule: v.optional(v.string()),
      file: v.optional(v.string()),
      note: v.optional(v.string()),
    }),
  ),
});

const HINT = 'Write one with the write-baseline input, or leave baseline empty.';

/** Reads a baseline; a malformed one is an error with its position. */
export function readBaseline(path: string): Set<string> {
  let text: string;
  try {
    text = readUserFile(path, {
      maxBytes: MAX_BASELINE_BYTES,
      subject: { input: 'baseline' },
      what: 'the baseline',
    }).toString('utf8');
  } catch (err) {
    if (isUserError(err)) throw new UserError(err.message, err.subject, err.hint ?? HINT);
    throw err;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new UserError(`is not valid JSON: ${describeJsonError(text, err)}.`, { input: 'baseline', file: path });
  }
  const checked = check(baselineSchema, doc);
  if (!checked.ok)
    throw new UserError(
      `is not a slipway baseline (version 1 with findings[].fingerprint): ${checked.problem}.`,
      { input: 'baseline', file: path },
      HINT,
    );
  return new Set(checked.value.findings.map((f) => f.fingerprint));
}

/** Writes the current findings as a baseline, sorted, atomically. */
export async function writeBaseline(path: string, findings: readonly Finding[]): Promise<void> {
  const entries = [
    ...new Map(
      findings.map((f) => [f.fingerprint, { fingerprint: f.fingerprint, rule: f.rule.id, file: f.file }]),
    ).values(),
  ].sort((a, b) => (a.file + a.rule < b.file + b.rule ? -1 : 1));
  await writeFileAtomic(path, `${JSON.stringify({ version: 1, findings: entries } satisfies Baseline, null, 2)}\n`);
}
