// Rollback alerts: one Slack-compatible JSON post to an incoming webhook. An alert must never turn
// a deploy's result into an error, so every failure ends as `false` and one warning; and since a
// Slack webhook's path is its secret, no logged line ever shows more of the URL than its host.
import type { Logger } from '@slipway/action-kit/lite';

/** What went wrong, for the people on call. */
export interface AlertMessage {
  kind: 'rolled-back' | 'failed';
  environment: string;
  /** The release that was rolled back or failed. */
  release: string;
  /** The release serving traffic now ('' when there is none). */
  previousRelease: string;
  reason: string;
  /** The workflow run, for the link. */
  runUrl?: string;
}

/** The seams of a post; the defaults are real fetch and sleep. */
export interface NotifySeams {
  logger: Logger;
  fetch?: typeof fetch;
  /** Per attempt, ms; default 10 s. */
  timeoutMs?: number;
  /** Attempts after the first one; default 3. */
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RETRIES = 3;
const FIRST_BACKOFF_MS = 500;
/** A Retry-After beyond this is not worth holding the job for. */
const MAX_RETRY_AFTER_MS = 30_000;
/** Slack refuses a section text over 3000 characters and a field over 2000. */
const MAX_REASON_CHARS = 1500;

/** Slack's mrkdwn reads `&`, `<` and `>` as markup; text from a reason or a version must not. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The JSON body: a `text` line (what notifications and other chat tools show) and section blocks. */
function payload(m: AlertMessage): { text: string; blocks: unknown[] } {
  const reason = escapeMrkdwn(clip(m.reason, MAX_REASON_CHARS));
  const env = escapeMrkdwn(m.environment);
  const release = escapeMrkdwn(m.release);
  const previous = escapeMrkdwn(m.previousRelease || 'nothing');
  const headline =
    m.kind === 'rolled-back'
      ? `:rotating_light: ${env} rolled back ${release} → ${previous}: ${reason}`
      : `:x: ${env} deploy of ${release} failed (still on ${previous}): ${reason}`;
  const run = m.runUrl ? escapeMrkdwn(m.runUrl) : undefined;
  const field = (label: string, value: string) => ({ type: 'mrkdwn', text: `*${label}*\n${value}` });
  return {
    text: run ? `${headline} (${run})` : headline,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: headline } },
      {
        type: 'section',
        fields: [
          field('Environment', env),
          field('Versions', `${release} → ${previous}`),
          field('Reason', reason),
          ...(run ? [field('Run', `<${run}|workflow run>`)] : []),
        ],
      },
    ],
  };
}

/** A webhook URL as it may be logged: scheme and host only (the path of a Slack webhook is its token). */
function redactWebhook(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/…`;
  } catch {
    return '(not a URL)';
  }
}

/** An error or answer line with the URL and its path removed, wherever the text came from. */
function scrub(text: string, url: string): string {
  let out = text.split(url).join('…');
  try {
    const { pathname, search } = new URL(url);
    for (const secret of [pathname + search, pathname, search])
      if (secret.length > 1) out = out.split(secret).join('/…');
  } catch {
    // not a URL: nothing more to take out
  }
  return out.replace(/\s+/g, ' ').slice(0, 300);
}

/** One attempt: `done` on 2xx, otherwise why it failed, whether trying again may help, and any Retry-After. */
async function attempt(
  url: string,
  body: string,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<{ done: true } | { done: false; why: string; retry: boolean; waitMs?: number }> {
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Read to the end so the connection is released; Slack explains a refusal in the body (`invalid_payload`).
    const text = await response.text().catch(() => '');
    if (response.ok) return { done: true };
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      done: false,
      why: `HTTP ${response.status}${text.trim() ? ` ${text.trim()}` : ''}`,
      retry: response.status === 429 || response.status >= 500,
      ...(retryAfter > 0 ? { waitMs: Math.min(retryAfter * 1000, MAX_RETRY_AFTER_MS) } : {}),
    };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why =
      e.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : `${e.message}${e.cause?.code ? ` (${e.cause.code})` : e.cause?.message ? ` (${e.cause.message})` : ''}`;
    return { done: false, why, retry: true };
  }
}

/**
 * Posts the alert to a Slack-compatible incoming webhook, retrying network errors, timeouts, 5xx
 * and 429 with backoff (0.5 s, 1 s, 2 s…). Never throws: true when delivered; false, with one
 * warning, when not.
 */
export async function notifyWebhook(url: string, message: AlertMessage, seams: NotifySeams): Promise<boolean> {
  const shown = redactWebhook(url);
  const fetchImpl = seams.fetch ?? fetch;
  const sleep = seams.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const retries = Math.max(0, seams.retries ?? DEFAULT_RETRIES);
  const timeoutMs = seams.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    // not a URL
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    seams.logger.warning('could not send the alert: the webhook URL is not an http(s) URL');
    return false;
  }
  const body = JSON.stringify(payload(message));
  for (let i = 0; ; i++) {
    const result = await attempt(url, body, fetchImpl, timeoutMs);
    if (result.done) return true;
    const why = scrub(result.why, url);
    if (!result.retry || i === retries) {
      const tries = i + 1;
      seams.logger.warning(`could not send the alert to ${shown} (${tries} attempt${tries === 1 ? '' : 's'}): ${why}`);
      return false;
    }
    seams.logger.debug(`alert to ${shown}: attempt ${i + 1} failed (${why}); trying again`);
    await sleep(Math.max(FIRST_BACKOFF_MS * 2 ** i, result.waitMs ?? 0));
  }
}
