// `slipway pipeline` as a command: the workflow as first argument, --input/--secret/--var once per
// value, outputs as JSON, every malformed flag one error naming it (exit 1; 2 for the command
// line itself), and Ctrl-C: the running step is stopped, always() steps still run, nothing is left.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { makeTree, REPO, removeTree } from '../../../test/harness.js';
import { main } from '../src/cli.js';

const trees: string[] = [];
afterAll(() => trees.forEach(removeTree));

const WORKFLOW = `
name: greet
on:
  workflow_dispatch:
    inputs:
      who: { type: string, required: true }
      loud: { type: boolean, default: false }
    secrets:
      token: { required: false }
  workflow_call:
    inputs:
      who: { type: string, required: true }
      loud: { type: boolean, default: false }
    secrets:
      token: { required: false }
    outputs:
      line: { value: "\${{ jobs.say.outputs.line }}" }
jobs:
  say:
    runs-on: ubuntu-latest
    outputs:
      line: \${{ steps.s.outputs.line }}
    steps:
      - id: s
        env:
          TOKEN: \${{ secrets.token }}
          REGION: \${{ vars.region }}
        run: |
          echo "using $TOKEN"
          echo "line=hello \${{ inputs.who }} loud=\${{ inputs.loud }} in $REGION" >> "$GITHUB_OUTPUT"
`;

function repo(files: Record<string, string> = {}): string {
  const dir = makeTree({ '.github/workflows/greet.yml': WORKFLOW, ...files }, 'slipway-pipeline-cli-');
  trees.push(dir);
  return dir;
}

async function cli(cwd: string, args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['pipeline', ...args], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
    cwd,
  });
  const outputs = code === 0 && args.includes('--json') ? (JSON.parse(out.join('\n')) as Record<string, string>) : {};
  if (outputs['run-dir']) trees.push(outputs['run-dir']);
  return { code, out: out.join('\n'), err: err.join('\n'), outputs };
}

describe('slipway pipeline (command)', () => {
  it('takes the workflow first, inputs, a secret from the environment and vars, and prints the outputs as JSON', async () => {
    const dir = repo();
    const secret = 'ghp_notreallyatoken0123456789abcdefABCD';
    const run = await cli(
      dir,
      [
        '.github/workflows/greet.yml',
        '--input',
        'who=ada',
        '--input=loud=true',
        '--secret',
        'token',
        '--var',
        'region=eu-west',
        '--json',
      ],
      { TOKEN: secret },
    );
    expect(run.err).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect(run.outputs.result).toBe('success');
    expect(JSON.parse(run.outputs.outputs!)).toStrictEqual({ line: 'hello ada loud=true in eu-west' });
    expect(JSON.parse(run.outputs.jobs!)).toStrictEqual([{ path: 'say', name: 'say', result: 'success' }]);
    expect(run.err).toContain('using ***');
    expect(run.err + run.out).not.toContain(secret);
  }, 60_000);

  it('without --json prints a table of the jobs and the outputs', async () => {
    const run = await cli(repo(), ['.github/workflows/greet.yml', '--input', 'who=bo']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('pipeline: success');
    expect(run.out).toContain('| say | success |  |');
    expect(run.out).toContain('| line | hello bo loud=false in  |');
  }, 60_000);

  it.each([
    [['.github/workflows/missing.yml'], /input 'workflow'.*missing\.yml is not a file/s],
    [['notyaml.yml'], /notyaml\.yml.*is not valid YAML/s],
    [['nojobs.yml'], /nojobs\.yml.*is not a workflow: it has no jobs/s],
    [['.github/workflows/greet.yml'], /needs input 'who'.*--input who=VALUE/s],
    [['.github/workflows/greet.yml', '--input', 'who'], /input 'input'.*'who' is not name=value/s],
    [
      ['.github/workflows/greet.yml', '--input', 'who=x', '--input', 'colour=red'],
      /has no input 'colour'.*Its inputs: who, loud/s,
    ],
    [
      ['.github/workflows/greet.yml', '--input', 'who=x', '--input', 'loud=perhaps'],
      /input 'loud' is a boolean; 'perhaps' is not/,
    ],
    [
      ['.github/workflows/greet.yml', '--input', 'who=x', '--secret', 'token'],
      /input 'secret'.*TOKEN, which is not set/s,
    ],
    [['.github/workflows/greet.yml', '--input', 'who=x', '--var', '=x'], /input 'var'.*'=x' is not name=value/s],
    [['.github/workflows/greet.yml', '--input', 'who=x', '--path', 'nowhere'], /input 'path'.*does not exist/s],
    [
      ['.github/workflows/greet.yml', '--input', 'who=x', '--run-dir', 'notyaml.yml'],
      /input 'run-dir'.*is a file, not a folder/s,
    ],
  ])(
    '%j is one error naming what to fix, exit 1, no stack',
    async (args, message) => {
      const run = await cli(repo({ 'notyaml.yml': 'jobs: [unclosed\n', 'nojobs.yml': 'on: push\n' }), args);
      expect(run.code).toBe(1);
      expect(run.err).toMatch(message);
      expect(run.err).not.toMatch(/\n\s+at |internal error/);
    },
    60_000,
  );

  it('an unknown flag is a usage error (exit 2) listing the flags', async () => {
    const run = await cli(repo(), ['.github/workflows/greet.yml', '--inputs', 'who=x']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/unknown flag --inputs.*--workflow, --input, --secret, --var, --path, --run-dir/s);
  });

  it('fails with the failing job and its reason when the workflow fails', async () => {
    const dir = repo({
      '.github/workflows/broken.yml':
        'on: workflow_dispatch\njobs:\n  b:\n    runs-on: x\n    steps:\n      - run: echo "::error::the tests failed"; exit 1\n',
    });
    const run = await cli(dir, ['.github/workflows/broken.yml']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/the workflow failed: b: Run echo .*: the tests failed\./);
  }, 60_000);
});

describe('slipway pipeline and Ctrl-C (dist/cli)', () => {
  it('stops the running step, runs the always() step, exits 1 saying it was cancelled, and leaves no process', async () => {
    const dir = repo({
      '.github/workflows/slow.yml': `
on: workflow_dispatch
jobs:
  s:
    runs-on: x
    steps:
      - run: echo $$ > step.pid; touch started; sleep 120 & echo $! > sleep.pid; wait
      - if: always()
        run: echo cleaned > cleanup
`,
    });
    const child = spawn(
      process.execPath,
      [join(REPO, 'dist', 'cli', 'index.js'), 'pipeline', '.github/workflows/slow.yml'],
      {
        cwd: dir,
        env: { PATH: process.env.PATH, HOME: dir },
      },
    );
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.stdout.resume();
    const exited = new Promise<number | null>((r) => child.on('close', r));
    for (let i = 0; !existsSync(join(dir, 'sleep.pid')); i++) {
      if (i > 400) throw new Error(`the step never started: ${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGINT');
    expect(await exited).toBe(1);
    expect(err).toMatch(/the workflow was cancelled/);
    expect(readFileSync(join(dir, 'cleanup'), 'utf8')).toBe('cleaned\n');
    for (const file of ['step.pid', 'sleep.pid']) {
      const pid = Number(readFileSync(join(dir, file), 'utf8'));
      expect(existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ')).toBe(false);
    }
  }, 60_000);
});
