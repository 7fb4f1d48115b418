import { errorMessage, isUserError } from './errors.js';
import { redactCredentials } from './secrets.js';
import type { AnnotationProps, Logger } from './logger.js';

/**
 * Logs a failure: a UserError as one line naming its input or file; anything else as an internal
 * error with a request to report it, and the stack only when debugging. Shared by runAction and
 * the CLI so both word failures alike.
 */
export function reportFailure(name: string, err: unknown, logger: Logger, debug: boolean): void {
  if (isUserError(err)) {
    const props: AnnotationProps = { title: name };
    if (err.subject.file) props.file = err.subject.file;
    if (err.subject.line) props.startLine = err.subject.line;
    logger.error(redactCredentials(err.describe()), props);
    return;
  }
  logger.error(
    `${name} failed with an internal error: ${redactCredentials(errorMessage(err))}. This is a bug in slipway, not in your workflow; please report it with this log.` +
      (debug ? '' : ' Re-run with debug logging enabled to include the stack trace.'),
    { title: `${name}: internal error` },
  );
  if (debug && err instanceof Error && err.stack) logger.info(redactCredentials(err.stack));
}
