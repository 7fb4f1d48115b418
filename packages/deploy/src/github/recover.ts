// The last known-good release from GitHub's deployment history, for a fresh runner whose local
// ledger is gone: the newest deployment slipway recorded that reached `success`.
import { describeFailure, githubClient, splitRepository, type GithubOptions } from './client.js';

/** A release that went live, as its GitHub deployment recorded it. */
export interface KnownGoodRelease {
  releaseId: string;
  version: string;
  sha: string;
}

const PAGE_SIZE = 30;
// Each deployment costs a status request; past this many the history is too old to trust anyway.
const MAX_DEPLOYMENTS = 100;

/** The newest deployment to `environment` with a `success` status; undefined when none, or with one warning when GitHub cannot be read. */
export async function lastKnownGood(o: GithubOptions, environment: string): Promise<KnownGoodRelease | undefined> {
  return (await knownGoodReleases(o, environment, 1))[0];
}

/**
 * Up to `count` releases that went live in `environment`, newest first, one entry per release:
 * the deployments slipway recorded that reached `success`. Empty when none, or (with one warning)
 * when GitHub cannot be read.
 */
export async function knownGoodReleases(
  o: GithubOptions,
  environment: string,
  count: number,
): Promise<KnownGoodRelease[]> {
  const found: KnownGoodRelease[] = [];
  const target = splitRepository(o.repository);
  const giveUp = (why: string) => {
    o.logger.warning(`GitHub Deployments of ${environment} unreadable: ${why}; no last known-good release from GitHub`);
    return found;
  };
  if (!target) return giveUp(`repository '${o.repository}' is not owner/name`);
  try {
    const client = githubClient(o);
    let seen = 0;
    // GitHub lists newest first, so the walk stops at the first success without reading older pages.
    const pages = client.paginate.iterator(client.rest.repos.listDeployments, {
      ...target,
      environment,
      per_page: PAGE_SIZE,
    });
    for await (const page of pages) {
      for (const deployment of page.data) {
        if (++seen > MAX_DEPLOYMENTS) return found;
        // Deployments another tool made to the same environment name no release slipway can restore.
        const release = releaseOf(deployment.payload);
        if (!release || found.some((f) => f.releaseId === release.releaseId)) continue;
        const statuses = await client.rest.repos.listDeploymentStatuses({
          ...target,
          deployment_id: deployment.id,
          per_page: 100,
        });
        if (statuses.data.some((s) => s.state === 'success')) found.push({ ...release, sha: deployment.sha });
        if (found.length >= count) return found;
      }
    }
    return found;
  } catch (error) {
    return giveUp(describeFailure(error, { ...o, access: 'read' }));
  }
}

/** releaseId and version from a deployment's payload: an object, or JSON text when made by an older client. */
function releaseOf(payload: unknown): { releaseId: string; version: string } | undefined {
  let value = payload;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { releaseId, version } = value as Record<string, unknown>;
  if (typeof releaseId !== 'string' || releaseId === '') return undefined;
  return { releaseId, version: typeof version === 'string' ? version : '' };
}
