export { parserFor, LOCKFILE_NAMES } from './registry.js';
export { readLockfile, MAX_LOCKFILE_BYTES } from './read.js';
export { purlOf } from './purl.js';
export { dedupe, pypiName } from './util.js';
export {
  LockfileError,
  isOsvEcosystem,
  type Ecosystem,
  type Hash,
  type LockedPackage,
  type LockfileParser,
  type LockfileWarning,
} from './types.js';
