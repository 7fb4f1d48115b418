// Who else hears about a rollout: GitHub's Deployments API and the alert webhook. Shared by
// deploy-canary and rollback; both are optional and neither can fail the step.
import { UserError, type InputReader, type Logger, type SecretMasker } from '@slipway/action-kit/lite';
import {
  githubDeployments,
  knownGoodReleases,
  noDeployments,
  notifyWebhook,
  type AlertMessage,
  type DeploymentRecorder,
  type KnownGoodSource,
} from '@slipway/deploy';

/** The recorder and the alert for one run. */
export interface Reporting {
  deployments: DeploymentRecorder;
  runUrl: string;
  /** What went live in an environment per GitHub's deployment history; undefined without a token. */
  knownGood(environment: string): KnownGoodSource | undefined;
  /** Posts the alert when a webhook is set; resolves false (after one warning) when it could not. */
  alert(message: Omit<AlertMessage, 'runUrl'>): Promise<boolean>;
}

/** Reads github-token and notify-webhook (masking both before anything can log them). */
export function parseReporting(
  inputs: InputReader,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  mask: SecretMasker,
): Reporting {
  // Outside a runner (the CLI, a local run) the default `${{ github.token }}` arrives unexpanded: no token.
  const given = inputs.raw('github-token');
  const token = /^\$\{\{[^}]*\}\}$/.test(given) ? '' : given;
  const webhook = inputs.raw('notify-webhook');
  if (token) mask(token);
  if (webhook) mask(webhook);
  if (webhook && !/^https?:\/\/[^\s]+$/.test(webhook))
    throw new UserError(
      'is not an http(s) URL (it is not shown: it is a secret).',
      { input: 'notify-webhook' },
      'Give the incoming webhook URL your chat service issued.',
    );
  if (/\s/.test(token))
    throw new UserError(
      'holds whitespace (it is not shown: it is a secret).',
      { input: 'github-token' },
      'Pass the token alone, such as ${{ github.token }}.',
    );
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  const runUrl =
    env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : '';
  const deployments =
    token && env.GITHUB_REPOSITORY
      ? githubDeployments({
          token,
          repository: env.GITHUB_REPOSITORY,
          apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
          logger,
          ...(runUrl ? { runUrl } : {}),
        })
      : noDeployments(
          logger,
          token
            ? 'GITHUB_REPOSITORY is not set: deployments are recorded in the ledger only'
            : 'no github-token: deployments are recorded in the ledger only',
        );
  return {
    deployments,
    runUrl,
    knownGood: (environment) =>
      token && env.GITHUB_REPOSITORY
        ? (count) =>
            knownGoodReleases(
              {
                token,
                repository: env.GITHUB_REPOSITORY!,
                apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
                logger,
              },
              environment,
              count,
            )
        : undefined,
    alert: async (message) =>
      webhook ? notifyWebhook(webhook, { ...message, ...(runUrl ? { runUrl } : {}) }, { logger }) : false,
  };
}

/** The `knownGood` seam of the controller, when GitHub can be asked (a spread: nothing without a token). */
export function knownGoodSeam(reporting: Reporting, environment: string): { knownGood?: KnownGoodSource } {
  const source = reporting.knownGood(environment);
  return source ? { knownGood: source } : {};
}
