// The committer time of the commit being deployed, for DORA's lead time. The checkout has it (a
// shallow one too); a deploy job that only downloaded the build (slipway-deploy.yml) has the
// manifest build-artifact wrote beside the archive, which records the commit and its time.
import { readFile } from 'node:fs/promises';
import { actionsExec } from '@slipway/action-kit/lite';
import { manifestCandidates } from '@slipway/deploy';

/** The commit's time as ISO 8601, from git in `workspace`, else from the artifact's manifest; undefined when neither knows it. */
export async function commitTimeOf(commit: string, workspace: string, artifact: string): Promise<string | undefined> {
  const shown = await actionsExec('git', ['-C', workspace, 'show', '-s', '--format=%cI', commit], {
    silent: true,
    ignoreReturnCode: true,
    timeoutMs: 10_000,
  }).catch(() => undefined);
  const time = shown?.exitCode === 0 ? Date.parse(shown.stdout.trim()) : NaN;
  if (Number.isFinite(time)) return new Date(time).toISOString();
  // Missing or not JSON: no time, and the deploy goes on without one.
  let manifest: { commit?: unknown; commitTime?: unknown } | null | undefined;
  for (const path of manifestCandidates(artifact)) {
    manifest = await readFile(path, 'utf8')
      .then((text) => JSON.parse(text) as { commit?: unknown; commitTime?: unknown } | null)
      .catch(() => undefined);
    if (manifest !== undefined) break;
  }
  // Only the manifest of this very commit: a build of another one says nothing about it.
  if (manifest?.commit !== commit || typeof manifest.commitTime !== 'string') return undefined;
  const fromManifest = Date.parse(manifest.commitTime);
  return Number.isFinite(fromManifest) ? new Date(fromManifest).toISOString() : undefined;
}
