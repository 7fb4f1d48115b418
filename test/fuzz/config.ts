// How much the fuzz suite runs and from which seed. The defaults keep test/fuzz inside `npm test`'s
// budget on a 2-core machine and make every CI run draw the same values, so a red run can be
// replayed; FUZZ_RUNS and FUZZ_SEED (or `npm run test:fuzz`) run it long or elsewhere on demand.

/** Values tried per input in process when FUZZ_RUNS is not set. */
const DEFAULT_RUNS = 10;

/** Values tried per action through the committed bundle when FUZZ_RUNS is not set. */
const DEFAULT_BUNDLE_RUNS = 3;

/** The seed every property starts from unless FUZZ_SEED says otherwise. */
const DEFAULT_SEED = 1616;

function whole(name: string, fallback: number, min: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  // A typo here would silently fall back to the short run, so it stops the suite instead.
  if (!/^-?\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text)))
    throw new Error(`${name}=${text} is not a whole number of at least ${min}`);
  return Number(text);
}

/** Runs per input property in process. */
export const FUZZ_RUNS = whole('FUZZ_RUNS', DEFAULT_RUNS, 1);

/**
 * Runs per action through the bundle: each spawns Node and loads a whole bundle (~0.3 s), so a
 * long run tries a tenth as many there as in process.
 */
export const BUNDLE_RUNS = process.env.FUZZ_RUNS
  ? Math.max(DEFAULT_BUNDLE_RUNS, Math.ceil(FUZZ_RUNS / 10))
  : DEFAULT_BUNDLE_RUNS;

/** The seed of every property; fast-check prints it, with the path to the failing value, on failure. */
export const FUZZ_SEED = whole('FUZZ_SEED', DEFAULT_SEED, -(2 ** 31));

/**
 * fast-check's options for a property of `runs` values. FUZZ_PATH, with FUZZ_SEED, replays the one
 * failing value fast-check printed (`{ seed, path }`); pick its test with jest -t.
 */
export function fuzzOptions(runs: number): { numRuns: number; seed: number; path?: string } {
  const path = process.env.FUZZ_PATH;
  return { numRuns: runs, seed: FUZZ_SEED, ...(path ? { path } : {}) };
}

/**
 * How long one case may run before it counts as hung. Every baseline ends in well under a second;
 * the margin is for two cores busy with other work.
 */
export const CASE_TIMEOUT_MS = 20_000;

/** Jest's limit for one property: every run at its worst, plus the time to shrink a failure. */
export const propertyTimeout = (runs: number): number => 60_000 + runs * CASE_TIMEOUT_MS;
