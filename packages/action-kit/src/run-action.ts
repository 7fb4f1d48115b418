import * as core from '@actions/core';
import { reportFailure } from './report.js';
import { redactCredentials } from './secrets.js';
import { commandSafe } from './untrusted.js';
import type { Logger } from './logger.js';
import type { ActionSeams } from './seams.js';

/**
 * The runner's logger: annotations become ::warning/::error commands with file and line (whose
 * message and properties @actions/core escapes); a plain line that holds `::` goes out between
 * stop-commands markers, so no file name or server body in it can act as a workflow command.
 * Every line shows a URL's password as `***`, whichever code wrote it (domain code redacts too).
 */
export const coreLogger: Logger = {
  debug: (message) => core.debug(redactCredentials(message)),
  info: (message) => core.info(commandSafe(redactCredentials(message))),
  warning: (message, props) => core.warning(redactCredentials(message), props),
  error: (message, props) => core.error(redactCredentials(message), props),
};

/** The seams of a real runner, built on @actions/core. Only action entry points load this module. */
export function runnerSeams(): ActionSeams {
  return {
    env: process.env,
    logger: coreLogger,
    setOutput: (name, value) => core.setOutput(name, value),
    mask: (value) => core.setSecret(value),
    saveState: (name, value) => core.saveState(name, value),
  };
}

/**
 * Runs an action's main function with the runner's seams and reports whatever escapes it. A
 * UserError becomes one `::error::` line naming the input or file, without a stack. Anything else
 * is an internal error: the message, a request to report it, and the stack only under
 * RUNNER_DEBUG=1. Either way the process exits with code 1. With `post`, the same bundle runs as
 * the action's post step too.
 */
export async function runAction(
  name: string,
  run: (seams: ActionSeams) => Promise<void>,
  seams: ActionSeams = runnerSeams(),
  post?: (seams: ActionSeams) => Promise<void>,
): Promise<void> {
  try {
    // One bundle serves both steps (action.yml names it as main and post): main leaves a mark in
    // the step's state, which the runner hands to the post step as STATE_slipway-post.
    if (post && seams.env['STATE_slipway-post'] === 'true') return await post(seams);
    if (post) seams.saveState?.('slipway-post', 'true');
    await run(seams);
  } catch (err) {
    reportFailure(name, err, seams.logger, seams.env.RUNNER_DEBUG === '1');
    process.exitCode = 1;
  }
}
