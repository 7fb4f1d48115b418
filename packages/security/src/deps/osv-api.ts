import { redactCredentials, UserError, type Clock, type Http } from '@slipway/action-kit/lite';
import type { LockedPackage } from '@slipway/lockfiles';
import type { GenericSchema, InferOutput } from 'valibot';
import { check } from '../validate.js';
import type { OsvRecord } from './osv.js';
import { osvRecordSchema, queryBatchSchema } from './osv-schema.js';

/** Where and how to reach the OSV API. */
export interface OsvApiOptions {
  /** The API's base URL; user information in it is sent as Basic authentication and never shown. */
  baseUrl: string;
  http: Http;
  clock: Clock;
  /** Attempts per request before giving up (with exponential backoff between); default 4. */
  attempts?: number;
  batchSize?: number;
  concurrency?: number;
  /** Milliseconds one request may take, its whole answer included, before it counts as failed; default 30 s. */
  timeoutMs?: number;
  /** The most bytes one answer may have; default 32 MiB (a batch answer of 1,000 packages is far below). */
  maxBodyBytes?: number;
}

const OFFLINE_HINT =
  'Check the runner can reach it, or scan offline with the osv-db input (a folder of OSV records or all.zip files).';
const SHAPE_HINT =
  'Check osv-api-url is the base URL of an OSV API (https://api.osv.dev, or a mirror serving /v1/querybatch and /v1/vulns/{id}).';

/** The URL to send requests to without its user information, which goes in a header instead (fetch refuses it in the URL). */
function endpoint(baseUrl: string): { base: string; headers: Record<string, string> } {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new UserError(`'${redactCredentials(baseUrl)}' is not a valid URL.`, { input: 'osv-api-url' }, SHAPE_HINT);
  }
  const headers: Record<string, string> = {};
  if (url.username || url.password) {
    const user = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    headers.authorization = `Basic ${Buffer.from(user).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  return { base: url.href.replace(/\/+$/, ''), headers };
}

class AnswerTooLarge extends Error {}

/** The answer's body as text, refusing more than `max` bytes without reading them all. */
async function boundedText(res: Response, max: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw new AnswerTooLarge();
  }
  const reader = res.body?.getReader();
  if (!reader) return '';
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new AnswerTooLarge();
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString('utf8');
}

type Attempt = { ok: true; text: string; type: string } | { ok: false; retry: boolean; why: string };

/** One request with its own deadline, which covers the body too: a server that streams for ever is cut off. */
async function attempt(
  o: OsvApiOptions,
  base: string,
  path: string,
  init: RequestInit,
  shown: string,
): Promise<Attempt> {
  const timeoutMs = o.timeoutMs ?? 30_000;
  const maxBytes = o.maxBodyBytes ?? 32 * 1024 * 1024;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await o.http(`${base}${path}`, { ...init, signal: controller.signal });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, retry: res.status === 429 || res.status >= 500, why: `HTTP ${res.status}` };
    }
    return { ok: true, text: await boundedText(res, maxBytes), type: res.headers.get('content-type') ?? '' };
  } catch (err) {
    if (err instanceof AnswerTooLarge)
      throw new UserError(
        `the OSV API at ${shown} answered ${path} with more than ${maxBytes} bytes.`,
        { input: 'osv-api-url' },
        SHAPE_HINT,
      );
    if (controller.signal.aborted) return { ok: false, retry: true, why: `no answer within ${timeoutMs / 1000} s` };
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return { ok: false, retry: true, why: redactCredentials(`${(err as Error).message}${cause ? ` (${cause})` : ''}`) };
  } finally {
    clearTimeout(timer);
  }
}

/** A request retried by the policy (timeouts, network errors, 429 and 5xx), whose answer must match `schema`. */
async function request<S extends GenericSchema>(
  o: OsvApiOptions,
  path: string,
  init: RequestInit,
  schema: S,
): Promise<InferOutput<S>> {
  const attempts = o.attempts ?? 4;
  const shown = redactCredentials(o.baseUrl);
  const { base, headers } = endpoint(o.baseUrl);
  let last = '';
  let made = 0;
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await o.clock.sleep(Math.min(500 * 2 ** (i - 1), 8000));
    made++;
    const result = await attempt(
      o,
      base,
      path,
      { ...init, headers: { 'content-type': 'application/json', ...headers } },
      shown,
    );
    if (result.ok) return parseAnswer(result.text, result.type, schema, shown, path);
    last = result.why;
    if (!result.retry) break;
  }
  throw new UserError(
    `the OSV API at ${shown} failed after ${made} attempt${made === 1 ? '' : 's'} (${last}).`,
    { input: 'osv-db' },
    OFFLINE_HINT,
  );
}

/** An answer that is not JSON of the expected shape is the URL's fault (a login page, another service), not a bug. */
function parseAnswer<S extends GenericSchema>(
  text: string,
  type: string,
  schema: S,
  shown: string,
  path: string,
): InferOutput<S> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new UserError(
      `the OSV API at ${shown} answered ${path} with ${type ? `${type.split(';')[0]}` : 'a body'} that is not JSON.`,
      { input: 'osv-api-url' },
      SHAPE_HINT,
    );
  }
  const checked = check(schema, doc);
  if (!checked.ok)
    throw new UserError(
      `the OSV API at ${shown} answered ${path} with JSON that is not an OSV answer (${checked.problem}).`,
      { input: 'osv-api-url' },
      SHAPE_HINT,
    );
  return checked.value;
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
    const res = await request(o, '/v1/querybatch', { method: 'POST', body: JSON.stringify(body) }, queryBatchSchema);
    if (res.results.length !== batch.length)
      throw new UserError(
        `the OSV API at ${redactCredentials(o.baseUrl)} answered ${batch.length} queries with ${res.results.length} results.`,
        { input: 'osv-api-url' },
        SHAPE_HINT,
      );
    res.results.forEach((r, j) => {
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
  let failed = false;
  const worker = async (): Promise<void> => {
    // Once one request has failed the scan fails: the other workers stop asking.
    while (next < ids.length && !failed) {
      const id = ids[next++]!;
      try {
        records.set(id, await request(o, `/v1/vulns/${encodeURIComponent(id)}`, { method: 'GET' }, osvRecordSchema));
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency ?? 8, ids.length) }, worker));
  const out = new Map<string, OsvRecord[]>();
  for (const [key, list] of byPackage) out.set(key, list.map((id) => records.get(id)!).filter(Boolean));
  return out;
}
