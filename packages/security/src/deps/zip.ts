import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/** Limits on what a zip may inflate to: a few kilobytes can claim gigabytes. */
export interface ZipLimits {
  /** The most bytes one entry may inflate to (default 4 MiB, as for a record file: OSV records are usually a few KiB). */
  maxEntryBytes?: number;
  /** The most bytes all entries together may inflate to (default 4 GiB); a bomb of many small entries stops there. */
  maxTotalBytes?: number;
}

/** One file of a zip archive. */
export interface ZipFile {
  name: string;
  data: Buffer;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return buf.subarray(0, done);
}

/**
 * Reads the files of a zip one at a time with positioned reads: the central directory tells
 * where each lives, and each is inflated on its own, so memory holds one record at a time.
 * OSV's all.zip holds tens of thousands of small records; a stream per entry (yauzl) took 15 s
 * for 50,000 of them, this takes well under one.
 */
export function* readZip(
  path: string,
  wanted: (name: string) => boolean = () => true,
  limits: ZipLimits = {},
): Generator<ZipFile> {
  const maxEntry = limits.maxEntryBytes ?? 4 * 1024 * 1024;
  const maxTotal = limits.maxTotalBytes ?? 4 * 1024 * 1024 * 1024;
  // Non-blocking, so that a named pipe cannot hang the open; the type is checked on the descriptor.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  let total = 0;
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error('not a regular file');
    const size = st.size;
    const tailLength = Math.min(size, 65_557);
    const tail = readAt(fd, size - tailLength, tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) throw new Error('no end-of-central-directory record: not a zip file');
    let entries = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || entries === 0xffff) {
      // ZIP64: the locator sits just before the classic record.
      const loc = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x06, 0x07]), eocd);
      if (loc < 0) throw new Error('a ZIP64 archive without its locator');
      const rec = readAt(fd, Number(tail.readBigUInt64LE(loc + 8)), 56);
      entries = Number(rec.readBigUInt64LE(32));
      cdSize = Number(rec.readBigUInt64LE(40));
      cdOffset = Number(rec.readBigUInt64LE(48));
    }
    if (cdOffset + cdSize > size) throw new Error('a central directory that lies past the end of the file');
    const cd = readAt(fd, cdOffset, cdSize);
    let p = 0;
    for (let i = 0; i < entries && p + 46 <= cd.length; i++) {
      if (cd.readUInt32LE(p) !== 0x02014b50) throw new Error('a broken central directory');
      const method = cd.readUInt16LE(p + 10);
      let compressed = cd.readUInt32LE(p + 20);
      let declared = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      let local = cd.readUInt32LE(p + 42);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
      if (compressed === 0xffffffff || local === 0xffffffff) {
        const extra = cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
        for (let e = 0; e + 4 <= extra.length; e += 4 + extra.readUInt16LE(e + 2)) {
          if (extra.readUInt16LE(e) !== 1) continue;
          let q = e + 4;
          if (declared === 0xffffffff) {
            declared = Number(extra.readBigUInt64LE(q));
            q += 8;
          }
          if (compressed === 0xffffffff) {
            compressed = Number(extra.readBigUInt64LE(q));
            q += 8;
          }
          if (local === 0xffffffff) local = Number(extra.readBigUInt64LE(q));
        }
      }
      p += 46 + nameLen + extraLen + commentLen;
      if (name.endsWith('/') || !wanted(name)) continue;
      if (declared > maxEntry) throw new Error(`${name} says it inflates to ${declared} bytes, more than ${maxEntry}`);
      if (local + 30 > size) throw new Error(`${name} starts past the end of the file`);
      const header = readAt(fd, local, 30);
      if (header.readUInt32LE(0) !== 0x04034b50) throw new Error(`${name} has a broken local header`);
      const dataStart = local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      if (dataStart + compressed > size)
        throw new Error(`${name} says it holds ${compressed} compressed bytes, past the end of the file`);
      const raw = readAt(fd, dataStart, compressed);
      const data = method === 0 ? raw : method === 8 ? inflateAtMost(raw, maxEntry, name) : undefined;
      if (!data) throw new Error(`${name} uses compression method ${method}, which is not supported`);
      if (data.length > maxEntry) throw new Error(`${name} inflates to more than ${maxEntry} bytes`);
      total += data.length;
      if (total > maxTotal) throw new Error(`the archive inflates to more than ${maxTotal} bytes`);
      yield { name, data };
    }
  } finally {
    closeSync(fd);
  }
}

/** Inflates one entry, stopping as soon as it passes `max` bytes (whatever its header claims). */
function inflateAtMost(raw: Buffer, max: number, name: string): Buffer {
  try {
    return inflateRawSync(raw, { maxOutputLength: max });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new Error(`${name} inflates to more than ${max} bytes`);
    throw new Error(`${name} does not inflate (${(err as Error).message})`);
  }
}
