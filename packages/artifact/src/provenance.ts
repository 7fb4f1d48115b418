/** Facts about the build that go into provenance. */
export interface ProvenanceInput {
  /** File name of the archive (the subject's name). */
  subjectName: string;
  digest: string;
  project: string;
  command: string | null;
  install: string | null;
  commit: string;
  env: NodeJS.ProcessEnv;
}

/** The build type URI: what the external parameters mean. */
export const BUILD_TYPE = 'https://github.com/slipway/slipway/build-artifact/v1';

/**
 * An in-toto Statement v1 carrying an SLSA provenance v1 predicate for the archive. Unsigned:
 * `actions/attest` signs it in the templates. Only workflow facts, no wall-clock times.
 */
export function provenanceStatement(input: ProvenanceInput): string {
  const e = input.env;
  const server = e.GITHUB_SERVER_URL || 'https://github.com';
  const repo = e.GITHUB_REPOSITORY || 'local/local';
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: input.subjectName, digest: { sha256: input.digest } }],
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: {
      buildDefinition: {
        buildType: BUILD_TYPE,
        externalParameters: {
          project: input.project,
          command: input.command,
          install: input.install,
          workflow: {
            ref: e.GITHUB_REF ?? null,
            repository: `${server}/${repo}`,
            path: (e.GITHUB_WORKFLOW_REF ?? '').replace(/^[^/]+\/[^/]+\//, '').replace(/@.*$/, '') || null,
          },
        },
        internalParameters: {
          github: {
            event_name: e.GITHUB_EVENT_NAME ?? null,
            repository_id: e.GITHUB_REPOSITORY_ID ?? null,
            repository_owner_id: e.GITHUB_REPOSITORY_OWNER_ID ?? null,
            runner_environment: e.RUNNER_ENVIRONMENT ?? null,
          },
        },
        resolvedDependencies: [
          { uri: `git+${server}/${repo}@${e.GITHUB_REF ?? 'HEAD'}`, digest: { gitCommit: input.commit } },
        ],
      },
      runDetails: {
        builder: { id: e.GITHUB_WORKFLOW_REF ? `${server}/${e.GITHUB_WORKFLOW_REF}` : `${server}/${repo}/local-build` },
        metadata: {
          invocationId: e.GITHUB_RUN_ID
            ? `${server}/${repo}/actions/runs/${e.GITHUB_RUN_ID}/attempts/${e.GITHUB_RUN_ATTEMPT ?? '1'}`
            : 'local',
        },
      },
    },
  };
  return `${JSON.stringify(statement, null, 2)}\n`;
}
