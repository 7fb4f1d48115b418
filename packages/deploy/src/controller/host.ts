// Releases run as supervised processes on this host: the release module's functions.
import { prepareRelease, releaseAlive, startRelease, stopRelease, waitReady } from '../release/index.js';
import type { ReleaseHost } from './plan.js';

/** The real host: releases as detached processes on loopback ports. */
export const defaultHost: ReleaseHost = {
  prepare: prepareRelease,
  start: startRelease,
  waitReady,
  stop: stopRelease,
  alive: releaseAlive,
};
