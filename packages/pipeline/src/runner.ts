// `slipway pipeline`: runs a workflow's job graph on this machine. Jobs run one at a time in the
// order their needs: define; a job that calls a reusable workflow runs that workflow's graph in
// turn; matrices expand as GitHub expands them; if: conditions, needs.<job>.result and outputs flow
// as on GitHub. Steps run as the runner runs them: `run:` through the shell with GITHUB_OUTPUT,
// GITHUB_ENV, GITHUB_PATH and GITHUB_STEP_SUMMARY files; node actions (slipway's own, and local
// ./ ones) from their action.yml with INPUT_* variables, post steps included; the third-party
// actions that need GitHub by local stand-ins (stand-ins/). build-artifact's upload reaches a
// local artifact service, from which download-artifact's stand-in takes it by id.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { arch, tmpdir, userInfo } from 'node:os';
import { basename, delimiter, isAbsolute, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { UserError, inputEnvName, type Logger } from '@slipway/action-kit/lite';
import { ArtifactService } from './artifact-service.js';
import { Masker, readCommand, readKeyValueFile, readPathFile } from './commands.js';
import { asString, condition, interpolate, type Contexts, type Status } from './expressions.js';
import { jobLevels } from './graph.js';
import { expandMatrix, type Combination } from './matrix.js';
import { standInFor, type ExecResult, type StandIn } from './stand-ins/index.js';
import { loadWorkflow, typedInputs, type Job, type Step, type Workflow } from './workflow.js';

export type Result = 'success' | 'failure' | 'cancelled' | 'skipped';

/** One step as it ran. */
export interface StepRecord {
  name: string;
  id?: string;
  /** What the step did (before continue-on-error). */
  outcome: Result;
  /** What the job saw (after continue-on-error). */
  conclusion: Result;
  outputs: Record<string, string>;
  /** How it ran: a stand-in's, a node action's or the shell's name. */
  kind: 'run' | 'action' | 'stand-in' | 'post';
  /** Why it failed, in one sentence. */
  reason?: string;
  durationMs: number;
}

/** One job (one matrix combination of it) as it ran. */
export interface JobRecord {
  /** Its place in the graph: `deploy` or `release/deploy/rollback` for a called workflow's job. */
  path: string;
  name: string;
  matrix?: Combination;
  result: Result;
  outputs: Record<string, string>;
  steps: StepRecord[];
  /** Why it failed or was skipped, in one sentence. */
  reason?: string;
  durationMs: number;
}

/** A step summary, as written to GITHUB_STEP_SUMMARY. */
export interface StepSummary {
  job: string;
  step: string;
  markdown: string;
}

export interface PipelineResult {
  result: Result;
  outputs: Record<string, string>;
  jobs: JobRecord[];
  summaries: StepSummary[];
  /** The run's folder: runner.temp of each job, artifacts, attestations, SARIF, summary.md. */
  runDir: string;
}

export interface PipelineOptions {
  /** The workflow file, absolute or relative to workspace. */
  workflow: string;
  /** The workflow's inputs, as strings (converted to the declared types). */
  inputs?: Record<string, string>;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  /** The repository the workflow runs on (GITHUB_WORKSPACE). */
  workspace: string;
  /** Where slipway's actions/, dist/ and .github/workflows/ are: slipway/slipway/… references run from here. */
  slipwayRoot: string;
  /** The run's folder; a new temporary one when not given. */
  runDir?: string;
  /** The environment steps start from (PATH, HOME…); the process's own when not given. */
  env?: NodeJS.ProcessEnv;
  logger: Logger;
  /** Aborting cancels the run: the running step is stopped, then only always() steps and post steps run. */
  signal?: AbortSignal;
  /** github.event_name; workflow_dispatch when not given. */
  event?: string;
}

const SLIPWAY = 'slipway/slipway/';
const DEFAULT_JOB_TIMEOUT_MINUTES = 360;

interface NodeAction {
  dir: string;
  main: string;
  post?: string;
  postIf: string;
  inputs: Record<string, { default?: unknown; required?: boolean }>;
}

interface PostStep {
  name: string;
  action: NodeAction;
  env: NodeJS.ProcessEnv;
  stateFile: string;
  contexts: Contexts;
}

/** Everything one run shares across its jobs and called workflows. */
class Run {
  readonly masker = new Masker();
  readonly jobs: JobRecord[] = [];
  readonly summaries: StepSummary[] = [];
  readonly runId = String(randomInt(1_000_000, 9_999_999));
  artifacts!: ArtifactService;
  resultsUrl = '';
  private counter = 0;
  readonly github: Record<string, unknown>;
  readonly baseEnv: NodeJS.ProcessEnv;

  constructor(
    readonly options: PipelineOptions,
    readonly runDir: string,
  ) {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(options.env ?? process.env))
      if (v !== undefined && !/^(INPUT_|STATE_|GITHUB_|RUNNER_|ACTIONS_)/.test(k)) env[k] = v;
    this.baseEnv = env;
    for (const value of Object.values(options.secrets ?? {})) this.masker.add(value);
    // github.token is empty unless the run is given GITHUB_TOKEN as a secret: a local run posts
    // nothing to GitHub (deployments, statuses) unless asked to.
    const token = options.secrets?.GITHUB_TOKEN ?? '';
    this.github = gitContext(options.workspace, {
      token,
      run_id: this.runId,
      event_name: options.event ?? 'workflow_dispatch',
      api_url: (options.env ?? process.env).GITHUB_API_URL || 'https://api.github.com',
    });
  }

  next(): number {
    return ++this.counter;
  }

  get aborted(): boolean {
    return !!this.options.signal?.aborted;
  }

  log(line: string): void {
    this.options.logger.info(this.masker.apply(line));
  }
}

/** The github context from the working tree's git state (zeros and 'local' when it is not a repository). */
function gitContext(workspace: string, extra: Record<string, string>): Record<string, unknown> {
  const git = (...args: string[]): string => {
    try {
      return readGit(workspace, args);
    } catch {
      return '';
    }
  };
  const sha = git('rev-parse', 'HEAD') || '0'.repeat(40);
  const branch = git('symbolic-ref', '-q', '--short', 'HEAD');
  const remote = git('config', '--get', 'remote.origin.url');
  const repository = /[:/]([^/:]+\/[^/]+?)(?:\.git)?$/.exec(remote)?.[1] ?? `local/${basename(workspace)}`;
  return {
    workspace,
    repository,
    repository_owner: repository.split('/')[0],
    sha,
    ref: branch ? `refs/heads/${branch}` : '',
    ref_name: branch,
    ref_type: 'branch',
    actor: safeUser(),
    triggering_actor: safeUser(),
    run_number: '1',
    run_attempt: '1',
    server_url: 'https://github.com',
    graphql_url: 'https://api.github.com/graphql',
    workflow: '',
    event: {},
    ...extra,
  };
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'local';
  }
}

function readGit(cwd: string, args: string[]): string {
  // A handful of short git reads at the start of the run.
  return execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

/** Runs a workflow's job graph; resolves with its result, outputs, jobs and step summaries. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const runDir = options.runDir ?? mkdtempSync(join(tmpdir(), 'slipway-pipeline-'));
  mkdirSync(runDir, { recursive: true });
  const run = new Run(options, runDir);
  run.artifacts = new ArtifactService(join(runDir, 'artifacts'));
  run.resultsUrl = await run.artifacts.start();
  try {
    const file = resolve(options.workspace, options.workflow);
    const workflow = loadWorkflow(file, shown(options.workspace, file));
    run.github.workflow = workflow.name ?? shown(options.workspace, file);
    run.github.workflow_ref = shown(options.workspace, file);
    const { result, outputs } = await runWorkflow(run, workflow, options.inputs ?? {}, options.secrets ?? {}, '', true);
    writeRunSummary(run);
    return { result, outputs, jobs: run.jobs, summaries: run.summaries, runDir };
  } finally {
    await run.artifacts.stop();
  }
}

function shown(workspace: string, file: string): string {
  const rel = relative(workspace, file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/** One workflow's graph (the top one, or one a job calls). */
async function runWorkflow(
  run: Run,
  workflow: Workflow,
  givenInputs: Record<string, unknown>,
  secrets: Record<string, string>,
  prefix: string,
  fromCommandLine: boolean,
): Promise<{ result: Result; outputs: Record<string, string> }> {
  const where = shown(run.options.workspace, workflow.file);
  const inputs = typedInputs(workflow, givenInputs, where, fromCommandLine);
  for (const [name, spec] of Object.entries(workflow.secrets))
    if (spec?.required && !secrets[name])
      throw new UserError(
        `needs secret '${name}'.`,
        { file: where },
        fromCommandLine ? `Pass --secret ${name}=VALUE.` : "Pass it in the calling job's secrets:.",
      );
  const base: Contexts = { github: run.github, inputs, vars: run.options.vars ?? {}, secrets: withToken(run, secrets) };
  const env = evaluateEnv(workflow.env, { ...base, env: {} }, where);
  const results = new Map<string, { result: Result; outputs: Record<string, string> }>();
  for (const level of jobLevels(workflow.jobs, where))
    for (const id of level) {
      const job = workflow.jobs[id]!;
      const needs = listNeeds(job);
      const needsContext = Object.fromEntries(needs.map((n) => [n, results.get(n)!]));
      results.set(id, await runJob(run, workflow, id, job, { ...base, needs: needsContext, env }, prefix, secrets));
    }
  const all = [...results.values()].map((r) => r.result);
  const result: Result = run.aborted ? 'cancelled' : all.includes('failure') ? 'failure' : 'success';
  const jobsContext = Object.fromEntries(results);
  const outputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(workflow.outputs))
    outputs[name] = asString(interpolate(spec?.value ?? '', { ...base, jobs: jobsContext }, where));
  return { result, outputs };
}

function withToken(run: Run, secrets: Record<string, string>): Record<string, string> {
  return { GITHUB_TOKEN: String(run.github.token ?? ''), ...secrets };
}

function listNeeds(job: Job): string[] {
  return job.needs === undefined ? [] : typeof job.needs === 'string' ? [job.needs] : [...job.needs];
}

function evaluateEnv(
  env: Record<string, unknown> | undefined,
  contexts: Contexts,
  where: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env ?? {}))
    out[k] = asString(interpolate(v, { ...contexts, env: { ...(contexts.env as object), ...out } }, where));
  return out;
}

/** The status a job's if: sees: failed when a needed job failed, skipped when one did not succeed otherwise. */
function needsStatus(run: Run, needs: Record<string, { result: Result }>): Status {
  const results = Object.values(needs).map((n) => n.result);
  return {
    failed: results.includes('failure'),
    cancelled: run.aborted,
    skipped: results.some((r) => r !== 'success' && r !== 'failure'),
  };
}

/** One job of a workflow: every matrix combination of it, each a steps job or a call. */
async function runJob(
  run: Run,
  workflow: Workflow,
  id: string,
  job: Job,
  contexts: Contexts,
  prefix: string,
  secrets: Record<string, string>,
): Promise<{ result: Result; outputs: Record<string, string> }> {
  const where = shown(run.options.workspace, workflow.file);
  const path = prefix ? `${prefix}/${id}` : id;
  const status = needsStatus(run, contexts.needs as Record<string, { result: Result }>);
  const jobContexts: Contexts = { ...contexts, github: { ...run.github, job: id } };
  if (!condition(job.if, jobContexts, status, `${where} (jobs.${id}.if)`)) {
    const result: Result = run.aborted ? 'cancelled' : 'skipped';
    const reason = run.aborted
      ? 'the run was cancelled'
      : job.if === undefined
        ? `a job it needs did not succeed (${describeNeeds(contexts.needs)})`
        : `its if: is false`;
    run.jobs.push({
      path,
      name: jobName(job, id, jobContexts, where),
      result,
      outputs: {},
      steps: [],
      reason,
      durationMs: 0,
    });
    run.log(`○ ${path}: ${result}, ${reason}`);
    return { result, outputs: {} };
  }
  const strategy = job.strategy ?? {};
  const matrixValue = interpolate(strategy.matrix, jobContexts, `${where} (jobs.${id}.strategy.matrix)`);
  const combinations =
    strategy.matrix === undefined ? [undefined] : expandMatrix(matrixValue, `${where} (jobs.${id}.strategy.matrix)`);
  if (combinations.length === 0) {
    const reason = 'its matrix has no combination';
    run.jobs.push({ path, name: id, result: 'failure', outputs: {}, steps: [], reason, durationMs: 0 });
    run.log(`✗ ${path}: ${reason}`);
    return { result: 'failure', outputs: {} };
  }
  const failFast =
    strategy['fail-fast'] === undefined ? true : !!interpolate(strategy['fail-fast'], jobContexts, where);
  let result: Result = 'success';
  const outputs: Record<string, string> = {};
  for (const [index, matrix] of combinations.entries()) {
    const instance: Contexts = {
      ...jobContexts,
      matrix: matrix ?? {},
      strategy: {
        'fail-fast': failFast,
        'job-index': index,
        'job-total': combinations.length,
        'max-parallel': combinations.length,
      },
    };
    const name = jobName(job, id, instance, where);
    if ((result === 'failure' && failFast) || run.aborted) {
      run.jobs.push({
        path,
        name,
        ...(matrix ? { matrix } : {}),
        result: 'cancelled',
        outputs: {},
        steps: [],
        reason: run.aborted ? 'the run was cancelled' : 'fail-fast: another combination failed',
        durationMs: 0,
      });
      run.log(`○ ${path} (${name}): cancelled`);
      result = run.aborted ? 'cancelled' : result;
      continue;
    }
    const one = job.uses
      ? await runCall(run, workflow, id, job, instance, path, name, secrets, matrix)
      : await runSteps(run, workflow, id, job, instance, path, name, matrix);
    Object.assign(outputs, one.outputs);
    if (one.result === 'failure') result = 'failure';
    else if (one.result === 'cancelled' && result !== 'failure') result = 'cancelled';
  }
  return { result, outputs };
}

function describeNeeds(needs: unknown): string {
  return Object.entries((needs ?? {}) as Record<string, { result: Result }>)
    .map(([n, r]) => `${n}: ${r.result}`)
    .join(', ');
}

function jobName(job: Job, id: string, contexts: Contexts, where: string): string {
  if (typeof job.name !== 'string') return id;
  try {
    return asString(interpolate(job.name, contexts, where));
  } catch {
    return job.name;
  }
}

/** A job that calls a reusable workflow: slipway's own (slipway/slipway/.github/workflows/…) or the repository's (./…). */
async function runCall(
  run: Run,
  workflow: Workflow,
  id: string,
  job: Job,
  contexts: Contexts,
  path: string,
  name: string,
  parentSecrets: Record<string, string>,
  matrix: Combination | undefined,
): Promise<{ result: Result; outputs: Record<string, string> }> {
  const where = shown(run.options.workspace, workflow.file);
  const started = Date.now();
  const file = resolveWorkflowCall(run, job.uses!, `${where} (jobs.${id}.uses)`);
  const called = loadWorkflow(file, shown(run.options.workspace, file));
  const given: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(job.with ?? {}))
    given[k] = interpolate(v, contexts, `${where} (jobs.${id}.with.${k})`);
  let secrets: Record<string, string> = {};
  if (job.secrets === 'inherit') secrets = { ...parentSecrets };
  else
    for (const [k, v] of Object.entries(job.secrets ?? {})) {
      if (!(k in called.secrets))
        throw new UserError(
          `passes secret '${k}' to ${job.uses}, which does not declare it.`,
          { file: where },
          `Its secrets: ${Object.keys(called.secrets).join(', ') || 'none'}.`,
        );
      secrets[k] = asString(interpolate(v, { ...contexts, secrets: withToken(run, parentSecrets) }, where));
    }
  run.log(`▶ ${path}: ${name} calls ${shown(run.options.workspace, file)}`);
  const { result, outputs } = await runWorkflow(run, called, given, secrets, path, false);
  run.jobs.push({
    path,
    name,
    ...(matrix ? { matrix } : {}),
    result,
    outputs,
    steps: [],
    durationMs: Date.now() - started,
  });
  run.log(`${result === 'success' ? '✓' : '✗'} ${path}: ${result}`);
  return { result, outputs };
}

function resolveWorkflowCall(run: Run, uses: string, where: string): string {
  const [target] = uses.split('@');
  let file: string | undefined;
  if (uses.startsWith('./')) file = resolve(run.options.workspace, uses);
  else if (target!.startsWith(`${SLIPWAY}.github/workflows/`))
    file = join(run.options.slipwayRoot, target!.slice(SLIPWAY.length));
  if (!file)
    throw new UserError(
      `calls ${uses}, a workflow of another repository, which a local run cannot fetch.`,
      { file: where },
      "Call slipway's workflows (slipway/slipway/.github/workflows/…) or the repository's own (./.github/workflows/…).",
    );
  if (!existsSync(file)) throw new UserError(`calls ${uses}, and ${file} does not exist.`, { file: where });
  return file;
}

/** A job of steps, on this machine. */
async function runSteps(
  run: Run,
  workflow: Workflow,
  id: string,
  job: Job,
  contexts: Contexts,
  path: string,
  name: string,
  matrix: Combination | undefined,
): Promise<{ result: Result; outputs: Record<string, string> }> {
  const where = shown(run.options.workspace, workflow.file);
  const started = Date.now();
  const n = run.next();
  const temp = join(run.runDir, 'jobs', `${n}-${id}`, 'temp');
  mkdirSync(temp, { recursive: true });
  const runner = {
    os: 'Linux',
    arch: arch() === 'arm64' ? 'ARM64' : 'X64',
    name: 'slipway-local',
    temp,
    tool_cache: join(run.runDir, 'tool-cache'),
    environment: 'self-hosted',
  };
  const record: JobRecord = {
    path,
    name,
    ...(matrix ? { matrix } : {}),
    result: 'success',
    outputs: {},
    steps: [],
    durationMs: 0,
  };
  run.jobs.push(record);
  const runsOn = asString(interpolate(job['runs-on'], { ...contexts, runner }, `${where} (jobs.${id}.runs-on)`));
  const environment =
    job.environment === undefined
      ? undefined
      : interpolate(
          typeof job.environment === 'object' && job.environment !== null
            ? (job.environment as { name?: unknown }).name
            : job.environment,
          contexts,
          where,
        );
  run.log(
    `▶ ${path}: ${name} (runs here; asked for ${runsOn || 'no runner'}${environment ? `; environment ${asString(environment)}, whose GitHub rules a local run does not apply` : ''})`,
  );
  const timeoutMinutes = Number(interpolate(job['timeout-minutes'] ?? DEFAULT_JOB_TIMEOUT_MINUTES, contexts, where));
  const deadline =
    started +
    (Number.isFinite(timeoutMinutes) && timeoutMinutes > 0 ? timeoutMinutes : DEFAULT_JOB_TIMEOUT_MINUTES) * 60_000;
  let env: Record<string, string> = { ...(contexts.env as Record<string, string>) };
  env = { ...env, ...evaluateEnv(job.env, { ...contexts, runner, env }, where) };
  const defaults = job.defaults?.run ?? {};
  const steps: Record<string, { outputs: Record<string, string>; outcome: Result; conclusion: Result }> = {};
  const posts: PostStep[] = [];
  const paths: string[] = [];
  let failed = false;
  const stepContexts = (): Contexts => ({
    ...contexts,
    runner,
    env,
    steps,
    job: { status: failed ? 'failure' : 'success' },
  });
  for (const [index, step] of (job.steps ?? []).entries()) {
    const stepWhere = `${where} (jobs.${id}.steps[${index}])`;
    const label = stepLabel(step, stepContexts(), stepWhere);
    const status: Status = { failed, cancelled: run.aborted };
    const begun = Date.now();
    const ok = condition(step.if, stepContexts(), status, `${stepWhere}.if`);
    if (!ok) {
      const skipped: StepRecord = {
        name: label,
        ...(step.id ? { id: step.id } : {}),
        outcome: 'skipped',
        conclusion: 'skipped',
        outputs: {},
        kind: step.uses ? 'action' : 'run',
        durationMs: 0,
      };
      record.steps.push(skipped);
      if (step.id) steps[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
      continue;
    }
    run.log(`  ─ ${label}`);
    const stepEnv = { ...env, ...evaluateEnv(step.env, stepContexts(), `${stepWhere}.env`) };
    const files = join(run.runDir, 'jobs', `${n}-${id}`, 'steps', String(index));
    mkdirSync(files, { recursive: true });
    const fileVars = {
      GITHUB_OUTPUT: join(files, 'output'),
      GITHUB_ENV: join(files, 'env'),
      GITHUB_PATH: join(files, 'path'),
      GITHUB_STATE: join(files, 'state'),
      GITHUB_STEP_SUMMARY: join(files, 'summary'),
    };
    for (const f of Object.values(fileVars)) writeFileSync(f, '');
    const processEnv: NodeJS.ProcessEnv = {
      ...run.baseEnv,
      ...runnerVariables(run, id, temp, runner, step.id ?? `__step${index}`),
      ...fileVars,
      ...stepEnv,
    };
    if (paths.length) processEnv.PATH = [...paths, processEnv.PATH ?? ''].join(delimiter);
    const timeoutMs = Math.min(
      deadline - Date.now(),
      step['timeout-minutes'] !== undefined
        ? Number(interpolate(step['timeout-minutes'], stepContexts(), stepWhere)) * 60_000
        : Infinity,
    );
    let outcome: Result;
    let reason: string | undefined;
    let outputs: Record<string, string> = {};
    let kind: StepRecord['kind'] = 'run';
    try {
      if (step.run !== undefined) {
        const script = asString(interpolate(step.run, { ...stepContexts(), env: stepEnv }, `${stepWhere}.run`));
        const shell = step.shell ?? defaults.shell;
        const dirText = step['working-directory'] ?? defaults['working-directory'];
        const cwd = dirText
          ? resolve(run.options.workspace, asString(interpolate(dirText, stepContexts(), stepWhere)))
          : run.options.workspace;
        const ran = await runScript(run, script, shell, cwd, processEnv, temp, timeoutMs);
        outcome = ran.code === 0 ? 'success' : ran.cancelled ? 'cancelled' : 'failure';
        if (outcome !== 'success') reason = ran.reason;
      } else if (step.uses) {
        kind = 'action';
        const target = resolveAction(run, step.uses, stepWhere);
        const withValues: Record<string, string> = {};
        for (const [k, v] of Object.entries(step.with ?? {}))
          withValues[k] = asString(interpolate(v, { ...stepContexts(), env: stepEnv }, `${stepWhere}.with.${k}`));
        if ('standIn' in target) {
          kind = 'stand-in';
          const got = await runStandIn(run, target.standIn, withValues, temp, processEnv);
          outputs = got.outputs;
          outcome = got.ok ? 'success' : 'failure';
          if (!got.ok) reason = got.reason;
        } else {
          kind = 'action';
          const actionEnv: NodeJS.ProcessEnv = { ...processEnv, GITHUB_ACTION_PATH: target.dir };
          for (const [input, spec] of Object.entries(target.inputs))
            actionEnv[inputEnvName(input)] =
              spec?.default === undefined
                ? ''
                : asString(interpolate(spec.default, stepContexts(), `${target.dir}/action.yml`));
          for (const [k, v] of Object.entries(withValues)) {
            if (!(k in target.inputs))
              run.options.logger.warning(
                `${label}: unexpected input '${k}'; ${step.uses} takes ${Object.keys(target.inputs).join(', ')}`,
              );
            actionEnv[inputEnvName(k)] = v;
          }
          const ran = await runNode(run, target.main, actionEnv, run.options.workspace, timeoutMs);
          outcome = ran.code === 0 ? 'success' : ran.cancelled ? 'cancelled' : 'failure';
          if (outcome !== 'success') reason = ran.reason;
          outputs = { ...ran.outputs };
          if (target.post)
            posts.push({
              name: label,
              action: target,
              env: actionEnv,
              stateFile: fileVars.GITHUB_STATE,
              contexts: stepContexts(),
            });
        }
      } else {
        throw new UserError('has a step with neither run: nor uses:.', { file: stepWhere });
      }
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      outcome = 'failure';
      reason = `${err.message}${err.hint ? ` ${err.hint}` : ''}`;
      run.options.logger.error(`${label}: ${run.masker.apply(err.message)}`);
    }
    Object.assign(outputs, readKeyValueFile(fileVars.GITHUB_OUTPUT));
    for (const [k, v] of Object.entries(readKeyValueFile(fileVars.GITHUB_ENV))) env[k] = v;
    paths.unshift(...readPathFile(fileVars.GITHUB_PATH).reverse());
    collectSummary(run, path, label, fileVars.GITHUB_STEP_SUMMARY);
    const continueOnError =
      step['continue-on-error'] !== undefined && !!interpolate(step['continue-on-error'], stepContexts(), stepWhere);
    const conclusion: Result = outcome === 'failure' && continueOnError ? 'success' : outcome;
    if (conclusion === 'failure' || conclusion === 'cancelled') failed = true;
    if (step.id) steps[step.id] = { outputs, outcome, conclusion };
    record.steps.push({
      name: label,
      ...(step.id ? { id: step.id } : {}),
      outcome,
      conclusion,
      outputs,
      kind,
      ...(reason ? { reason } : {}),
      durationMs: Date.now() - begun,
    });
    if (outcome !== 'success') run.log(`  ✗ ${label}: ${run.masker.apply(reason ?? outcome)}`);
    if (!record.reason && conclusion === 'failure') record.reason = `${label}: ${reason ?? 'failed'}`;
  }
  for (const post of posts.reverse()) {
    const status: Status = { failed, cancelled: run.aborted };
    if (
      !condition(
        post.action.postIf,
        { ...post.contexts, job: { status: failed ? 'failure' : 'success' } },
        status,
        `${post.action.dir}/action.yml (post-if)`,
      )
    )
      continue;
    const begun = Date.now();
    const env2: NodeJS.ProcessEnv = { ...post.env };
    for (const [k, v] of Object.entries(readKeyValueFile(post.stateFile))) env2[`STATE_${k}`] = v;
    run.log(`  ─ Post ${post.name}`);
    const ran = await runNode(
      run,
      post.action.post!,
      env2,
      run.options.workspace,
      Math.max(deadline - Date.now(), 60_000),
    );
    const outcome: Result = ran.code === 0 ? 'success' : 'failure';
    if (outcome === 'failure') failed = true;
    record.steps.push({
      name: `Post ${post.name}`,
      outcome,
      conclusion: outcome,
      outputs: {},
      kind: 'post',
      ...(ran.reason && outcome !== 'success' ? { reason: ran.reason } : {}),
      durationMs: Date.now() - begun,
    });
  }
  const result: Result = run.aborted ? 'cancelled' : failed ? 'failure' : 'success';
  const outputs: Record<string, string> = {};
  for (const [k, v] of Object.entries(job.outputs ?? {}))
    outputs[k] = asString(interpolate(v, { ...stepContexts() }, `${where} (jobs.${id}.outputs.${k})`));
  Object.assign(record, { result, outputs, durationMs: Date.now() - started });
  run.log(
    `${result === 'success' ? '✓' : '✗'} ${path}: ${result}${record.reason && result !== 'success' ? ` (${run.masker.apply(record.reason)})` : ''}`,
  );
  return { result, outputs };
}

function stepLabel(step: Step, contexts: Contexts, where: string): string {
  if (typeof step.name === 'string') {
    try {
      return asString(interpolate(step.name, contexts, where));
    } catch {
      return step.name;
    }
  }
  if (step.uses) return `Run ${step.uses.split('@')[0]}`;
  return `Run ${String(step.run ?? '')
    .split('\n')[0]!
    .slice(0, 60)}`;
}

function runnerVariables(
  run: Run,
  job: string,
  temp: string,
  runner: Record<string, string>,
  action: string,
): NodeJS.ProcessEnv {
  const g = run.github;
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: run.options.workspace,
    GITHUB_REPOSITORY: String(g.repository),
    GITHUB_REPOSITORY_OWNER: String(g.repository_owner),
    GITHUB_SHA: String(g.sha),
    GITHUB_REF: String(g.ref),
    GITHUB_REF_NAME: String(g.ref_name),
    GITHUB_RUN_ID: run.runId,
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: job,
    GITHUB_ACTION: action,
    GITHUB_ACTOR: String(g.actor),
    GITHUB_EVENT_NAME: String(g.event_name),
    GITHUB_WORKFLOW: String(g.workflow),
    GITHUB_WORKFLOW_REF: String(g.workflow_ref),
    GITHUB_SERVER_URL: String(g.server_url),
    GITHUB_API_URL: String(g.api_url),
    RUNNER_TEMP: temp,
    RUNNER_OS: runner.os,
    RUNNER_ARCH: runner.arch,
    RUNNER_NAME: runner.name,
    RUNNER_TOOL_CACHE: runner.tool_cache,
    RUNNER_ENVIRONMENT: 'self-hosted',
    ACTIONS_RUNTIME_TOKEN: run.artifacts.token,
    ACTIONS_RESULTS_URL: run.resultsUrl,
    ACTIONS_CACHE_SERVICE_V2: 'true',
    // The runner's token is never handed to steps by environment; actions take github.token as an input.
  };
}

function resolveAction(run: Run, uses: string, where: string): NodeAction | { standIn: StandIn } {
  let dir: string | undefined;
  if (uses.startsWith('docker://'))
    throw new UserError(`uses ${uses}: container actions need Docker, which a local run does not use.`, {
      file: where,
    });
  if (uses.startsWith('./')) dir = resolve(run.options.workspace, uses);
  else if (uses.startsWith(`${SLIPWAY}actions/`))
    dir = join(run.options.slipwayRoot, uses.split('@')[0]!.slice(SLIPWAY.length));
  if (!dir) return { standIn: standInFor(uses, where) };
  const file = ['action.yml', 'action.yaml'].map((f) => join(dir, f)).find((f) => existsSync(f));
  if (!file) throw new UserError(`uses ${uses}, and ${dir} holds no action.yml.`, { file: where });
  const meta = parse(readFileSync(file, 'utf8')) as {
    inputs?: Record<string, { default?: unknown; required?: boolean }>;
    runs?: { using?: string; main?: string; post?: string; 'post-if'?: string };
  };
  const using = String(meta.runs?.using ?? '');
  if (!/^node\d+$/.test(using) || !meta.runs?.main)
    throw new UserError(`uses ${uses}, a ${using || 'malformed'} action; a local run runs node actions only.`, {
      file: where,
    });
  return {
    dir,
    main: resolve(dir, meta.runs.main),
    ...(meta.runs.post ? { post: resolve(dir, meta.runs.post) } : {}),
    postIf: meta.runs['post-if'] ?? 'always()',
    inputs: meta.inputs ?? {},
  };
}

async function runStandIn(
  run: Run,
  standIn: StandIn,
  withValues: Record<string, string>,
  temp: string,
  env: NodeJS.ProcessEnv,
): Promise<{ ok: boolean; outputs: Record<string, string>; reason?: string }> {
  const logger: Logger = {
    debug: (m) => run.options.logger.debug(run.masker.apply(m)),
    info: (m) => run.log(`    ${m}`),
    warning: (m) => run.options.logger.warning(run.masker.apply(m)),
    error: (m) => run.options.logger.error(run.masker.apply(m)),
  };
  try {
    const outputs = await standIn.run({
      with: withValues,
      workspace: run.options.workspace,
      temp,
      runDir: run.runDir,
      env,
      logger,
      artifacts: run.artifacts,
      exec: (command, args) => execCapture(command, args, env),
    });
    return { ok: true, outputs };
  } catch (err) {
    if (err instanceof UserError) {
      const reason = `${standIn.uses}: ${err.message}${err.hint ? ` ${err.hint}` : ''}`;
      logger.error(reason);
      return { ok: false, outputs: {}, reason };
    }
    throw err;
  }
}

function execCapture(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<ExecResult> {
  return new Promise((resolvePromise) => {
    execFile(command, args, { env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err
        ? typeof (err as NodeJS.ErrnoException).code === 'number'
          ? Number((err as NodeJS.ErrnoException).code)
          : 127
        : 0;
      resolvePromise({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

interface Ran {
  code: number;
  cancelled: boolean;
  reason: string;
  outputs: Record<string, string>;
}

const SHELLS: Record<string, string> = {
  bash: 'bash --noprofile --norc -eo pipefail {0}',
  sh: 'sh -e {0}',
  python: 'python3 {0}',
};

async function runScript(
  run: Run,
  script: string,
  shell: string | undefined,
  cwd: string,
  env: NodeJS.ProcessEnv,
  temp: string,
  timeoutMs: number,
): Promise<Ran> {
  if (!existsSync(cwd) || !statSync(cwd).isDirectory())
    return { code: 1, cancelled: false, reason: `working-directory ${cwd} does not exist`, outputs: {} };
  const template =
    shell === undefined ? 'bash -e {0}' : (SHELLS[shell] ?? (shell.includes('{0}') ? shell : `${shell} {0}`));
  const file = join(temp, `step-${run.next()}.sh`);
  writeFileSync(file, script);
  const [command, ...args] = template.split(/\s+/).map((part) => (part === '{0}' ? file : part));
  return spawnStep(run, command!, args, cwd, env, timeoutMs);
}

function runNode(run: Run, main: string, env: NodeJS.ProcessEnv, cwd: string, timeoutMs: number): Promise<Ran> {
  return spawnStep(run, process.execPath, [main], cwd, env, timeoutMs);
}

/** Runs one step's process, reads its workflow commands, stops it on timeout or cancel. */
function spawnStep(
  run: Run,
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<Ran> {
  return new Promise((resolvePromise) => {
    const outputs: Record<string, string> = {};
    const lastError: string[] = [];
    // Its own process group, so a cancel stops the step and whatever it runs in the foreground.
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let cancelled = false;
    let timedOut = false;
    const stop = (): void => {
      if (child.exitCode !== null || child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGINT');
      } catch {
        /* already gone */
      }
      setTimeout(() => {
        try {
          if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 7_500).unref();
    };
    const onAbort = (): void => {
      cancelled = true;
      stop();
    };
    run.options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = Number.isFinite(timeoutMs)
      ? setTimeout(
          () => {
            timedOut = true;
            stop();
          },
          Math.max(timeoutMs, 0),
        )
      : undefined;
    const reader = (stream: NodeJS.ReadableStream, commands: boolean): void => {
      let buffer = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buffer += chunk;
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          line(buffer.slice(0, nl).replace(/\r$/, ''), commands);
          buffer = buffer.slice(nl + 1);
        }
      });
      stream.on('end', () => buffer && line(buffer, commands));
    };
    let stopToken: string | undefined;
    const line = (text: string, commands: boolean): void => {
      // ::stop-commands::TOKEN turns commands off until ::TOKEN:: turns them on again.
      if (stopToken !== undefined) {
        if (text === `::${stopToken}::`) stopToken = undefined;
        else run.log(`    ${text}`);
        return;
      }
      const stopping = commands ? /^::stop-commands::(.+)$/.exec(text) : null;
      if (stopping) {
        stopToken = stopping[1];
        return;
      }
      const c = commands ? readCommand(text) : ({ kind: 'text', text } as const);
      const logger = run.options.logger;
      switch (c.kind) {
        case 'mask':
          run.masker.add(c.value);
          break;
        case 'annotation': {
          const message = run.masker.apply(c.message);
          const props = { ...(c.file ? { file: c.file } : {}), ...(c.line ? { startLine: c.line } : {}) };
          if (c.level === 'error') {
            lastError.push(message);
            logger.error(message, props);
          } else if (c.level === 'warning') logger.warning(message, props);
          else run.log(`    notice: ${message}`);
          break;
        }
        case 'debug':
          logger.debug(run.masker.apply(c.message));
          break;
        case 'group':
          run.log(`    ▸ ${c.title}`);
          break;
        case 'endgroup':
          break;
        case 'output':
          outputs[c.name] = c.value;
          break;
        default:
          run.log(`    ${c.text}`);
      }
    };
    reader(child.stdout!, true);
    reader(child.stderr!, true);
    child.on('error', (err) => {
      lastError.push(`${command} could not start: ${err.message}`);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      run.options.signal?.removeEventListener('abort', onAbort);
      const exit = code ?? 128;
      const reason = timedOut
        ? 'it ran out of time (timeout-minutes)'
        : cancelled
          ? 'the run was cancelled'
          : (lastError.at(-1) ?? `exited with ${code === null ? `signal ${signal}` : `code ${code}`}`);
      resolvePromise({ code: timedOut || cancelled ? exit || 1 : exit, cancelled, reason, outputs });
    });
  });
}

function collectSummary(run: Run, job: string, step: string, file: string): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (text.trim()) run.summaries.push({ job, step, markdown: run.masker.apply(text) });
}

/** summary.md in the run folder: a table of the jobs, then every step summary under its job and step. */
function writeRunSummary(run: Run): void {
  const rows = run.jobs.map(
    (j) =>
      `| ${j.path} | ${j.name.replace(/\|/g, '\\|')} | ${j.result} | ${(j.durationMs / 1000).toFixed(1)} s | ${(j.reason ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`,
  );
  const parts = [
    '# slipway pipeline',
    '',
    '| job | name | result | time | reason |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ];
  for (const s of run.summaries) parts.push(`## ${s.job} › ${s.step}`, '', s.markdown.trim(), '');
  writeFileSync(join(run.runDir, 'summary.md'), run.masker.apply(parts.join('\n')));
}
