import { isUserError, readUserFile } from '@slipway/action-kit/lite';
import { parserFor } from './registry.js';
import { LockfileError, type LockedPackage } from './types.js';

/** Lockfiles larger than this are refused: the largest real ones are a few tens of megabytes. */
export const MAX_LOCKFILE_BYTES = 64 * 1024 * 1024;

/**
 * Reads and parses one lockfile by its base name. The file is opened without blocking and checked
 * on the open descriptor, so a FIFO, a device (or a link to one) or an oversized file under a
 * lockfile's name is a LockfileError naming `file`, never a hang or a whole read. Returns
 * undefined when the name is not a lockfile slipway reads.
 */
export function readLockfile(abs: string, file: string, maxBytes = MAX_LOCKFILE_BYTES): LockedPackage[] | undefined {
  const parse = parserFor(abs.slice(abs.lastIndexOf('/') + 1));
  if (!parse) return undefined;
  let text: string;
  try {
    text = readUserFile(abs, { maxBytes, subject: { file }, what: 'the lockfile' }).toString('utf8');
  } catch (err) {
    if (!isUserError(err)) throw err;
    throw new LockfileError(err.message.replace(abs, () => file).replace(/\.$/, ''), file);
  }
  return parse(text.replace(/^\uFEFF/, ''), file);
}
