// The one place slipway builds a GitHub REST client: @actions/github's Octokit with the retry and
// throttling plugins, a per-request timeout, and Octokit's own log routed to our Logger. Also the
// one place a failed call is turned into a sentence the user can act on, without the token in it.
import { getOctokit } from '@actions/github';
import { defaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { errorMessage, redactCredentials, type Logger } from '@slipway/action-kit/lite';

/** How to reach GitHub's REST API, and how hard to try before giving up. */
export interface GithubOptions {
  token: string;
  /** `owner/name` (GITHUB_REPOSITORY). */
  repository: string;
  /** GITHUB_API_URL; https://api.github.com when empty. */
  apiUrl: string;
  logger: Logger;
  /** Retries after a 5xx, a timeout, a refused connection or a rate limit; default 3. */
  retries?: number;
  /** How long one request may take before it counts as failed; default 10 s. */
  requestTimeoutMs?: number;
  /** Milliseconds per backoff unit: retries wait 1, 4, 9… units, rate limits `retry-after` units; default 1000. */
  retryBaseMs?: number;
  /** The longest rate-limit wait honoured; a longer one gives up at once; default 60 s. */
  maxRateLimitWaitMs?: number;
  /** The throttling plugin's queue for writes; by default its own, one write a second as GitHub asks. */
  writeQueue?: WriteQueue;
}

/** A Bottleneck group the throttling plugin queues writes through. */
export type WriteQueue = NonNullable<ThrottlingOptions['write']>;

/** The REST client getOctokit returns with our plugins. */
export type GithubClient = ReturnType<typeof getOctokit>;

const DEFAULT_API_URL = 'https://api.github.com';
const DEFAULT_RETRIES = 3;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_BASE_MS = 1000;
const DEFAULT_MAX_RATE_WAIT_MS = 60_000;
// The retry plugin's own list plus 429: a rate limit is the throttling plugin's to retry, after the
// `retry-after` GitHub asked for rather than the retry plugin's blind backoff.
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

/** `owner` and `repo` of an `owner/name`, or undefined when it is not one. */
export function splitRepository(repository: string): { owner: string; repo: string } | undefined {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository.trim());
  return m ? { owner: m[1]!, repo: m[2]! } : undefined;
}

/** A client with retries, rate-limit handling and a request timeout; throws only on an empty token. */
export function githubClient(o: GithubOptions): GithubClient {
  const retries = o.retries ?? DEFAULT_RETRIES;
  const baseMs = o.retryBaseMs ?? DEFAULT_BASE_MS;
  const maxWaitMs = o.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_WAIT_MS;
  const timeoutMs = o.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const logger = o.logger;
  const token = o.token;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const retrying = retryCount < retries && retryAfter * baseMs <= maxWaitMs;
      logger.debug(
        `GitHub ${kind} on ${request.method} ${request.url}: retry-after ${retryAfter}s; ${retrying ? 'retrying' : 'giving up'}`,
      );
      return retrying;
    };
  // Octokit would print deprecations and plugin errors with console; the run keeps one warning.
  const debug = (message: string) => logger.debug(`octokit: ${scrub(message, token)}`);
  return getOctokit(
    token,
    {
      baseUrl: (o.apiUrl || DEFAULT_API_URL).replace(/\/+$/, ''),
      // `request` replaces @actions/github's defaults whole, so its proxy-aware fetch is carried over.
      request: { ...defaults.request, fetch: withTimeout(defaults.request?.fetch ?? globalThis.fetch, timeoutMs) },
      log: { debug, info: debug, warn: debug, error: debug },
      retry: { retries, retryAfterBaseValue: baseMs, doNotRetry: DO_NOT_RETRY },
      throttle: {
        retryAfterBaseValue: baseMs,
        ...(o.writeQueue ? { write: o.writeQueue } : {}),
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
      },
    },
    retry,
    throttling,
  );
}

// Octokit has no request timeout of its own; a hung connection would hold the deploy forever.
// The signal also covers reading the body, so a response that stalls halfway times out too.
function withTimeout(fetchFn: typeof fetch, ms: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    return fetchFn(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
}

interface FailedRequest {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined> };
  request?: { method?: string; url?: string };
}

/** Why a call to GitHub failed, as one line naming the fix where there is one; never holds the token. */
export function describeFailure(
  error: unknown,
  o: { repository: string; token: string; access: 'read' | 'write' },
): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as FailedRequest;
  const what = scrub(e.response ? errorMessage(error) : networkFailure(error), o.token);
  const where = e.request?.method && e.request.url ? `${e.request.method} ${pathOf(e.request.url)}: ` : '';
  const rateLimited =
    e.status === 429 ||
    e.response?.headers?.['x-ratelimit-remaining'] === '0' ||
    /\brate limit\b/i.test(e.message ?? '');
  if (rateLimited) return `${where}rate limited by GitHub (${e.status}): ${what}`;
  if (e.status === 401) return `${where}the token was refused (401: ${what}); check the github-token input`;
  if (e.status === 403)
    return `${where}the token may not ${o.access} deployments (403: ${what}); add \`permissions: deployments: ${o.access}\` to the job`;
  if (e.status === 404)
    return `${where}repository ${o.repository} not found or not visible to the token (404); check the repository and the token's access`;
  // Octokit reports a network failure (refused, timed out) as a 500 with no response: no status to show.
  return `${where}${what}${e.response && typeof e.status === 'number' ? ` (${e.status})` : ''}`;
}

/** The text with the token, and any credential in a URL, shown as `***`. */
function scrub(text: string, token: string): string {
  const bare = token.trim();
  return redactCredentials(bare.length >= 3 ? text.split(bare).join('***') : text);
}

// Octokit wraps a failed fetch as "fetch failed" or "Unknown Error"; the cause chain says what happened.
function networkFailure(error: unknown): string {
  for (let c: unknown = error, depth = 0; c && typeof c === 'object' && depth < 4; depth++) {
    const { name, code, message, cause } = c as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown };
    if (name === 'TimeoutError') return 'no answer in time (request timed out)';
    if (typeof code === 'string' && typeof message === 'string') return message;
    c = cause;
  }
  return errorMessage(error);
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
