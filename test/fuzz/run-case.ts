// Runs one fuzz case, in process through the action's own run() or as the runner does through the
// committed bundle, and gathers what a reader of the job would see: the log, the outputs and the
// job summary, each after the runner's masking, plus how the run ended and what it wrote outside
// its workspace.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { coreLogger, isUserError, reportFailure, type ActionSeams } from '@slipway/action-kit';
import { inputVar, makeTree, removeTree, runBundleAsync, type BundleRun } from '../harness.js';
import { CLOSED, JAIL, OPEN } from './arbitraries.js';
import { declaredInputs, type FuzzAction } from './actions.js';
import { CASE_TIMEOUT_MS } from './config.js';

/** An action's main function, as its src/main.ts exports it. */
export type Run = (seams: ActionSeams) => Promise<void>;

/** The loopback addresses the placeholders stand for. */
export interface Addresses {
  /** host:port of the suite's own server. */
  open: string;
  /** host:port where nothing listens. */
  closed: string;
}

/** How one case ended and what it showed. */
export interface Outcome {
  ended: 'ok' | 'user-error' | 'internal-error' | 'hung';
  /** The input a user's error names, if it names one. */
  blames: string | undefined;
  /** The error as the log shows it ('' when the run succeeded). */
  error: string;
  /** The job's log, after masking. */
  log: string;
  /** Every output as name=value lines, after masking. */
  outputs: string;
  /** The job summary, after masking. */
  summary: string;
  /** What the process wrote to stderr (the bundle only). */
  stderr: string;
  /** Files and folders written in the jail outside the workspace. */
  outside: string[];
}

/** A case's folders: the workspace two levels down in a jail, and the runner's own folder with HOME deep inside. */
interface Tree {
  jail: string;
  workspace: string;
  runner: string;
  home: string;
}

/**
 * Replaces the placeholders of a drawn value with this case's paths and addresses. Any other
 * absolute path (a random string may start with /) is moved into the jail: the tests run as root,
 * and an action rightly writes where an absolute path says (an output-dir of `/x` would put an
 * archive in the machine's root). Devices stay as they are: no write can harm them.
 */
export function resolve(value: string, tree: Pick<Tree, 'jail'>, addresses: Addresses): string {
  const placed = value
    .split(JAIL)
    .join(tree.jail)
    .split(OPEN)
    .join(addresses.open)
    .split(CLOSED)
    .join(addresses.closed);
  return /^\s*\/(?!dev\/)/.test(placed) && !placed.trim().startsWith(tree.jail)
    ? placed.replace(/^(\s*)\//, `$1${tree.jail}/`)
    : placed;
}

/** A git repository per action, made once and copied into each case (git itself takes tens of ms). */
const repositories = new Map<string, string>();

function repository(action: FuzzAction): string {
  const known = repositories.get(action.name);
  if (known) return known;
  const repo = makeTree(action.files, 'slipway-fuzz-repo-');
  const git = (...args: string[]): void => {
    const r = spawnSync('git', ['-C', repo, '-c', 'user.name=fuzz', '-c', 'user.email=fuzz@example.com', ...args]);
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${String(r.stderr)}`);
  };
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'fuzz baseline', '--date', '2024-01-01T00:00:00Z');
  repositories.set(action.name, repo);
  return repo;
}

/** Removes the git repositories made for the cases. */
export function removeRepositories(): void {
  for (const repo of repositories.values()) removeTree(repo);
  repositories.clear();
}

// The workspace sits two folders deep in the jail, so that `../../x` lands in the jail, where a
// write outside the workspace shows, rather than in the machine's own folders; HOME sits five
// deep in the runner folder for the same reason (`~/../../..`).
function makeCase(action: FuzzAction): Tree {
  const jail = makeTree({}, 'slipway-fuzz-');
  const workspace = join(jail, 'a', 'b', 'ws');
  try {
    mkdirSync(workspace, { recursive: true });
    if (action.git) cpSync(repository(action), workspace, { recursive: true });
    else
      for (const [path, content] of Object.entries(action.files)) {
        mkdirSync(dirname(join(workspace, path)), { recursive: true });
        writeFileSync(join(workspace, path), content);
      }
  } catch (err) {
    removeTree(jail);
    throw err;
  }
  const runner = makeTree({ summary: '', state: '' }, 'slipway-fuzz-runner-');
  const home = join(runner, 'h', 'o', 'm', 'e', 'home');
  mkdirSync(home, { recursive: true });
  return { jail, workspace, runner, home };
}

/** Every path in the jail but the workspace and the folders that hold it; none when the user chose a place outside. */
function outsideWrites(tree: Tree, value: string): string[] {
  if (choosesOutside(value)) return [];
  const skeleton = new Set(['a', join('a', 'b'), join('a', 'b', 'ws')]);
  const found: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(tree.jail, rel), { withFileTypes: true })) {
      const path = join(rel, entry.name);
      if (path === join('a', 'b', 'ws')) continue;
      if (!skeleton.has(path)) found.push(path);
      if (entry.isDirectory()) walk(path);
    }
  };
  walk('');
  return found;
}

/** True when a value names a place the user chose outside the workspace (absolute, under ~, or in the jail). */
function choosesOutside(value: string): boolean {
  const v = value.trim();
  return v.startsWith('/') || v.startsWith('~') || v.includes(JAIL);
}

/** The text with every masked value shown as ***, as the runner shows it; longer values first. */
function masked(text: string, secrets: string[]): string {
  let out = text;
  for (const m of [...new Set(secrets)].filter((x) => x.length >= 3).sort((a, b) => b.length - a.length))
    out = out.split(m).join('***');
  return out;
}

/** The inputs of a case: action.yml's defaults, the baseline, then the fuzzed value. */
function inputsOf(action: FuzzAction, input: string, value: string, tree: Tree, addresses: Addresses) {
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(declaredInputs(action.name)))
    inputs[name] = spec.default === undefined ? '' : String(spec.default);
  for (const [name, v] of Object.entries(action.baseline)) inputs[name] = resolve(v, tree, addresses);
  inputs[input] = resolve(value, tree, addresses);
  return inputs;
}

/**
 * Removes a case's folder. A value such as `a/a/…/x` makes the action create a folder thousands
 * of levels deep, which fs.rmSync cannot remove (it recurses once per level and runs out of
 * stack); rm -rf can.
 */
function removeCase(path: string): void {
  try {
    removeTree(path);
  } catch {
    spawnSync('rm', ['-rf', path]);
  }
}

/**
 * Runs the action's run() with real INPUT_* variables and the runner's own logger, its lines
 * caught on their way to stdout; a failure is reported as runAction reports it.
 */
export async function runInProcess(
  action: FuzzAction,
  run: Run,
  input: string,
  value: string,
  addresses: Addresses,
  timeoutMs = CASE_TIMEOUT_MS,
): Promise<Outcome> {
  const tree = makeCase(action);
  try {
    return await runIn(tree, action, run, input, value, addresses, timeoutMs);
  } finally {
    removeCase(tree.jail);
    removeCase(tree.runner);
  }
}

/** runInProcess in the case's folders, which the caller removes whatever happens. */
async function runIn(
  tree: Tree,
  action: FuzzAction,
  run: Run,
  input: string,
  value: string,
  addresses: Addresses,
  timeoutMs: number,
): Promise<Outcome> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: tree.home,
    GITHUB_WORKSPACE: tree.workspace,
    GITHUB_STEP_SUMMARY: join(tree.runner, 'summary'),
    RUNNER_TEMP: tree.runner,
  };
  for (const [name, v] of Object.entries(inputsOf(action, input, value, tree, addresses))) env[inputVar(name)] = v;
  const printed: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => (printed.push(String(chunk)), true)) as typeof write;
  const outputs: string[] = [];
  const secrets: string[] = [];
  let ended: Outcome['ended'] = 'ok';
  let blames: string | undefined;
  let error = '';
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      run({
        env,
        logger: coreLogger,
        setOutput: (k, v) => outputs.push(`${k}=${String(v)}`),
        mask: (m) => secrets.push(m),
      }),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('__hung__')), timeoutMs))),
    ]);
  } catch (err) {
    if (err instanceof Error && err.message === '__hung__') ended = 'hung';
    else if (isUserError(err)) {
      ended = 'user-error';
      blames = err.subject.input;
      error = err.describe();
    } else {
      ended = 'internal-error';
      error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
    // As runAction reports it, with the stack that RUNNER_DEBUG would add, so a leak through it shows.
    if (ended !== 'hung') reportFailure(action.name, err, coreLogger, true);
  } finally {
    clearTimeout(timer);
    process.stdout.write = write;
  }
  const summary = readFileSync(join(tree.runner, 'summary'), 'utf8');
  return {
    ended,
    blames,
    error: masked(error, secrets),
    log: masked(printed.join(''), secrets),
    outputs: masked(outputs.join('\n'), secrets),
    summary: masked(summary, secrets),
    stderr: '',
    outside: outsideWrites(tree, value),
  };
}

/** Undoes @actions/core's escaping of a command's data. */
const unescapeData = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

/**
 * What a bundle run shows. The runner takes `::add-mask::` lines out of the log and masks their
 * values everywhere after; the same is done here. A failure without an ::error line, or with one
 * that reports an internal error, is internal.
 */
export function bundleOutcome(result: BundleRun): Omit<Outcome, 'outside'> {
  const secrets = [...result.stdout.matchAll(/^::add-mask::(.*)$/gm)].map((m) => unescapeData(m[1]!));
  const log = masked(result.stdout.replace(/^::add-mask::.*\n?/gm, ''), secrets);
  const errorLine = log.split('\n').find((l) => l.startsWith('::error')) ?? '';
  const internal = !errorLine || /internal error/.test(errorLine);
  return {
    ended: result.status === null ? 'hung' : result.status === 0 ? 'ok' : internal ? 'internal-error' : 'user-error',
    blames: /^::error[^:]*::input '([^']+)'/.exec(errorLine)?.[1],
    error: errorLine,
    log,
    outputs: masked(
      Object.entries(result.outputs)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n'),
      secrets,
    ),
    summary: masked(result.summary, secrets),
    stderr: masked(result.stderr, secrets),
  };
}

/** Runs node dist/<action>/index.js as the runner does (runBundleAsync kills it after two minutes). */
export async function runThroughBundle(
  action: FuzzAction,
  input: string,
  value: string,
  addresses: Addresses,
): Promise<Outcome> {
  const tree = makeCase(action);
  try {
    const result = await runBundleAsync(action.name, inputsOf(action, input, value, tree, addresses), {
      workspace: tree.workspace,
      // The state file as a runner has it: without one, @actions/core prints ::save-state:: to the log instead.
      env: { HOME: tree.home, RUNNER_TEMP: tree.runner, GITHUB_STATE: join(tree.runner, 'state') },
    });
    return { ...bundleOutcome(result), outside: outsideWrites(tree, value) };
  } finally {
    removeCase(tree.jail);
    removeCase(tree.runner);
  }
}
