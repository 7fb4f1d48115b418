// `slipway pipeline <workflow>`: runs a workflow's job graph on this machine (packages/pipeline).
// slipway's own actions and reusable workflows run from this installation of slipway, so a
// workflow that pins slipway/slipway/…@<sha> runs the actions of the checkout it is run from.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  InputReader,
  UserError,
  writeFileAtomic,
  type ActionMetadata,
  type ActionSeams,
} from '@slipway/action-kit/lite';
import type { CliAction } from './registry.js';

const metadata: ActionMetadata = {
  name: 'pipeline',
  description:
    "Runs a workflow's job graph on this machine: jobs in the order of their needs:, reusable workflows they call, matrices, if: conditions and outputs as on GitHub; slipway's actions from this installation, third-party ones by local stand-ins.",
  inputs: {
    workflow: {
      description: 'The workflow file, relative to the current folder (also the first argument).',
      default: '.github/workflows/release.yml',
    },
    input: {
      description: "One of the workflow's inputs, name=value; give --input once per input.",
    },
    secret: {
      description:
        'A secret the workflow declares, by name; its value is read from the environment variable of that name (upper case, - as _), never from the command line. Once per secret.',
    },
    var: { description: 'A configuration variable (vars context), name=value; once per variable.' },
    path: { description: 'The repository the workflow runs on (GITHUB_WORKSPACE).', default: '.' },
    'run-dir': {
      description:
        'Where the run keeps its files (runner.temp, artifacts, attestations, summary.md); a new temporary folder when empty.',
    },
  },
  outputs: {
    result: { description: 'success, failure or cancelled.' },
    outputs: { description: "The workflow's outputs, as JSON." },
    jobs: { description: 'Each job (each matrix combination) with its result and reason, as JSON.' },
    'run-dir': { description: "The run's folder." },
  },
};

/** The folder holding slipway's actions/, dist/ and .github/workflows/: this module's nearest ancestor that has them. */
export function slipwayRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'actions', 'deploy-canary', 'action.yml')) && existsSync(join(dir, 'dist'))) return dir;
    if (dirname(dir) === dir) throw new Error(`slipway's actions/ and dist/ were not found above ${from}`);
  }
}

/** name=value lines into a record; a line without = is the user's to fix. */
function pairs(text: string, input: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n').filter((l) => l !== '')) {
    const eq = line.indexOf('=');
    if (eq <= 0)
      throw new UserError(
        `'${line.slice(0, 80)}' is not name=value.`,
        { input },
        `For example: --${input} environment=production`,
      );
    out[line.slice(0, eq).trim()] = line.slice(eq + 1);
  }
  return out;
}

export const pipelineCommand: CliAction = {
  metadata,
  commandLine: { positional: 'workflow', repeatable: ['input', 'secret', 'var'] },
  async run({ env, logger, setOutput, mask }: ActionSeams) {
    const inputs = new InputReader(metadata, env);
    const here = env.GITHUB_WORKSPACE || process.cwd();
    const workspace = resolve(here, inputs.raw('path'));
    if (!existsSync(workspace))
      throw new UserError(
        `${workspace} does not exist.`,
        { input: 'path' },
        'Name the repository to run the workflow on.',
      );
    const secrets: Record<string, string> = {};
    for (const name of inputs
      .raw('secret')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const variable = name.toUpperCase().replace(/-/g, '_');
      const value = env[variable];
      if (value === undefined)
        throw new UserError(
          `secret ${name} is read from the environment variable ${variable}, which is not set.`,
          { input: 'secret' },
          `Set ${variable} in the environment, then run again.`,
        );
      mask(value);
      secrets[name] = value;
    }
    const runDirText = inputs.raw('run-dir');
    const runDir = runDirText ? resolve(workspace, runDirText) : undefined;
    if (runDir && existsSync(runDir) && !statSync(runDir).isDirectory())
      throw new UserError(
        `${runDirText} is a file, not a folder.`,
        { input: 'run-dir' },
        'Name a folder, or leave run-dir empty for a new one.',
      );
    const workflowFile = resolve(here, inputs.raw('workflow'));
    if (!existsSync(workflowFile) || !statSync(workflowFile).isFile())
      throw new UserError(
        `${inputs.raw('workflow').slice(0, 200)} is not a file.`,
        { input: 'workflow' },
        'Name a workflow file, such as .github/workflows/release.yml (relative to the current folder, or absolute).',
      );
    const controller = new AbortController();
    const cancel = (): void => {
      logger.warning('pipeline: cancelling: the running step is stopped, then always() and post steps run');
      controller.abort();
    };
    process.once('SIGINT', cancel);
    process.once('SIGTERM', cancel);
    const { runPipeline } = await import('@slipway/pipeline');
    let run;
    try {
      run = await runPipeline({
        workflow: workflowFile,
        inputs: pairs(inputs.raw('input'), 'input'),
        secrets,
        vars: pairs(inputs.raw('var'), 'var'),
        workspace,
        slipwayRoot: slipwayRoot(),
        ...(runDir ? { runDir } : {}),
        env,
        logger,
        signal: controller.signal,
      });
    } finally {
      process.off('SIGINT', cancel);
      process.off('SIGTERM', cancel);
    }
    setOutput('result', run.result);
    setOutput('outputs', JSON.stringify(run.outputs));
    setOutput(
      'jobs',
      JSON.stringify(
        run.jobs.map((j) => ({
          path: j.path,
          name: j.name,
          result: j.result,
          ...(j.reason ? { reason: j.reason } : {}),
        })),
      ),
    );
    setOutput('run-dir', run.runDir);
    if (env.GITHUB_STEP_SUMMARY) {
      const rows = run.jobs.map((j) => `| ${j.path} | ${j.result} | ${(j.reason ?? '').replace(/\|/g, '\\|')} |`);
      const outs = Object.entries(run.outputs).map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`);
      await writeFileAtomic(
        env.GITHUB_STEP_SUMMARY,
        [
          `pipeline: ${run.result}`,
          '',
          '| job | result | reason |',
          '|---|---|---|',
          ...rows,
          '',
          ...(outs.length ? ['| output | value |', '|---|---|', ...outs, ''] : []),
          `Every step's summary: ${join(run.runDir, 'summary.md')}`,
          '',
        ].join('\n'),
      );
    }
    if (run.result !== 'success') {
      const failed =
        run.jobs.find((j) => j.result === 'failure' && j.reason) ?? run.jobs.find((j) => j.result !== 'success');
      throw new UserError(
        `the workflow ${run.result === 'cancelled' ? 'was cancelled' : 'failed'}${failed ? `: ${failed.path}: ${failed.reason ?? failed.result}` : ''}.`,
        {},
        `Each step's log is above; the run's files are in ${run.runDir}.`,
      );
    }
  },
};
