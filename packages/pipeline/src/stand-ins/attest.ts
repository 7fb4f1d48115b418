// actions/attest: there is no Sigstore or OIDC identity here, so the stand-in writes the in-toto
// statement GitHub would sign (subjects by sha256, a SLSA provenance or the SBOM as predicate) and
// says plainly that it is not signed. slipway verify-artifact checks archives without it.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UserError, writeFileAtomic } from '@slipway/action-kit/lite';
import type { StandIn } from './stand-in.js';

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export const attest: StandIn = {
  uses: 'actions/attest',
  description:
    'writes the unsigned in-toto statement (SLSA provenance by default, the SBOM with sbom-path, or predicate-type with predicate or predicate-path) into the run folder; nothing is signed',
  async run({ with: w, workspace, runDir, logger, env }) {
    const subjects: { name: string; digest: { sha256: string } }[] = [];
    for (const line of (w['subject-path'] ?? '')
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const path = resolve(workspace, line);
      if (!existsSync(path))
        throw new UserError(
          `subject-path ${line} does not exist.`,
          { input: 'subject-path' },
          'Attest a file the job wrote.',
        );
      subjects.push({ name: basename(path), digest: { sha256: await sha256(path) } });
    }
    if (w['subject-digest']) {
      const m = /^sha256:([0-9a-f]{64})$/.exec(w['subject-digest']);
      if (!m || !w['subject-name'])
        throw new UserError('needs subject-name and a sha256:<hex> subject-digest together.', {
          input: 'subject-digest',
        });
      subjects.push({ name: w['subject-name'], digest: { sha256: m[1]! } });
    }
    if (w['subject-checksums']) {
      const path = resolve(workspace, w['subject-checksums']);
      if (!existsSync(path))
        throw new UserError(`subject-checksums ${w['subject-checksums']} does not exist.`, {
          input: 'subject-checksums',
        });
      for (const line of readFileSync(path, 'utf8')
        .split('\n')
        .filter((l) => l.trim())) {
        const m = /^([0-9a-f]{64})\s+\*?(.+)$/.exec(line.trim());
        if (!m)
          throw new UserError(`subject-checksums has a line that is not '<sha256>  <name>': ${line.slice(0, 80)}`, {
            input: 'subject-checksums',
          });
        subjects.push({ name: m[2]!, digest: { sha256: m[1]! } });
      }
    }
    if (subjects.length === 0)
      throw new UserError(
        'has no subject.',
        { input: 'subject-path' },
        'Give subject-path, or subject-name with subject-digest.',
      );
    let predicateType = 'https://slsa.dev/provenance/v1';
    let predicate: unknown = {
      buildDefinition: {
        buildType: 'https://slipway.dev/pipeline/local/v1',
        externalParameters: { workflow: env.GITHUB_WORKFLOW_REF ?? '', repository: env.GITHUB_REPOSITORY ?? '' },
        resolvedDependencies: env.GITHUB_SHA
          ? [{ uri: `git+${env.GITHUB_REPOSITORY}`, digest: { gitCommit: env.GITHUB_SHA } }]
          : [],
      },
      runDetails: {
        builder: { id: 'slipway pipeline (local run, unsigned)' },
        metadata: { invocationId: env.GITHUB_RUN_ID ?? '' },
      },
    };
    if (w['predicate-type']) {
      predicateType = w['predicate-type'];
      const text = w['predicate-path']
        ? readFileSync(resolve(workspace, w['predicate-path']), 'utf8')
        : (w.predicate ?? '');
      try {
        predicate = JSON.parse(text) as unknown;
      } catch (err) {
        throw new UserError(`the predicate is not JSON: ${(err as Error).message}.`, {
          input: w['predicate-path'] ? 'predicate-path' : 'predicate',
        });
      }
    } else if (w['sbom-path']) {
      const path = resolve(workspace, w['sbom-path']);
      let sbom: Record<string, unknown>;
      try {
        sbom = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      } catch (err) {
        throw new UserError(`sbom-path ${w['sbom-path']} is not a JSON SBOM: ${(err as Error).message}.`, {
          input: 'sbom-path',
        });
      }
      predicateType =
        sbom.bomFormat === 'CycloneDX'
          ? 'https://cyclonedx.org/bom'
          : sbom.spdxVersion
            ? 'https://spdx.dev/Document/v2.3'
            : '';
      if (!predicateType)
        throw new UserError(`sbom-path ${w['sbom-path']} is neither CycloneDX nor SPDX JSON.`, { input: 'sbom-path' });
      predicate = sbom;
    }
    const dir = join(runDir, 'attestations');
    mkdirSync(dir, { recursive: true });
    const bundlePath = join(dir, `${String(readdirSync(dir).length + 1).padStart(3, '0')}.intoto.json`);
    await writeFileAtomic(
      bundlePath,
      `${JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: subjects, predicateType, predicate }, null, 2)}\n`,
    );
    logger.warning(
      `attest (stand-in): ${predicateType} for ${subjects.map((s) => s.name).join(', ')} written to ${bundlePath}, NOT signed (no Sigstore or OIDC identity in a local run)`,
    );
    return { 'bundle-path': bundlePath, 'attestation-id': '', 'attestation-url': '' };
  },
};
