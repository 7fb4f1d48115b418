import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A file being written under a temporary name beside its final one. */
export interface PendingFile {
  /** Where to write. */
  readonly tempPath: string;
  /** fsync, then rename over the final path: readers see the old file or the whole new one. */
  commit(): Promise<void>;
  /** Removes the temporary file; safe to call after a failure at any point. */
  abort(): Promise<void>;
}

/** Starts an atomic write of `path`: write to tempPath, then commit (or abort). */
export function pendingFile(path: string): PendingFile {
  const tempPath = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  return {
    tempPath,
    async commit() {
      const fh = await open(tempPath, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tempPath, path);
    },
    async abort() {
      await rm(tempPath, { force: true });
    },
  };
}

/** Writes a whole file atomically: temp file, fsync, rename; its folder is created when missing. No half-written file is ever visible. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const pending = pendingFile(path);
  try {
    const fh = await open(pending.tempPath, 'wx', 0o644);
    try {
      await fh.writeFile(data);
    } finally {
      await fh.close();
    }
    await pending.commit();
  } catch (err) {
    await pending.abort();
    throw err;
  }
}
