import { formatDuration, UserError, withoutRunnerCredentials, type Exec } from '@slipway/action-kit/lite';

/** How many lines of a failed command's output the error and the summary show. */
export const TAIL_LINES = 50;
/** How much of a command's output is kept for its tail: a build printing 100 MB must not fill memory. */
const MAX_CAPTURED_OUTPUT = 1024 * 1024;
/** A tail line longer than this (minified code, a progress bar) is cut, so 50 lines stay readable. */
const MAX_TAIL_LINE = 1000;

/** The last lines of some output, each cut to a readable length. */
export function tail(text: string, lines = TAIL_LINES): string {
  const all = text.replace(/\s+$/, '').split('\n');
  return all
    .slice(-lines)
    .map((l) => (l.length > MAX_TAIL_LINE ? `${l.slice(0, MAX_TAIL_LINE)}…(${l.length} chars)` : l))
    .join('\n');
}

/** A failed build or install command: a UserError that carries the output's tail for the summary. */
export class CommandError extends UserError {
  constructor(
    readonly step: 'install' | 'build',
    readonly command: string,
    readonly exitCode: number,
    readonly outputTail: string,
    /** Set when the command did not fail but was stopped: it ran past this many milliseconds. */
    readonly timeoutMs?: number,
  ) {
    super(
      timeoutMs === undefined
        ? `${step} command \`${command}\` failed with exit code ${exitCode}. Its last lines:\n${outputTail}`
        : `${step} command \`${command}\` was stopped after ${formatDuration(timeoutMs)}, the timeout. Its last lines:\n${outputTail}`,
      { input: timeoutMs === undefined ? (step === 'build' ? 'command' : 'install') : 'timeout' },
      timeoutMs === undefined ? undefined : 'Find what hangs (a prompt, a watch mode, a server), or raise timeout.',
    );
  }
}

/** How a command is run: its time limit and how its output is cleaned before anyone is shown it. */
export interface CommandLimits {
  /** Stop the command and everything it started after this many milliseconds. */
  timeoutMs?: number;
  /** Applied to the output's tail before it goes into the error (and so the log and summary). */
  redact: (text: string) => string;
}

/**
 * Runs a shell command in a folder with the step's environment, streaming its output to the log;
 * stderr is folded into stdout so the tail of a failure reads in order. The project's scripts are
 * untrusted: they get no runner credentials and no INPUT_* variables, their output cannot issue
 * workflow commands, and only the last MiB of it is held.
 */
export async function runCommand(
  exec: Exec,
  step: 'install' | 'build',
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  limits: CommandLimits,
): Promise<void> {
  const clean = withoutRunnerCredentials(env);
  for (const k of Object.keys(clean)) if (k.startsWith('INPUT_')) delete clean[k];
  const result = await exec('sh', ['-c', `exec 2>&1\n${command}`], {
    cwd,
    env: clean,
    ignoreReturnCode: true,
    maxOutputBytes: MAX_CAPTURED_OUTPUT,
    untrustedOutput: true,
    ...(limits.timeoutMs !== undefined ? { timeoutMs: limits.timeoutMs } : {}),
  });
  const lastLines = (): string => limits.redact(tail(result.stdout + result.stderr));
  if (result.timedOut) throw new CommandError(step, command, result.exitCode, lastLines(), limits.timeoutMs);
  if (result.exitCode !== 0) throw new CommandError(step, command, result.exitCode, lastLines());
}
