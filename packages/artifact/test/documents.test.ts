import { describe, expect, it } from '@jest/globals';
import type { LockedPackage } from '@slipway/lockfiles';
import { cycloneDxSbom, provenanceStatement, stableUuid } from '../src/index.js';
import { cycloneDxErrors } from '../../../test/schemas.js';

const packages: LockedPackage[] = [
  {
    ecosystem: 'npm',
    name: 'express',
    version: '4.19.2',
    dev: false,
    hashes: [{ alg: 'SHA-512', hex: 'ab'.repeat(64) }],
    file: 'package-lock.json',
  },
  { ecosystem: 'npm', name: '@types/node', version: '20.1.0', dev: true, hashes: [], file: 'package-lock.json' },
  { ecosystem: 'npm', name: '@scope/lib', version: '1.0.0', dev: false, hashes: [], file: 'package-lock.json' },
  { ecosystem: 'npm', name: 'express', version: '4.19.2', dev: false, hashes: [], file: 'package-lock.json' },
  {
    ecosystem: 'PyPI',
    name: 'flask',
    version: '3.0.3',
    dev: false,
    hashes: [{ alg: 'SHA-256', hex: 'cd'.repeat(32) }],
    file: 'requirements.txt',
  },
];
const input = {
  name: 'shop-web',
  version: 'v1.2.3',
  digest: 'ef'.repeat(32),
  sourceDateEpoch: 1_700_000_000,
  packages,
};

describe('CycloneDX SBOM', () => {
  it('meets the CycloneDX 1.6 JSON schema', async () => {
    const doc = JSON.parse(await cycloneDxSbom(input));
    expect(cycloneDxErrors(doc)).toStrictEqual([]);
    expect(doc.specVersion).toBe('1.6');
  });

  it('lists runtime dependencies once each, with purls and hashes, and leaves dev ones out', async () => {
    const doc = JSON.parse(await cycloneDxSbom(input));
    const components = doc.components.map((c: { purl: string }) => c.purl).sort();
    expect(components).toStrictEqual(['pkg:npm/%40scope/lib@1.0.0', 'pkg:npm/express@4.19.2', 'pkg:pypi/flask@3.0.3']);
    const express = doc.components.find((c: { name: string }) => c.name === 'express');
    expect(express.hashes).toStrictEqual([{ alg: 'SHA-512', content: 'ab'.repeat(64) }]);
    expect(doc.metadata.component.name).toBe('shop-web');
    expect(doc.metadata.component.hashes).toStrictEqual([{ alg: 'SHA-256', content: 'ef'.repeat(32) }]);
    expect(doc.metadata.timestamp).toBe('2023-11-14T22:13:20.000Z');
  });

  it('is byte-for-byte the same for the same input, whatever the input order', async () => {
    const a = await cycloneDxSbom(input);
    const b = await cycloneDxSbom({ ...input, packages: [...packages].reverse() });
    expect(a).toBe(b);
    expect(a).not.toBe(await cycloneDxSbom({ ...input, digest: '00'.repeat(32) })); // a different artifact gets a different serial number
  });

  it('derives a valid version-4 UUID from its seed', () => {
    expect(stableUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUuid('x')).toBe(stableUuid('x'));
    expect(stableUuid('x')).not.toBe(stableUuid('y'));
  });
});

describe('SLSA provenance', () => {
  const env = {
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_REF: 'refs/tags/v1.2.3',
    GITHUB_WORKFLOW_REF: 'acme/shop/.github/workflows/release.yml@refs/tags/v1.2.3',
    GITHUB_RUN_ID: '42',
    GITHUB_RUN_ATTEMPT: '2',
    GITHUB_EVENT_NAME: 'push',
  };
  const statement = JSON.parse(
    provenanceStatement({
      subjectName: 'shop-web-v1.2.3.tar.gz',
      digest: 'ef'.repeat(32),
      project: 'apps/web',
      command: 'npm run build',
      install: 'npm ci',
      commit: 'a'.repeat(40),
      env,
    }),
  );

  it('is an in-toto Statement v1 whose subject is the archive digest', () => {
    expect(statement._type).toBe('https://in-toto.io/Statement/v1');
    expect(statement.subject).toStrictEqual([{ name: 'shop-web-v1.2.3.tar.gz', digest: { sha256: 'ef'.repeat(32) } }]);
    expect(statement.predicateType).toBe('https://slsa.dev/provenance/v1');
  });

  it('carries the SLSA v1 required fields from the workflow', () => {
    const { buildDefinition, runDetails } = statement.predicate;
    expect(buildDefinition.buildType).toMatch(/^https:\/\//);
    expect(typeof buildDefinition.externalParameters).toBe('object');
    expect(buildDefinition.resolvedDependencies).toStrictEqual([
      { uri: 'git+https://github.com/acme/shop@refs/tags/v1.2.3', digest: { gitCommit: 'a'.repeat(40) } },
    ]);
    expect(buildDefinition.externalParameters.workflow.path).toBe('.github/workflows/release.yml');
    expect(runDetails.builder.id).toBe('https://github.com/acme/shop/.github/workflows/release.yml@refs/tags/v1.2.3');
    expect(runDetails.metadata.invocationId).toBe('https://github.com/acme/shop/actions/runs/42/attempts/2');
    expect(JSON.stringify(statement)).not.toMatch(/startedOn|finishedOn/); // no wall-clock time
  });
});
