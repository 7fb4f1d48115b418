import {
  appendFileSync,
  copyFileSync,
  chmodSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { actionsExec, isUserError, RecordingLogger } from '@slipway/action-kit/lite';
import { buildArtifact } from '@slipway/artifact';
import { prepareRelease } from '../src/release/prepare.js';
import { makeTree, removeTree } from '../../../test/harness.js';
import { userError } from '../../../test/matchers.js';

const APP: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'shop', version: '1.4.2' }),
  'server.mjs': "console.log('serving');\n",
  'lib/util.mjs': 'export const x = 1;\n',
  '.git/HEAD': 'ref: refs/heads/main\n',
  'lib/.git': 'gitdir: ../.git/modules/lib\n',
};

let state: string;
let trees: string[];
const tree = (files: Record<string, string>, prefix = 'slipway-app-'): string => {
  const root = makeTree(files, prefix);
  trees.push(root);
  return root;
};
beforeEach(() => {
  state = makeTree({}, 'slipway-state-');
  trees = [];
});
afterEach(() => [state, ...trees].forEach(removeTree));

const releasesDir = (env = 'production'): string => join(state, env, 'releases');
/** What the releases folder holds: nothing at all when it does not exist. */
const releasesHold = (env = 'production'): string[] =>
  existsSync(releasesDir(env)) ? readdirSync(releasesDir(env)) : [];

/** Builds a release archive the way the build-artifact action does, into its own output folder. */
async function archive(
  files: Record<string, string>,
  version = '2.1.0',
): Promise<{ archive: string; manifest: string; digest: string }> {
  const repo = tree(files, 'slipway-repo-');
  const out = tree({}, 'slipway-out-');
  const r = await buildArtifact(
    {
      repoRoot: repo,
      install: false,
      command: 'none',
      exclude: [],
      outputDir: out,
      version,
      sourceDateEpoch: 1_700_000_000,
      cache: false,
      upload: false,
      sbom: false,
      provenance: false,
      allowSecretFiles: false,
    },
    { exec: actionsExec, logger: new RecordingLogger(), env: { PATH: process.env.PATH, HOME: process.env.HOME } },
  );
  return { archive: r.artifactPath, manifest: r.manifestPath, digest: r.digest };
}

describe('prepareRelease from a folder', () => {
  it('copies the folder without .git into releases/<version>-<digest>/app, keeping modes and inside links', async () => {
    const app = tree(APP);
    chmodSync(join(app, 'server.mjs'), 0o755);
    symlinkSync('lib/util.mjs', join(app, 'util.mjs'));

    const r = await prepareRelease({ artifact: app, stateDir: state, environment: 'production' });

    expect(r.version).toBe('1.4.2');
    expect(r.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.id).toBe(`1.4.2-${r.digest.slice(7, 19)}`);
    expect(r.dir).toBe(join(releasesDir(), r.id, 'app'));
    expect(readdirSync(r.dir).sort()).toEqual(['lib', 'package.json', 'server.mjs', 'util.mjs']);
    expect(readdirSync(join(r.dir, 'lib'))).toEqual(['util.mjs']);
    expect(readFileSync(join(r.dir, 'server.mjs'), 'utf8')).toBe(APP['server.mjs']);
    expect(lstatSync(join(r.dir, 'server.mjs')).mode & 0o777).toBe(0o755);
    expect(readlinkSync(join(r.dir, 'util.mjs'))).toBe('lib/util.mjs');
    // No half copy is left beside the release.
    expect(releasesHold()).toEqual([r.id]);
  });

  it('names the same files the same, whatever the folder, and changes the digest with a content or a mode', async () => {
    const a = await prepareRelease({ artifact: tree(APP), stateDir: state, environment: 'production' });
    const b = await prepareRelease({ artifact: tree(APP), stateDir: state, environment: 'production' });
    expect(b).toEqual(a);

    const edited = tree({ ...APP, 'server.mjs': "console.log('serving!');\n" });
    const executable = tree(APP);
    chmodSync(join(executable, 'server.mjs'), 0o755);
    const noGit = tree(Object.fromEntries(Object.entries(APP).filter(([p]) => !p.includes('.git'))));
    const digests = await Promise.all(
      [edited, executable, noGit].map(
        async (artifact) => (await prepareRelease({ artifact, stateDir: state, environment: 'production' })).digest,
      ),
    );
    expect(digests[0]).not.toBe(a.digest);
    expect(digests[1]).not.toBe(a.digest);
    expect(digests[2]).toBe(a.digest); // .git is not part of the release
  });

  it('reuses a release folder that is already complete instead of copying again', async () => {
    const app = tree(APP);
    const first = await prepareRelease({ artifact: app, stateDir: state, environment: 'production' });
    writeFileSync(join(first.dir, 'written-by-the-running-release'), 'x');
    const again = await prepareRelease({ artifact: app, stateDir: state, environment: 'production' });
    expect(again).toEqual(first);
    expect(existsSync(join(again.dir, 'written-by-the-running-release'))).toBe(true);
  });

  it.each([
    ['the version input first', { version: ' 3.0.0-rc.1+b7 ' }, APP, '3.0.0-rc.1+b7'],
    ["package.json's version without one", {}, APP, '1.4.2'],
    ["the folder's name without a package.json version", {}, { 'server.mjs': '' }, 'NAME'],
    ['the folder name when package.json is not JSON', {}, { 'package.json': '{' }, 'NAME'],
  ])('takes %s', async (_what, options, files, version) => {
    const app = tree(files, 'app-');
    const r = await prepareRelease({ artifact: app, stateDir: state, environment: 'production', ...options });
    expect(r.version).toBe(version === 'NAME' ? app.split('/').at(-1) : version);
  });

  it.each([
    ['a version input with a slash', { version: '1.0/../x' }, APP],
    ['an over-long version input', { version: 'v'.repeat(65) }, APP],
    ["package.json's version with a space", {}, { 'package.json': JSON.stringify({ version: '1.0 beta' }) }],
  ])('refuses %s, on input version', async (_what, options, files) => {
    await expect(
      prepareRelease({ artifact: tree(files), stateDir: state, environment: 'production', ...options }),
    ).rejects.toThrow(userError('version', /is not a release version/));
    expect(releasesHold()).toEqual([]);
  });

  it('refuses a link that leads out of the folder, and leaves nothing behind', async () => {
    const app = tree(APP);
    symlinkSync('/etc/passwd', join(app, 'passwd'));
    await expect(prepareRelease({ artifact: app, stateDir: state, environment: 'production' })).rejects.toThrow(
      userError('artifact', /link 'passwd' to '\/etc\/passwd', outside the folder/),
    );
    expect(releasesHold()).toEqual([]);
  });
});

describe('prepareRelease from a build-artifact archive', () => {
  it('verifies and extracts it, taking the manifest version and the archive digest', async () => {
    const built = await archive(APP);
    const r = await prepareRelease({ artifact: built.archive, stateDir: state, environment: 'production' });
    expect(r).toEqual({
      id: `2.1.0-${built.digest.slice(7, 19)}`,
      version: '2.1.0',
      digest: built.digest,
      dir: join(releasesDir(), r.id, 'app'),
    });
    expect(readFileSync(join(r.dir, 'server.mjs'), 'utf8')).toBe(APP['server.mjs']);
    expect(releasesHold()).toEqual([r.id]);

    // The same archive again reuses the folder.
    writeFileSync(join(r.dir, 'marker'), '');
    expect(await prepareRelease({ artifact: built.archive, stateDir: state, environment: 'production' })).toEqual(r);
    expect(existsSync(join(r.dir, 'marker'))).toBe(true);
  });

  it('finds manifest.json beside an archive whose own manifest is not there, and lets the version input win', async () => {
    const built = await archive(APP);
    renameSync(built.manifest, join(built.archive, '..', 'manifest.json'));
    const r = await prepareRelease({
      artifact: built.archive,
      version: 'hotfix-7',
      stateDir: state,
      environment: 'eu.1',
    });
    expect(r.version).toBe('hotfix-7');
    expect(r.dir).toBe(join(state, 'eu.1', 'releases', r.id, 'app'));
  });

  /** Tamperings of a built archive, each keeping the manifest it was built with. */
  const tamperings: [string, (built: { archive: string }) => Promise<void>, RegExp][] = [
    [
      'rebuilt with other contents',
      async (built) => {
        const other = await archive({ ...APP, 'server.mjs': "console.log('hacked');\n" });
        copyFileSync(other.archive, built.archive);
      },
      /entry 'server\.mjs' is \d+ bytes but the manifest says|entry 'server\.mjs' has SHA-256 [0-9a-f]{64} but the manifest says/,
    ],
    [
      'with bytes appended',
      async (built) => appendFileSync(built.archive, Buffer.from('more bytes')),
      /is not a readable build-artifact archive/,
    ],
  ];

  it.each(tamperings)(
    'refuses an archive %s and leaves nothing in the releases folder',
    async (_what, tamper, message) => {
      const built = await archive(APP);
      await tamper(built);
      const err = await prepareRelease({ artifact: built.archive, stateDir: state, environment: 'production' }).catch(
        (e: unknown) => e,
      );
      expect(isUserError(err) && err.describe()).toMatch(message);
      expect(releasesHold()).toEqual([]);
    },
  );

  it('refuses a tampered archive even when the release it names was deployed before', async () => {
    const built = await archive(APP);
    const first = await prepareRelease({ artifact: built.archive, stateDir: state, environment: 'production' });
    await tamperings[0]![1](built);
    const err = await prepareRelease({ artifact: built.archive, stateDir: state, environment: 'production' }).catch(
      (e: unknown) => e,
    );
    expect(isUserError(err) && err.describe()).toMatch(tamperings[0]![2]);
    expect(readFileSync(join(first.dir, 'server.mjs'), 'utf8')).toBe(APP['server.mjs']);
  });

  it('says what to do when the manifest is missing', async () => {
    const built = await archive(APP);
    removeTree(built.manifest);
    await expect(
      prepareRelease({ artifact: built.archive, stateDir: state, environment: 'production' }),
    ).rejects.toThrow(
      userError(
        'artifact',
        /found no manifest for .*keep the \.manifest\.json that build-artifact wrote beside the archive/,
      ),
    );
  });

  it('refuses a manifest whose digest is not hex, since it would name a folder', async () => {
    const built = await archive(APP);
    const manifest = JSON.parse(readFileSync(built.manifest, 'utf8')) as { archive: { sha256: string } };
    manifest.archive.sha256 = '../../../../tmp/x';
    writeFileSync(built.manifest, JSON.stringify(manifest));
    await expect(
      prepareRelease({ artifact: built.archive, stateDir: state, environment: 'production' }),
    ).rejects.toThrow(/archive\.sha256 is '\.\.\/\.\.\/\.\.\/\.\.\/tmp\/x', not a SHA-256 in hex/);
    expect(releasesHold()).toEqual([]);
  });
});

describe('prepareRelease refuses', () => {
  it.each([
    ['a missing path', (dir: string) => join(dir, 'nope.tar.gz'), /does not exist/],
    ['a file that is not an archive', (dir: string) => join(dir, 'app.zip'), /not a \.tar\.gz or \.tgz archive/],
  ])('%s, on input artifact', async (_what, path, message) => {
    const dir = tree({ 'app.zip': 'PK' });
    await expect(prepareRelease({ artifact: path(dir), stateDir: state, environment: 'production' })).rejects.toThrow(
      userError('artifact', message),
    );
  });

  it('an environment name that would leave the state folder, on input environment', async () => {
    await expect(prepareRelease({ artifact: tree(APP), stateDir: state, environment: '..' })).rejects.toThrow(
      userError('environment', /is not an environment name/),
    );
  });
});
