// The parts of the kit that do not load @actions/*: safe for domain packages and the CLI,
// whose start-up time should not pay for the runner's libraries.
export { UserError, isUserError, errorMessage, type ErrorSubject } from './errors.js';
export { describeJsonError, jsonErrorOffset, lineColumn } from './json-errors.js';
export { parseDuration, formatDuration } from './duration.js';
export { inputEnvName, type ActionMetadata, type InputSpec, type OutputSpec } from './metadata.js';
export { nullLogger, RecordingLogger, type Logger, type LogRecord, type AnnotationProps } from './logger.js';
export { systemClock, ManualClock, type Clock, type Exec, type ExecOptions, type ExecResult, type Http } from './seams.js';
