import type { ManifestFile } from './archive.js';

/** The manifest written beside each archive: what it is and every file in it. */
export interface Manifest {
  schemaVersion: 1;
  name: string;
  version: string;
  project: string;
  sourceDateEpoch: number;
  archive: { file: string; sha256: string; size: number };
  files: ManifestFile[];
}

/** Serialises a manifest deterministically (fixed key order, files already sorted, one trailing newline). */
export function manifestJson(m: Manifest): string {
  const ordered: Manifest = {
    schemaVersion: 1,
    name: m.name,
    version: m.version,
    project: m.project,
    sourceDateEpoch: m.sourceDateEpoch,
    archive: { file: m.archive.file, sha256: m.archive.sha256, size: m.archive.size },
    files: m.files.map((f) => ({
      path: f.path,
      type: f.type,
      size: f.size,
      mode: f.mode,
      ...(f.sha256 ? { sha256: f.sha256 } : {}),
      ...(f.target !== undefined ? { target: f.target } : {}),
    })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Reads a manifest, checking the fields verification relies on. */
export function parseManifest(text: string, file: string): Manifest {
  let doc: Partial<Manifest>;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (doc.schemaVersion !== 1 || !Array.isArray(doc.files) || !doc.archive || typeof doc.archive.sha256 !== 'string') {
    throw new Error(`${file} is not a slipway artifact manifest (schemaVersion 1 with archive and files)`);
  }
  return doc as Manifest;
}
