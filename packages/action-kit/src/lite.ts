// Everything in the kit except the runner binding: no @actions/* is loaded from here, so domain
// packages, action main modules and the CLI start fast. Only an action's entry point imports
// the full index, which adds runAction and the @actions/core seams.
export { UserError, isUserError, errorMessage, type ErrorSubject } from './errors.js';
export { describeJsonError, fieldLine, jsonErrorOffset, lineColumn } from './json-errors.js';
export { parseDuration, formatDuration } from './duration.js';
export { inputEnvName, type ActionMetadata, type InputSpec, type OutputSpec } from './metadata.js';
export { InputReader, type IntegerBounds } from './inputs.js';
export { OutputWriter, toOutputString, type OutputSink, type OutputValue } from './outputs.js';
export { SummaryBuilder, SUMMARY_LIMIT_BYTES, escapeHtml } from './summary.js';
export { maskCredential, credentialParts, redactUrl, redactCredentials, type SecretMasker } from './secrets.js';
export { commandSafe, escapeCommandData, escapeCommandProperty } from './untrusted.js';
export { readUserFile, type ReadUserFileOptions } from './files.js';
export { shellQuote } from './shell.js';
export { reportFailure } from './report.js';
export { pendingFile, writeFileAtomic, type PendingFile } from './atomic.js';
export { workspaceFolder, realWorkspace, outputPath, userPath, shownPath, type WorkspaceFolder } from './paths.js';
export { nullLogger, RecordingLogger, type Logger, type LogRecord, type AnnotationProps } from './logger.js';
export {
  systemClock,
  ManualClock,
  actionsExec,
  withoutRunnerCredentials,
  RUNNER_CREDENTIAL_VARS,
  type Clock,
  type Exec,
  type ExecOptions,
  type ExecResult,
  type Http,
  type ActionSeams,
} from './seams.js';
