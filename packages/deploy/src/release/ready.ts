// Is a release ready for traffic? It is once it answers its health path; it never will be once
// its process has ended, and there is no point waiting for the timeout to say so.
import { request } from 'node:http';
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

/** Probes `upstream + healthPath` until a 2xx/3xx answer, the process ends, time runs out, or `signal` aborts; never throws for a failed release. */
export async function waitReady(running: RunningRelease, o: ReadyOptions): Promise<Readiness> {
  const started = o.clock.monotonic();
  const url = new URL(o.healthPath, running.upstream);
  let delay = FIRST_DELAY_MS;
  let attempts = 0;
  const cancelled = (): Readiness => ({
    ready: false,
    reason: `the run was cancelled while waiting for ${o.healthPath}.`,
    attempts,
  });
  for (;;) {
    if (o.signal?.aborted) return cancelled();
    const remaining = o.timeoutMs - (o.clock.monotonic() - started);
    attempts++;
    // Near the deadline a probe still gets long enough to mean something.
    const last = await probe(url, Math.min(ATTEMPT_MS, Math.max(MIN_ATTEMPT_MS, remaining)), o.signal);
    if (last === undefined) return { ready: true, attempts };
    if (o.signal?.aborted) return cancelled();
    let exit = releaseExit(running.pid);
    if (exit || !releaseAlive(running.pid)) {
      exit ??= await settledExit(running.pid, EXIT_REPORT_MS);
      const how = exit ? `exited with ${describeExit(exit)}` : 'exited';
      return {
        ready: false,
        reason: `the release ${how} before answering ${o.healthPath}.${await logTail(running.logFile)}`,
        attempts,
      };
    }
    const left = o.timeoutMs - (o.clock.monotonic() - started);
    if (left <= 0)
      return {
        ready: false,
        reason: `the release did not answer ${o.healthPath} with 2xx/3xx within ${formatDuration(o.timeoutMs)}; last: ${last}.${await logTail(running.logFile)}`,
        attempts,
      };
    await sleep(o, Math.min(delay, left));
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
}

/** The clock's sleep, cut short by the signal. */
async function sleep(o: ReadyOptions, ms: number): Promise<void> {
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

/** One GET on a fresh connection: undefined when the answer is 2xx/3xx, else what went wrong, in a few words. */
function probe(url: URL, timeoutMs: number, signal: AbortSignal | undefined): Promise<string | undefined> {
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
