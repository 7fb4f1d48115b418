// Rollback to a release whose process and files were removed from the host: it is redeployed from
// the build-artifact archive kept for it, once the archive checks out against its manifest and the
// manifest's digest against the ledger; a tampered archive is refused and traffic stays where it is.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionsExec, RecordingLogger, systemClock } from '@slipway/action-kit/lite';
import { buildArtifact } from '@slipway/artifact';
import { closedPort, makeTree, removeTree } from '../../../test/harness.js';
import { deployCanary, downEnvironment, parseSteps, rollback, type LedgerDocument } from '../src/index.js';
import { releaseFolder, scenarioPlan, scenarioSeams } from './scenario-harness.js';

let root: string;
let stateDir: string;
let listen: string;
const ids: Record<string, string> = {};
const envDir = () => join(stateDir, 'prod');
const ledger = (): LedgerDocument => JSON.parse(readFileSync(join(envDir(), 'ledger.json'), 'utf8')) as LedgerDocument;
const liveRelease = async () => (await fetch(`http://${listen}/`)).headers.get('x-release');
const rollbackTo = (to: string, logger = new RecordingLogger()) =>
  rollback(
    {
      provider: 'local',
      environment: 'prod',
      stateDir,
      workspace: root,
      settings: { listen },
      to,
      reason: 'incident',
      runId: `rollback-${Date.now()}`,
      owner: 'rollback test',
      healthPath: '/healthz',
      readyTimeoutMs: 15_000,
      drainMs: 100,
    },
    scenarioSeams({ logger }),
  );

/** A build-artifact archive of a scenario release folder, as the build-artifact action writes it. */
async function archiveOf(version: string): Promise<string> {
  const folder = releaseFolder(root, version, 'good');
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'svc', version, type: 'module' }));
  const built = await buildArtifact(
    {
      repoRoot: folder,
      install: false,
      command: 'none',
      exclude: [],
      outputDir: makeTree({}, 'slipway-artifact-'),
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
  return built.artifactPath;
}

beforeAll(async () => {
  root = makeTree({}, 'slipway-redeploy-');
  stateDir = join(root, 'state');
  listen = `127.0.0.1:${await closedPort()}`;
  for (const version of ['1.0.0', '2.0.0']) {
    const artifact = await archiveOf(version);
    const outcome = await deployCanary(
      scenarioPlan(
        { provider: 'local', stateDir, settings: { listen } },
        { artifact, version, steps: parseSteps('50'), stepAnalysisMs: 1500 },
      ),
      scenarioSeams(),
    );
    expect(outcome.result).toBe('promoted');
    ids[version] = outcome.releaseId;
    // The artifact outlives the job's workspace: the copy kept in the state folder is what counts.
    rmSync(artifact);
  }
}, 180_000);

afterAll(async () => {
  await downEnvironment(stateDir, 'prod', systemClock);
  removeTree(root);
}, 60_000);

describe('rollback to a release removed from the host', () => {
  it('redeploys it from its kept artifact after checking the digest, and traffic follows', async () => {
    const v1 = ledger().releases[0]!;
    expect(v1.id).toBe(ids['1.0.0']);
    rmSync(join(envDir(), 'releases', v1.id), { recursive: true });
    const logger = new RecordingLogger();
    const outcome = await rollbackTo('previous', logger);
    expect(outcome).toMatchObject({ result: 'rolled-back', restoredRelease: v1.id, replacedRelease: ids['2.0.0'] });
    expect(existsSync(join(envDir(), 'releases', v1.id, 'app', 'server.mjs'))).toBe(true);
    expect(ledger().stable).toMatchObject({ id: v1.id, digest: v1.digest });
    expect(await liveRelease()).toBe(v1.id);
  }, 60_000);

  it('refuses a kept artifact that no longer matches its manifest, and leaves traffic where it was', async () => {
    const v2 = ids['2.0.0']!;
    rmSync(join(envDir(), 'releases', v2), { recursive: true });
    appendFileSync(join(envDir(), 'artifacts', v2, 'release.tar.gz'), 'tampered');
    const outcome = await rollbackTo(v2);
    expect(outcome.result).toBe('failed');
    expect(outcome.reason).toMatch(
      new RegExp(`the artifact kept for ${v2.replace(/[.+]/g, '\\$&')} failed verification`),
    );
    expect(existsSync(join(envDir(), 'releases', v2, 'app'))).toBe(false);
    expect(ledger().stable!.id).toBe(ids['1.0.0']);
    expect(await liveRelease()).toBe(ids['1.0.0']);
  }, 60_000);

  it('says what to do when nothing was kept to redeploy from', async () => {
    const v2 = ids['2.0.0']!;
    rmSync(join(envDir(), 'artifacts', v2), { recursive: true });
    const outcome = await rollbackTo(v2);
    expect(outcome).toMatchObject({ result: 'failed' });
    expect(outcome.reason).toMatch(/no artifact was kept for it .*deploy it again with deploy-canary/);
    expect(await liveRelease()).toBe(ids['1.0.0']);
  }, 60_000);

  it("says what GitHub's history knows when this host's ledger is empty, and changes nothing", async () => {
    const fresh = join(root, 'fresh-state');
    const outcome = await rollback(
      {
        provider: 'local',
        environment: 'prod',
        stateDir: fresh,
        workspace: root,
        settings: { listen },
        to: 'previous',
        reason: 'incident',
        runId: `rollback-${Date.now()}`,
        owner: 'rollback test',
        healthPath: '/healthz',
        readyTimeoutMs: 15_000,
        drainMs: 100,
      },
      scenarioSeams({
        knownGood: async () => [
          { releaseId: ids['2.0.0']!, version: '2.0.0', sha: 'b'.repeat(40) },
          { releaseId: ids['1.0.0']!, version: '1.0.0', sha: 'a'.repeat(40) },
        ],
      }),
    );
    expect(outcome.result).toBe('failed');
    expect(outcome.reason).toMatch(
      /ledger of prod .* is empty.*history says 2\.0\.0-\w+ went live last and 1\.0\.0-\w+ \(commit aaaaaaaaaaaa\) before it: deploy that commit's artifact/,
    );
    expect(existsSync(join(fresh, 'prod', 'ledger.json'))).toBe(false);
    expect(await liveRelease()).toBe(ids['1.0.0']);
  }, 60_000);
});
