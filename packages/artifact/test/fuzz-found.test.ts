// The build-artifact bugs the fuzzer (test/fuzz) found, each as a plain case: every one used to end
// as an internal error or an error naming the wrong input, and must be a user error naming the input
// that is wrong, with nothing written.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { userError } from '../../../test/matchers.js';
import { actionsExec, RecordingLogger } from '@slipway/action-kit/lite';
import { makeTree, removeTree } from '../../../test/harness.js';
import { buildArtifact, type BuildArtifactOptions } from '../src/index.js';
import { gitRepo } from './helpers.js';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTree));
const track = (d: string): string => (temps.push(d), d);

const STATIC_SITE = { 'index.html': '<h1>hi</h1>\n', 'about.html': '<p>about</p>\n' };

function options(repoRoot: string, extra: Partial<BuildArtifactOptions> = {}): BuildArtifactOptions {
  return {
    repoRoot,
    install: false,
    exclude: [],
    outputDir: join(repoRoot, 'out'),
    cache: false,
    upload: false,
    sbom: false,
    provenance: false,
    allowSecretFiles: false,
    ...extra,
  };
}

const seams = () => ({
  exec: actionsExec,
  logger: new RecordingLogger(),
  env: { PATH: process.env.PATH, HOME: process.env.HOME },
});

/** Runs a build that must fail naming `input`, and asserts it wrote no artifact. */
async function failsOn(repo: string, extra: Partial<BuildArtifactOptions>, input: string, message: RegExp) {
  await expect(buildArtifact(options(repo, extra), seams())).rejects.toThrow(userError(input, message));
  expect(existsSync(join(repo, 'out')) ? readdirSync(join(repo, 'out')) : []).toStrictEqual([]);
}

describe('build-artifact: what the fuzzer found', () => {
  const repo = track(gitRepo(STATIC_SITE));

  it('a name or version too long for a file name is refused before the build, naming it', async () => {
    const marker = join(repo, 'built');
    await failsOn(repo, { name: 'x'.repeat(300), command: `touch ${marker}` }, 'name', /300|bytes long/);
    expect(existsSync(marker)).toBe(false);
    await failsOn(repo, { version: 'v'.repeat(300), sourceDateEpoch: 0 }, 'version', /bytes long/);
    // Multi-byte characters count as bytes: 101 of them are 202.
    await failsOn(repo, { name: 'é'.repeat(101), version: '1' }, 'name', /20\d bytes long/);
  });

  it('a name and version just within the limit build', async () => {
    const r = await buildArtifact(
      options(repo, { name: 'n'.repeat(150), version: 'v'.repeat(49), sourceDateEpoch: 0, command: 'none' }),
      seams(),
    );
    expect(r.name).toBe('n'.repeat(150));
    expect(existsSync(r.artifactPath)).toBe(true);
    removeTree(join(repo, 'out'));
  });

  it.each<[string, Partial<BuildArtifactOptions>, RegExp]>([
    ['include', { include: ['x'.repeat(70_000)] }, /70000 characters.*cannot be used as a glob/],
    ['include', { include: ['x'.repeat(40_000)] }, /cannot be used as a glob/],
    ['exclude', { exclude: ['y'.repeat(40_000)] }, /cannot be used as a glob/],
  ])('a glob picomatch cannot compile is a user error naming %s', async (input, extra, message) => {
    await failsOn(repo, { ...extra, command: 'none' }, input, message);
  });

  it('an exclude that leaves out every included file is blamed on exclude, saying how many it dropped', async () => {
    await failsOn(repo, { include: ['*.html'], exclude: ['*'], command: 'none' }, 'exclude', /leaves out all 2 files/);
  });

  it('an include that matches nothing is still blamed on include', async () => {
    await failsOn(repo, { include: ['*.css'], exclude: ['*'], command: 'none' }, 'include', /matched no files/);
  });

  it('a folder outside any git repository names path, and says how to do without git', async () => {
    const plain = track(makeTree(STATIC_SITE));
    await failsOn(plain, { command: 'none' }, 'path', /is not a git repository.*version and source-date-epoch/);
    // With both set, git is not needed.
    const r = await buildArtifact(options(plain, { command: 'none', version: '1.0.0', sourceDateEpoch: 0 }), seams());
    expect(existsSync(r.artifactPath)).toBe(true);
  });

  it('a stack of lockfile-less static sites still builds when its document leaves out optional fields', async () => {
    const dir = track(mkdtempSync(join(tmpdir(), 'slipway-fuzz-found-')));
    writeFileSync(join(dir, 'index.html'), 'x');
    const r = await buildArtifact(
      options(dir, {
        command: 'none',
        version: '1',
        sourceDateEpoch: 0,
        stack: {
          schemaVersion: 1,
          projects: [
            {
              path: '.',
              name: 'site',
              runtime: { name: 'static', version: null, source: null },
              commands: { install: null, build: null, test: null, start: null },
              frameworks: [],
              packageManager: null,
            },
          ],
        } as never,
      }),
      seams(),
    );
    expect(r.name).toMatch(/slipway-fuzz-found-/);
  });
});
