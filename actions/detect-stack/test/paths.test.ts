// `path` as people write it: relative to the workspace, `${{ github.workspace }}/app`, a folder
// in `${{ runner.temp }}`, or `~/…`. A folder outside the workspace is the user's choice, but its
// walk still never follows a link out of it.
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { InputReader, nullLogger } from '@slipway/action-kit/lite';
import type { Stack } from '@slipway/stack';
import { userError } from '../../../test/matchers.js';
import { makeTree, removeTree } from '../../../test/harness.js';
import { parseInputs } from '../src/inputs.js';
import { run } from '../src/main.js';
import { metadata } from '../src/metadata.generated.js';

const NODE_APP = {
  'package.json': JSON.stringify({ name: 'web', private: true, scripts: { build: 'vite build', test: 'vitest' } }),
  'package-lock.json': JSON.stringify({ name: 'web', lockfileVersion: 3, packages: { '': { name: 'web' } } }),
  'src/main.ts': 'console.log(1);\n',
};
const GO_APP = {
  'go.mod': 'module example.com/svc\n\ngo 1.22\n',
  'main.go': 'package main\n\nfunc main() {}\n',
};
const prefixed = (dir: string, files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).map(([k, v]) => [`${dir}/${k}`, v]));

const workspace = makeTree(prefixed('apps/web', NODE_APP));
// A stand-in for RUNNER_TEMP holding a second checkout, and a tree that checkout links to.
const runnerTemp = makeTree(prefixed('checkout', GO_APP), 'slipway-runner-temp-');
const elsewhere = makeTree(prefixed('shop', NODE_APP), 'slipway-elsewhere-');
const home = makeTree(prefixed('src/svc', GO_APP), 'slipway-home-');
symlinkSync(elsewhere, join(runnerTemp, 'checkout', 'vendor-link'));
symlinkSync(join(elsewhere, 'shop'), join(runnerTemp, 'checkout', 'shop'));
symlinkSync(runnerTemp, join(workspace, 'escape'));
afterAll(() => [workspace, runnerTemp, elsewhere, home].forEach(removeTree));

const parse = (path: string) => parseInputs(new InputReader(metadata, { INPUT_PATH: path }), workspace, home);

describe('detect-stack path', () => {
  const cases: [string, string, string, string, string][] = [
    ['relative', 'apps/web', join(workspace, 'apps/web'), 'apps/web', 'apps/web/'],
    [
      'absolute inside the workspace',
      join(workspace, 'apps/web'),
      join(workspace, 'apps/web'),
      'apps/web',
      'apps/web/',
    ],
    [
      'absolute outside (RUNNER_TEMP)',
      join(runnerTemp, 'checkout'),
      join(runnerTemp, 'checkout'),
      join(runnerTemp, 'checkout'),
      `${join(runnerTemp, 'checkout')}/`,
    ],
    ['under ~', '~/src/svc', join(home, 'src/svc'), join(home, 'src/svc'), `${join(home, 'src/svc')}/`],
  ];
  for (const [label, value, root, displayRoot, annotationPrefix] of cases)
    it(`takes a folder given ${label}`, () => {
      expect(parse(value)).toMatchObject({ root, displayRoot, annotationPrefix });
    });

  it('refuses a link out of the workspace, given relatively or absolutely', () => {
    for (const value of ['escape', join(workspace, 'escape'), join(workspace, 'escape/checkout')])
      expect(() => parse(value)).toThrow(userError('path', /link that leads outside the workspace/));
  });

  it('refuses a file or a device given absolutely, naming path', () => {
    expect(() => parse(join(runnerTemp, 'checkout/go.mod'))).toThrow(userError('path', /is a file, not a folder/));
    expect(() => parse('/dev/zero')).toThrow(userError('path', /is a device, not a folder/));
  });
});

describe('detect-stack run on a folder given absolutely', () => {
  async function detect(
    path: string,
    extra: Record<string, string> = {},
  ): Promise<{ outputs: Record<string, string>; stack: Stack }> {
    const outputs: Record<string, string> = {};
    const summary = makeTree({ summary: '' }, 'slipway-summary-');
    try {
      await run({
        env: { GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: join(summary, 'summary'), INPUT_PATH: path, ...extra },
        logger: nullLogger,
        setOutput: (k, v) => (outputs[k] = String(v)),
        mask: () => {},
      });
      expect(readFileSync(join(summary, 'summary'), 'utf8')).not.toBe('');
    } finally {
      removeTree(summary);
    }
    return { outputs, stack: JSON.parse(outputs.stack!) as Stack };
  }

  it('analyses a checkout in RUNNER_TEMP without following its links out', async () => {
    const { outputs, stack } = await detect(join(runnerTemp, 'checkout'));
    expect(stack.root).toBe(join(runnerTemp, 'checkout'));
    expect(stack.projects.map((p) => [p.path, p.runtime.name])).toStrictEqual([['.', 'go']]);
    expect(outputs).toMatchObject({ runtime: 'go', 'primary-path': '.', monorepo: 'false' });
  });

  it('names a folder given absolutely inside the workspace as relative to it', async () => {
    const { outputs, stack } = await detect(join(workspace, 'apps/web'));
    expect(stack.root).toBe('apps/web');
    expect(outputs).toMatchObject({ runtime: 'node', 'package-manager': 'npm', 'primary-path': '.' });
  });

  it('takes ~ from the step’s HOME', async () => {
    const { stack } = await detect('~/src/svc', { HOME: home });
    expect(stack.root).toBe(join(home, 'src/svc'));
    expect(stack.projects.map((p) => p.runtime.name)).toStrictEqual(['go']);
  });
});
