// A release given as a folder: its digest, and a copy of it that cannot change under the running
// release. Both read the same walk in the same order, so the copy can prove it holds exactly the
// files the digest describes, even when the folder is being written to meanwhile.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, lstat, mkdir, open, readdir, readlink, symlink, type FileHandle } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { UserError } from '@slipway/action-kit/lite';
import { byteOrder, linkStaysInside } from '@slipway/artifact/verifier';

interface Entry {
  /** Relative, POSIX. */
  path: string;
  kind: 'dir' | 'file' | 'symlink';
  mode: number;
  target?: string;
}

/** Only permission bits count and are copied: setuid, setgid and sticky bits never reach a release. */
const PERMISSION_BITS = 0o777;
/** Folders stay writable by us while the copy fills them; their own modes are applied at the end. */
const WORKING_DIR_MODE = 0o700;

/** `sha256:<hex>` over the folder's sorted paths, kinds, modes and contents (link targets for links), without `.git`. */
export async function folderDigest(root: string): Promise<string> {
  return digestOf(root, await walk(root));
}

/**
 * Copies the folder into `into` (which must not exist) and returns the digest of what was copied;
 * the caller compares it with the digest it named the release by.
 */
export async function copyFolder(root: string, into: string): Promise<string> {
  const entries = await walk(root);
  await mkdir(into, { mode: WORKING_DIR_MODE });
  const digest = await digestOf(root, entries, async (entry) => {
    const dest = join(into, entry.path);
    if (entry.kind === 'file') return open(dest, 'wx', 0o600);
    if (entry.kind === 'dir') await mkdir(dest, { mode: WORKING_DIR_MODE });
    else await symlink(entry.target!, dest);
    return undefined;
  });
  const rootMode = (await lstat(root)).mode & PERMISSION_BITS;
  // Deepest first, so that a read-only folder is closed only after everything inside it is written.
  const dirs = entries.filter((e) => e.kind === 'dir').reverse();
  for (const dir of dirs) await chmod(join(into, dir.path), dir.mode);
  await chmod(into, rootMode);
  return digest;
}

async function digestOf(
  root: string,
  entries: Entry[],
  copy?: (entry: Entry) => Promise<FileHandle | undefined>,
): Promise<string> {
  const hash = createHash('sha256');
  for (const entry of entries) {
    const source = join(root, entry.path);
    const sink = await copy?.(entry);
    // Each line is self-delimiting (NUL-separated, contents by their own hash), so no two trees share a digest input.
    hash.update(`${entry.kind}\0${entry.mode.toString(8).padStart(4, '0')}\0${entry.path}\0`);
    if (entry.kind === 'symlink') hash.update(`${entry.target}\0`);
    if (entry.kind === 'file') hash.update(`${await fileHash(source, sink, entry.mode)}\0`);
  }
  return `sha256:${hash.digest('hex')}`;
}

/** Streams a file once: hashes it, and writes it to `sink` (then gives it its mode) when copying. */
async function fileHash(path: string, sink: FileHandle | undefined, mode: number): Promise<string> {
  const hash: Hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) {
      hash.update(chunk as Buffer);
      if (sink) await sink.write(chunk as Buffer);
    }
    await sink?.chmod(mode);
  } finally {
    await sink?.close();
  }
  return hash.digest('hex');
}

/** Every entry under `root` in byte order of its path, never following links; refuses links that lead out. */
async function walk(root: string): Promise<Entry[]> {
  const entries: Entry[] = [];
  const visit = async (rel: string): Promise<void> => {
    const names = await readdir(rel ? join(root, rel) : root);
    for (const name of names) {
      // A checkout's history is not part of the release, and can be most of its size.
      if (name === '.git') continue;
      const path = rel ? posix.join(rel, name) : name;
      const st = await lstat(join(root, path));
      const mode = st.mode & PERMISSION_BITS;
      if (st.isDirectory()) {
        entries.push({ path, kind: 'dir', mode });
        await visit(path);
      } else if (st.isFile()) {
        entries.push({ path, kind: 'file', mode });
      } else if (st.isSymbolicLink()) {
        const raw = await readlink(join(root, path));
        const target = linkStaysInside(path, raw);
        // Copied as is, it would point at files outside the release, which may change or vanish under it.
        if (target === undefined)
          throw new UserError(
            `the folder ${root} holds a link '${path}' to '${raw}', outside the folder.`,
            { input: 'artifact' },
            'Replace the link with the files it points to, or make it a relative link inside the folder.',
          );
        entries.push({ path, kind: 'symlink', mode: 0o777, target });
      }
      // Sockets, FIFOs and devices are left out: they are never part of what a release runs.
    }
  };
  await visit('');
  return entries.sort((a, b) => byteOrder(a.path, b.path));
}
