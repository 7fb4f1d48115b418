import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readUserFile, UserError } from '@slipway/action-kit/lite';
import { check } from '../validate.js';
import { osvKey, type OsvRecord } from './osv.js';
import { osvRecordSchema } from './osv-schema.js';
import { readZip, type ZipLimits } from './zip.js';

/** The most bytes one OSV record file may have: records are usually a few KiB, so 4 MiB leaves a wide margin. */
const MAX_RECORD_BYTES = 4 * 1024 * 1024;

const DB_HINT = 'Give a folder of OSV JSON records or all.zip files, or leave it empty to query the OSV API.';

/**
 * A cheap look before parsing: does the record's text name any wanted package? Most records of
 * a full database are about other packages, and JSON.parse is the expensive part.
 */
function mentionsWanted(text: string, wanted: Set<string>): boolean {
  const eco = /"ecosystem"\s*:\s*"([^"]+)"/g;
  const names = [...text.matchAll(/"name"\s*:\s*"([^"]+)"/g)].map((m) => m[1]!);
  const ecos = [...text.matchAll(eco)].map((m) => m[1]!);
  return ecos.some((e) => names.some((n) => wanted.has(osvKey(e, n))));
}

/** Records by package key, holding only those that mention a package we look for. */
export type OsvIndex = Map<string, OsvRecord[]>;

function keep(record: OsvRecord, wanted: Set<string>, index: OsvIndex): void {
  const keys = new Set<string>();
  for (const a of record.affected ?? [])
    if (a.package?.ecosystem && a.package.name) keys.add(osvKey(a.package.ecosystem, a.package.name));
  for (const key of keys) {
    if (!wanted.has(key)) continue;
    const list = index.get(key) ?? [];
    list.push(record);
    index.set(key, list);
  }
}

/** One record, checked against the OSV schema; a broken one is a warning naming it, and skipped. */
function parseRecord(text: string, where: string, warn: (m: string) => void): OsvRecord | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    warn(`${where} is not valid JSON (${(err as Error).message}); skipped`);
    return undefined;
  }
  const checked = check(osvRecordSchema, doc);
  if (checked.ok) return checked.value;
  warn(`${where} is not an OSV record (${checked.problem}); skipped`);
  return undefined;
}

/** Options for reading offline OSV data. */
export interface OsvDbOptions {
  /** Limits on the inflated size of all.zip entries. */
  zip?: ZipLimits;
}

/**
 * Loads offline OSV data: a folder of OSV JSON records (searched recursively) and/or the
 * per-ecosystem `all.zip` files OSV publishes. Streams through every record and keeps only those
 * that name a wanted package, so memory follows the findings, not the database. `records` counts
 * what was read; 0 means nothing could be checked, which the caller must not pass off as clean.
 */
export async function loadOsvDb(
  path: string,
  wanted: Set<string>,
  warn: (m: string) => void,
  options: OsvDbOptions = {},
): Promise<{ index: OsvIndex; records: number }> {
  const index: OsvIndex = new Map();
  let records = 0;
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT' || code === 'ENOTDIR' ? `'${path}' does not exist.` : `'${path}' cannot be read (${code}).`,
      { input: 'osv-db' },
      DB_HINT,
    );
  }
  const files = st.isDirectory() ? walk(path) : [path];
  for (const file of files) {
    if (file.endsWith('.json')) {
      const text = readUserFile(file, {
        maxBytes: MAX_RECORD_BYTES,
        subject: { input: 'osv-db' },
        what: 'the OSV record',
      }).toString('utf8');
      const rec = parseRecord(text, file, warn);
      if (rec) {
        records++;
        keep(rec, wanted, index);
      }
    } else if (file.endsWith('.zip')) {
      try {
        for (const entry of readZip(file, (name) => name.endsWith('.json'), options.zip)) {
          records++;
          const text = entry.data.toString('utf8');
          if (!mentionsWanted(text, wanted)) continue;
          const rec = parseRecord(text, `${file}!/${entry.name}`, warn);
          if (rec) keep(rec, wanted, index);
        }
      } catch (err) {
        throw new UserError(`${file} is not a readable zip: ${(err as Error).message}.`, { input: 'osv-db' });
      }
    }
  }
  return { index, records };
}

/** Every regular file under a folder, in name order; links and special files are left out. */
function walk(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    throw new UserError(`the folder ${dir} cannot be read (${(err as NodeJS.ErrnoException).code}).`, {
      input: 'osv-db',
    });
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}
