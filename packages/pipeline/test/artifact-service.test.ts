// The run's artifact and cache service, driven by GitHub's own clients (@actions/artifact and
// @actions/cache, the code build-artifact runs), and the download stand-in reading from it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecordingLogger, isUserError } from '@slipway/action-kit/lite';
import { makeTree, removeTree, withEnv } from '../../../test/harness.js';
import { ArtifactService } from '../src/artifact-service.js';
import { downloadArtifact, extractZip } from '../src/stand-ins/download-artifact.js';

let dir: string;
let service: ArtifactService;
let url: string;
beforeAll(async () => {
  dir = makeTree(
    { 'build/app.tar.gz': Buffer.alloc(3 * 1024 * 1024, 7), 'build/manifest.json': '{"files":1}\n' },
    'slipway-artifacts-',
  );
  service = new ArtifactService(join(dir, 'store'));
  url = await service.start();
});
afterAll(async () => {
  await service.stop();
  removeTree(dir);
});

const runnerEnv = () => ({
  ACTIONS_RUNTIME_TOKEN: service.token,
  ACTIONS_RESULTS_URL: url,
  ACTIONS_CACHE_SERVICE_V2: 'true',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_RUN_ID: '1',
  RUNNER_TEMP: join(dir, 'runner-temp'),
});

describe('the local artifact service', () => {
  it("takes @actions/artifact's upload and gives it back by id to the download stand-in", async () => {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const uploaded = await withEnv(runnerEnv(), () =>
      new DefaultArtifactClient().uploadArtifact(
        'shop',
        [join(dir, 'build/app.tar.gz'), join(dir, 'build/manifest.json')],
        join(dir, 'build'),
      ),
    );
    expect(uploaded.id).toBe(1);
    expect(service.list()).toMatchObject([
      { id: 1, name: 'shop', digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
    ]);

    const logger = new RecordingLogger();
    const out = await downloadArtifact.run({
      with: { 'artifact-ids': '1', path: 'got' },
      workspace: dir,
      temp: dir,
      runDir: dir,
      env: {},
      logger,
      artifacts: service,
      exec: () => Promise.reject(new Error('not used')),
    });
    expect(out['download-path']).toBe(join(dir, 'got'));
    // By id, as the real action does, each artifact lands in a folder of its name.
    expect(readFileSync(join(dir, 'got', 'shop', 'app.tar.gz'))).toStrictEqual(
      readFileSync(join(dir, 'build/app.tar.gz')),
    );
    expect(readFileSync(join(dir, 'got', 'shop', 'manifest.json'), 'utf8')).toBe('{"files":1}\n');
    expect(logger.messages('info').join('\n')).toMatch(/shop \(id 1, \d+ bytes, 2 files\)/);
  }, 60_000);

  it('refuses a second artifact of the same name, a wrong token, and an id the run does not have', async () => {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    await expect(
      withEnv(runnerEnv(), () =>
        new DefaultArtifactClient().uploadArtifact('shop', [join(dir, 'build/manifest.json')], join(dir, 'build')),
      ),
    ).rejects.toThrow(/exists already/);
    const denied = await fetch(`${url}twirp/github.actions.results.api.v1.ArtifactService/ListArtifacts`, {
      method: 'POST',
      headers: { authorization: 'Bearer forged', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(denied.status).toBe(401);
    const error = await downloadArtifact
      .run({
        with: { 'artifact-ids': '9' },
        workspace: dir,
        temp: dir,
        runDir: dir,
        env: {},
        logger: new RecordingLogger(),
        artifacts: service,
        exec: () => Promise.reject(new Error('not used')),
      })
      .catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toMatch(/none of the artifact ids 9 was uploaded/);
  }, 60_000);

  it('keeps a cache entry @actions/cache saves, and restores it by key and by restore-key prefix', async () => {
    const cache = await import('@actions/cache');
    const work = join(dir, 'cache-work');
    mkdirSync(join(work, 'deps'), { recursive: true });
    writeFileSync(join(work, 'deps', 'a.txt'), 'cached content\n');
    const env = { ...runnerEnv(), GITHUB_WORKSPACE: work };
    // @actions/cache reads paths from the working folder; the test's own is put back after each call
    // (a worker left in a folder that is later removed breaks every later test of that worker).
    const home = process.cwd();
    const saved = await withEnv(env, async () => {
      process.chdir(work);
      try {
        return await cache.saveCache(['deps'], 'npm-linux-abc');
      } finally {
        process.chdir(home);
      }
    });
    expect(saved).toBeGreaterThan(0);
    execFileSync('rm', ['-rf', join(work, 'deps')]);
    const hit = await withEnv(env, async () => {
      process.chdir(work);
      try {
        return await cache.restoreCache(['deps'], 'npm-linux-zzz', ['npm-linux-']);
      } finally {
        process.chdir(home);
      }
    });
    expect(hit).toBe('npm-linux-abc');
    expect(readFileSync(join(work, 'deps', 'a.txt'), 'utf8')).toBe('cached content\n');
    const miss = await withEnv(env, () => cache.restoreCache(['deps'], 'pip-linux-abc'));
    expect(miss).toBeUndefined();
  }, 60_000);
});

describe('the download stand-in unzips safely', () => {
  it('never writes outside the target folder, whatever the entry names say', async () => {
    const zip = join(dir, 'evil.zip');
    const outside = join(dir, 'outside');
    execFileSync('python3', [
      '-c',
      [
        'import sys, zipfile',
        "z = zipfile.ZipFile(sys.argv[1], 'w')",
        "z.writestr('ok.txt', 'fine')",
        "z.writestr('../escaped.txt', 'bad')",
        "z.writestr(zipfile.ZipInfo(sys.argv[2] + '/abs.txt'), 'bad')",
        'z.close()',
      ].join('\n'),
      zip,
      outside,
    ]);
    const into = join(dir, 'unzip-target');
    // unzip-stream turns `..` into `.`; an absolute name is refused by the stand-in itself.
    const outcome = await extractZip(zip, into).then(
      () => 'extracted',
      (e: Error) => e.message,
    );
    expect(outcome).toMatch(/would land outside/);
    expect(existsSync(join(dir, 'escaped.txt'))).toBe(false);
    expect(existsSync(join(outside, 'abs.txt'))).toBe(false);
    // What was written before the refusal is removed: nothing half-extracted is left.
    expect(existsSync(join(into, 'ok.txt'))).toBe(false);
  });
});
