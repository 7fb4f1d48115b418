import { UserError, type Exec } from '@slipway/action-kit/lite';

/** How many lines of a failed command's output the error and the summary show. */
export const TAIL_LINES = 50;

/** The last lines of some output. */
export function tail(text: string, lines = TAIL_LINES): string {
  const all = text.replace(/\s+$/, '').split('\n');
  return all.slice(-lines).join('\n');
}

/** A failed build or install command: a UserError that carries the output's tail for the summary. */
export class CommandError extends UserError {
  constructor(
    readonly step: 'install' | 'build',
    readonly command: string,
    readonly exitCode: number,
    readonly outputTail: string,
  ) {
    super(`${step} command \`${command}\` failed with exit code ${exitCode}. Its last lines:\n${outputTail}`, {
      input: step === 'build' ? 'command' : 'install',
    });
  }
}

/**
 * Runs a shell command in a folder with the step's environment, streaming its output to the log;
 * stderr is folded into stdout so the tail of a failure reads in order.
 */
export async function runCommand(
  exec: Exec,
  step: 'install' | 'build',
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && !k.startsWith('INPUT_')) clean[k] = v;
  const result = await exec('sh', ['-c', `${command} 2>&1`], { cwd, env: clean, ignoreReturnCode: true });
  if (result.exitCode !== 0)
    throw new CommandError(step, command, result.exitCode, tail(result.stdout + result.stderr));
}
