import * as v from 'valibot';
import { describeJsonError, UserError } from '@slipway/action-kit/lite';
import type { ManifestFile } from './archive.js';

/** The manifest written beside each archive: what it is and every file in it. */
export interface Manifest {
  schemaVersion: 1;
  name: string;
  version: string;
  project: string;
  sourceDateEpoch: number;
  /** The commit built and its committer time (ISO 8601), when the build ran in a git checkout: a deploy reads them for lead time. */
  commit?: string;
  commitTime?: string;
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
    ...(m.commit !== undefined ? { commit: m.commit } : {}),
    ...(m.commitTime !== undefined ? { commitTime: m.commitTime } : {}),
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

/** What verification relies on; other keys are allowed, so newer manifests still verify. */
const MANIFEST = v.object({
  schemaVersion: v.literal(1),
  name: v.optional(v.string()),
  version: v.optional(v.string()),
  project: v.optional(v.string()),
  sourceDateEpoch: v.optional(v.number()),
  commit: v.optional(v.string()),
  commitTime: v.optional(v.string()),
  archive: v.object({
    file: v.optional(v.string()),
    sha256: v.string(),
    size: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  }),
  files: v.array(
    v.object({
      path: v.pipe(v.string(), v.minLength(1)),
      type: v.picklist(['file', 'dir', 'symlink']),
      size: v.pipe(v.number(), v.integer(), v.minValue(0)),
      mode: v.pipe(v.string(), v.regex(/^[0-7]{4}$/, 'a mode of four octal digits')),
      sha256: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex'))),
      target: v.optional(v.string()),
    }),
  ),
});

/** A manifest as read for verification: the fields verification needs, checked. */
export type ParsedManifest = v.InferOutput<typeof MANIFEST>;

/** Reads a manifest, checking the fields verification relies on; a bad one is a UserError naming the file. */
export function parseManifest(text: string, file: string): ParsedManifest {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new UserError(`is not valid JSON: ${describeJsonError(text, err)}.`, { file }, NOT_A_MANIFEST);
  }
  const parsed = v.safeParse(MANIFEST, doc);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = v.getDotPath(issue);
    throw new UserError(
      `is not a slipway artifact manifest: ${where ? `${where}: ` : ''}${issue.message}.`,
      { file },
      NOT_A_MANIFEST,
    );
  }
  return parsed.output;
}

const NOT_A_MANIFEST = 'Pass the .manifest.json that build-artifact wrote beside the archive.';
