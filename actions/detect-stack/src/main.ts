import { InputReader, OutputWriter, type ActionSeams } from '@slipway/action-kit/lite';
import { detectStack, oneLine, toMatrix } from '@slipway/stack';
import { parseInputs } from './inputs.js';
import { metadata } from './metadata.generated.js';
import { stackSummary } from './summary.js';

/** Detects the stack and sets every output and the job summary. */
export async function run({ env, logger, setOutput }: ActionSeams): Promise<void> {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const inputs = parseInputs(new InputReader(metadata, env), workspace, env.HOME);
  const stack = await detectStack({
    root: inputs.root,
    // A path inside a workspace member reads the enclosing root's package manager and lockfile:
    // the climb stops at the repository's .git, or at the workspace without one.
    ceiling: workspace,
    displayRoot: inputs.displayRoot,
    exclude: inputs.exclude,
    maxFiles: inputs.maxFiles,
    logger,
    annotationPrefix: inputs.annotationPrefix,
  });
  const primary = stack.projects.find((p) => p.path === stack.primary);
  const out = new OutputWriter(metadata, setOutput);
  out.set('stack', stack);
  out.set('primary-language', stack.languages[0]?.name ?? '');
  out.set('runtime', primary?.runtime.name ?? '');
  out.set('runtime-version', primary?.runtime.version ?? '');
  out.set('package-manager', primary?.packageManager?.name ?? '');
  out.set('build-command', primary?.commands.build ?? '');
  out.set('test-command', primary?.commands.test ?? '');
  out.set('start-command', primary?.commands.start ?? '');
  out.set('matrix', toMatrix(stack));
  out.set('monorepo', stack.projects.length > 1);
  out.set('dockerfile', primary?.dockerfile ?? '');
  out.set('primary-path', primary?.path ?? '');
  out.set('build-output', primary?.output ?? '');
  out.set('build-system', stack.monorepo?.tool ?? '');
  // The path and version come from the repository: kept on one line, they cannot start a
  // workflow command of their own (the runner's logger also fences any `::` it prints).
  logger.info(
    primary
      ? `detect-stack: ${stack.projects.length} project(s); primary ${oneLine(primary.path)} is ${primary.runtime.name}${primary.runtime.version ? ` ${oneLine(primary.runtime.version)}` : ''} with ${primary.packageManager?.name ?? 'no package manager'} (${stack.stats.files} files, ${stack.stats.elapsedMs} ms)`
      : `detect-stack: no buildable project found in ${oneLine(inputs.displayRoot)} (${stack.stats.files} files)`,
  );
  await stackSummary(stack).write(env);
}
