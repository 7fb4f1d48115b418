import * as core from '@actions/core';
import { errorMessage, isUserError } from './errors.js';
import type { AnnotationProps, Logger } from './logger.js';

/** The runner's logger: annotations become ::warning/::error commands with file and line. */
export const coreLogger: Logger = {
  debug: (message) => core.debug(message),
  info: (message) => core.info(message),
  warning: (message, props) => core.warning(message, props),
  error: (message, props) => core.error(message, props),
};

/**
 * Runs an action's main function and reports whatever escapes it. A UserError becomes one
 * `::error::` line naming the input or file, without a stack. Anything else is an internal error:
 * the message, a request to report it, and the stack only under RUNNER_DEBUG=1. Either way the
 * process exits with code 1.
 */
export async function runAction(name: string, run: () => Promise<void>, logger: Logger = coreLogger): Promise<void> {
  try {
    await run();
  } catch (err) {
    reportFailure(name, err, logger, process.env.RUNNER_DEBUG === '1');
    process.exitCode = 1;
  }
}

/** Logs a failure the way runAction does; exported for the CLI, which shares the wording. */
export function reportFailure(name: string, err: unknown, logger: Logger, debug: boolean): void {
  if (isUserError(err)) {
    const props: AnnotationProps = { title: name };
    if (err.subject.file) props.file = err.subject.file;
    if (err.subject.line) props.startLine = err.subject.line;
    logger.error(err.describe(), props);
    return;
  }
  logger.error(
    `${name} failed with an internal error: ${errorMessage(err)}. This is a bug in slipway, not in your workflow; please report it with this log.` +
      (debug ? '' : ' Re-run with debug logging enabled to include the stack trace.'),
    { title: `${name}: internal error` },
  );
  if (debug && err instanceof Error && err.stack) logger.info(err.stack);
}
