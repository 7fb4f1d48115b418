import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { isAbsolute } from 'node:path';
import { readUserFile, UserError } from '@slipway/action-kit/lite';
import { Extraction, ExtractRefusal } from './extract.js';
import { linkTargetInside } from './link-rule.js';
import { parseManifest, type ParsedManifest } from './manifest.js';
import { BadTarError, readTarGz, type TarEntry, type TarLimits } from './tar-reader.js';

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

type ManifestEntry = ParsedManifest['files'][number];

/** A manifest lists every file; even a huge release's stays far below this. */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;
/** deflate cannot expand data more than about 1032 to 1: past that, the sizes are lies. */
const MAX_DEFLATE_RATIO = 1032;
/** Room per entry for its headers: a ustar block, a pax block and a pax body with a long path and target. */
const HEADER_BUDGET = 3 * 512 + 64 * 1024;
/** tar pads the end of an archive to a 10 KiB record. */
const TRAILER_BUDGET = 20 * 512;

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
 * refuses absolute paths, `..` segments, links that could lead out of the target, anything under
 * such a link, hard links, devices and FIFOs, and any entry whose type, mode, size or SHA-256
 * disagrees with the manifest. A refused archive leaves nothing in `into`.
 */
export async function verifyArtifact(options: VerifyOptions): Promise<VerifyResult> {
  const manifest = parseManifest(
    readUserFile(options.manifest, {
      maxBytes: MAX_MANIFEST_BYTES,
      subject: { file: options.manifest },
      what: 'the manifest',
    }).toString('utf8'),
    options.manifest,
  );
  const { handle, size } = await openArchive(options.archive);
  let extraction: Extraction | undefined;
  try {
    extraction = options.into ? await Extraction.begin(options.into) : undefined;
    const result = await check(manifest, handle, limitsFor(manifest, size), options.archive, extraction);
    await extraction?.commit();
    return result;
  } catch (err) {
    await extraction?.abort();
    throw err;
  } finally {
    await handle.close().catch(() => {});
  }
}

/** Bounds from what the archive can hold (its real size) and what the manifest says it holds. */
function limitsFor(manifest: ParsedManifest, archiveBytes: number): TarLimits {
  const physical = archiveBytes * MAX_DEFLATE_RATIO + 64 * 1024;
  const listed = manifest.files.reduce((sum, f) => sum + Math.ceil(f.size / 512) * 512 + HEADER_BUDGET, 0);
  return {
    maxEntryBytes: physical,
    maxTotalBytes: Math.min(physical, listed + HEADER_BUDGET + TRAILER_BUDGET),
    maxHeaderBytes: 64 * 1024,
  };
}

async function openArchive(path: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT' ? 'the archive does not exist.' : `the archive cannot be opened (${code ?? 'unknown error'}).`,
      { file: path },
      'Check the archive path.',
    );
  }
  const st = await handle.stat();
  if (!st.isFile()) {
    await handle.close();
    throw new UserError(
      `the archive is ${st.isDirectory() ? 'a folder' : 'not a regular file'}.`,
      { file: path },
      'Name the .tar.gz that build-artifact wrote.',
    );
  }
  return { handle, size: st.size };
}

async function check(
  manifest: ParsedManifest,
  handle: FileHandle,
  limits: TarLimits,
  archivePath: string,
  extraction: Extraction | undefined,
): Promise<VerifyResult> {
  const expected = new Map<string, ManifestEntry>(manifest.files.map((f) => [f.path, f]));
  const seen = new Set<string>();
  const archiveHash = createHash('sha256');
  let bytes = 0;
  const source = handle.createReadStream({ autoClose: false, start: 0 });
  source.on('data', (chunk) => archiveHash.update(chunk as Buffer));
  try {
    for await (const entry of readTarGz(source, limits)) {
      const { path, type, want } = checkHeader(entry, expected, seen);
      try {
        if (type === 'dir') await extraction?.dir(path, entry.mode);
        else if (type === 'symlink') await extraction?.symlink(path, entry.linkname);
        else bytes += await copyFile(entry.body(), path, want, await extraction?.file(path, entry.mode));
      } catch (err) {
        if (err instanceof ExtractRefusal) throw refuse(path, err.message);
        throw err;
      }
    }
    // The tar stream ends at its end-of-archive blocks; whatever follows must be hashed too.
    if (!source.readableEnded) {
      source.unpipe();
      source.resume();
      await finished(source);
    }
  } catch (err) {
    if (err instanceof BadTarError)
      throw new UserError(
        `is not a readable build-artifact archive: ${err.message}.`,
        { file: archivePath },
        'It is truncated, corrupt or not a .tar.gz: do not deploy it.',
      );
    throw err;
  } finally {
    // A refusal stops reading mid-stream: stop the read before the caller closes the file.
    source.destroy();
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
      { file: archivePath },
      'The archive was changed after it was built: do not deploy it.',
    );
  }
  return { files: seen.size, bytes, digest };
}

/** Checks an entry's header against the safety rules and its manifest line, before any of it is written. */
function checkHeader(
  entry: TarEntry,
  expected: Map<string, ManifestEntry>,
  seen: Set<string>,
): { path: string; type: ManifestEntry['type']; want: ManifestEntry } {
  const path = entry.path.replace(/\/+$/, '');
  if (entry.path.startsWith('/') || isAbsolute(entry.path)) throw refuse(entry.path, 'has an absolute path');
  const segments = path.split('/');
  if (segments.includes('..')) throw refuse(entry.path, 'has a .. segment');
  if (segments.some((s) => s === '' || s === '.')) throw refuse(entry.path, 'has an empty or . segment');
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
  if (type === 'symlink' && !linkTargetInside(path, entry.linkname))
    throw refuse(path, `links to '${entry.linkname}', outside the artifact or by a path that could lead out of it`);
  if (type === 'symlink' && entry.linkname !== want.target)
    throw refuse(path, `links to '${entry.linkname}' but the manifest says '${want.target}'`);
  return { path, type, want };
}

/** Hashes a file's bytes (writing them out when extracting) and checks them against the manifest. */
async function copyFile(
  body: AsyncGenerator<Buffer>,
  path: string,
  want: ManifestEntry,
  out: FileHandle | undefined,
): Promise<number> {
  const hash = createHash('sha256');
  try {
    for await (const part of body) {
      hash.update(part);
      if (out) await out.write(part);
    }
  } finally {
    await out?.close();
  }
  const digest = hash.digest('hex');
  if (digest !== want.sha256) throw refuse(path, `has SHA-256 ${digest} but the manifest says ${want.sha256}`);
  return want.size;
}
