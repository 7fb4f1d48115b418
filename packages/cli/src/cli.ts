import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError, inputEnvName, reportFailure, type Logger } from '@slipway/action-kit/lite';
import { helpText, parseFlags } from './flags.js';
import { ACTIONS } from './registry.js';

/** Where the CLI writes: stdout for results, stderr for the log. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

function consoleLogger(io: CliIo, debug: boolean): Logger {
  const where = (p?: { file?: string; startLine?: number }): string =>
    p?.file ? `${p.file}${p.startLine ? `:${p.startLine}` : ''}: ` : '';
  return {
    debug: (m) => debug && io.err(`debug: ${m}`),
    info: (m) => io.err(m),
    warning: (m, p) => io.err(`warning: ${where(p)}${m}`),
    error: (m, p) => io.err(`error: ${where(p)}${m}`),
  };
}

/** Runs `slipway <action> [flags]`; returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = io.env.RUNNER_DEBUG === '1';
  const logger = consoleLogger(io, debug);
  const [name, ...rest] = argv;
  try {
    if (!name || name === '--help' || name === '-h') {
      io.out(
        `slipway <action> [flags]\n\nActions: ${Object.keys(ACTIONS).join(', ')}\nRun slipway <action> --help for its flags.`,
      );
      return name ? 0 : 1;
    }
    const load = ACTIONS[name];
    if (!load)
      throw new UserError(`unknown action '${name}'.`, {}, `Known actions: ${Object.keys(ACTIONS).join(', ')}.`);
    const action = await load();
    const flags = parseFlags(action.metadata, rest);
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
    try {
      // Secrets are registered with the runner's masker in an action; a local terminal has none.
      await action.run({ env, logger, setOutput: (k, v) => (outputs[k] = v), mask: () => {} });
      if (flags.json) io.out(JSON.stringify(outputs, null, 2));
      else io.out(readSummary(join(summaryDir, 'summary.md')));
    } finally {
      rmSync(summaryDir, { recursive: true, force: true });
    }
    return 0;
  } catch (err) {
    reportFailure(`slipway ${name ?? ''}`.trim(), err, logger, debug);
    return 1;
  }
}

function readSummary(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
