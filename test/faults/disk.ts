// A full disk under the environment's folder (ledger, lock, audit trail), two ways. As root: a
// 256 KiB tmpfs mounted on the folder (its releases bind-mounted back onto the real disk, so only
// the ledger's neighbours share the small one) and filled with a file that leaves a chosen number
// of pages. Where mount is not permitted: ENOSPC injected at the seam every ledger write goes
// through (action-kit's writeFileAtomic), for paths under the folder.
import { jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTree, removeTree } from '../harness.js';

/** How a full disk is made here. */
export type Mechanism = 'tmpfs' | 'seam';

/** A folder whose disk can be filled and freed again. */
export interface FullDisk {
  readonly mechanism: Mechanism;
  /** Fills the disk but for `pages` free pages (a tmpfs page is 4 KiB); the seam fails every write at once. */
  fill(pages: number): void;
  free(): void;
  /** Unmounts what `tmpfsDisk` mounted. */
  unmount(): void;
}

function run(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/** Whether this process may mount a tmpfs (root may, others may not); FAULTS_DISK=seam forces the seam. */
export function mechanism(): Mechanism {
  const probe = makeTree({}, 'slipway-faults-mount-');
  try {
    if (process.env.FAULTS_DISK !== 'seam' && run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe])) {
      run('umount', [probe]);
      return 'tmpfs';
    }
  } finally {
    removeTree(probe);
  }
  process.stderr.write(
    `\n*** fault 6 fills no real disk here: mounting a tmpfs needs root${process.env.FAULTS_DISK === 'seam' ? ' (and FAULTS_DISK=seam asks for the seam)' : ''}, ` +
      `so ENOSPC is injected at the ledger's write seam (writeFileAtomic) instead. ***\n\n`,
  );
  return 'seam';
}

/** Mounts a 256 KiB tmpfs on `dir` (created), with `dir/releases` bind-mounted onto a real folder under `root`. */
export function tmpfsDisk(dir: string, root: string): FullDisk {
  mkdirSync(dir, { recursive: true });
  if (!run('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dir]))
    throw new Error(`cannot mount a tmpfs on ${dir}`);
  const releases = join(dir, 'releases');
  const onDisk = join(root, 'releases-on-disk');
  mkdirSync(releases);
  mkdirSync(onDisk);
  if (!run('mount', ['--bind', onDisk, releases])) {
    run('umount', [dir]);
    throw new Error(`cannot bind-mount ${onDisk} on ${releases}`);
  }
  const filler = join(dir, 'filler');
  return {
    mechanism: 'tmpfs',
    fill(pages) {
      const { bavail, bsize } = statfsSync(dir);
      if (bavail <= pages) throw new Error(`test bug: only ${bavail} pages are free on ${dir}`);
      writeFileSync(filler, Buffer.alloc((bavail - pages) * bsize));
      const left = statfsSync(dir).bavail;
      if (left !== pages) throw new Error(`test bug: filling ${dir} left ${left} pages free, not ${pages}`);
    },
    free: () => rmSync(filler, { force: true }),
    unmount() {
      // A lazy unmount should anything still hold a file there; the folder is removed after.
      for (const target of [releases, dir]) if (!run('umount', [target])) run('umount', ['-l', target]);
    },
  };
}

let armed: string | undefined;

/** ENOSPC for writes under `dir` while filled. Needs injectEnospc() before the deploy code is imported. */
export function seamDisk(dir: string): FullDisk {
  mkdirSync(dir, { recursive: true });
  return {
    mechanism: 'seam',
    fill: () => void (armed = dir),
    free: () => void (armed = undefined),
    unmount: () => {},
  };
}

/** The error Node gives for a write to a full disk. */
function enospc(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), {
    code: 'ENOSPC',
    errno: -28,
    syscall: 'write',
  });
}

/**
 * Replaces action-kit's atomic writes with the same steps (temporary file, fsync, rename) that
 * fail with ENOSPC under an armed folder. Jest cannot hand a module factory the module it
 * replaces, so the few lines are repeated here. Call before importing anything that writes.
 */
export function injectEnospc(): void {
  jest.unstable_mockModule('../../packages/action-kit/src/atomic.js', async () => {
    const { randomBytes } = await import('node:crypto');
    const { mkdir, open, rename, rm } = await import('node:fs/promises');
    const { basename, dirname } = await import('node:path');
    const pendingFile = (path: string) => {
      const tempPath = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      return {
        tempPath,
        async commit() {
          const fh = await open(tempPath, 'r+');
          await fh.sync().finally(() => fh.close());
          await rename(tempPath, path);
        },
        abort: () => rm(tempPath, { force: true }),
      };
    };
    const writeFileAtomic = async (path: string, data: string | Uint8Array): Promise<void> => {
      if (armed && path.startsWith(`${armed}/`)) throw enospc();
      await mkdir(dirname(path), { recursive: true });
      const pending = pendingFile(path);
      try {
        const fh = await open(pending.tempPath, 'wx', 0o644);
        await fh.writeFile(data).finally(() => fh.close());
        await pending.commit();
      } catch (err) {
        await pending.abort();
        throw err;
      }
    };
    return { pendingFile, writeFileAtomic };
  });
}
