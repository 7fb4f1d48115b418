// Releases as processes on this host: where their files come from, how they are started,
// found ready, and stopped. The controller drives these; the routers only see upstream URLs.
import type { Clock } from '@slipway/action-kit/lite';

/** A release's files, verified and copied into the state folder, ready to run. */
export interface PreparedRelease {
  /** `<version>-<first 12 hex of digest>`, unique per environment. */
  id: string;
  /** The `version` input, else the artifact manifest's version, else `package.json`'s, else the folder name. */
  version: string;
  /** `sha256:<hex>`: the archive's digest, or for a folder a digest of its files' paths, modes and contents. */
  digest: string;
  /** `<stateDir>/<environment>/releases/<id>/app`: where the release runs from (outlives the workspace). */
  dir: string;
}

/** What `prepareRelease` needs. */
export interface PrepareOptions {
  /** Absolute path: a build-artifact `.tar.gz` (its manifest `<archive minus .tar.gz>.manifest.json` or `manifest.json` beside it) or a folder. */
  artifact: string;
  /** The `version` input; empty means "from the artifact". */
  version?: string;
  stateDir: string;
  environment: string;
}

/** A release process this host runs. */
export interface RunningRelease {
  pid: number;
  /** The loopback port given to it as PORT. */
  port: number;
  /** `http://127.0.0.1:<port>`. */
  upstream: string;
  /** Its stdout and stderr: `<release dir>/../release.log`. */
  logFile: string;
}

/** What `startRelease` needs. */
export interface StartOptions {
  release: PreparedRelease;
  /** Run with `/bin/sh -c` in `release.dir`; PORT (and HOST=127.0.0.1) are in its environment. */
  command: string;
  /** Environment for the release (the runner's credentials and RUNNER_TRACKING_ID are removed from it). */
  env: Record<string, string | undefined>;
  /** The port to give it; 0 (default) picks a free loopback port. */
  port?: number;
  /** The release taking the traffic meanwhile, if any (a platform's deploy command is told). */
  previousReleaseId?: string;
}

/** Readiness: did the release answer its health path in time, and if not, why (with its log's tail). */
export type Readiness = { ready: true; attempts: number } | { ready: false; reason: string; attempts: number };

/** What `waitReady` needs. */
export interface ReadyOptions {
  /** The path probed, such as `/healthz`; ready on a 2xx or 3xx answer. */
  healthPath: string;
  timeoutMs: number;
  clock: Clock;
  /** Stops waiting at once (the run is being cancelled). */
  signal?: AbortSignal;
}
