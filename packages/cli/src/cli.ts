import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandSafe, inputEnvName, redactCredentials, reportFailure, type Logger } from '@slipway/action-kit/lite';
import { UsageError, helpText, parseFlags } from './flags.js';
import { ACTIONS, ALIASES } from './registry.js';
import type { Terminal } from './terminal.js';

/** Where the CLI writes: stdout for results, stderr for the log. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** A terminal to draw on (spinner, colours); absent for plain lines. */
  terminal?: Terminal;
}

/**
 * What the runner does with `::add-mask::`, for a terminal: every value an action masks is shown
 * as `***` in everything the CLI prints afterwards, longest first so that a secret holding
 * another is hidden whole.
 */
class Redactor {
  private readonly secrets = new Set<string>();
  add(value: string): void {
    if (value.length >= 3) this.secrets.add(value);
  }
  apply(text: string): string {
    let out = redactCredentials(text);
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('***');
    return out;
  }
}

function consoleLogger(io: CliIo, debug: boolean, redactor: Redactor): Logger {
  const where = (p?: { file?: string; startLine?: number }): string =>
    p?.file ? `${p.file}${p.startLine ? `:${p.startLine}` : ''}: ` : '';
  const terminal = io.terminal;
  // The runner reads stderr for workflow commands too, should this run inside a job.
  const say = (text: string, kind: 'info' | 'warning' | 'error' | 'debug'): void =>
    terminal ? terminal.line(redactor.apply(commandSafe(text)), kind) : io.err(commandSafe(text));
  return {
    debug: (m) => debug && say(`debug: ${m}`, 'debug'),
    info: (m) => say(m, 'info'),
    warning: (m, p) => say(`warning: ${where(p)}${m}`, 'warning'),
    error: (m, p) => say(`error: ${where(p)}${m}`, 'error'),
  };
}

const USAGE = (names: string[]): string =>
  `slipway <action> [flags]\n\nActions: ${names.join(', ')}\nShort names: ${Object.entries(ALIASES)
    .map(([short, long]) => `${short} (${long})`)
    .join(
      ', ',
    )}\nRun slipway <action> --help for its flags.\n\nExit codes: 0 done; 1 the operation failed (a gate failed, a canary was rolled back); 2 the command line is wrong.`;

/**
 * Runs `slipway <action> [flags]`; returns the exit code: 0 done, 1 the action failed (or no
 * action was named: usage goes to stderr), 2 the command line is wrong (unknown action or flag,
 * a flag without its value).
 */
export async function main(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const redactor = new Redactor();
  const io: CliIo = {
    ...rawIo,
    out: (t) => rawIo.out(redactor.apply(t)),
    err: (t) => rawIo.err(redactor.apply(t)),
  };
  const debug = io.env.RUNNER_DEBUG === '1';
  const logger = consoleLogger(io, debug, redactor);
  const [given, ...rest] = argv;
  const name = given !== undefined ? (ALIASES[given] ?? given) : undefined;
  try {
    if (!name) {
      io.err(USAGE(Object.keys(ACTIONS)));
      return 1;
    }
    if (name === '--help' || name === '-h') {
      io.out(USAGE(Object.keys(ACTIONS)));
      return 0;
    }
    const load = ACTIONS[name];
    if (!load)
      throw new UsageError(`unknown action '${name}'.`, {}, `Known actions: ${Object.keys(ACTIONS).join(', ')}.`);
    const action = await load();
    const flags = parseFlags(action.metadata, rest, action.commandLine);
    if (flags.help) {
      io.out(helpText(action.metadata));
      return 0;
    }
    const summaryDir = mkdtempSync(join(tmpdir(), 'slipway-cli-'));
    const env: NodeJS.ProcessEnv = {
      ...io.env,
      GITHUB_WORKSPACE: io.env.GITHUB_WORKSPACE || io.cwd,
      GITHUB_STEP_SUMMARY: join(summaryDir, 'summary.md'),
    };
    for (const key of Object.keys(env)) if (key.startsWith('INPUT_')) delete env[key];
    for (const [input, value] of Object.entries(flags.inputs)) env[inputEnvName(input)] = value;
    const outputs: Record<string, string> = {};
    io.terminal?.start(`slipway ${name}`);
    try {
      await action.run({ env, logger, setOutput: (k, v) => (outputs[k] = v), mask: (v) => redactor.add(v) });
      io.terminal?.stop(true, 'done');
      if (flags.json) io.out(JSON.stringify(outputs, null, 2));
      else io.out(readSummary(join(summaryDir, 'summary.md')));
    } catch (err) {
      // An action that fails after setting its outputs (a canary rolled back, a workflow that
      // failed) still gives them with --json, as the runner still passes them on.
      io.terminal?.stop(false, 'failed');
      if (flags.json && Object.keys(outputs).length) io.out(JSON.stringify(outputs, null, 2));
      throw err;
    } finally {
      rmSync(summaryDir, { recursive: true, force: true });
    }
    return 0;
  } catch (err) {
    reportFailure(`slipway ${name ?? ''}`.trim(), err, logger, debug);
    return err instanceof UsageError ? 2 : 1;
  }
}

function readSummary(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
