// Which release each server of the backend serves, kept beside the ledger as `haproxy-slots.json`.
// HAProxy knows addresses, not releases: the file lets a later run (a resumed canary, a rollback)
// credit each server's traffic to the right release and tell apart two servers at one address.
// HAProxy stays the authority: an entry counts only while its address is still the server's.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '@slipway/action-kit/lite';
import * as v from 'valibot';
import { environmentDir } from '../../ledger.js';

const text = v.pipe(v.string(), v.maxLength(200));
const slotFileSchema = v.object({
  backend: text,
  /** By server name: the release it serves and the `ip:port` it was given for it. */
  servers: v.record(text, v.object({ release: text, addr: text })),
});

/** What the file holds. */
export type SlotFile = v.InferOutput<typeof slotFileSchema>;

/** One server's entry: the release it serves and its `ip:port`. */
export type SlotEntry = SlotFile['servers'][string];

/** Where an environment's slot file lives. */
export function slotFilePath(stateDir: string, environment: string): string {
  return join(environmentDir(stateDir, environment), 'haproxy-slots.json');
}

/** The releases recorded for `backend`'s servers; an absent, unreadable or other backend's file records none. */
export async function readSlotFile(path: string, backend: string): Promise<SlotFile['servers']> {
  try {
    const parsed = v.safeParse(slotFileSchema, JSON.parse(await readFile(path, 'utf8')));
    return parsed.success && parsed.output.backend === backend ? parsed.output.servers : {};
  } catch {
    return {};
  }
}

/** Replaces the file in one step, so a crash leaves the old one or the new one. */
export async function writeSlotFile(path: string, file: SlotFile): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(file, null, 2)}\n`);
}
