export { parserFor, LOCKFILE_NAMES } from './registry.js';
export { readLockfile, MAX_LOCKFILE_BYTES } from './read.js';
export { purlOf } from './purl.js';
export { dedupe, pypiName } from './util.js';
export { LockfileError, type Ecosystem, type Hash, type LockedPackage, type LockfileParser } from './types.js';
