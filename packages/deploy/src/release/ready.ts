// Is a release ready for traffic? It is once it answers its health path; it never will be once
// its process has ended, and there is no point waiting for the timeout to say so.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { formatDuration } from '@slipway/action-kit/lite';
import { logTail } from './log-tail.js';
import { describeExit, releaseAlive, releaseExit, settledExit } from './process.js';

/** How long a gone release's exit code may take to be reported. */
const EXIT_REPORT_MS = 2000;
import type { Readiness, ReadyOptions, RunningRelease } from './types.js';

/** One probe waits no longer than this: a release that takes longer to answer is not ready. */
const ATTEMPT_MS = 2000;
const MIN_ATTEMPT_MS = 500;
const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 1000;

/** What to wait for: a URL that must answer 2xx/3xx, and how to tell that it never will. */
export interface AnswerTarget {
  /** The health URL itself (http or https). */
  url: URL;
  /** How the URL is named in reasons: the health path for a local release, the whole URL for a remote one. */
  shown: string;
  /** Why the release can no longer answer (its process ended), or undefined while it may. */
  gone?(): Promise<string | undefined>;
  /** More to say when waiting fails (the tail of the release's log). */
  context?(): Promise<string>;
}

/** Probes `upstream + healthPath` until a 2xx/3xx answer, the process ends, time runs out, or `signal` aborts; never throws for a failed release. */
export function waitReady(running: RunningRelease, o: ReadyOptions): Promise<Readiness> {
  return waitUntilAnswers(
    {
      url: new URL(o.healthPath, running.upstream),
      shown: o.healthPath,
      async gone() {
        let exit = releaseExit(running.pid);
        if (!exit && releaseAlive(running.pid)) return undefined;
        exit ??= await settledExit(running.pid, EXIT_REPORT_MS);
        return `the release ${exit ? `exited with ${describeExit(exit)}` : 'exited'} before answering ${o.healthPath}.${await logTail(running.logFile)}`;
      },
      context: () => logTail(running.logFile),
    },
    o,
  );
}

/**
 * Probes a URL until a 2xx/3xx answer, the target is gone, time runs out, or `signal` aborts,
 * backing off from 100 ms to 1 s between probes; never throws for a release that fails.
 */
export async function waitUntilAnswers(target: AnswerTarget, o: Omit<ReadyOptions, 'healthPath'>): Promise<Readiness> {
  const started = o.clock.monotonic();
  let delay = FIRST_DELAY_MS;
  let attempts = 0;
  const cancelled = (): Readiness => ({
    ready: false,
    reason: `the run was cancelled while waiting for ${target.shown}.`,
    attempts,
  });
  for (;;) {
    if (o.signal?.aborted) return cancelled();
    const remaining = o.timeoutMs - (o.clock.monotonic() - started);
    attempts++;
    // Near the deadline a probe still gets long enough to mean something.
    const last = await probe(target.url, Math.min(ATTEMPT_MS, Math.max(MIN_ATTEMPT_MS, remaining)), o.signal);
    if (last === undefined) return { ready: true, attempts };
    if (o.signal?.aborted) return cancelled();
    const gone = await target.gone?.();
    if (gone !== undefined) return { ready: false, reason: gone, attempts };
    const left = o.timeoutMs - (o.clock.monotonic() - started);
    if (left <= 0)
      return {
        ready: false,
        reason: `the release did not answer ${target.shown} with 2xx/3xx within ${formatDuration(o.timeoutMs)}; last: ${last}.${(await target.context?.()) ?? ''}`,
        attempts,
      };
    await sleep(o, Math.min(delay, left));
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
}

/** The clock's sleep, cut short by the signal. */
async function sleep(o: Pick<ReadyOptions, 'clock' | 'signal'>, ms: number): Promise<void> {
  const signal = o.signal;
  if (!signal) return o.clock.sleep(ms);
  let onAbort = (): void => undefined;
  const aborted = new Promise<void>((resolve) => (onAbort = () => resolve()));
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await Promise.race([o.clock.sleep(ms), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** One GET on a fresh connection (http or https): undefined when the answer is 2xx/3xx, else what went wrong, in a few words. */
function probe(url: URL, timeoutMs: number, signal: AbortSignal | undefined): Promise<string | undefined> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', agent: false, headers: { connection: 'close' }, signal }, (res) => {
      const status = res.statusCode ?? 0;
      // Only the status matters; the body is dropped so the socket can close.
      res.resume();
      res.on('error', () => undefined);
      clearTimeout(timer);
      resolve(status >= 200 && status < 400 ? undefined : `HTTP ${status}`);
      req.destroy();
    });
    const timer = setTimeout(() => {
      resolve(`no answer within ${formatDuration(timeoutMs)}`);
      req.destroy();
    }, timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(err.code ?? err.message);
    });
    req.end();
  });
}
