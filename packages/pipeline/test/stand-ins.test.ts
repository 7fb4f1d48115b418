// The stand-ins for third-party actions: what each writes and returns, and a clear error (naming
// the input) for what the real action would refuse.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecordingLogger } from '@slipway/action-kit/lite';
import { makeTree, removeTree } from '../../../test/harness.js';
import { userError } from '../../../test/matchers.js';
import { ArtifactService } from '../src/artifact-service.js';
import { STAND_INS, standInFor, type StandIn } from '../src/stand-ins/index.js';
import type { ExecResult } from '../src/stand-ins/stand-in.js';

const dir = makeTree(
  {
    'app.tar.gz': 'the archive\n',
    'sbom.json': JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [] }),
    'results.sarif': JSON.stringify({ version: '2.1.0', runs: [{ results: [{ ruleId: 'a' }, { ruleId: 'b' }] }] }),
    'not.sarif': JSON.stringify({ version: '1.0.0' }),
    'sums.txt': `${'ab'.repeat(32)}  one.bin\nnot a checksum line\n`,
    '.nvmrc': 'v20.11.0\n',
  },
  'slipway-stand-ins-',
);
afterAll(() => removeTree(dir));

const realExec = (command: string, args: readonly string[]): Promise<ExecResult> =>
  new Promise((resolve) =>
    execFile(command, args, { encoding: 'utf8' }, (err, stdout, stderr) =>
      resolve({ code: err ? 1 : 0, stdout, stderr }),
    ),
  );

async function use(standIn: StandIn, w: Record<string, string>, exec = realExec) {
  const logger = new RecordingLogger();
  const outputs = await standIn.run({
    with: w,
    workspace: dir,
    temp: dir,
    runDir: dir,
    env: { GITHUB_SHA: 'c'.repeat(40), GITHUB_REPOSITORY: 'acme/shop' },
    logger,
    artifacts: new ArtifactService(join(dir, 'store')),
    exec,
  });
  return { outputs, logger };
}

const get = (name: string): StandIn => standInFor(`${name}@${'0'.repeat(40)}`, 'w.yml');
const sha256 = (file: string) =>
  createHash('sha256')
    .update(readFileSync(join(dir, file)))
    .digest('hex');

describe('stand-ins', () => {
  it('are one per action, and an action without one is refused, naming them', () => {
    expect(new Set(STAND_INS.map((s) => s.uses)).size).toBe(STAND_INS.length);
    let error: unknown;
    try {
      standInFor('docker/login-action@v3', 'w.yml');
    } catch (e) {
      error = e;
    }
    expect((error as { describe(): string }).describe()).toMatch(
      /no stand-in.*Stand-ins exist for: actions\/checkout, /s,
    );
  });

  it('attest writes the unsigned provenance statement for the subject, by its sha256', async () => {
    const { outputs, logger } = await use(get('actions/attest'), { 'subject-path': 'app.tar.gz' });
    const statement = JSON.parse(readFileSync(outputs['bundle-path']!, 'utf8')) as Record<string, unknown>;
    expect(statement).toMatchObject({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'app.tar.gz', digest: { sha256: sha256('app.tar.gz') } }],
      predicateType: 'https://slsa.dev/provenance/v1',
    });
    expect(logger.messages('warning').join()).toMatch(/NOT signed/);
  });

  it('attest takes the SBOM as predicate with sbom-path, and a predicate of its own with predicate-type', async () => {
    const sbom = await use(get('actions/attest'), { 'subject-path': 'app.tar.gz', 'sbom-path': 'sbom.json' });
    expect(JSON.parse(readFileSync(sbom.outputs['bundle-path']!, 'utf8'))).toMatchObject({
      predicateType: 'https://cyclonedx.org/bom',
      predicate: { bomFormat: 'CycloneDX' },
    });
    const own = await use(get('actions/attest'), {
      'subject-name': 'one.bin',
      'subject-digest': `sha256:${'ab'.repeat(32)}`,
      'predicate-type': 'https://example.com/test/v1',
      predicate: '{"passed":true}',
    });
    expect(JSON.parse(readFileSync(own.outputs['bundle-path']!, 'utf8'))).toMatchObject({
      subject: [{ name: 'one.bin', digest: { sha256: 'ab'.repeat(32) } }],
      predicateType: 'https://example.com/test/v1',
      predicate: { passed: true },
    });
  });

  it.each([
    [{}, 'subject-path', /has no subject/],
    [{ 'subject-path': 'missing.tgz' }, 'subject-path', /missing\.tgz does not exist/],
    [{ 'subject-digest': 'md5:abc', 'subject-name': 'x' }, 'subject-digest', /sha256:<hex>/],
    [{ 'subject-checksums': 'sums.txt' }, 'subject-checksums', /not '<sha256> {2}<name>': not a checksum line/],
    [{ 'subject-path': 'app.tar.gz', 'sbom-path': 'results.sarif' }, 'sbom-path', /neither CycloneDX nor SPDX/],
    [{ 'subject-path': 'app.tar.gz', 'predicate-type': 'x', predicate: '{' }, 'predicate', /not JSON/],
  ])('attest refuses %j naming %s', async (w, input, message) => {
    await expect(use(get('actions/attest'), w)).rejects.toThrow(userError(input, message));
  });

  it('upload-sarif checks SARIF 2.1.0, counts its results and keeps a copy; anything else is refused', async () => {
    const { logger } = await use(get('github/codeql-action/upload-sarif'), { sarif_file: 'results.sarif' });
    expect(logger.messages('info').join()).toMatch(/1 SARIF file\(s\), 2 result\(s\)/);
    expect(readFileSync(join(dir, 'sarif', 'results.sarif'), 'utf8')).toContain('2.1.0');
    await expect(use(get('github/codeql-action/upload-sarif'), { sarif_file: 'not.sarif' })).rejects.toThrow(
      userError('sarif_file', /not SARIF 2\.1\.0 \(version 1\.0\.0\)/),
    );
  });

  it('setup-node uses the node on PATH, reads node-version-file, and warns when the major differs', async () => {
    const { outputs, logger } = await use(get('actions/setup-node'), { 'node-version-file': '.nvmrc' });
    expect(outputs['node-version']).toBe(process.version);
    const major = process.version.slice(1).split('.')[0];
    if (major === '20') expect(logger.messages('warning')).toStrictEqual([]);
    else expect(logger.messages('warning').join()).toMatch(/asks for 20\.11\.0/);
    const other = await use(get('actions/setup-node'), { 'node-version': '8' });
    expect(other.logger.messages('warning').join()).toMatch(/the workflow asks for 8/);
  });

  it('a setup-* stand-in fails when the runtime is not on PATH: it installs nothing', async () => {
    const missing = (): Promise<ExecResult> => Promise.resolve({ code: 127, stdout: '', stderr: 'not found' });
    await expect(use(get('actions/setup-go'), { 'go-version': '1.26' }, missing)).rejects.toThrow(
      /setup-go \(stand-in\) installs nothing, and go is not on PATH/,
    );
  });

  it('checkout uses the working tree and reports its commit', async () => {
    execFileSync('git', ['-C', dir, 'init', '-q']);
    execFileSync('git', [
      '-C',
      dir,
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@t',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'x',
    ]);
    const head = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    const { outputs } = await use(get('actions/checkout'), { 'persist-credentials': 'false' });
    expect(outputs.commit).toBe(head);
  });
});
