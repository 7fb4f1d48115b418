import {
  InputReader,
  OutputWriter,
  actionsExec,
  errorMessage,
  isUserError,
  systemClock,
  UserError,
  type ActionSeams,
} from '@slipway/action-kit/lite';
import { deployCanary, recoverCanary, selfCommand, type DeployOutcome } from '@slipway/deploy';
import { commitTimeOf } from './commit-time.js';
import { parseInputs } from './inputs.js';
import { knownGoodSeam, parseReporting } from './reporting.js';
import { metadata } from './metadata.generated.js';
import { hostGiven, runRemotely } from './remote.js';
import { deploySummary } from './summary.js';

/** Deploys a canary; rolled-back and failed fail the step with the reason, after every output is set. */
export async function run(seams: ActionSeams): Promise<void> {
  // With `host` set, the deploy runs on that host, over SSH.
  if (hostGiven(seams.env)) return runRemotely(metadata, seams);
  try {
    await deploy(seams);
  } catch (err) {
    if (err instanceof DeployEnded) throw err;
    // Outputs are set on every path, so that `if: failure()` steps can read why.
    const out = new OutputWriter(metadata, seams.setOutput);
    out.set('result', 'failed');
    out.set('reason', isUserError(err) ? err.describe() : `internal error: ${errorMessage(err)}`);
    throw err;
  }
}

async function deploy({ env, logger, setOutput, saveState, mask }: ActionSeams): Promise<void> {
  const inputs = new InputReader(metadata, env);
  const reporting = parseReporting(inputs, env, logger, mask);
  const plan = parseInputs(inputs, env);
  // Lead time needs the commit's own time.
  if (plan.audit?.commit) {
    const commitTime = await commitTimeOf(plan.audit.commit, plan.workspace, plan.artifact);
    if (commitTime) plan.audit = { ...plan.audit, commitTime };
  }
  // The post step finishes what a killed main leaves behind: it needs to know where to look.
  saveState?.('state-dir', plan.stateDir);
  saveState?.('environment', plan.environment);
  saveState?.('run-id', plan.runId);
  saveState?.('provider', plan.provider);
  saveState?.('settings', JSON.stringify(plan.settings));
  // The runner cancels a job with SIGINT, then SIGTERM: either rolls the canary back before exit.
  const cancel = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    logger.warning(`received ${signal}: rolling the canary back`);
    cancel.abort();
  };
  process.on('SIGTERM', onSignal).on('SIGINT', onSignal);
  let outcome: DeployOutcome;
  try {
    outcome = await deployCanary(plan, {
      clock: systemClock,
      logger,
      exec: actionsExec,
      env,
      signal: cancel.signal,
      selfCommand: selfCommand(env),
      deployments: reporting.deployments,
      ...knownGoodSeam(reporting, plan.environment),
    });
  } finally {
    process.off('SIGTERM', onSignal).off('SIGINT', onSignal);
  }
  const out = new OutputWriter(metadata, setOutput);
  out.set('result', outcome.result);
  out.set('url', outcome.url);
  out.set('release-id', outcome.releaseId);
  out.set('previous-release-id', outcome.previousReleaseId);
  out.set('weight', outcome.weight);
  out.set('reason', outcome.reason);
  out.set('report', outcome.report);
  await deploySummary(outcome.report).write(env);
  logger.info(`deploy-canary: ${outcome.result}: ${outcome.reason}`);
  if (outcome.result === 'rolled-back' || outcome.result === 'failed')
    await reporting.alert({
      kind: outcome.result,
      environment: plan.environment,
      release: outcome.releaseId,
      previousRelease: outcome.previousReleaseId,
      reason: outcome.reason,
    });
  if (outcome.result === 'rolled-back' || outcome.result === 'failed') throw new DeployEnded(outcome);
}

/** A deploy that ended rolled back or failed: its outputs are set already. */
class DeployEnded extends UserError {
  constructor(readonly outcome: DeployOutcome) {
    super(`${outcome.result}: ${outcome.reason}.`);
  }
}

/** The post step: a canary that main left unfinished (killed, crashed) is rolled back. */
export async function post({ env, logger }: ActionSeams): Promise<void> {
  const stateDir = env['STATE_state-dir'];
  const environment = env.STATE_environment;
  const runId = env['STATE_run-id'];
  if (!stateDir || !environment || !runId) return;
  const rolledBack = await recoverCanary(
    {
      stateDir,
      environment,
      runId,
      provider: env.STATE_provider || 'local',
      settings: JSON.parse(env.STATE_settings || '{}') as Record<string, string>,
      workspace: env.GITHUB_WORKSPACE || process.cwd(),
    },
    { clock: systemClock, logger, exec: actionsExec, env, selfCommand: selfCommand(env) },
  );
  if (rolledBack) logger.warning(`post: ${rolledBack}`);
}
