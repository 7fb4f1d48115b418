export * from './types.js';
export { fingerprint, redact } from './fingerprint.js';
export { buildSarif, MAX_RESULTS_PER_RUN, type SarifBuild } from './sarif.js';
export { DEFAULT_RULES, GLOBAL_ALLOW, shannonEntropy, type SecretRule } from './secrets/rules.js';
export { SecretEngine, ruleInfo, type AllowList } from './secrets/engine.js';
export { scanStream, scanTree, listFiles, scannable } from './secrets/files.js';
