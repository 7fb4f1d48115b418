import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { pendingFile } from '@slipway/action-kit/lite';
import { headerBlocks, padding, trailer, type EntryType } from './tar-header.js';

/** An entry to archive; files name the absolute path their bytes come from. */
export interface ArchiveEntry {
  path: string;
  type: EntryType;
  mode: number;
  size: number;
  linkTarget?: string;
  abs?: string;
}

/** One line of the manifest: every file with path, type, size, mode and SHA-256. */
export interface ManifestFile {
  path: string;
  type: EntryType;
  size: number;
  mode: string;
  sha256?: string;
  target?: string;
}

/** What writing an archive produced. */
export interface ArchiveResult {
  /** SHA-256 of the .tar.gz, hex. */
  digest: string;
  size: number;
  files: ManifestFile[];
}

/** Options for writeArchive. */
export interface ArchiveOptions {
  entries: readonly ArchiveEntry[];
  archivePath: string;
  /** Seconds since the epoch, for every entry (source-date-epoch). */
  mtime: number;
  /** gzip level, 1–9; 6 is gzip's default. */
  level?: number;
  /** Called every few MiB with bytes of input read so far. */
  onProgress?: (bytesRead: number) => void;
}

const CHUNK = 256 * 1024;
const BATCH = 1024 * 1024;
const SMALL_FILE = 1024 * 1024;
/** gzip's OS byte for Unix, as `gzip -n` writes it on Linux; zlib would write its build's own. */
const GZIP_OS_UNIX = 3;

/**
 * Streams entries (already sorted) into a reproducible .tar.gz: pax/ustar headers with one mtime,
 * uid/gid 0 and empty owner names; gzip with no name, mtime 0, a fixed level and OS byte. Memory
 * stays flat: file bytes flow through in chunks under back-pressure. The archive appears at its
 * path only when complete.
 */
export async function writeArchive(options: ArchiveOptions): Promise<ArchiveResult> {
  const files: ManifestFile[] = [];
  const archiveHash = createHash('sha256');
  let archiveSize = 0;
  let read = 0;
  let nextProgress = 64 * 1024 * 1024;

  // Many small files make many small pieces (a 512-byte header, a little content, padding):
  // handing each to zlib on its own costs a thread-pool round trip apiece, so pieces are
  // gathered into batches of about a megabyte, and only whole batches are yielded.
  let batch: Buffer[] = [];
  let batchBytes = 0;
  const put = (piece: Buffer): void => {
    batch.push(piece);
    batchBytes += piece.length;
  };
  const take = (): Buffer => {
    const out = batch.length === 1 ? batch[0]! : Buffer.concat(batch, batchBytes);
    batch = [];
    batchBytes = 0;
    return out;
  };
  const progress = (n: number): void => {
    read += n;
    if (options.onProgress && read >= nextProgress) {
      options.onProgress(read);
      nextProgress += 64 * 1024 * 1024;
    }
  };

  async function* tarStream(): AsyncGenerator<Buffer> {
    let offset = 0;
    for (const entry of options.entries) {
      for (const block of headerBlocks({ ...entry, mtime: options.mtime })) {
        offset += block.length;
        put(block);
      }
      const manifestEntry: ManifestFile = {
        path: entry.path,
        type: entry.type,
        size: entry.type === 'file' ? entry.size : 0,
        mode: entry.mode.toString(8).padStart(4, '0'),
      };
      if (entry.type === 'symlink') manifestEntry.target = entry.linkTarget ?? '';
      if (entry.type === 'file') {
        const hash = createHash('sha256');
        if (entry.size <= SMALL_FILE) {
          // One synchronous read: for small files the three thread-pool hops of an async
          // open/read/close cost more than the read itself.
          const data = readFileSync(entry.abs!);
          if (data.length !== entry.size) throw changedSize(entry, data.length);
          hash.update(data);
          progress(data.length);
          put(data);
        } else {
          let got = 0;
          const fh = await open(entry.abs!, 'r');
          try {
            for (;;) {
              const buf = Buffer.allocUnsafe(CHUNK);
              const { bytesRead } = await fh.read(buf, 0, buf.length, null);
              if (bytesRead === 0) break;
              got += bytesRead;
              if (got > entry.size) break;
              const chunk = buf.subarray(0, bytesRead);
              hash.update(chunk);
              progress(bytesRead);
              put(chunk);
              if (batchBytes >= BATCH) yield take();
            }
          } finally {
            await fh.close();
          }
          if (got !== entry.size) throw changedSize(entry, got);
        }
        manifestEntry.sha256 = hash.digest('hex');
        const pad = padding(entry.size);
        offset += entry.size + pad.length;
        if (pad.length) put(pad);
      }
      files.push(manifestEntry);
      if (batchBytes >= BATCH) yield take();
    }
    put(trailer(offset));
    yield take();
  }

  let first = true;
  const digestTap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (first) {
        first = false;
        chunk[9] = GZIP_OS_UNIX;
      }
      archiveHash.update(chunk);
      archiveSize += chunk.length;
      done(null, chunk);
    },
  });

  const pending = pendingFile(options.archivePath);
  try {
    await pipeline(
      Readable.from(tarStream(), { objectMode: false }),
      createGzip({ level: options.level ?? 6 }),
      digestTap,
      createWriteStream(pending.tempPath, { flags: 'wx', mode: 0o644 }),
    );
    await pending.commit();
  } catch (err) {
    await pending.abort();
    throw err;
  }
  return { digest: archiveHash.digest('hex'), size: archiveSize, files };
}

function changedSize(entry: ArchiveEntry, got: number): Error {
  return new Error(`${entry.path} changed size while it was being archived (${entry.size} → ${got} bytes)`);
}
