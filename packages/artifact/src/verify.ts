import { createHash } from 'node:crypto';
import { createReadStream, realpathSync } from 'node:fs';
import { mkdir, open, readdir, readFile, symlink } from 'node:fs/promises';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import { UserError } from '@slipway/action-kit/lite';
import type { ManifestFile } from './archive.js';
import { parseManifest, type Manifest } from './manifest.js';
import { readTarGz, TruncatedTarError } from './tar-reader.js';

/** What verification checked. */
export interface VerifyResult {
  files: number;
  bytes: number;
  digest: string;
}

/** Options: the archive, its manifest, and optionally a folder to extract into (created if missing, must be empty). */
export interface VerifyOptions {
  archive: string;
  manifest: string;
  into?: string;
}

/** Refusals name the entry, so a person can find it. */
function refuse(entry: string, why: string): UserError {
  return new UserError(
    `artifact entry '${entry}' ${why}.`,
    {},
    'The archive is not what build-artifact produced: do not deploy it.',
  );
}

/**
 * Re-hashes an archive against its manifest and, when `into` is given, extracts it safely. It
 * refuses absolute paths, `..` segments, links that leave the target, hard links, devices and
 * FIFOs, and any entry whose type, mode, size or SHA-256 disagrees with the manifest.
 */
export async function verifyArtifact(options: VerifyOptions): Promise<VerifyResult> {
  const manifest: Manifest = parseManifest(await readFile(options.manifest, 'utf8'), options.manifest);
  const expected = new Map<string, ManifestFile>(manifest.files.map((f) => [f.path, f]));
  const seen = new Set<string>();
  const archiveHash = createHash('sha256');
  const target = options.into ? await prepareTarget(options.into) : undefined;
  let bytes = 0;

  const source = createReadStream(options.archive);
  source.on('data', (chunk) => archiveHash.update(chunk as Buffer));
  try {
    for await (const entry of readTarGz(source)) {
      const path = entry.path.replace(/\/+$/, '');
      if (entry.path.startsWith('/') || isAbsolute(entry.path)) throw refuse(entry.path, 'has an absolute path');
      if (path.split('/').includes('..')) throw refuse(entry.path, 'has a .. segment');
      const t = entry.typeflag;
      const type = t === '5' ? 'dir' : t === '2' ? 'symlink' : t === '0' || t === '\0' || t === '' ? 'file' : undefined;
      if (t === '1') throw refuse(path, 'is a hard link, which build-artifact never writes');
      if (!type) throw refuse(path, `is a device, FIFO or unknown type (${JSON.stringify(t)})`);
      const want = expected.get(path);
      if (!want) throw refuse(path, 'is not in the manifest');
      if (seen.has(path)) throw refuse(path, 'appears twice');
      seen.add(path);
      if (want.type !== type) throw refuse(path, `is a ${type} but the manifest says ${want.type}`);
      const mode = (entry.mode & 0o7777).toString(8).padStart(4, '0');
      if (mode !== want.mode) throw refuse(path, `has mode ${mode} but the manifest says ${want.mode}`);
      const size = type === 'file' ? entry.size : 0;
      if (size !== want.size) throw refuse(path, `is ${size} bytes but the manifest says ${want.size}`);
      if (type === 'symlink') {
        const resolved = posix.normalize(posix.join(posix.dirname(path), entry.linkname));
        if (isAbsolute(entry.linkname) || resolved === '..' || resolved.startsWith('../'))
          throw refuse(path, `links to '${entry.linkname}', outside the artifact`);
        if (entry.linkname !== want.target)
          throw refuse(path, `links to '${entry.linkname}' but the manifest says '${want.target}'`);
      }
      const dest = target ? join(target, ...path.split('/')) : undefined;
      if (target && dest) {
        await assertInside(target, join(dest, '..'), path);
        if (type === 'dir') await mkdir(dest, { recursive: true, mode: 0o755 });
        else if (type === 'symlink') await symlink(entry.linkname, dest);
      }
      if (type !== 'file') continue;
      const hash = createHash('sha256');
      const out = dest ? await open(dest, 'wx', Number.parseInt(want.mode, 8)) : undefined;
      try {
        for await (const part of entry.body()) {
          hash.update(part);
          if (out) await out.write(part);
        }
      } finally {
        await out?.close();
      }
      const digest = hash.digest('hex');
      if (digest !== want.sha256) throw refuse(path, `has SHA-256 ${digest} but the manifest says ${want.sha256}`);
      bytes += want.size;
    }
  } catch (err) {
    if (err instanceof TruncatedTarError) throw refuse('(end)', `is cut short: ${err.message}`);
    throw err;
  }
  const missing = manifest.files.filter((f) => !seen.has(f.path)).map((f) => f.path);
  if (missing.length)
    throw refuse(
      missing[0]!,
      `is in the manifest but not in the archive${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}`,
    );
  const digest = archiveHash.digest('hex');
  if (digest !== manifest.archive.sha256) {
    throw new UserError(
      `the archive's SHA-256 is ${digest} but the manifest says ${manifest.archive.sha256}.`,
      { file: options.archive },
      'The archive was changed after it was built: do not deploy it.',
    );
  }
  return { files: seen.size, bytes, digest };
}

async function prepareTarget(into: string): Promise<string> {
  await mkdir(into, { recursive: true });
  const real = realpathSync(into);
  if ((await readdir(real)).length > 0)
    throw new UserError(`${into} is not empty.`, {}, 'Extract into a new or empty folder.');
  return real;
}

/** Refuses to write where the real parent folder is not inside the target (a planted link). */
async function assertInside(target: string, parent: string, entry: string): Promise<void> {
  let real: string;
  try {
    real = realpathSync(parent);
  } catch {
    return; // does not exist yet: mkdir below it cannot escape, its ancestors were checked
  }
  const rel = relative(target, real);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
    throw refuse(entry, 'would be written through a link that leaves the target folder');
}
