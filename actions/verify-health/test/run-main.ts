// Runs verify-health's entry point from source as the runner runs its bundle, so that tests see
// what a job's log, outputs and summary would hold without a rebuilt dist/.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO, inputVar, makeTree, parseOutputFile, removeTree } from '../../../test/harness.js';

/** What one run of the action's entry point showed: the log, the outputs and the job summary. */
export interface MainRun {
  status: number | null;
  stdout: string;
  outputsFile: string;
  outputs: Record<string, string>;
  summary: string;
}

/**
 * Runs actions/verify-health/src/index.ts from source in its own process, as the runner runs the
 * bundle: action.yml's defaults and the given inputs as INPUT_* variables, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY as real files, and @actions/core printing the workflow commands.
 */
export function runMain(inputs: Record<string, string>): Promise<MainRun> {
  const meta = parse(readFileSync(join(REPO, 'actions', 'verify-health', 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: unknown }>;
  };
  const files = makeTree({ output: '', summary: '' }, 'slipway-health-runner-');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? files,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: join(files, 'output'),
    GITHUB_STEP_SUMMARY: join(files, 'summary'),
    RUNNER_TEMP: files,
  };
  for (const [name, s] of Object.entries(meta.inputs))
    env[inputVar(name)] = s?.default === undefined ? '' : String(s.default);
  for (const [name, value] of Object.entries(inputs)) {
    if (!(name in meta.inputs)) throw new Error(`test bug: verify-health has no input '${name}'`);
    env[inputVar(name)] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(REPO, 'actions', 'verify-health', 'src', 'index.ts')],
      { cwd: REPO, env },
    );
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stdout += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      const outputsFile = readFileSync(join(files, 'output'), 'utf8');
      const summary = readFileSync(join(files, 'summary'), 'utf8');
      removeTree(files);
      resolve({ status, stdout, outputsFile, outputs: parseOutputFile(outputsFile), summary });
    });
  });
}
