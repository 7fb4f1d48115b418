// POSIX (ustar + pax) tar headers, written the way `tar --format=posix --sort=name
// --owner=0 --group=0 --numeric-owner --mtime=@N` would, minus the atime/ctime pax noise.

/** The entry types the archive holds. */
export type EntryType = 'file' | 'dir' | 'symlink';

/** One archive entry as headers describe it. */
export interface HeaderFields {
  /** POSIX path, relative, without a trailing slash. */
  path: string;
  type: EntryType;
  mode: number;
  size: number;
  mtime: number;
  linkTarget?: string;
}

const BLOCK = 512;
const TYPE_FLAG: Record<EntryType, string> = { file: '0', dir: '5', symlink: '2' };

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function writeString(buf: Buffer, text: string, offset: number, length: number): void {
  buf.write(text, offset, Math.min(length, Buffer.byteLength(text)), 'utf8');
}

/** Splits a path into ustar prefix and name, or returns undefined when it cannot fit. */
export function splitUstarPath(path: string): { prefix: string; name: string } | undefined {
  if (Buffer.byteLength(path) <= 100) return { prefix: '', name: path };
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name !== '') return { prefix, name };
  }
  return undefined;
}

function ustarHeader(
  fields: HeaderFields,
  name: string,
  prefix: string,
  typeflag: string,
  size: number,
  linkname: string,
): Buffer {
  const buf = Buffer.alloc(BLOCK, 0);
  writeString(buf, name, 0, 100);
  writeString(buf, octal(fields.mode, 8), 100, 8);
  writeString(buf, octal(0, 8), 108, 8);
  writeString(buf, octal(0, 8), 116, 8);
  writeString(buf, octal(size, 12), 124, 12);
  writeString(buf, octal(fields.mtime, 12), 136, 12);
  buf.fill(0x20, 148, 156);
  buf.write(typeflag, 156, 1, 'ascii');
  writeString(buf, linkname, 157, 100);
  buf.write('ustar\0', 257, 6, 'ascii');
  buf.write('00', 263, 2, 'ascii');
  writeString(buf, octal(0, 8), 329, 8);
  writeString(buf, octal(0, 8), 337, 8);
  writeString(buf, prefix, 345, 155);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += buf[i]!;
  writeString(buf, sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return buf;
}

/** One pax record: `<length> <key>=<value>\n`, where length counts itself. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body) + 1;
  while (String(len).length + Buffer.byteLength(body) !== len) len = String(len).length + Buffer.byteLength(body);
  return `${len}${body}`;
}

/** The padding that brings a size up to a whole block. */
export function padding(size: number): Buffer {
  const rest = size % BLOCK;
  return rest === 0 ? Buffer.alloc(0) : Buffer.alloc(BLOCK - rest, 0);
}

/**
 * The header blocks for an entry: a pax header first only when the path, link target or size
 * does not fit ustar, then the ustar header. Same input, same bytes.
 */
export function headerBlocks(fields: HeaderFields): Buffer[] {
  const fullPath = fields.type === 'dir' ? `${fields.path}/` : fields.path;
  const split = splitUstarPath(fullPath);
  const linkname = fields.linkTarget ?? '';
  const size = fields.type === 'file' ? fields.size : 0;
  const records: string[] = [];
  if (!split) records.push(paxRecord('path', fullPath));
  if (Buffer.byteLength(linkname) > 100) records.push(paxRecord('linkpath', linkname));
  if (size > 0o77777777777) records.push(paxRecord('size', String(size)));
  const blocks: Buffer[] = [];
  if (records.length > 0) {
    const pax = Buffer.from(records.join(''), 'utf8');
    const base = fullPath.replace(/\/$/, '').split('/').pop()!.slice(0, 80);
    blocks.push(
      ustarHeader({ ...fields, mode: 0o644 }, `PaxHeaders/${base}`, '', 'x', pax.length, ''),
      pax,
      padding(pax.length),
    );
  }
  const name = split?.name ?? fullPath.slice(-100);
  blocks.push(
    ustarHeader(
      fields,
      Buffer.byteLength(name) > 100 ? name.slice(-100) : name,
      split?.prefix ?? '',
      TYPE_FLAG[fields.type],
      size > 0o77777777777 ? 0 : size,
      linkname.slice(0, 100),
    ),
  );
  return blocks;
}

/** The end of an archive: two zero blocks, then zero padding to tar's 10 KiB record size. */
export function trailer(bytesSoFar: number): Buffer {
  const withEnd = bytesSoFar + 2 * BLOCK;
  const record = 20 * BLOCK;
  const total = Math.ceil(withEnd / record) * record;
  return Buffer.alloc(total - bytesSoFar, 0);
}

export const TAR_BLOCK = BLOCK;
