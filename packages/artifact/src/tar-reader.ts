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

/** Bounds on what a stream may make the reader hold or inflate; every one is optional. */
export interface TarLimits {
  /** The most bytes one entry may declare (a pax `size` of 8 GiB is refused before any is read). */
  maxEntryBytes?: number;
  /** The most bytes the whole stream may inflate to: a gzip bomb stops here. */
  maxTotalBytes?: number;
  /** The most bytes one extended header (pax, GNU long name) may hold, since it is read into memory. */
  maxHeaderBytes?: number;
}

const BLOCK = 512;
/** Extended headers are held in memory whole: a path and a link target fit in far less. */
const DEFAULT_HEADER_BYTES = 1024 * 1024;

/** The stream is not a well-formed .tar.gz: not gzip, corrupt, or a header that makes no sense. */
export class BadTarError extends Error {}

/** Thrown when the stream ends before the end-of-archive blocks. */
export class TruncatedTarError extends BadTarError {}

/** Thrown when the stream declares or inflates to more than its limits allow. */
class TarLimitError extends BadTarError {}

function cString(buf: Buffer, start: number, length: number): string {
  const end = buf.indexOf(0, start);
  return buf.toString('utf8', start, end < 0 || end > start + length ? start + length : end);
}

/** An octal field, or GNU's base-256 form (high bit set) for sizes past 8 GiB. */
function numericField(buf: Buffer, start: number, length: number, what: string): number {
  if (buf[start]! & 0x80) {
    let n = buf[start]! & 0x7f;
    for (let i = start + 1; i < start + length; i++) n = n * 256 + buf[i]!;
    if (!Number.isSafeInteger(n)) throw new BadTarError(`a header's ${what} is out of range`);
    return n;
  }
  const text = cString(buf, start, length).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text))
    throw new BadTarError(`a header's ${what} is not an octal number (${JSON.stringify(text)})`);
  return parseInt(text, 8);
}

/** True when the header's checksum field matches its bytes (unsigned, or the signed sum old tars wrote). */
function checksumOk(block: Buffer): boolean {
  const stored = cString(block, 148, 8).trim();
  if (!/^[0-7]+$/.test(stored)) return false;
  const want = parseInt(stored, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : block[i]!;
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  return want === unsigned || want === signed;
}

function parsePax(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < text.length) {
    const space = text.indexOf(' ', i);
    const len = Number(text.slice(i, space));
    if (space < 0 || !Number.isSafeInteger(len) || len <= space - i + 1 || i + len > text.length)
      throw new BadTarError('a pax extended header is malformed');
    const record = text.slice(space + 1, i + len - 1);
    const eq = record.indexOf('=');
    if (eq <= 0) throw new BadTarError('a pax extended header record has no key');
    out[record.slice(0, eq)] = record.slice(eq + 1);
    i += len;
  }
  return out;
}

/** A pax `size`, which must be a plain decimal: anything else would be read as NaN or a fraction. */
function paxSize(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,16}$/.test(value) || !Number.isSafeInteger(Number(value)))
    throw new BadTarError(`a pax size is not a whole number (${JSON.stringify(value.slice(0, 40))})`);
  return Number(value);
}

/** Pulls exact byte counts out of a chunked stream, counting what it inflates. */
class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  private done = false;
  private total = 0;
  constructor(
    private readonly it: AsyncIterator<Buffer>,
    private readonly maxTotal: number,
  ) {}
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
    let next: IteratorResult<Buffer>;
    try {
      next = await this.it.next();
    } catch (err) {
      // zlib's own words ("incorrect header check", "unexpected end of file") name the problem.
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (code.startsWith('Z_') || code.startsWith('ERR_ZLIB'))
        throw new BadTarError(`it is not a readable gzip stream (${(err as Error).message})`);
      throw err;
    }
    if (next.done) {
      this.done = true;
      return false;
    }
    this.total += next.value.length;
    if (this.total > this.maxTotal)
      throw new TarLimitError(`it inflates to more than ${this.maxTotal} bytes, more than its contents can explain`);
    this.buf = this.buf.length ? Buffer.concat([this.buf, next.value]) : next.value;
    return true;
  }
}

/**
 * Reads a .tar.gz stream entry by entry in bounded memory: ustar names with their prefix, pax
 * ('x', and 'g' merged into the next entry) and GNU long names ('L'/'K') are resolved. Header
 * checksums are checked, and `limits` bound what a hostile stream can make it hold or inflate.
 */
export async function* readTarGz(source: Readable, limits: TarLimits = {}): AsyncGenerator<TarEntry> {
  const maxEntry = limits.maxEntryBytes ?? Number.MAX_SAFE_INTEGER;
  const maxHeader = limits.maxHeaderBytes ?? DEFAULT_HEADER_BYTES;
  const gunzip = createGunzip();
  // pipe() does not carry the source's errors (a missing file) to the gunzip side: carry them.
  source.on('error', (err) => gunzip.destroy(err));
  const reader = new ByteReader(
    (source.pipe(gunzip) as AsyncIterable<Buffer>)[Symbol.asyncIterator](),
    limits.maxTotalBytes ?? Number.MAX_SAFE_INTEGER,
  );
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  let first = true;
  for (;;) {
    const block = await reader.exact(BLOCK);
    if (!block)
      throw first
        ? new TruncatedTarError('it holds no tar entries at all')
        : new TruncatedTarError('the archive ends before its end-of-archive blocks');
    first = false;
    if (block.every((b) => b === 0)) return;
    if (!checksumOk(block)) throw new BadTarError('a tar header is corrupt (its checksum does not match)');
    const typeflag = String.fromCharCode(block[156]!);
    const size = numericField(block, 124, 12, 'size');
    if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
      if (size > maxHeader)
        throw new TarLimitError(`an extended header declares ${size} bytes, more than the ${maxHeader} allowed`);
      const data = await reader.exact(size);
      if (!data) throw new TruncatedTarError('the archive ends inside an extended header');
      await reader.skip(size % BLOCK === 0 ? 0 : BLOCK - (size % BLOCK));
      if (typeflag === 'L') longName = cString(data, 0, data.length);
      else if (typeflag === 'K') longLink = cString(data, 0, data.length);
      else pax = { ...pax, ...parsePax(data.toString('utf8')) };
      continue;
    }
    const prefix = cString(block, 345, 155);
    const name = cString(block, 0, 100);
    const entrySize = paxSize(pax.size, size);
    const entry: Omit<TarEntry, 'body'> = {
      path: pax.path ?? longName ?? (prefix ? `${prefix}/${name}` : name),
      typeflag,
      mode: numericField(block, 100, 8, 'mode'),
      size: entrySize,
      linkname: pax.linkpath ?? longLink ?? cString(block, 157, 100),
    };
    pax = {};
    longName = longLink = undefined;
    const dataSize = typeflag === '0' || typeflag === '\0' || typeflag === '7' ? entrySize : 0;
    if (dataSize > maxEntry)
      throw new TarLimitError(
        `${entry.path} declares ${dataSize} bytes, more than the ${maxEntry} the archive's size can hold`,
      );
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
