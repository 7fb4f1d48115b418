import {
  errorMessage,
  isUserError,
  InputReader,
  OutputWriter,
  systemClock,
  actionsExec,
  UserError,
  type ActionSeams,
} from '@slipway/action-kit/lite';
import { parseHealthPath, parseTarget } from '@slipway/deploy-canary-action/inputs';
import { knownGoodSeam, parseReporting } from '@slipway/deploy-canary-action/reporting';
import { rollback, selfCommand, type RollbackOutcome } from '@slipway/deploy';
import { metadata } from './metadata.generated.js';
import { hostGiven, rollbackOnHost } from './remote.js';
import { rollbackSummary } from './summary.js';

/** Rolls back; `failed` (or a restored release that does not answer) fails the step after every output is set. */
export async function run({ env, logger, setOutput, mask, saveState }: ActionSeams): Promise<void> {
  // With `host` set, the rollback runs on that host, over SSH.
  if (hostGiven(env)) return rollbackOnHost({ env, logger, setOutput, mask, saveState });
  const out = new OutputWriter(metadata, setOutput);
  let outcome: RollbackOutcome | undefined;
  try {
    const inputs = new InputReader(metadata, env);
    const reporting = parseReporting(inputs, env, logger, mask);
    const target = parseTarget(inputs, env);
    const to = inputs.raw('to');
    if (!/^[A-Za-z0-9._+-]{1,128}$/.test(to))
      throw new UserError(
        `'${to.slice(0, 80)}' is not a release id.`,
        { input: 'to' },
        'Use previous or a release id from the ledger (slipway status lists them).',
      );
    const reason = inputs.raw('reason');
    if (reason.length > 1000)
      throw new UserError(`is ${reason.length} characters long; at most 1000.`, { input: 'reason' });
    const healthPath = parseHealthPath(inputs);
    const readyTimeoutMs = inputs.duration('ready-timeout', { min: 1000, max: 60 * 60 * 1000 });
    const verify = inputs.boolean('verify');
    const drainMs = inputs.duration('drain', { min: 0, max: 60 * 60 * 1000 });
    const runId = env.GITHUB_RUN_ID
      ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT || '1'}-rollback`
      : `local-rollback-${process.pid}-${Date.now()}`;
    const seams = {
      clock: systemClock,
      logger,
      exec: actionsExec,
      env,
      selfCommand: selfCommand(env),
      ...knownGoodSeam(reporting, target.environment),
    };
    outcome = await rollback(
      {
        ...target,
        to,
        reason: reason.replace(/[\r\n]+/g, ' '),
        runId,
        owner: `rollback (${env.GITHUB_REPOSITORY ? `${env.GITHUB_REPOSITORY} run ${env.GITHUB_RUN_ID}` : `pid ${process.pid}`})`,
        healthPath,
        readyTimeoutMs,
        drainMs,
        audit: {
          ...(env.GITHUB_ACTOR ? { actor: env.GITHUB_ACTOR } : {}),
          ...(env.GITHUB_SHA ? { commit: env.GITHUB_SHA } : {}),
        },
      },
      seams,
    );
    let verified = '';
    if (verify && outcome.result === 'rolled-back' && !outcome.restoredUpstream) {
      // A platform's release that printed no URL of its own: there is nothing to probe, and that is said.
      verified = 'not verified: the restored release has no URL of its own to probe';
      logger.warning(`verify: ${outcome.restoredRelease} has no URL of its own, so its health was not checked`);
    }
    if (verify && outcome.result !== 'failed' && outcome.restoredUpstream) {
      const { verifyHealth } = await import('@slipway/health');
      const check = await verifyHealth(
        {
          urls: [`${outcome.restoredUpstream}${healthPath}`],
          spec: {
            method: 'GET',
            headers: {},
            timeoutMs: 5000,
            expectStatus: (s) => s >= 200 && s < 400,
            insecureTls: false,
          },
          waitMs: readyTimeoutMs,
          retryDelayMs: 500,
          durationMs: 0,
          rate: 1,
          maxErrorRate: 0.01,
          intervalMs: 1000,
        },
        { clock: systemClock, logger },
      );
      verified = check.verdict === 'pass' ? 'verified' : `NOT VERIFIED: ${check.reason}`;
      if (check.verdict !== 'pass')
        outcome = {
          ...outcome,
          result: 'failed',
          reason: `${outcome.reason}; the restored release does not answer: ${check.reason}`,
        };
    }
    out.set('result', outcome.result);
    out.set('restored-release', outcome.restoredRelease);
    out.set('replaced-release', outcome.replacedRelease);
    out.set('duration-ms', outcome.durationMs);
    out.set('reason', outcome.reason);
    await rollbackSummary(target.environment, outcome, verified).write(env);
    if (outcome.result !== 'noop') {
      // A rollback is a deployment of the restored release, on GitHub as in the ledger.
      const d = reporting.deployments;
      if (outcome.restoredRelease)
        await d.start({
          ref: env.GITHUB_SHA || outcome.restoredRelease,
          environment: target.environment,
          releaseId: outcome.restoredRelease,
          version: outcome.restoredVersion || outcome.restoredRelease,
          description: `rollback to ${outcome.restoredRelease}`,
        });
      if (outcome.result === 'rolled-back') await d.succeeded(inputs.raw('front-door-url') || '', outcome.reason);
      else await d.failed(outcome.reason);
      await reporting.alert({
        kind: outcome.result,
        environment: target.environment,
        release: outcome.replacedRelease,
        previousRelease: outcome.restoredRelease,
        reason: outcome.reason,
      });
    }
    logger.info(`rollback: ${outcome.result} in ${outcome.durationMs} ms: ${outcome.reason}`);
  } catch (err) {
    out.set('result', 'failed');
    out.set('reason', isUserError(err) ? err.describe() : `internal error: ${errorMessage(err)}`);
    throw err;
  }
  if (outcome.result === 'failed') throw new UserError(`failed: ${outcome.reason}.`);
}
