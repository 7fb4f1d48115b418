// The executor on small workflows: real bash steps, a real node action with a post step, a real
// reusable-workflow call, matrices from a job's output, if: and needs.<job>.result, outputs step →
// job → workflow, masking, cancel and timeouts.
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecordingLogger, isUserError } from '@slipway/action-kit/lite';
import { REPO, makeTree, removeTree } from '../../../test/harness.js';
import { runPipeline, type PipelineResult } from '../src/index.js';

const trees: string[] = [];
afterAll(() => trees.forEach(removeTree));

function workspace(files: Record<string, string>): string {
  const root = makeTree(files, 'slipway-pipeline-test-');
  trees.push(root);
  return root;
}

async function run(
  files: Record<string, string>,
  options: { inputs?: Record<string, string>; secrets?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<PipelineResult & { log: RecordingLogger; text: string }> {
  const root = workspace(files);
  const log = new RecordingLogger();
  const result = await runPipeline({
    workflow: '.github/workflows/w.yml',
    workspace: root,
    slipwayRoot: REPO,
    logger: log,
    env: { PATH: process.env.PATH, HOME: root },
    ...options,
  });
  trees.push(result.runDir);
  return { ...result, log, text: log.records.map((r) => `${r.level}: ${r.message}`).join('\n') };
}

const job = (path: string, r: PipelineResult) => r.jobs.filter((j) => j.path === path);

describe('slipway pipeline: the job graph', () => {
  it('runs jobs after what they need and passes outputs step → job → needs → workflow', async () => {
    const r = await run(
      {
        '.github/workflows/w.yml': `
on:
  workflow_call:
    inputs:
      who: { type: string, required: true }
      times: { type: number, default: 2 }
    outputs:
      greeting: { value: "\${{ jobs.second.outputs.greeting }}" }
      where: { value: "\${{ jobs.first.outputs.where }}" }
      first-result: { value: "\${{ jobs.first.result }}" }
env:
  PREFIX: hello
jobs:
  second:
    needs: first
    runs-on: ubuntu-latest
    outputs:
      greeting: \${{ steps.say.outputs.text }}
    steps:
      - id: say
        env:
          WHO: \${{ needs.first.outputs.who }}
        run: echo "text=$PREFIX $WHO [$TIMES]" >> "$GITHUB_OUTPUT"
  first:
    runs-on: ubuntu-latest
    env:
      TIMES: \${{ inputs.times }}
    defaults:
      run:
        working-directory: sub
    outputs:
      who: \${{ steps.name.outputs.who }}
      where: \${{ steps.name.outputs.where }}
    steps:
      - run: echo "LATER=from-env-file" >> "$GITHUB_ENV"
      - id: name
        run: |
          echo "who=\${{ inputs.who }}-$LATER-$TIMES" >> "$GITHUB_OUTPUT"
          echo "where=$(basename "$PWD")" >> "$GITHUB_OUTPUT"
`,
        'sub/.keep': '',
      },
      { inputs: { who: 'ada' } },
    );
    expect(r.result).toBe('success');
    expect(r.jobs.map((j) => j.path)).toStrictEqual(['first', 'second']);
    // TIMES is the first job's env only: the second job does not see it.
    expect(r.outputs).toStrictEqual({
      greeting: 'hello ada-from-env-file-2 []',
      where: 'sub',
      'first-result': 'success',
    });
  }, 60_000);

  it('skips what needs a failed job, runs if: always() jobs that read needs.<job>.result, and fails the run', async () => {
    const r = await run({
      '.github/workflows/w.yml': `
on: workflow_dispatch
jobs:
  build:
    runs-on: x
    steps:
      - run: echo "::error file=app.js,line=3::the build broke"; exit 3
      - name: never
        run: echo never
      - name: on failure
        if: failure()
        run: echo "cleaning up after a failure"
  deploy:
    needs: build
    runs-on: x
    steps:
      - run: echo deploying
  report:
    needs: [build, deploy]
    if: always() && needs.build.result == 'failure'
    runs-on: x
    steps:
      - run: echo "build=\${{ needs.build.result }} deploy=\${{ needs.deploy.result }}"
`,
    });
    expect(r.result).toBe('failure');
    expect(job('build', r)[0]).toMatchObject({ result: 'failure', reason: expect.stringMatching(/the build broke/) });
    expect(job('build', r)[0]!.steps.map((s) => [s.name, s.outcome])).toStrictEqual([
      ['Run echo "::error file=app.js,line=3::the build broke"; exit 3', 'failure'],
      ['never', 'skipped'],
      ['on failure', 'success'],
    ]);
    expect(job('deploy', r)[0]).toMatchObject({ result: 'skipped', reason: expect.stringMatching(/build: failure/) });
    expect(job('report', r)[0]).toMatchObject({ result: 'success' });
    expect(r.text).toContain('build=failure deploy=skipped');
    expect(r.log.records).toContainEqual({
      level: 'error',
      message: 'the build broke',
      props: { file: 'app.js', startLine: 3 },
    });
    expect(r.text).toContain('cleaning up after a failure');
  }, 60_000);

  it("expands a matrix from a job's JSON output, include and all, and fail-fast cancels what is left", async () => {
    const r = await run({
      '.github/workflows/w.yml': `
on: workflow_dispatch
jobs:
  plan:
    runs-on: x
    outputs:
      matrix: \${{ steps.m.outputs.matrix }}
    steps:
      - id: m
        run: echo 'matrix={"include":[{"name":"web","code":0},{"name":"api","code":0}]}' >> "$GITHUB_OUTPUT"
  test:
    needs: plan
    name: Test \${{ matrix.name }}
    runs-on: x
    strategy:
      matrix: \${{ fromJSON(needs.plan.outputs.matrix) }}
    outputs:
      last: \${{ steps.t.outputs.name }}
    steps:
      - id: t
        run: echo "name=\${{ matrix.name }}-\${{ strategy.job-index }}of\${{ strategy.job-total }}" >> "$GITHUB_OUTPUT"
  fragile:
    runs-on: x
    strategy:
      matrix:
        n: [1, 2, 3]
    steps:
      - run: test \${{ matrix.n }} -ne 2
`,
    });
    expect(job('test', r).map((j) => [j.name, j.result, j.outputs.last])).toStrictEqual([
      ['Test web', 'success', 'web-0of2'],
      ['Test api', 'success', 'api-1of2'],
    ]);
    expect(job('fragile', r).map((j) => [j.matrix, j.result])).toStrictEqual([
      [{ n: 1 }, 'success'],
      [{ n: 2 }, 'failure'],
      [{ n: 3 }, 'cancelled'],
    ]);
    expect(r.result).toBe('failure');
  }, 60_000);
});

describe('slipway pipeline: reusable workflows and actions', () => {
  const called = `
on:
  workflow_call:
    inputs:
      target: { type: string, required: true }
      dry: { type: boolean, default: false }
    secrets:
      token: { required: true }
    outputs:
      said: { value: "\${{ jobs.inner.outputs.said }}" }
jobs:
  inner:
    runs-on: x
    outputs:
      said: \${{ steps.s.outputs.said }}
    steps:
      - id: s
        env:
          TOKEN: \${{ secrets.token }}
        run: |
          echo "the token is $TOKEN"
          echo "said=\${{ inputs.target }} dry=\${{ inputs.dry }} token-length=\${#TOKEN}" >> "$GITHUB_OUTPUT"
`;
  const caller = (withBlock: string, secrets = 'token: ${{ secrets.deploy-token }}') => `
on:
  workflow_dispatch:
    inputs:
      target: { type: string, default: staging }
jobs:
  call:
    uses: ./.github/workflows/called.yml
    with:
${withBlock}
    secrets:
      ${secrets}
  after:
    needs: call
    runs-on: x
    steps:
      - run: echo "got \${{ needs.call.outputs.said }}"
`;

  it("calls a local reusable workflow with typed inputs and secrets, masks the secret, and reads the call's outputs", async () => {
    const secret = 's3cr3t-value-for-the-test';
    const r = await run(
      {
        '.github/workflows/w.yml': caller('      target: ${{ inputs.target }}\n      dry: true'),
        '.github/workflows/called.yml': called,
      },
      { secrets: { 'deploy-token': secret } },
    );
    expect(r.result).toBe('success');
    expect(r.jobs.map((j) => [j.path, j.result])).toStrictEqual([
      ['call/inner', 'success'],
      ['call', 'success'],
      ['after', 'success'],
    ]);
    expect(r.text).toContain(`got staging dry=true token-length=${secret.length}`);
    expect(r.text).toContain('the token is ***');
    expect(r.text).not.toContain(secret);
    expect(readFileSync(join(r.runDir, 'summary.md'), 'utf8')).not.toContain(secret);
  }, 60_000);

  it('refuses a call that leaves out a required input, passes an unknown one or a wrong type, or an undeclared secret', async () => {
    const files = (w: string, s?: string) => ({
      '.github/workflows/w.yml': caller(w, s),
      '.github/workflows/called.yml': called,
    });
    const cases: [Record<string, string>, RegExp][] = [
      [files('      dry: true'), /needs input 'target'/],
      [files('      target: x\n      colour: red'), /has no input 'colour'.*Its inputs: target, dry/],
      [files('      target: x\n      dry: maybe'), /input 'dry' is a boolean; 'maybe' is not/],
      [files('      target: x', 'other: x'), /passes secret 'other'.*does not declare it/],
    ];
    for (const [tree, message] of cases) {
      const error = await run(tree, { secrets: { 'deploy-token': 'abc' } }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isUserError(error)).toBe(true);
      expect((error as Error & { describe(): string }).describe()).toMatch(message);
    }
  }, 60_000);

  it('runs a local node action with its defaults as INPUT_ variables, then its post step with the state it saved', async () => {
    const r = await run({
      '.github/workflows/w.yml': `
on: workflow_dispatch
jobs:
  a:
    runs-on: x
    outputs:
      got: \${{ steps.act.outputs.got }}
    steps:
      - id: act
        uses: ./my-action
        with:
          name: ada
      - run: echo "main ran before this"
`,
      'my-action/action.yml': `
name: my action
inputs:
  name: { required: true }
  greeting: { default: "hello from \${{ github.job }}" }
runs:
  using: node24
  main: main.mjs
  post: post.mjs
`,
      'my-action/main.mjs': `import { appendFileSync } from 'node:fs';
appendFileSync(process.env.GITHUB_OUTPUT, 'got=' + process.env['INPUT_GREETING'] + ', ' + process.env.INPUT_NAME + '\\n');
appendFileSync(process.env.GITHUB_STATE, 'cleanup=lock-42\\n');
`,
      'my-action/post.mjs': `console.log('post: releasing ' + process.env.STATE_cleanup);\n`,
    });
    expect(r.result).toBe('success');
    expect(r.outputs).toStrictEqual({});
    expect(job('a', r)[0]!.outputs).toStrictEqual({ got: 'hello from a, ada' });
    expect(job('a', r)[0]!.steps.map((s) => s.name)).toStrictEqual([
      'Run ./my-action',
      'Run echo "main ran before this"',
      'Post Run ./my-action',
    ]);
    expect(r.text).toContain('post: releasing lock-42');
  }, 60_000);

  it('fails a step whose action has no stand-in, naming the stand-ins there are', async () => {
    const r = await run({
      '.github/workflows/w.yml': `
on: workflow_dispatch
jobs:
  a:
    runs-on: x
    steps:
      - uses: some/thing@v1
      - if: always()
        uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
`,
    });
    expect(r.result).toBe('failure');
    expect(job('a', r)[0]!.steps.map((s) => [s.kind, s.outcome])).toStrictEqual([
      ['action', 'failure'],
      ['stand-in', 'success'],
    ]);
    expect(job('a', r)[0]!.reason).toMatch(
      /some\/thing@v1, which cannot run locally.*actions\/checkout, actions\/setup-node/s,
    );
  }, 60_000);
});

describe('slipway pipeline: the token', () => {
  const files = {
    '.github/workflows/w.yml': `
on: workflow_dispatch
jobs:
  a:
    runs-on: x
    steps:
      - env:
          T: \${{ github.token }}
        run: echo "token length \${#T} is $T"
`,
  };

  it('github.token is empty: a local run posts nothing to GitHub unless given GITHUB_TOKEN as a secret', async () => {
    const root = workspace(files);
    const log = new RecordingLogger();
    const quiet = await runPipeline({
      workflow: '.github/workflows/w.yml',
      workspace: root,
      slipwayRoot: REPO,
      logger: log,
      env: { PATH: process.env.PATH, GITHUB_TOKEN: 'ghp_fromtheenvironment0000000000000000' },
    });
    trees.push(quiet.runDir);
    expect(log.messages('info').join('\n')).toContain('token length 0 is');
    const token = 'ghs_givenasasecret000000000000000000000';
    const given = await run(files, { secrets: { GITHUB_TOKEN: token } });
    expect(given.text).toContain(`token length ${token.length} is ***`);
    expect(given.text).not.toContain(token);
  }, 60_000);
});

describe('slipway pipeline: stopping', () => {
  it('cancel stops the running step, runs always() steps, and ends cancelled', async () => {
    const controller = new AbortController();
    const root = workspace({
      '.github/workflows/w.yml': `
on: workflow_dispatch
jobs:
  a:
    runs-on: x
    steps:
      - run: touch started; sleep 60; touch finished
      - run: echo not-after-cancel
      - if: always()
        run: echo "cleanup ran" > cleanup
  b:
    needs: a
    runs-on: x
    steps:
      - run: echo never
`,
    });
    const started = join(root, 'started');
    const poll = setInterval(() => existsSync(started) && controller.abort(), 50);
    const log = new RecordingLogger();
    const r = await runPipeline({
      workflow: '.github/workflows/w.yml',
      workspace: root,
      slipwayRoot: REPO,
      logger: log,
      env: { PATH: process.env.PATH },
      signal: controller.signal,
    }).finally(() => clearInterval(poll));
    trees.push(r.runDir);
    expect(r.result).toBe('cancelled');
    expect(existsSync(join(root, 'finished'))).toBe(false);
    expect(readFileSync(join(root, 'cleanup'), 'utf8')).toBe('cleanup ran\n');
    expect(job('a', r)[0]!.steps.map((s) => s.outcome)).toStrictEqual(['cancelled', 'skipped', 'success']);
    expect(job('b', r)[0]).toMatchObject({ result: 'cancelled' });
  }, 60_000);

  it('a step past its timeout-minutes is stopped and fails the job, saying why', async () => {
    const r = await run({
      '.github/workflows/w.yml': `
on: workflow_dispatch
jobs:
  a:
    runs-on: x
    steps:
      - timeout-minutes: 0.01
        run: sleep 30
`,
    });
    expect(r.result).toBe('failure');
    expect(job('a', r)[0]!.reason).toMatch(/ran out of time \(timeout-minutes\)/);
  }, 60_000);
});
