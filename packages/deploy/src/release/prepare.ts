// Turns the `artifact` input into a release folder under the state folder: verified, named by
// version and digest, and complete before it has its name, so that the release keeps running
// from it after the workspace is cleaned, and a re-deploy of the same release reuses it.
import { copyFile, mkdir, mkdtemp, open, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { readUserFile, UserError } from '@slipway/action-kit/lite';
import { parseManifest, verifyArtifact } from '@slipway/artifact/verifier';
import { environmentDir } from '../ledger.js';
import { copyFolder, folderDigest } from './folder.js';
import type { PreparedRelease, PrepareOptions } from './types.js';

const VERSION = /^[A-Za-z0-9._+-]{1,64}$/;
const ARCHIVE = /\.(tar\.gz|tgz)$/;
const SHA256 = /^(?:sha256:)?([0-9a-f]{64})$/;
/** A manifest lists every file of a release; even a huge one stays far below this. */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

const ARTIFACT_HINT =
  'Name the .tar.gz that build-artifact wrote (with its .manifest.json beside it) or the folder of the built app, as an absolute path or relative to the workspace.';

/** Verifies the artifact and copies or extracts it into `<stateDir>/<environment>/releases/<id>/app`. */
export async function prepareRelease(o: PrepareOptions): Promise<PreparedRelease> {
  if (!isAbsolute(o.artifact)) throw new Error(`prepareRelease: artifact must be an absolute path, not ${o.artifact}`);
  const releases = join(environmentDir(o.stateDir, o.environment), 'releases');
  const st = await stat(o.artifact).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
    throw err;
  });
  if (!st)
    throw new UserError(
      `${o.artifact} does not exist.`,
      { input: 'artifact' },
      'Build it earlier in the job. ' + ARTIFACT_HINT,
    );
  if (st.isDirectory()) return prepareFolder(o, releases);
  if (st.isFile() && ARCHIVE.test(o.artifact)) return prepareArchive(o, releases);
  throw new UserError(
    `${o.artifact} is ${st.isFile() ? 'a file but not a .tar.gz or .tgz archive' : 'neither a file nor a folder'}.`,
    { input: 'artifact' },
    ARTIFACT_HINT,
  );
}

async function prepareFolder(o: PrepareOptions, releases: string): Promise<PreparedRelease> {
  const version = chooseVersion(o.version, undefined, await packageVersion(o.artifact), basename(o.artifact));
  const digest = await folderDigest(o.artifact);
  return place(releases, version, digest, async (app) => {
    const copied = await copyFolder(o.artifact, app);
    // The digest names the release, so the copy must be exactly what was hashed.
    if (copied !== digest)
      throw new UserError(
        `${o.artifact} changed while it was being copied.`,
        { input: 'artifact' },
        'Deploy once whatever writes to the folder has finished.',
      );
  });
}

async function prepareArchive(o: PrepareOptions, releases: string): Promise<PreparedRelease> {
  const archive = o.artifact;
  const manifestPath = await findManifest(archive);
  const manifest = parseManifest(
    readUserFile(manifestPath, {
      maxBytes: MAX_MANIFEST_BYTES,
      subject: { file: manifestPath },
      what: 'the manifest',
    }).toString('utf8'),
    manifestPath,
  );
  const hex = SHA256.exec(manifest.archive.sha256)?.[1];
  // The digest becomes part of a folder name: anything but hex could lead out of the releases folder.
  if (!hex)
    throw new UserError(
      `archive.sha256 is '${manifest.archive.sha256.slice(0, 80)}', not a SHA-256 in hex.`,
      { file: manifestPath },
      'Pass the .manifest.json that build-artifact wrote beside the archive.',
    );
  const version = chooseVersion(o.version, manifest.version, undefined, basename(archive).replace(ARCHIVE, ''));
  const prepared = await place(
    releases,
    version,
    `sha256:${hex}`,
    async (app) => void (await verifyArtifact({ archive, manifest: manifestPath, into: app })),
    // Reusing the folder still checks the archive: a tampered one is refused even when it is not unpacked.
    async () => void (await verifyArtifact({ archive, manifest: manifestPath })),
  );
  // Kept beside the releases so that a rollback can redeploy it once its folder is gone.
  await keepArtifact(join(dirname(releases), 'artifacts', prepared.id), archive, manifestPath);
  return prepared;
}

/** The archive and manifest kept for a release: `<environment>/artifacts/<id>/`. */
export function keptArtifact(stateDir: string, environment: string, id: string): { archive: string; manifest: string } {
  const dir = join(environmentDir(stateDir, environment), 'artifacts', id);
  return { archive: join(dir, 'release.tar.gz'), manifest: join(dir, 'release.manifest.json') };
}

/** Copies archive and manifest into `dir`, complete before the folder has its name; a kept copy is left as it is. */
async function keepArtifact(dir: string, archive: string, manifest: string): Promise<void> {
  if (await isDirectory(dir)) return;
  await mkdir(dirname(dir), { recursive: true });
  const staging = await mkdtemp(join(dirname(dir), `.${basename(dir)}.partial-`));
  try {
    await copyFileSynced(archive, join(staging, 'release.tar.gz'));
    await copyFileSynced(manifest, join(staging, 'release.manifest.json'));
    await rename(staging, dir);
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    // Another run kept the same release meanwhile: theirs is as good as ours.
    if (await isDirectory(dir)) return;
    throw err;
  }
}

async function copyFileSynced(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  const fh = await open(to, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Where an archive's manifest may be, in order: `<archive minus .tar.gz>.manifest.json` beside it, else `manifest.json` in its folder. */
export function manifestCandidates(archive: string): string[] {
  if (!ARCHIVE.test(archive)) return [];
  return [
    join(dirname(archive), `${basename(archive).replace(ARCHIVE, '')}.manifest.json`),
    join(dirname(archive), 'manifest.json'),
  ];
}

async function findManifest(archive: string): Promise<string> {
  const candidates = manifestCandidates(archive);
  for (const candidate of candidates) if (await isFile(candidate)) return candidate;
  throw new UserError(
    `found no manifest for ${archive}: neither ${candidates[0]} nor ${candidates[1]} exists.`,
    { input: 'artifact' },
    'Without its manifest an archive cannot be verified: keep the .manifest.json that build-artifact wrote beside the archive (download both when they come from another job).',
  );
}

/**
 * Puts a release into `releases/<id>/app` through `fill`, which writes into a folder that must
 * not exist yet. The whole `<id>` folder is filled under a temporary name and renamed into place,
 * so an `<id>` folder with an `app` inside is always complete, and is reused as it is.
 */
async function place(
  releases: string,
  version: string,
  digest: string,
  fill: (app: string) => Promise<void>,
  beforeReuse?: () => Promise<void>,
): Promise<PreparedRelease> {
  const id = `${version}-${digest.slice('sha256:'.length, 'sha256:'.length + 12)}`;
  const final = join(releases, id);
  const prepared = { id, version, digest, dir: join(final, 'app') };
  if (await isDirectory(prepared.dir)) {
    await beforeReuse?.();
    return prepared;
  }
  await mkdir(releases, { recursive: true });
  const staging = await mkdtemp(join(releases, `.${id}.partial-`));
  try {
    await fill(join(staging, 'app'));
    // Only a leftover without `app` can be here (the check above found none): it holds nothing to keep.
    await rm(final, { recursive: true, force: true });
    await rename(staging, final);
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    // A refused first release leaves no empty `releases` folder behind either.
    await rmdir(releases).catch(() => undefined);
    throw err;
  }
  return prepared;
}

/** The first of: the `version` input, the manifest's, `package.json`'s, the artifact's name; checked. */
function chooseVersion(
  input: string | undefined,
  manifest: string | undefined,
  packageJson: string | undefined,
  name: string,
): string {
  const version = [input?.trim(), manifest, packageJson, name].find((v) => v !== undefined && v !== '')!;
  if (!VERSION.test(version))
    throw new UserError(
      `'${version.slice(0, 80)}'${input?.trim() ? '' : ' (taken from the artifact)'} is not a release version.`,
      { input: 'version' },
      'Use 1 to 64 letters, digits, dots, dashes, underscores or plus signs, such as 1.4.2 or 2024.11.30+build.7.',
    );
  return version;
}

/** The `version` of the folder's package.json, when it has one. */
async function packageVersion(folder: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(join(folder, 'package.json'), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const version = (JSON.parse(text) as { version?: unknown } | null)?.version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    // Not ours to judge: the release's own tools will say what is wrong with it.
    return undefined;
  }
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
