// What a canary deploy is asked to do, what it needs from the world, and what it reports.
import type { Clock, Exec, Logger } from '@slipway/action-kit/lite';
import type { DeploymentRecorder } from '../github/deployments.js';
import type { KnownGoodSource } from './known-good.js';
import type { AuditContext, ReleaseRecord, Transition } from '../ledger.js';
import type {
  PrepareOptions,
  PreparedRelease,
  Readiness,
  ReadyOptions,
  RunningRelease,
  StartOptions,
} from '../release/types.js';
import type { DeployResult, Step } from '../types.js';

/** Commands run at the edges of a rollout, each with SLIPWAY_* variables describing the release. */
export interface Hooks {
  /** Before anything starts (a backup, a migration); its failure stops the deploy with nothing moved. */
  preDeploy?: string;
  /** A gate before the last step; while it exits non-zero the canary holds its weight (a rollback is never blocked by it). */
  confirmPromotion?: string;
  postPromote?: string;
  onRollback?: string;
}

/** A canary deploy, parsed and checked: the action's inputs as typed values. */
export interface DeployPlan {
  provider: string;
  environment: string;
  /** Absolute. */
  stateDir: string;
  /** Absolute; relative provider settings resolve against it. */
  workspace: string;
  /** Absolute path of the archive or folder. */
  artifact: string;
  /** Empty: from the artifact. */
  version: string;
  startCommand: string;
  healthPath: string;
  steps: Step[];
  /** Analysis window of each step. */
  stepAnalysisMs: number;
  /** Live canary requests a window needs before it can pass (0: probes alone may decide). */
  minRequests: number;
  autoPromote: boolean;
  /** How long the old stable keeps serving in-flight requests after promotion. */
  drainMs: number;
  /** How long a new release has to answer its health path. */
  readyTimeoutMs: number;
  /** Share of failed health probes of the canary a window tolerates (fraction). */
  maxErrorRate: number;
  hooks: Hooks;
  hookTimeoutMs: number;
  /** How long the confirm-promotion gate may hold the canary before the run ends `paused`. */
  confirmTimeoutMs: number;
  /** Provider settings by input name (`listen`, `haproxy-socket`…). */
  settings: Record<string, string>;
  /** The URL people reach the service at, when the provider cannot tell (nginx, HAProxy). */
  frontDoorUrl: string;
  /** This run, for the ledger and the lock (`<run id>-<attempt>` on a runner). */
  runId: string;
  /** Who deploys, for the lock message another run shows. */
  owner: string;
  /** The commit or ref deployed, for GitHub's deployment record. */
  gitRef?: string;
  /** Actor and commit, stamped on every ledger transition (audit trail, lead time). */
  audit?: AuditContext;
}

/** A release once started: a process of this host (with a pid), or one a platform runs (no pid; maybe no URL). */
export type StartedRelease = Pick<RunningRelease, 'upstream'> & Partial<Omit<RunningRelease, 'upstream'>>;

/**
 * Where releases run: as processes of this host (the release module's functions), on a platform
 * the `command` provider's deploy-command deploys to, or stand-ins in unit tests.
 */
export interface ReleaseHost {
  /** Set when a platform runs the releases: no start command is needed, and no process is watched. */
  readonly platform?: string;
  prepare(options: PrepareOptions): Promise<PreparedRelease>;
  start(options: StartOptions): Promise<StartedRelease>;
  waitReady(running: StartedRelease, options: ReadyOptions): Promise<Readiness>;
  /** Stops a release (nothing for one without a pid). */
  stop(pid: number | undefined, graceMs: number): Promise<void>;
  /** Whether a release still runs: a process's pid is checked; a platform's release is taken to run. */
  alive(pid: number | undefined): boolean;
  /**
   * The release the platform runs now and up to `count - 1` it ran before, newest first, when the
   * platform itself can tell (a cluster's Deployment and its revision history): an empty ledger
   * takes them as the stable release and the ones kept for rollback, so that a fresh runner's
   * first deploy is a canary next to what runs, not a first release that replaces it unjudged, and
   * its rollback finds the release before.
   */
  live?(count: number): Promise<Pick<ReleaseRecord, 'id' | 'version' | 'upstream' | 'dir'>[]>;
}

/** What the controller needs from the world. */
export interface DeploySeams {
  clock: Clock;
  logger: Logger;
  /** Runs hooks. */
  exec: Exec;
  /** The environment releases and hooks inherit (credentials of the runner are removed from it). */
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted when the run is cancelled (SIGTERM/SIGINT): the canary is rolled back before the run ends. */
  signal?: AbortSignal;
  /** How to start this program as the local proxy daemon (see RouterContext.selfCommand). */
  selfCommand?: readonly string[];
  host?: ReleaseHost;
  /** Where the rollout is reported besides the ledger (GitHub's Environments page); never fails a deploy. */
  deployments?: DeploymentRecorder;
  /** The releases that last went live per GitHub's deployment history, for an empty ledger on a platform. */
  knownGood?: KnownGoodSource;
}

/** The judgement of one step of the rollout. */
export interface StepReport {
  index: number;
  weight: number;
  verdict: 'pass' | 'fail' | 'inconclusive' | 'cancelled';
  reason: string;
  /** `live traffic` when the router's counts decided, `probes only` when traffic was too thin or cannot be compared. */
  evidence: 'live traffic' | 'probes only';
  startedAt: string;
  endedAt: string;
  /** Live requests and 5xx per release in this step, as the router saw them. */
  canary: { requests: number; errors: number };
  stable: { requests: number; errors: number };
  /** The canary's share of the live requests in this step, percent; absent without traffic. */
  canaryShare?: number;
  probes: { sent: number; failed: number };
  looks: number;
}

/** Everything that happened, for the `report` output and the summary. */
export interface DeployReport {
  environment: string;
  provider: string;
  result: DeployResult;
  reason: string;
  release: { id: string; version: string; digest: string };
  previousReleaseId: string;
  url: string;
  weight: number;
  steps: StepReport[];
  /** This run's ledger transitions, with timestamps. */
  transitions: Transition[];
  startedAt: string;
  endedAt: string;
}

/** How the deploy ended: the action's outputs. */
export interface DeployOutcome {
  result: DeployResult;
  url: string;
  releaseId: string;
  previousReleaseId: string;
  weight: number;
  reason: string;
  report: DeployReport;
}
