// The shared test harness: temporary trees from tables, environment that is restored after each
// test, and a runner that executes a built action bundle exactly as GitHub's runner does.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, it } from '@jest/globals';

/** The repository root. */
export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Creates a temporary folder holding the given files (path → content); returns its path. */
export function makeTree(files: Record<string, string | Buffer>, prefix = 'slipway-test-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}

/** Removes a temporary tree. */
export function removeTree(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** The runner's environment variable for an input. */
export function inputVar(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** What a bundle run produced. */
export interface BundleRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Reads GITHUB_OUTPUT's `name<<delimiter` and `name=value` records. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]!);
      outputs[heredoc[1]!] = value.join('\n');
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

interface PreparedRun {
  env: Record<string, string>;
  files: string;
}

/** The runner's environment for a bundle: defaults from action.yml, then the inputs, as INPUT_* variables. */
function prepareRun(
  action: string,
  inputs: Record<string, string>,
  options: { workspace: string; env?: Record<string, string> },
): PreparedRun {
  const meta = parse(readFileSync(join(REPO, 'actions', action, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, { default?: unknown }>;
  };
  const files = makeTree({ output: '', summary: '' }, 'slipway-runner-');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: join(files, 'output'),
    GITHUB_STEP_SUMMARY: join(files, 'summary'),
    RUNNER_TEMP: files,
  };
  for (const [name, spec] of Object.entries(meta.inputs ?? {}))
    env[inputVar(name)] = spec?.default === undefined ? '' : String(spec.default);
  for (const [name, value] of Object.entries(inputs)) {
    if (!(name in (meta.inputs ?? {}))) throw new Error(`test bug: ${action} has no input '${name}'`);
    env[inputVar(name)] = value;
  }
  Object.assign(env, options.env ?? {});
  return { env, files };
}

function collectRun(prepared: PreparedRun, status: number | null, stdout: string, stderr: string): BundleRun {
  const run: BundleRun = {
    status,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(join(prepared.files, 'output'), 'utf8')),
    summary: readFileSync(join(prepared.files, 'summary'), 'utf8'),
  };
  removeTree(prepared.files);
  return run;
}

/**
 * Runs dist/<action>/index.js the way the runner does: defaults from action.yml, then the given
 * inputs, as INPUT_* variables; GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as real files; a clean
 * environment that holds nothing of the test process's own.
 */
export function runBundle(
  action: string,
  inputs: Record<string, string>,
  options: { workspace: string; env?: Record<string, string> },
): BundleRun {
  const prepared = prepareRun(action, inputs, options);
  const result = spawnSync(process.execPath, [join(REPO, 'dist', action, 'index.js')], {
    cwd: options.workspace,
    env: prepared.env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return collectRun(prepared, result.status, result.stdout, result.stderr);
}

/** runBundle without blocking this process, for tests that serve HTTP to the bundle themselves. */
export function runBundleAsync(
  action: string,
  inputs: Record<string, string>,
  options: { workspace: string; env?: Record<string, string> },
): Promise<BundleRun> {
  const prepared = prepareRun(action, inputs, options);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'dist', action, 'index.js')], {
      cwd: options.workspace,
      env: prepared.env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve(collectRun(prepared, status, stdout, stderr));
    });
  });
}

/** Sets environment variables for the length of fn, then restores every one of them. */
export async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T> | T): Promise<T> {
  const saved = new Map(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return await fn();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** True when a command exists on PATH. */
export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/**
 * `describe` and `it` for tests that need a real tool (`go`, `prometheus`). Where the tool is
 * missing they skip, saying so loudly on stderr, except under CI=true: there a missing tool is a
 * failure (the tests run and fail), never a silent skip. test/setup.sh installs the tools.
 */
export function needsTool(tool: string): {
  describe: typeof describe | typeof describe.skip;
  it: typeof it | typeof it.skip;
} {
  if (hasCommand(tool) || process.env.CI) return { describe, it };
  process.stderr.write(
    `\n*** SKIPPED LOUDLY: '${tool}' is not installed here, so the tests that need it do not run. ` +
      `Run 'bash test/setup.sh' (as root) to install it; under CI=true these tests fail instead. ***\n\n`,
  );
  return { describe: describe.skip, it: it.skip };
}

export { closedPort } from './ports.js';
