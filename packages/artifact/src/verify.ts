import { createHash } from 'node:crypto';
import { createReadStream, realpathSync } from 'node:fs';
import { mkdir, open, readdir, readFile, symlink, type FileHandle } from 'node:fs/promises';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import { createGunzip } from 'node:zlib';
import { UserError } from '@slipway/action-kit/lite';
import type { ManifestFile } from './archive.js';
import { parseManifest, type Manifest } from './manifest.js';

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

interface RawHeader {
  path: string;
  typeflag: string;
  mode: number;
  size: number;
  linkname: string;
}

const BLOCK = 512;

function cString(buf: Buffer, start: number, length: number): string {
  const end = buf.indexOf(0, start);
  return buf.toString('utf8', start, end < 0 || end > start + length ? start + length : end);
}

function octalField(buf: Buffer, start: number, length: number): number {
  const text = cString(buf, start, length).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function parsePax(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < text.length) {
    const space = text.indexOf(' ', i);
    const len = Number(text.slice(i, space));
    if (!Number.isFinite(len) || len <= 0) break;
    const record = text.slice(space + 1, i + len - 1);
    const eq = record.indexOf('=');
    out[record.slice(0, eq)] = record.slice(eq + 1);
    i += len;
  }
  return out;
}

/** Refusals name the entry, so a person can find it. */
function refuse(entry: string, why: string): UserError {
  return new UserError(`artifact entry '${entry}' ${why}.`, {}, 'The archive is not what build-artifact produced: do not deploy it.');
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

  let pending: Buffer = Buffer.alloc(0);
  let header: RawHeader | undefined;
  let remaining = 0;
  let padRemaining = 0;
  let fileHash = createHash('sha256');
  let out: FileHandle | undefined;
  let pax: Record<string, string> = {};
  let paxBuf: Buffer[] | undefined;
  let longName: Buffer[] | undefined;
  let longNameText: string | undefined;
  let ended = false;
  let bytes = 0;

  const source = createReadStream(options.archive);
  source.on('data', (chunk) => archiveHash.update(chunk as Buffer));
  const gunzip = source.pipe(createGunzip());

  const startEntry = async (h: RawHeader): Promise<void> => {
    const path = h.path.replace(/\/+$/, '');
    if (h.path.startsWith('/') || isAbsolute(h.path)) throw refuse(h.path, 'has an absolute path');
    if (path.split('/').includes('..')) throw refuse(h.path, 'has a .. segment');
    const type =
      h.typeflag === '5' ? 'dir' : h.typeflag === '2' ? 'symlink' : h.typeflag === '0' || h.typeflag === '\0' || h.typeflag === '' ? 'file' : undefined;
    if (h.typeflag === '1') throw refuse(path, 'is a hard link, which build-artifact never writes');
    if (!type) throw refuse(path, `is a device, FIFO or unknown type (${JSON.stringify(h.typeflag)})`);
    const want = expected.get(path);
    if (!want) throw refuse(path, 'is not in the manifest');
    if (seen.has(path)) throw refuse(path, 'appears twice');
    seen.add(path);
    if (want.type !== type) throw refuse(path, `is a ${type} but the manifest says ${want.type}`);
    const mode = (h.mode & 0o7777).toString(8).padStart(4, '0');
    if (mode !== want.mode) throw refuse(path, `has mode ${mode} but the manifest says ${want.mode}`);
    const size = type === 'file' ? h.size : 0;
    if (size !== want.size) throw refuse(path, `is ${size} bytes but the manifest says ${want.size}`);
    if (type === 'symlink') {
      const resolved = posix.normalize(posix.join(posix.dirname(path), h.linkname));
      if (isAbsolute(h.linkname) || resolved === '..' || resolved.startsWith('../')) throw refuse(path, `links to '${h.linkname}', outside the artifact`);
      if (h.linkname !== want.target) throw refuse(path, `links to '${h.linkname}' but the manifest says '${want.target}'`);
    }
    if (!target) return;
    const dest = join(target, ...path.split('/'));
    await assertInside(target, join(dest, '..'), path);
    if (type === 'dir') await mkdir(dest, { recursive: true, mode: 0o755 });
    else if (type === 'symlink') await symlink(h.linkname, dest);
    else out = await open(dest, 'wx', Number.parseInt(want.mode, 8));
  };

  const finishFile = async (): Promise<void> => {
    if (!header) return;
    const path = header.path.replace(/\/+$/, '');
    const want = expected.get(path)!;
    if (want.type === 'file') {
      const digest = fileHash.digest('hex');
      if (digest !== want.sha256) throw refuse(path, `has SHA-256 ${digest} but the manifest says ${want.sha256}`);
      bytes += want.size;
    }
    if (out) {
      await out.close();
      out = undefined;
    }
    header = undefined;
  };

  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length > 0 && !ended) {
        if (remaining > 0) {
          const take = Math.min(remaining, pending.length);
          const part = pending.subarray(0, take);
          if (paxBuf) paxBuf.push(Buffer.from(part));
          else if (longName) longName.push(Buffer.from(part));
          else {
            fileHash.update(part);
            if (out) await out.write(part);
          }
          remaining -= take;
          pending = pending.subarray(take);
          if (remaining === 0) {
            if (paxBuf) {
              pax = { ...pax, ...parsePax(Buffer.concat(paxBuf).toString('utf8')) };
              paxBuf = undefined;
            } else if (longName) {
              longNameText = cString(Buffer.concat(longName), 0, Number.MAX_SAFE_INTEGER);
              longName = undefined;
            } else await finishFile();
          }
          continue;
        }
        if (padRemaining > 0) {
          const take = Math.min(padRemaining, pending.length);
          padRemaining -= take;
          pending = pending.subarray(take);
          continue;
        }
        if (pending.length < BLOCK) break;
        const block = pending.subarray(0, BLOCK);
        pending = pending.subarray(BLOCK);
        if (block.every((b) => b === 0)) {
          ended = true;
          break;
        }
        const typeflag = String.fromCharCode(block[156]!);
        const size = octalField(block, 124, 12);
        const pad = size % BLOCK === 0 ? 0 : BLOCK - (size % BLOCK);
        if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L') {
          remaining = size;
          padRemaining = pad;
          // pax ('x' per entry, 'g' global) and GNU long names ('L') describe the next entry.
          if (size > 0 && typeflag === 'L') longName = [];
          else if (size > 0) paxBuf = [];
          continue;
        }
        const prefix = cString(block, 345, 155);
        const name = cString(block, 0, 100);
        const h: RawHeader = {
          path: pax.path ?? longNameText ?? (prefix ? `${prefix}/${name}` : name),
          typeflag,
          mode: octalField(block, 100, 8),
          size: pax.size !== undefined ? Number(pax.size) : size,
          linkname: pax.linkpath ?? cString(block, 157, 100),
        };
        pax = {};
        longNameText = undefined;
        header = h;
        fileHash = createHash('sha256');
        await startEntry(h);
        const dataSize = h.typeflag === '0' || h.typeflag === '\0' ? h.size : 0;
        remaining = dataSize;
        padRemaining = dataSize % BLOCK === 0 ? 0 : BLOCK - (dataSize % BLOCK);
        if (dataSize === 0) await finishFile();
      }
    }
  } finally {
    if (out) await out.close();
  }
  if (!ended) throw refuse(header?.path ?? '(end)', 'is cut short: the archive ends before its end-of-archive blocks');
  const missing = manifest.files.filter((f) => !seen.has(f.path)).map((f) => f.path);
  if (missing.length) throw refuse(missing[0]!, `is in the manifest but not in the archive${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}`);
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
  if ((await readdir(real)).length > 0) throw new UserError(`${into} is not empty.`, {}, 'Extract into a new or empty folder.');
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
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw refuse(entry, 'would be written through a link that leaves the target folder');
}
