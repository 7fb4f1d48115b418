import { readFileSync } from 'node:fs';
import { UserError, describeJsonError, writeFileAtomic } from '@slipway/action-kit/lite';
import type { Finding } from './types.js';

/** Accepted findings, by fingerprint. */
export interface Baseline {
  version: 1;
  findings: { fingerprint: string; rule: string; file: string; note?: string }[];
}

/** Reads a baseline; a malformed one is an error with its position. */
export function readBaseline(path: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UserError(
      `'${path}' cannot be read.`,
      { input: 'baseline' },
      'Write one with the write-baseline input, or leave baseline empty.',
    );
  }
  let doc: Baseline;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new UserError(`is not valid JSON: ${describeJsonError(text, err)}.`, { input: 'baseline', file: path });
  }
  if (
    doc?.version !== 1 ||
    !Array.isArray(doc.findings) ||
    doc.findings.some((f) => typeof f?.fingerprint !== 'string')
  ) {
    throw new UserError(`is not a slipway baseline (version 1 with findings[].fingerprint).`, {
      input: 'baseline',
      file: path,
    });
  }
  return new Set(doc.findings.map((f) => f.fingerprint));
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
