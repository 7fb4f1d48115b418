import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

/** One entry of a tar stream, with its content to read before asking for the next. */
export interface TarEntry {
  path: string;
  /** The raw typeflag: '0' file, '5' folder, '2' symlink, '1' hard link, '3'/'4' devices, '6' FIFO. */
  typeflag: string;
  mode: number;
  size: number;
  linkname: string;
  /** The entry's bytes (empty for non-files); consume it fully, or the next entry is skipped to. */
  body(): AsyncGenerator<Buffer>;
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

/** Pulls exact byte counts out of a chunked stream. */
class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  private done = false;
  constructor(private readonly it: AsyncIterator<Buffer>) {}
  /** Up to `max` bytes (at least one unless the stream ended). */
  async some(max: number): Promise<Buffer | undefined> {
    if (this.buf.length === 0 && !(await this.fill())) return undefined;
    const n = Math.min(max, this.buf.length);
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }
  /** Exactly `n` bytes, or undefined when the stream ends first. */
  async exact(n: number): Promise<Buffer | undefined> {
    while (this.buf.length < n) if (!(await this.fill())) return undefined;
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }
  /** Skips `n` bytes. */
  async skip(n: number): Promise<void> {
    while (n > 0) {
      const part = await this.some(n);
      if (!part) return;
      n -= part.length;
    }
  }
  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.it.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    this.buf = this.buf.length ? Buffer.concat([this.buf, next.value]) : next.value;
    return true;
  }
}

/** Thrown when the stream ends before the end-of-archive blocks. */
export class TruncatedTarError extends Error {}

/**
 * Reads a .tar.gz stream entry by entry in bounded memory: ustar names with their prefix, pax
 * ('x', and 'g' merged into the next entry) and GNU long names ('L'/'K') are resolved.
 */
export async function* readTarGz(source: Readable): AsyncGenerator<TarEntry> {
  const reader = new ByteReader((source.pipe(createGunzip()) as AsyncIterable<Buffer>)[Symbol.asyncIterator]());
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  for (;;) {
    const block = await reader.exact(BLOCK);
    if (!block) throw new TruncatedTarError('the archive ends before its end-of-archive blocks');
    if (block.every((b) => b === 0)) return;
    const typeflag = String.fromCharCode(block[156]!);
    const size = octalField(block, 124, 12);
    const pad = size % BLOCK === 0 ? 0 : BLOCK - (size % BLOCK);
    if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
      const data = await reader.exact(size);
      if (!data) throw new TruncatedTarError('the archive ends inside an extended header');
      await reader.skip(pad);
      if (typeflag === 'L') longName = cString(data, 0, data.length);
      else if (typeflag === 'K') longLink = cString(data, 0, data.length);
      else pax = { ...pax, ...parsePax(data.toString('utf8')) };
      continue;
    }
    const prefix = cString(block, 345, 155);
    const name = cString(block, 0, 100);
    const entrySize = pax.size !== undefined ? Number(pax.size) : size;
    const entry: Omit<TarEntry, 'body'> = {
      path: pax.path ?? longName ?? (prefix ? `${prefix}/${name}` : name),
      typeflag,
      mode: octalField(block, 100, 8),
      size: entrySize,
      linkname: pax.linkpath ?? longLink ?? cString(block, 157, 100),
    };
    pax = {};
    longName = longLink = undefined;
    const dataSize = typeflag === '0' || typeflag === '\0' || typeflag === '7' ? entrySize : 0;
    let remaining = dataSize;
    async function* body(): AsyncGenerator<Buffer> {
      while (remaining > 0) {
        const part = await reader.some(remaining);
        if (!part) throw new TruncatedTarError(`the archive ends inside ${entry.path}`);
        remaining -= part.length;
        yield part;
      }
    }
    yield { ...entry, body };
    await reader.skip(remaining);
    remaining = 0;
    await reader.skip(dataSize % BLOCK === 0 ? 0 : BLOCK - (dataSize % BLOCK));
  }
}
