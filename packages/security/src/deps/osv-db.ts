import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '@slipway/action-kit/lite';
import { osvKey, type OsvRecord } from './osv.js';
import { readZip } from './zip.js';

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

function parseRecord(text: string, where: string, warn: (m: string) => void): OsvRecord | undefined {
  try {
    const doc = JSON.parse(text) as OsvRecord;
    return typeof doc?.id === 'string' ? doc : undefined;
  } catch (err) {
    warn(`${where} is not valid JSON (${(err as Error).message}); skipped`);
    return undefined;
  }
}

/**
 * Loads offline OSV data: a folder of OSV JSON records (searched recursively) and/or the
 * per-ecosystem `all.zip` files OSV publishes. Streams through every record and keeps only those
 * that name a wanted package, so memory follows the findings, not the database.
 */
export async function loadOsvDb(
  path: string,
  wanted: Set<string>,
  warn: (m: string) => void,
): Promise<{ index: OsvIndex; records: number }> {
  const index: OsvIndex = new Map();
  let records = 0;
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new UserError(
      `'${path}' does not exist.`,
      { input: 'osv-db' },
      'Give a folder of OSV JSON records or all.zip files, or leave it empty to query the OSV API.',
    );
  }
  const files = st.isDirectory() ? walk(path) : [path];
  for (const file of files) {
    if (file.endsWith('.json')) {
      const rec = parseRecord(readFileSync(file, 'utf8'), file, warn);
      if (rec) {
        records++;
        keep(rec, wanted, index);
      }
    } else if (file.endsWith('.zip')) {
      try {
        for (const entry of readZip(file, (name) => name.endsWith('.json'))) {
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

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}
