// Releases as processes on this host: prepare the files, start, wait until ready, stop.
export { manifestCandidates, prepareRelease } from './prepare.js';
export { releaseAlive, startRelease, stopRelease } from './process.js';
export { waitReady } from './ready.js';
export type {
  PreparedRelease,
  PrepareOptions,
  Readiness,
  ReadyOptions,
  RunningRelease,
  StartOptions,
} from './types.js';
