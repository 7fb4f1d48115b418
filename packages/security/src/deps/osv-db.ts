import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Entry } from 'yauzl';
import { UserError } from '@slipway/action-kit/lite';
import { osvKey, type OsvRecord } from './osv.js';

/** Records by package key, holding only those that mention a package we look for. */
export type OsvIndex = Map<string, OsvRecord[]>;

function keep(record: OsvRecord, wanted: Set<string>, index: OsvIndex): void {
  const keys = new Set<string>();
  for (const a of record.affected ?? []) if (a.package?.ecosystem && a.package.name) keys.add(osvKey(a.package.ecosystem, a.package.name));
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
export async function loadOsvDb(path: string, wanted: Set<string>, warn: (m: string) => void): Promise<{ index: OsvIndex; records: number }> {
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
      records += await readZip(file, (text, name) => {
        const rec = parseRecord(text, `${file}!/${name}`, warn);
        if (rec) keep(rec, wanted, index);
        return rec !== undefined;
      });
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

/** Reads each .json entry of a zip in turn (never the whole archive at once). */
async function readZip(file: string, onEntry: (text: string, name: string) => boolean): Promise<number> {
  const yauzl = await import('yauzl');
  return new Promise((resolve, reject) => {
    let count = 0;
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err || !zip) return reject(new UserError(`${file} is not a readable zip: ${err?.message}.`, { input: 'osv-db' }));
      zip.on('error', reject);
      zip.on('end', () => resolve(count));
      zip.on('entry', (entry: Entry) => {
        if (!entry.fileName.endsWith('.json')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const parts: Buffer[] = [];
          stream.on('data', (d: Buffer) => parts.push(d));
          stream.on('error', reject);
          stream.on('end', () => {
            if (onEntry(Buffer.concat(parts).toString('utf8'), entry.fileName)) count++;
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
