// Runs every dist/<action>/index.js as GitHub's runner would and reads its outputs back.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { REPO, makeTree, removeTree, runBundle } from './harness.js';

const workspace = makeTree({
  'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['apps/*'], packageManager: 'npm@10.8.1' }),
  'package-lock.json': '{}',
  '.nvmrc': '20.11.1',
  'apps/web/package.json': JSON.stringify({ name: 'web', scripts: { build: 'next build', test: 'vitest' }, dependencies: { next: '14.2.3' } }),
  'apps/web/src/page.tsx': 'export default 1;\n'.repeat(20),
  'apps/web/Dockerfile': 'FROM node:20\n',
  'apps/api/package.json': JSON.stringify({ name: 'api', scripts: { start: 'node index.js' } }),
  'apps/api/index.js': 'console.log(1)\n',
  'broken/pyproject.toml': '[project\n',
});
after(() => removeTree(workspace));

describe('bundles', () => {
  it('has a bundle and an ESM marker for every action', () => {
    for (const name of readdirSync(join(REPO, 'actions'))) {
      assert.ok(existsSync(join(REPO, 'dist', name, 'index.js')), `dist/${name}/index.js`);
      assert.ok(existsSync(join(REPO, 'dist', name, 'package.json')), `dist/${name}/package.json`);
    }
  });
});

describe('dist/detect-stack', () => {
  it('runs with action.yml defaults and sets every output', () => {
    const run = runBundle('detect-stack', {}, { workspace });
    assert.equal(run.status, 0, run.stderr + run.stdout);
    const stack = JSON.parse(run.outputs.stack!);
    assert.equal(stack.schemaVersion, 1);
    assert.deepEqual(stack.monorepo, { tool: 'npm-workspaces', workspaces: ['apps/api', 'apps/web'] });
    assert.equal(run.outputs['primary-language'], 'TypeScript');
    assert.equal(run.outputs['primary-path'], 'apps/web');
    assert.equal(run.outputs.runtime, 'node');
    assert.equal(run.outputs['runtime-version'], '20.11.1');
    assert.equal(run.outputs['package-manager'], 'npm');
    assert.equal(run.outputs['build-command'], 'npm run build');
    assert.equal(run.outputs['test-command'], 'npm test');
    assert.equal(run.outputs['start-command'], '');
    assert.equal(run.outputs.monorepo, 'true');
    assert.equal(run.outputs.dockerfile, 'apps/web/Dockerfile');
    const matrix = JSON.parse(run.outputs.matrix!);
    assert.deepEqual(
      matrix.include.map((e: Record<string, string>) => [
        e.path,
        e.name,
        e.runtime,
        e['runtime-version'],
        e['package-manager'],
        e['build-command'],
        e['test-command'],
      ]),
      [
        ['apps/api', 'api', 'node', '20.11.1', 'npm', '', ''],
        ['apps/web', 'web', 'node', '20.11.1', 'npm', 'npm run build', 'npm test'],
        // A manifest that does not parse still marks a project; its details stay unknown.
        ['broken', 'broken', 'python', '', 'pip', '', ''],
      ],
    );
    assert.match(run.summary, /\| \*\*apps\/web\*\* \(primary\) \| node 20\.11\.1 \| npm 10\.8\.1 \| next 14\.2\.3 \|/);
    assert.match(run.summary, /```mermaid\npie showData/);
    assert.match(run.stdout, /::warning title=detect-stack,file=broken\/pyproject\.toml,line=1::/);
  });

  it('analyses a sub-folder and annotates relative to the workspace', () => {
    const run = runBundle('detect-stack', { path: 'broken' }, { workspace });
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.match(run.stdout, /::warning title=detect-stack,file=broken\/pyproject\.toml,line=1::pyproject\.toml is not valid TOML/);
    assert.equal(JSON.parse(run.outputs.stack!).root, 'broken');
  });

  const bad: [Record<string, string>, RegExp][] = [
    [{ path: 'nope' }, /^::error title=detect-stack::input 'path': 'nope' does not exist\./m],
    [{ path: '../..' }, /^::error title=detect-stack::input 'path': '\.\.\/\.\.' points outside the workspace/m],
    [{ 'max-files': 'lots' }, /^::error title=detect-stack::input 'max-files': 'lots' is not a whole number\./m],
    [{ 'max-files': '0' }, /^::error title=detect-stack::input 'max-files': 0 is out of range\. Use a value from 1 to 10000000\./m],
  ];
  for (const [inputs, message] of bad) {
    it(`fails clearly, without a stack trace, on ${JSON.stringify(inputs)}`, () => {
      const run = runBundle('detect-stack', inputs, { workspace });
      assert.equal(run.status, 1);
      assert.match(run.stdout, message);
      assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at .*\.js:\d+/, 'no stack trace');
      assert.equal(run.outputs.stack, undefined, 'no outputs after a failure');
    });
  }
});

describe('dist/cli', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [join(REPO, 'dist', 'cli', 'index.js'), ...args], { cwd: REPO, encoding: 'utf8', env: { PATH: process.env.PATH } });

  it('runs detect-stack over the examples, as npm run demo does', () => {
    const run = cli(['detect-stack', '--path', 'examples', '--json']);
    assert.equal(run.status, 0, run.stderr);
    const outputs = JSON.parse(run.stdout);
    const stack = JSON.parse(outputs.stack);
    assert.deepEqual(
      stack.projects.map((p: { path: string; runtime: { name: string } }) => `${p.path}:${p.runtime.name}`),
      ['flask-api:python', 'go-worker:go', 'landing-page:static', 'storefront/apps/api:node', 'storefront/apps/web:node', 'storefront/packages/ui:node'],
    );
    assert.equal(outputs.monorepo, 'true');
  });

  it('prints flags generated from action.yml', () => {
    const run = cli(['detect-stack', '--help']);
    assert.equal(run.status, 0);
    for (const flag of ['--path', '--exclude', '--max-files']) assert.ok(run.stdout.includes(flag), flag);
  });

  it('refuses an unknown flag or action with the list of valid ones', () => {
    const flag = cli(['detect-stack', '--paht', 'x']);
    assert.equal(flag.status, 1);
    assert.match(flag.stderr, /unknown flag --paht\. detect-stack takes: --path, --exclude, --max-files/);
    const action = cli(['deploy-everything']);
    assert.equal(action.status, 1);
    assert.match(action.stderr, /unknown action 'deploy-everything'\. Known actions: detect-stack, build-artifact, verify-artifact/);
    assert.doesNotMatch(flag.stderr + action.stderr, /\n\s+at /);
  });
});
