// `path` and `output-dir` as people write them: relative (to the workspace, and to `path`),
// absolute inside the workspace, absolute outside it (`${{ runner.temp }}/…`) and under `~`.
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { InputReader, nullLogger } from '@slipway/action-kit/lite';
import { userError } from '../../../test/matchers.js';
import { makeTree, removeTree } from '../../../test/harness.js';
import { parseInputs } from '../src/inputs.js';
import { run } from '../src/main.js';
import { metadata } from '../src/metadata.generated.js';

const SITE = {
  'index.html': '<!doctype html><h1>hello</h1>\n',
  'assets/app.css': 'h1 { color: teal; }\n',
};
const prefixed = (dir: string, files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).map(([k, v]) => [`${dir}/${k}`, v]));

const workspace = makeTree(prefixed('site', SITE));
// A checkout in RUNNER_TEMP, holding the release folder of an earlier build.
const runnerTemp = makeTree(
  { ...prefixed('checkout', SITE), 'checkout/release/site-0.9.0.tar.gz': 'an earlier build' },
  'slipway-runner-temp-',
);
const home = makeTree(prefixed('src/site', SITE), 'slipway-home-');
symlinkSync(runnerTemp, join(workspace, 'escape'));
afterAll(() => [workspace, runnerTemp, home].forEach(removeTree));

const parse = (env: Record<string, string>) => parseInputs(new InputReader(metadata, env), workspace, home);

describe('build-artifact path', () => {
  const cases: [string, string, string, string][] = [
    ['relative', 'site', join(workspace, 'site'), 'site'],
    ['absolute inside the workspace', join(workspace, 'site'), join(workspace, 'site'), 'site'],
    [
      'absolute outside (RUNNER_TEMP)',
      join(runnerTemp, 'checkout'),
      join(runnerTemp, 'checkout'),
      join(runnerTemp, 'checkout'),
    ],
    ['under ~', '~/src/site', join(home, 'src/site'), join(home, 'src/site')],
  ];
  for (const [label, value, repoRoot, repoRel] of cases)
    it(`takes a repository given ${label}, with the output folder in it by default`, () => {
      expect(parse({ INPUT_PATH: value })).toMatchObject({
        repoRoot,
        repoRel,
        outputDir: join(repoRoot, '.slipway/artifacts'),
      });
    });

  it('refuses a link out of the workspace, given relatively or absolutely', () => {
    for (const value of ['escape', join(workspace, 'escape/checkout')])
      expect(() => parse({ INPUT_PATH: value })).toThrow(userError('path', /link that leads outside the workspace/));
  });
});

describe('build-artifact output-dir', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['relative to path', { INPUT_PATH: 'site', 'INPUT_OUTPUT-DIR': 'out' }, join(workspace, 'site/out')],
    [
      'absolute inside the workspace',
      { INPUT_PATH: 'site', 'INPUT_OUTPUT-DIR': join(workspace, 'dist') },
      join(workspace, 'dist'),
    ],
    [
      'absolute outside (RUNNER_TEMP)',
      { INPUT_PATH: 'site', 'INPUT_OUTPUT-DIR': join(runnerTemp, 'artifacts') },
      join(runnerTemp, 'artifacts'),
    ],
    ['under ~', { 'INPUT_OUTPUT-DIR': '~/artifacts' }, join(home, 'artifacts')],
    [
      'relative to a path outside the workspace',
      { INPUT_PATH: join(runnerTemp, 'checkout'), 'INPUT_OUTPUT-DIR': 'out' },
      join(runnerTemp, 'checkout/out'),
    ],
  ];
  for (const [label, env, outputDir] of cases)
    it(`takes an output folder given ${label}`, () => {
      expect(parse(env).outputDir).toBe(outputDir);
    });

  const refused: [string, Record<string, string>, RegExp][] = [
    [
      'relative, under a link out of the workspace',
      { 'INPUT_OUTPUT-DIR': 'escape/new' },
      /leads outside the workspace through a symbolic link/,
    ],
    [
      'absolute inside, under a link out of the workspace',
      { 'INPUT_OUTPUT-DIR': join(workspace, 'escape/new') },
      /through a symbolic link/,
    ],
    ['a file', { 'INPUT_OUTPUT-DIR': join(runnerTemp, 'checkout/index.html') }, /is a file, not a folder/],
    [
      'under a file',
      { 'INPUT_OUTPUT-DIR': join(runnerTemp, 'checkout/index.html/out') },
      /which is a file, not a folder/,
    ],
    [
      'climbing out of a path outside the workspace',
      { INPUT_PATH: join(runnerTemp, 'checkout'), 'INPUT_OUTPUT-DIR': '../x' },
      /points outside/,
    ],
  ];
  for (const [label, env, message] of refused)
    it(`refuses an output folder ${label}`, () => {
      expect(() => parse(env)).toThrow(userError('output-dir', message));
    });
});

describe('build-artifact run with absolute paths', () => {
  async function build(inputs: Record<string, string>): Promise<Record<string, string>> {
    const env: Record<string, string> = { GITHUB_WORKSPACE: workspace };
    const all = {
      install: 'false',
      command: 'none',
      include: '**',
      version: '1.0.0',
      'source-date-epoch': '0',
      cache: 'false',
      upload: 'false',
      provenance: 'false',
      name: 'site',
      ...inputs,
    };
    for (const [k, v] of Object.entries(all)) env[`INPUT_${k.toUpperCase()}`] = v;
    const outputs: Record<string, string> = {};
    await run({ env, logger: nullLogger, setOutput: (k, v) => (outputs[k] = String(v)), mask: () => {} });
    return outputs;
  }

  it('writes into an output folder in RUNNER_TEMP, and names what it wrote', async () => {
    const out = join(runnerTemp, 'artifacts');
    const outputs = await build({ path: 'site', 'output-dir': out });
    expect(readdirSync(out).sort()).toStrictEqual([
      'site-1.0.0.cdx.json',
      'site-1.0.0.manifest.json',
      'site-1.0.0.tar.gz',
    ]);
    expect(existsSync(join(workspace, 'site/.slipway'))).toBe(false);
    const named: [string, string][] = [
      ['artifact-path', 'site-1.0.0.tar.gz'],
      ['manifest-path', 'site-1.0.0.manifest.json'],
      ['sbom-path', 'site-1.0.0.cdx.json'],
    ];
    for (const [output, file] of named) expect(outputs[output]).toBe(join(out, file));
  });

  it('names what it wrote into the workspace relative to it, however output-dir was named', async () => {
    const outputs = await build({ path: 'site', 'output-dir': join(workspace, 'dist') });
    expect(outputs['artifact-path']).toBe('dist/site-1.0.0.tar.gz');
    expect(outputs['manifest-path']).toBe('dist/site-1.0.0.manifest.json');
    expect(existsSync(join(workspace, 'dist/site-1.0.0.tar.gz'))).toBe(true);
  });

  it('builds a repository given absolutely outside the workspace, never packaging its output folder', async () => {
    const repo = join(runnerTemp, 'checkout');
    const out = join(repo, 'release');
    const outputs = await build({ path: repo, 'output-dir': out });
    expect(outputs['artifact-path']).toBe(join(out, 'site-1.0.0.tar.gz'));
    const manifest = JSON.parse(readFileSync(join(out, 'site-1.0.0.manifest.json'), 'utf8')) as {
      files: { path: string }[];
    };
    expect(manifest.files.map((f) => f.path).sort()).toStrictEqual(['assets', 'assets/app.css', 'index.html']);
  });
});
