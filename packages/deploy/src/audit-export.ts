// Reading an environment's `audit.jsonl` back: one line at a time, so a trail of years costs no
// more memory than a line, and a damaged line (a torn append, a hand edit) is skipped, not fatal.
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import * as v from 'valibot';
import { environmentDir, transitionSchema, type Transition } from './ledger.js';

/** Which transitions to read: `at` in [since, until), both in ms since the epoch; either may be left out. */
export interface AuditWindow {
  since?: number;
  until?: number;
  /** Called with the 1-based line number of each line that is not a valid transition. */
  onInvalid?: (line: number) => void;
}

/** One line of the trail: a transition, or the number of a line that is not one. */
type AuditLine = { transition: Transition } | { invalid: number };

/** Every line of an audit file in order; a missing file has none. Blank lines are not lines of the trail. */
async function* auditLines(path: string): AsyncGenerator<AuditLine> {
  // Opened first so that a missing file is an empty trail rather than an error out of readline.
  const handle = await open(path, 'r').catch((err: NodeJS.ErrnoException) =>
    err.code === 'ENOENT' ? undefined : Promise.reject(err),
  );
  if (!handle) return;
  const lines = createInterface({ input: handle.createReadStream({ encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const line of lines) {
      number++;
      if (line.trim() === '') continue;
      const result = v.safeParse(transitionSchema, parseJson(line));
      yield result.success ? { transition: result.output } : { invalid: number };
    }
  } finally {
    lines.close();
    await handle.close().catch(() => undefined);
  }
}

/** The transitions of an environment's audit trail within a window, oldest first, read as a stream. */
export async function* auditEntries(
  stateDir: string,
  environment: string,
  window: AuditWindow = {},
): AsyncGenerator<Transition> {
  const path = join(environmentDir(stateDir, environment), 'audit.jsonl');
  for await (const line of auditLines(path)) {
    if ('invalid' in line) {
      window.onInvalid?.(line.invalid);
      continue;
    }
    const at = Date.parse(line.transition.at);
    if (window.since !== undefined && at < window.since) continue;
    if (window.until !== undefined && at >= window.until) continue;
    yield line.transition;
  }
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
