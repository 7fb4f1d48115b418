import { UserError } from '@slipway/action-kit/lite';

/** The most bytes of a body a probe reads: plenty for a health document, and a hostile server cannot make it more. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The most requests per second one run may send, all URLs and baselines together. */
export const MAX_TOTAL_RATE = 5000;

/** The most URLs one run may probe, candidates and baselines together. */
export const MAX_URLS = 100;

/**
 * The most probes one soak may send: every sample is kept for the final percentiles, so this
 * bounds the runner's memory (a few hundred MB) and the time to judge.
 */
export const MAX_PROBES = 2_000_000;

/** What a run would send: how many URLs, how fast and for how long. */
export interface Load {
  urls: number;
  baselineUrls: number;
  /** Probes per second per URL. */
  rate: number;
  /** Length of the soak; 0 for readiness only. */
  durationMs: number;
}

/**
 * Refuses a run that would flood its targets or the runner: a total rate (URLs × rate, baselines
 * included) above MAX_TOTAL_RATE, more than MAX_URLS URLs, or a soak of more than MAX_PROBES
 * probes. Decided before the first probe, because an open-loop soak schedules every due probe at once.
 */
export function checkLoad(load: Load): void {
  const all = load.urls + load.baselineUrls;
  // The rate first: it is what floods, and what a user asking for 4,000 URLs at 1,000/s should hear about.
  const total = all * load.rate;
  if (!(total <= MAX_TOTAL_RATE))
    throw new UserError(
      `${load.rate} per second for each of ${all} URLs is ${total} requests per second, more than the ceiling of ${MAX_TOTAL_RATE}.`,
      { input: 'rate' },
      all > MAX_URLS
        ? `Probe at most ${MAX_URLS} URLs, at a rate whose total stays within ${MAX_TOTAL_RATE}.`
        : `Lower rate to at most ${Math.max(1, Math.floor(MAX_TOTAL_RATE / all))}, or probe fewer URLs.`,
    );
  if (load.urls > MAX_URLS)
    throw new UserError(
      `names ${load.urls} URLs, more than ${MAX_URLS}.`,
      { input: 'url' },
      'Probe a representative few; each URL is probed at the full rate.',
    );
  if (all > MAX_URLS)
    throw new UserError(
      `names ${load.baselineUrls} URLs, more than the ${MAX_URLS - load.urls} left after the ${load.urls} in url.`,
      { input: 'baseline-url' },
      `url and baseline-url together may name at most ${MAX_URLS} URLs.`,
    );
  const probes = Math.ceil((total * load.durationMs) / 1000);
  if (probes > MAX_PROBES)
    throw new UserError(
      `at ${total} requests per second would send ${probes} probes, more than ${MAX_PROBES}.`,
      { input: 'duration' },
      `Shorten duration to at most ${Math.floor(MAX_PROBES / total)}s or lower rate: a health soak needs thousands of samples, not millions.`,
    );
}

/** The most bytes of a Prometheus answer read: thousands of series, yet a bounded cost. */
export const MAX_PROMETHEUS_BYTES = 8 * 1024 * 1024;
