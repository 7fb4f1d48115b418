// The nginx commands a user configures (`nginx -s reload`, `sudo nginx -t`, `docker exec web nginx
// -t`), run without a shell so that no input is ever interpreted twice.
import { UserError, type Exec } from '@slipway/action-kit/lite';

/** How long reloading or testing may take before it counts as hung. */
const COMMAND_TIMEOUT_MS = 60_000;

/** A configured command: its words, and the input to name when it goes wrong. */
export interface NginxCommand {
  argv: string[];
  input: string;
}

/** Splits a command into words: blanks separate them, and single or double quotes keep blanks inside one. */
export function parseCommand(text: string, input: string): NginxCommand {
  const argv: string[] = [];
  const word = /"([^"]*)"|'([^']*)'|([^\s"']+)|(\S)/g;
  let current: string | undefined;
  let last = 0;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    if (m[4] !== undefined) throw new UserError(`'${text}' has an unclosed quote.`, { input });
    // Adjacent pieces without a blank between them are one word (`-g'daemon off;'`).
    if (current !== undefined && m.index !== last) {
      argv.push(current);
      current = undefined;
    }
    current = (current ?? '') + (m[1] ?? m[2] ?? m[3] ?? '');
    last = word.lastIndex;
  }
  if (current !== undefined) argv.push(current);
  if (argv.length === 0) throw new UserError('is empty.', { input }, 'Give a command such as: nginx -s reload');
  return { argv, input };
}

/**
 * Runs a command and returns nginx's own words on failure (stderr, else stdout), or undefined when
 * it succeeded. A program that is not there, or one that hangs, is the configuring input's mistake.
 */
export async function runCommand(exec: Exec, command: NginxCommand): Promise<string | undefined> {
  const [program, ...args] = command.argv as [string, ...string[]];
  let result;
  try {
    result = await exec(program, args, { silent: true, ignoreReturnCode: true, timeoutMs: COMMAND_TIMEOUT_MS });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UserError(
        `runs '${program}', which is not installed or not on PATH.`,
        { input: command.input },
        'Install nginx on the runner, or give the full command (for example: sudo /usr/sbin/nginx -s reload).',
      );
    throw err;
  }
  if (result.timedOut)
    throw new UserError(`'${command.argv.join(' ')}' did not finish within ${COMMAND_TIMEOUT_MS / 1000} s.`, {
      input: command.input,
    });
  if (result.exitCode === 0) return undefined;
  const said = (result.stderr.trim() || result.stdout.trim()).slice(-2000);
  return said || `it exited with code ${result.exitCode}`;
}
