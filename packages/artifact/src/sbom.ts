import { createHash } from 'node:crypto';
import { type LockedPackage, dedupe, purlOf } from '@slipway/lockfiles';

/** What the SBOM describes: the artifact and the runtime dependencies read from lockfiles. */
export interface SbomInput {
  name: string;
  version: string;
  /** SHA-256 of the archive, hex. */
  digest: string;
  sourceDateEpoch: number;
  packages: readonly LockedPackage[];
}

/** A UUID (version 4 layout) derived from content, so the serial number is stable for the same artifact. */
export function stableUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest();
  h[6] = (h[6]! & 0x0f) | 0x40;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A CycloneDX 1.6 JSON SBOM of the runtime dependencies (dev-only ones left out), built with the
 * CycloneDX library and serialised with sorted lists: the same input gives the same bytes.
 */
export async function cycloneDxSbom(input: SbomInput): Promise<string> {
  // Subpath imports: the package's index also loads its validators, whose resource paths use
  // __dirname, which an ESM bundle does not have.
  const [Models, Enums, Serialize, Spec] = await Promise.all([
    import('@cyclonedx/cyclonedx-library/Models'),
    import('@cyclonedx/cyclonedx-library/Enums'),
    import('@cyclonedx/cyclonedx-library/Serialize'),
    import('@cyclonedx/cyclonedx-library/Spec'),
  ]);
  const CDX = { Models, Enums, Serialize, Spec };
  const bom = new CDX.Models.Bom();
  bom.serialNumber = `urn:uuid:${stableUuid(`${input.name}@${input.version}#${input.digest}`)}`;
  bom.metadata.timestamp = new Date(input.sourceDateEpoch * 1000);
  const tool = new CDX.Models.Component(CDX.Enums.ComponentType.Application, 'slipway build-artifact', {
    bomRef: 'slipway-build-artifact',
  });
  bom.metadata.tools.components.add(tool);
  const root = new CDX.Models.Component(CDX.Enums.ComponentType.Application, input.name, {
    version: input.version,
    bomRef: `artifact:${input.name}@${input.version}`,
  });
  root.hashes.set(CDX.Enums.HashAlgorithm['SHA-256'], input.digest);
  bom.metadata.component = root;
  for (const p of dedupe(input.packages.filter((x) => !x.dev))) {
    const purl = purlOf(p);
    // Maven coordinates are group:artifact; CycloneDX keeps the group in a field of its own.
    const [group, name] = p.ecosystem === 'Maven' && p.name.includes(':') ? p.name.split(':', 2) : [undefined, p.name];
    const component = new CDX.Models.Component(CDX.Enums.ComponentType.Library, name!, {
      version: p.version,
      bomRef: purl,
      purl,
      ...(group ? { group } : {}),
    });
    for (const h of p.hashes) component.hashes.set(CDX.Enums.HashAlgorithm[h.alg], h.hex);
    bom.components.add(component);
  }
  const serializer = new CDX.Serialize.JsonSerializer(new CDX.Serialize.JSON.Normalize.Factory(CDX.Spec.Spec1dot6));
  return `${serializer.serialize(bom, { sortLists: true, space: 2 })}\n`;
}
