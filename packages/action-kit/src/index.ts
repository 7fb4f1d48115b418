export { InputReader, type IntegerBounds } from './inputs.js';
export * from './lite.js';
export { OutputWriter, toOutputString, type OutputSink, type OutputValue } from './outputs.js';
export { SummaryBuilder, SUMMARY_LIMIT_BYTES } from './summary.js';
export { maskCredential, credentialParts, coreMasker, type SecretMasker } from './secrets.js';
export { runAction, reportFailure, coreLogger } from './run-action.js';
export { actionsExec } from './seams.js';
