import { UserError, type Clock, type Http } from '@slipway/action-kit/lite';
import type { LockedPackage } from '@slipway/lockfiles';
import type { OsvRecord } from './osv.js';

/** Where and how to reach the OSV API. */
export interface OsvApiOptions {
  baseUrl: string;
  http: Http;
  clock: Clock;
  /** Attempts per request before giving up (with exponential backoff between). */
  attempts?: number;
  batchSize?: number;
  concurrency?: number;
}

const OFFLINE_HINT =
  'Check the runner can reach it, or scan offline with the osv-db input (a folder of OSV records or all.zip files).';

async function request<T>(o: OsvApiOptions, path: string, init: RequestInit): Promise<T> {
  const attempts = o.attempts ?? 4;
  let last = '';
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await o.clock.sleep(Math.min(500 * 2 ** (i - 1), 8000));
    let res: Response;
    try {
      res = await o.http(`${o.baseUrl.replace(/\/+$/, '')}${path}`, {
        ...init,
        headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
      });
    } catch (err) {
      last = (err as Error).message;
      continue;
    }
    if (res.ok) return (await res.json()) as T;
    last = `HTTP ${res.status}`;
    if (res.status !== 429 && res.status < 500) break;
  }
  throw new UserError(
    `the OSV API at ${o.baseUrl} failed after ${attempts} attempts (${last}).`,
    { input: 'osv-db' },
    OFFLINE_HINT,
  );
}

/** Looks packages up with /v1/querybatch, then fetches each vulnerability once with /v1/vulns/{id}. */
export async function queryOsv(
  packages: readonly LockedPackage[],
  o: OsvApiOptions,
): Promise<Map<string, OsvRecord[]>> {
  const byPackage = new Map<string, string[]>();
  const size = o.batchSize ?? 1000;
  for (let i = 0; i < packages.length; i += size) {
    const batch = packages.slice(i, i + size);
    const body = {
      queries: batch.map((p) => ({
        package: { ecosystem: p.ecosystem, name: p.name },
        version: p.ecosystem === 'Go' ? p.version.replace(/^v/, '') : p.version,
      })),
    };
    const res = await request<{ results?: { vulns?: { id: string }[] }[] }>(o, '/v1/querybatch', {
      method: 'POST',
      body: JSON.stringify(body),
    });
    (res.results ?? []).forEach((r, j) => {
      const p = batch[j]!;
      if (r.vulns?.length)
        byPackage.set(
          `${p.ecosystem}\0${p.name}\0${p.version}`,
          r.vulns.map((v) => v.id),
        );
    });
  }
  const ids = [...new Set([...byPackage.values()].flat())].sort();
  const records = new Map<string, OsvRecord>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ids.length) {
      const id = ids[next++]!;
      records.set(id, await request<OsvRecord>(o, `/v1/vulns/${encodeURIComponent(id)}`, { method: 'GET' }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency ?? 8, ids.length) }, worker));
  const out = new Map<string, OsvRecord[]>();
  for (const [key, list] of byPackage) out.set(key, list.map((id) => records.get(id)!).filter(Boolean));
  return out;
}
