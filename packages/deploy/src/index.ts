import './providers.js';

export type { DeployResult, Release, Step, TrafficRouter, TrafficSample } from './types.js';
export { parseSteps } from './steps.js';
export { registerRouter, routerFor, routerNames, type RouterContext, type RouterFactory } from './registry.js';
export {
  Ledger,
  environmentDir,
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
