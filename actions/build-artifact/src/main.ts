import {
  actionsExec,
  InputReader,
  OutputWriter,
  realWorkspace,
  shownPath,
  type ActionSeams,
} from '@slipway/action-kit/lite';
import { buildArtifact, CommandError } from '@slipway/artifact';
import { parseInputs } from './inputs.js';
import { metadata } from './metadata.generated.js';
import { redactSecrets } from './redact.js';
import { artifactSummary, failureSummary } from './summary.js';

/** Builds the project, packages it, sets the outputs and the job summary. */
export async function run({ env, logger, setOutput }: ActionSeams): Promise<void> {
  const workspace = realWorkspace(env.GITHUB_WORKSPACE || process.cwd());
  const inputs = parseInputs(new InputReader(metadata, env), workspace, env.HOME);
  // Relative to the workspace when inside it, else absolute (output-dir in RUNNER_TEMP).
  const rel = (abs: string): string => shownPath(abs, workspace);
  let result;
  try {
    result = await buildArtifact(
      { ...inputs, include: inputs.include ? [...inputs.include] : undefined, exclude: [...inputs.exclude] },
      { exec: actionsExec, logger, env, redact: redactSecrets },
    );
  } catch (err) {
    if (err instanceof CommandError) await failureSummary(err).write(env);
    throw err;
  }
  const out = new OutputWriter(metadata, setOutput);
  out.set('artifact-path', rel(result.artifactPath));
  out.set('digest', result.digest);
  out.set('size', result.size);
  out.set('version', result.version);
  out.set('name', result.name);
  out.set('manifest-path', rel(result.manifestPath));
  out.set('sbom-path', result.sbomPath ? rel(result.sbomPath) : '');
  out.set('provenance-path', result.provenancePath ? rel(result.provenancePath) : '');
  out.set('artifact-id', result.artifactId ?? '');
  out.set('artifact-url', result.artifactUrl ?? '');
  out.set('cache-hit', result.cacheHit);
  logger.info(
    `build-artifact: ${rel(result.artifactPath)} ${result.digest} (${result.size} bytes, ${result.files} files)`,
  );
  await artifactSummary(result, rel).write(env);
}
