// GitHub Deployments for deploy-canary and rollback, so that each rollout shows on the repository's
// Environments page. The ledger stays the source of truth: GitHub is told what happened, and when it
// cannot be told (no permission, an outage) the run says so once and carries on without it.
import type { Logger } from '@slipway/action-kit/lite';
import { describeFailure, githubClient, splitRepository, type GithubClient, type GithubOptions } from './client.js';

/** What a rollout reports to GitHub's Environments page; no method ever rejects. */
export interface DeploymentRecorder {
  /** Creates the deployment and marks it in progress. */
  start(info: {
    ref: string;
    environment: string;
    releaseId: string;
    version: string;
    description: string;
  }): Promise<void>;
  /** The canary moved to `weight` percent of traffic. */
  progress(weight: number, description: string): Promise<void>;
  /** The release is live at `environmentUrl`; GitHub marks the environment's older deployments inactive. */
  succeeded(environmentUrl: string, description: string): Promise<void>;
  /** The rollout failed (or was rolled back). */
  failed(description: string): Promise<void>;
}

/** Where deployments are recorded: the REST API, with the workflow run linked from every status. */
export interface GithubDeploymentsOptions extends GithubOptions {
  /** The workflow run's page, shown as each status's log link. */
  runUrl?: string;
}

/** GitHub's limit on a deployment's or a status's description. */
const DESCRIPTION_LIMIT = 140;

type StatusState = 'in_progress' | 'success' | 'failure';
type SuccessFields = { environment_url?: string; auto_inactive?: boolean };

/** Records deployments through the REST API; after the first failure it warns once and records nothing more. */
export function githubDeployments(o: GithubDeploymentsOptions): DeploymentRecorder {
  const { logger } = o;
  const unavailable = (why: string) =>
    logger.warning(`GitHub Deployments unavailable: ${why}; the deploy goes on from the ledger`);
  const target = splitRepository(o.repository);
  if (!target) return silent(() => unavailable(`repository '${o.repository}' is not owner/name`));
  let client: GithubClient;
  try {
    client = githubClient(o);
  } catch (error) {
    return silent(() => unavailable(describeFailure(error, { ...o, access: 'write' })));
  }

  let off = false;
  let deploymentId: number | undefined;
  // One call at a time, in the order made: GitHub orders statuses by arrival, and a caller that
  // does not await progress() must not see a later status overtaken by an earlier one.
  let queue: Promise<void> = Promise.resolve();
  const run = (call: () => Promise<void>): Promise<void> =>
    (queue = queue.then(async () => {
      if (off) return;
      try {
        await call();
      } catch (error) {
        // The plugins have retried what was worth retrying; more calls would only repeat the wait.
        off = true;
        unavailable(describeFailure(error, { ...o, access: 'write' }));
      }
    }));
  const post = async (state: StatusState, description: string, extra: SuccessFields = {}) => {
    if (deploymentId === undefined) return;
    await client.rest.repos.createDeploymentStatus({
      ...target,
      deployment_id: deploymentId,
      state,
      description: cut(description),
      ...(o.runUrl ? { log_url: o.runUrl } : {}),
      ...extra,
    });
  };

  return {
    start: (info) =>
      run(async () => {
        deploymentId = undefined;
        const created = await client.rest.repos.createDeployment({
          ...target,
          ref: info.ref,
          environment: info.environment,
          description: cut(info.description),
          payload: { releaseId: info.releaseId, version: info.version },
          auto_merge: false,
          // No commit-status checks: the canary's own analysis is the gate.
          required_contexts: [],
          transient_environment: false,
          production_environment: info.environment === 'production',
        });
        // A 202 (a merge instead of a deployment) only happens with auto_merge, but it has no id.
        if (!('id' in created.data)) throw new Error(`GitHub created no deployment: ${created.data.message ?? ''}`);
        deploymentId = created.data.id;
        logger.debug(`GitHub deployment ${deploymentId} of ${info.releaseId} to ${info.environment}`);
        await post('in_progress', info.description);
      }),
    // The weight leads, so that cutting a long description never loses it.
    progress: (weight, description) => run(() => post('in_progress', `${weight}% of traffic: ${description}`)),
    succeeded: (environmentUrl, description) =>
      run(() =>
        post('success', description, {
          ...(environmentUrl ? { environment_url: environmentUrl } : {}),
          auto_inactive: true,
        }),
      ),
    failed: (description) => run(() => post('failure', description)),
  };
}

/** A recorder that records nothing and says `why` once, at info level, when first used. */
export function noDeployments(logger: Logger, why: string): DeploymentRecorder {
  return silent(() => logger.info(why));
}

function silent(sayWhy: () => void): DeploymentRecorder {
  let said = false;
  const once = async () => {
    if (!said) sayWhy();
    said = true;
  };
  return { start: once, progress: once, succeeded: once, failed: once };
}

/** The text on one line within GitHub's 140-character limit, with an ellipsis where it was cut. */
function cut(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= DESCRIPTION_LIMIT ? chars.join('') : `${chars.slice(0, DESCRIPTION_LIMIT - 1).join('')}…`;
}
