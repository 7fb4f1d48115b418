import { isUserError, readUserFile } from '@slipway/action-kit/lite';
import { parserFor } from './registry.js';
import { LockfileError, type LockedPackage, type LockfileWarning } from './types.js';

/** Lockfiles larger than this are refused: the largest real ones are a few tens of megabytes. */
export const MAX_LOCKFILE_BYTES = 64 * 1024 * 1024;

/**
 * Reads and parses one lockfile by its repository-relative path (`file`). The file is opened without blocking and checked
 * on the open descriptor, so a FIFO, a device (or a link to one) or an oversized file under a
 * lockfile's name is a LockfileError naming `file`, never a hang or a whole read. Returns
 * undefined when the name is not a lockfile slipway reads. What was read but cannot be used (a
 * file that yields no packages) is added to `warnings` when given.
 */
export function readLockfile(
  abs: string,
  file: string,
  maxBytes = MAX_LOCKFILE_BYTES,
  warnings?: LockfileWarning[],
): LockedPackage[] | undefined {
  const parse = parserFor(file);
  if (!parse) return undefined;
  let text: string;
  try {
    text = readUserFile(abs, { maxBytes, subject: { file }, what: 'the lockfile' }).toString('utf8');
  } catch (err) {
    if (!isUserError(err)) throw err;
    throw new LockfileError(err.message.replace(abs, () => file).replace(/\.$/, ''), file);
  }
  return parse(text.replace(/^\uFEFF/, ''), file, warnings);
}
