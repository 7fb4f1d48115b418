// Runs one of the user's provider commands through the shell, turning its failure into a UserError
// on the input that holds it: the exit code and the end of what it printed, with credentials hidden.
import { UserError, formatDuration, redactCredentials, type Exec } from '@slipway/action-kit/lite';

/** How much of a failing command's output the error quotes: enough for a cloud CLI's last complaint. */
const TAIL_CHARS = 300;
/** Enough for a status answer with latencies; what runs past it is cut from the front (and then fails to parse). */
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

/** One command to run, and what it needs. */
export interface CommandRun {
  /** The input that holds the command, for messages. */
  input: string;
  command: string;
  env: Record<string, string>;
  timeoutMs: number;
  exec: Exec;
  /** Keep the output out of the log (a status answer is data, read every few seconds). */
  silent?: boolean;
}

/** Runs the command; resolves with its stdout, throws a UserError naming the input when it fails or times out. */
export async function runCommand(r: CommandRun): Promise<string> {
  let result;
  try {
    result = await r.exec('/bin/sh', ['-c', r.command], {
      env: r.env,
      timeoutMs: r.timeoutMs,
      maxOutputBytes: MAX_OUTPUT_BYTES,
      // A platform CLI's output is not ours: it must not be able to act as a workflow command.
      untrustedOutput: true,
      ignoreReturnCode: true,
      ...(r.silent ? { silent: true } : {}),
    });
  } catch (err) {
    throw new UserError(`could not run: ${(err as Error).message}`, { input: r.input });
  }
  if (result.timedOut)
    throw new UserError(
      `did not finish within ${formatDuration(r.timeoutMs)} and was stopped.`,
      { input: r.input },
      'Raise command-timeout, or make the command return once the change is made.',
    );
  if (result.exitCode !== 0) {
    const tail = outputTail(result.stderr) || outputTail(result.stdout);
    throw new UserError(`exited with code ${result.exitCode}${tail ? `: ${tail}` : ' and printed nothing.'}`, {
      input: r.input,
    });
  }
  return result.stdout;
}

/** The last characters of a command's output on one line, credentials in URLs shown as `***`. */
function outputTail(text: string): string {
  const flat = text.trim().replace(/\s*\n\s*/g, ' | ');
  // Redacted before cutting, so that a cut cannot leave a credential's tail without the URL that marks it.
  const redacted = redactCredentials(flat);
  return redacted.length > TAIL_CHARS ? `…${redacted.slice(-TAIL_CHARS)}` : redacted;
}
