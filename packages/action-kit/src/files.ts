import { closeSync, fstatSync, openSync, readSync, constants } from 'node:fs';
import { UserError, type ErrorSubject } from './errors.js';

/** Options for reading a file the user named or the repository holds. */
export interface ReadUserFileOptions {
  /** The most bytes this kind of file may have; a larger one is refused, never read whole. */
  maxBytes: number;
  /** The input or file to name in the error. */
  subject: ErrorSubject;
  /** What the file is, for the message (`the baseline`, `the config`). */
  what: string;
}

const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

function kind(mode: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (mode.isDirectory()) return 'a folder';
  if (mode.isFIFO()) return 'a named pipe';
  if (mode.isCharacterDevice() || mode.isBlockDevice()) return 'a device';
  if (mode.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads a whole regular file of at most `maxBytes`. A missing file, a folder, a pipe, a device
 * (a link to /dev/zero included) or a file over the cap is a UserError naming the subject. The
 * file is opened without blocking (a pipe with no writer cannot hang the open) and checked on
 * the open descriptor, so what is read is what was checked.
 */
export function readUserFile(path: string, options: ReadUserFileOptions): Buffer {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EACCES' || code === 'EPERM'
          ? 'cannot be read (permission denied)'
          : code === 'ENOTDIR'
            ? 'is under something that is not a folder'
            : code === 'ELOOP'
              ? 'is a loop of symbolic links'
              : code === 'ENAMETOOLONG'
                ? 'has a name that is too long'
                : `cannot be opened (${code ?? 'unknown error'})`;
    throw new UserError(`${options.what} ${path} ${why}.`, options.subject);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      throw new UserError(
        `${options.what} ${path} is ${kind(st)}, not a regular file.`,
        options.subject,
        'Name a file.',
      );
    if (st.size > options.maxBytes)
      throw new UserError(
        `${options.what} ${path} is ${st.size} bytes, more than the ${options.maxBytes} this kind of file may have.`,
        options.subject,
      );
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === st.size ? buf : buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}
