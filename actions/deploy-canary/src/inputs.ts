// deploy-canary's inputs, read once into a typed plan. Path inputs take what people write:
// an absolute path (`${{ runner.temp }}/app.tar.gz`), `~/…`, or a path inside the workspace.
import { resolve } from 'node:path';
import { userPath, UserError, type InputReader } from '@slipway/action-kit/lite';
import {
  environmentDir,
  parseSteps,
  PROVIDER_PATH_SETTINGS,
  PROVIDER_SETTINGS,
  routerNames,
  type DeployPlan,
} from '@slipway/deploy';

const HOUR = 60 * 60 * 1000;

/** A command line for /bin/sh: one line of printable text (a newline would hide a second command in the log). */
function command(inputs: InputReader, name: string): string | undefined {
  const value = inputs.optional(name);
  if (value === undefined) return undefined;
  if (/[\0\r]/.test(value))
    throw new UserError('holds a NUL or carriage-return character.', { input: name }, 'Give a plain shell command.');
  if (value.length > 8192) throw new UserError(`is ${value.length} characters long; at most 8192.`, { input: name });
  return value;
}

/** The run this deploy belongs to, for the ledger and the lock (`<run id>-<attempt>`, or local). */
function runIdentity(env: NodeJS.ProcessEnv): { runId: string; owner: string } {
  const id = env.GITHUB_RUN_ID
    ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT || '1'}`
    : `local-${process.pid}-${Date.now()}`;
  const where = env.GITHUB_REPOSITORY ? `${env.GITHUB_REPOSITORY} run ${env.GITHUB_RUN_ID}` : `pid ${process.pid}`;
  return { runId: id, owner: `deploy-canary (${where}${env.GITHUB_JOB ? `, job ${env.GITHUB_JOB}` : ''})` };
}

/** Where a deploy or rollback acts: the provider, its settings, the environment and the state folder. */
export interface Target {
  provider: string;
  environment: string;
  stateDir: string;
  workspace: string;
  settings: Record<string, string>;
}

/** The inputs deploy-canary and rollback share: provider, environment, state-dir and the provider's own. */
export function parseTarget(inputs: InputReader, env: NodeJS.ProcessEnv): Target {
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const provider = inputs.raw('provider');
  if (!routerNames().includes(provider))
    throw new UserError(
      `'${provider.slice(0, 40)}' is not a provider.`,
      { input: 'provider' },
      `Use one of: ${routerNames().join(', ')}.`,
    );
  const environment = inputs.raw('environment');
  const stateDir = userPath('state-dir', inputs.required('state-dir'), workspace, env.HOME, 'folder');
  environmentDir(stateDir, environment);
  const settings: Record<string, string> = {};
  for (const name of PROVIDER_SETTINGS) {
    if (!inputs.declares(name)) continue;
    const value = inputs.raw(name);
    settings[name] =
      value && PROVIDER_PATH_SETTINGS.includes(name) ? userPath(name, value, workspace, env.HOME, 'file') : value;
  }
  return { provider, environment, stateDir, workspace, settings };
}

/** A path such as /healthz. */
export function parseHealthPath(inputs: InputReader): string {
  const healthPath = inputs.raw('health-path');
  if (!/^\/[\x21-\x7e]*$/.test(healthPath) || healthPath.length > 2048)
    throw new UserError(
      `'${healthPath.slice(0, 80)}' is not a path.`,
      { input: 'health-path' },
      'Write a path starting with /, such as /healthz.',
    );
  return healthPath;
}

/** Every input, checked, as the controller's plan. */
export function parseInputs(inputs: InputReader, env: NodeJS.ProcessEnv): DeployPlan {
  const { provider, environment, stateDir, workspace, settings } = parseTarget(inputs, env);
  // On Kubernetes the release is the image input; an artifact, if given, is not used.
  const artifact =
    provider === 'kubernetes' ? '' : userPath('artifact', inputs.required('artifact'), workspace, env.HOME);
  const healthPath = parseHealthPath(inputs);
  const frontDoorUrl = inputs.raw('front-door-url');
  if (frontDoorUrl && !URL.canParse(frontDoorUrl))
    throw new UserError(
      'is not a URL.',
      { input: 'front-door-url' },
      'Write the address users reach, such as https://app.example.com.',
    );
  const version = inputs.raw('version');
  if (version && !/^[A-Za-z0-9._+-]{1,64}$/.test(version))
    throw new UserError(
      `'${version.slice(0, 80)}' is not a version.`,
      { input: 'version' },
      'Use 1 to 64 letters, digits, dots, dashes, plus signs or underscores.',
    );
  const hooks = {
    preDeploy: command(inputs, 'pre-deploy-command'),
    confirmPromotion: command(inputs, 'confirm-promotion-command'),
    postPromote: command(inputs, 'post-promote-command'),
    onRollback: command(inputs, 'on-rollback-command'),
  };
  return {
    provider,
    environment,
    stateDir,
    workspace,
    artifact,
    version,
    startCommand: command(inputs, 'start-command') ?? '',
    healthPath,
    steps: parseSteps(inputs.raw('steps')),
    stepAnalysisMs: inputs.duration('step-analysis', { min: 1000, max: 6 * HOUR }),
    minRequests: inputs.integer('min-requests', { min: 0, max: 10_000_000 }),
    maxErrorRate: inputs.rate('max-error-rate'),
    autoPromote: inputs.boolean('auto-promote'),
    drainMs: inputs.duration('drain', { min: 0, max: HOUR }),
    readyTimeoutMs: inputs.duration('ready-timeout', { min: 1000, max: HOUR }),
    hooks: Object.fromEntries(Object.entries(hooks).filter(([, v]) => v !== undefined)),
    hookTimeoutMs: inputs.duration('hook-timeout', { min: 1000, max: 6 * HOUR }),
    confirmTimeoutMs: inputs.duration('confirm-timeout', { min: 0, max: 6 * HOUR }),
    settings,
    frontDoorUrl,
    ...runIdentity(env),
    gitRef: env.GITHUB_SHA || '',
    audit: {
      ...(env.GITHUB_ACTOR ? { actor: env.GITHUB_ACTOR } : {}),
      ...(env.GITHUB_SHA ? { commit: env.GITHUB_SHA } : {}),
    },
  };
}
