// What the command router last asked the platform for, kept beside the ledger. A promotion and an
// abort reach a router as the same call (one release, no canary), and a run that resumes a paused
// canary promotes with a router that never saw it: the memo tells the two apart across runs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '@slipway/action-kit/lite';
import * as v from 'valibot';
import { environmentDir } from '../../ledger.js';

/** The releases the platform was last told about. */
export type RoutingMemo = v.InferOutput<typeof memoSchema>;

const id = v.optional(v.pipe(v.string(), v.maxLength(200)));
const memoSchema = v.object({
  /** The canary of the last weight change (cleared once it is promoted or aborted). */
  canary: id,
  /** The release taking the rest (or all) of the traffic. */
  stable: id,
  /** The last release `deploy-command` ran for, so a resumed run does not deploy it twice. */
  deployed: id,
});

/** Where an environment's memo lives. */
export function memoPath(stateDir: string, environment: string): string {
  return join(environmentDir(stateDir, environment), 'command-router.json');
}

/** The memo; an absent or unreadable one is empty (the router then treats a lone release as an abort). */
export async function readMemo(path: string): Promise<RoutingMemo> {
  try {
    const parsed = v.safeParse(memoSchema, JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.output : {};
  } catch {
    return {};
  }
}

/** Replaces the memo in one step, so a crash leaves the old one or the new one. */
export async function writeMemo(path: string, memo: RoutingMemo): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(memo, null, 2)}\n`);
}
