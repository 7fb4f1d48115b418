import './providers.js';

export type { DeployResult, Release, Step, TrafficRouter, TrafficSample } from './types.js';
export { parseSteps } from './steps.js';
export {
  PROVIDER_SETTINGS,
  PROVIDER_PATH_SETTINGS,
  registerRouter,
  routerFor,
  routerNames,
  type RouterContext,
  type RouterFactory,
} from './registry.js';
export {
  Ledger,
  environmentDir,
  type AuditContext,
  type CanaryPhase,
  type CanaryOutcome,
  type CanaryRecord,
  type Change,
  type DeepReadonly,
  type LedgerDocument,
  type ReleaseRecord,
  type Transition,
} from './ledger.js';
export { acquire as acquireLock, type LockHandle, type LockOptions, type LockRecord } from './lock.js';
export * from './release/index.js';
export { deployCanary } from './controller/controller.js';
export { recoverCanary, type RecoverOptions } from './controller/recover.js';
export { abortCanary } from './controller/abort.js';
export { pruneReleases } from './controller/prune.js';
export { runHook, hookVariables, type HookName, type HookContext, type HookResult } from './controller/hooks.js';
export type {
  DeployOutcome,
  DeployPlan,
  DeployReport,
  DeploySeams,
  Hooks,
  ReleaseHost,
  StepReport,
} from './controller/plan.js';
export { maybeRunDaemon, selfCommand } from './daemon.js';
export { environmentStatus, downEnvironment, type EnvironmentStatus, type ReleaseState } from './environment.js';
export { ensureLocalProxy, localProxyStatus, stopLocalProxy, type LocalProxyHandle } from './providers/local/spawn.js';
export type { LocalProxyStatus } from './providers/local/admin.js';
export { rollback, type RollbackOptions, type RollbackOutcome } from './controller/rollback.js';
export { githubDeployments, noDeployments, type DeploymentRecorder } from './github/deployments.js';
export { knownGoodReleases, lastKnownGood, type KnownGoodRelease } from './github/recover.js';
export { seedFromGithub, type KnownGood, type KnownGoodSource } from './controller/known-good.js';
export { notifyWebhook, type AlertMessage, type NotifySeams } from './notify.js';
export { deliveryMetrics, metricsMarkdown, type DoraMetrics, type WeekMetrics } from './metrics.js';
export { auditEntries, type AuditWindow } from './audit-export.js';
export {
  openSsh,
  parseHost,
  runOnHost,
  targetLabel,
  type HostRunOptions,
  type HostRunOutcome,
  type HostRunSeams,
  type RemoteResult,
  type RemoteRunOptions,
  type SshOptions,
  type SshSession,
  type SshTarget,
} from './remote/index.js';
