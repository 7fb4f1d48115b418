// The log of a router the registry hands no logger: workflow-command lines on stdout, as the
// runner reads them, with credentials redacted.
import { commandSafe, escapeCommandData, redactCredentials, type Logger } from '@slipway/action-kit/lite';

/** The runner's log without @actions/core (domain packages do not load it): the lines it would write. */
export const stdoutLogger: Logger = {
  debug: () => {},
  info: (message) => void process.stdout.write(`${commandSafe(redactCredentials(message))}\n`),
  warning: (message) => void process.stdout.write(`::warning::${escapeCommandData(redactCredentials(message))}\n`),
  error: (message) => void process.stdout.write(`::error::${escapeCommandData(redactCredentials(message))}\n`),
};
