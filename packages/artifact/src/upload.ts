import { UserError } from '@slipway/action-kit/lite';

/** What an upload returned. */
export interface Uploaded {
  id: number;
  url: string;
}

/** Uploads files through @actions/artifact; the caller checks hasActionsRuntime first. */
export type Uploader = (
  name: string,
  files: string[],
  rootDir: string,
  retentionDays: number | undefined,
  env: NodeJS.ProcessEnv,
) => Promise<Uploaded>;

/** True when the runner gave this job an artifact service to talk to. */
export function hasActionsRuntime(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL);
}

/** The real uploader, loaded on first use (it brings the Azure and Octokit clients). */
export const actionsUploader: Uploader = async (name, files, rootDir, retentionDays, env) => {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const result = await new DefaultArtifactClient().uploadArtifact(
    name,
    files,
    rootDir,
    retentionDays ? { retentionDays } : {},
  );
  if (result.id === undefined) throw new Error('the artifact service returned no artifact id');
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  return {
    id: result.id,
    url: `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${result.id}`,
  };
};

/** Wraps an upload failure so the error says where the artifact still is. */
export function uploadFailed(name: string, archivePath: string, err: unknown): UserError {
  return new UserError(
    `uploading artifact '${name}' failed: ${(err as Error).message}.`,
    { input: 'upload' },
    `The artifact is on disk at ${archivePath}; re-run the job, or set upload: false to keep it local.`,
  );
}
