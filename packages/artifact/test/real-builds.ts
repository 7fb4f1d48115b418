import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionsExec, RecordingLogger } from '@slipway/action-kit/lite';
import { removeTree } from '../../../test/harness.js';
import { buildArtifact, verifyArtifact, type BuildArtifactOptions, type BuildArtifactResult } from '../src/index.js';
import { gitRepo, readJson, sh } from './helpers.js';

const temps: string[] = [];

/** Removes every folder these helpers made; call it from afterAll. */
export function removeTemps(): void {
  temps.splice(0).forEach(removeTree);
}

/** A fresh temporary folder, removed by removeTemps. */
export function temp(prefix = 'slipway-real-build-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/**
 * Where one tool keeps its downloads between runs (pip, uv, poetry, Maven's local repository,
 * CARGO_HOME): only the first run waits on the registry, later ones build from it.
 */
export function downloadCache(tool: string): string {
  const dir = join(tmpdir(), 'slipway-real-build-caches', tool);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** How this machine reaches the registries (a proxy, a CA of its own): a job's steps inherit them too. */
const NETWORK_VARS = [
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'REQUESTS_CA_BUNDLE',
  'CURL_CA_BUNDLE',
  'PIP_CERT',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
];

/** The environment a build step has: PATH, HOME and the network settings, plus what the test adds (tool caches). */
export function stepEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const network = Object.fromEntries(NETWORK_VARS.flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])));
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...network, ...extra };
}

function options(repoRoot: string): BuildArtifactOptions {
  return {
    repoRoot,
    install: true,
    exclude: [],
    outputDir: join(repoRoot, '.slipway', 'artifacts'),
    cache: false,
    upload: false,
    sbom: true,
    provenance: true,
    allowSecretFiles: false,
  };
}

/** A build of one folder: where it was, and what build-artifact made of it. */
export interface FolderBuild {
  dir: string;
  result: BuildArtifactResult;
}

/**
 * Commits the files, clones the commit into a second folder at another depth and path, and runs
 * build-artifact (install and build, as detect-stack found them) in each, in turn.
 */
export async function buildInTwoFolders(
  files: Record<string, string>,
  envA: NodeJS.ProcessEnv,
  envB: NodeJS.ProcessEnv = envA,
): Promise<[FolderBuild, FolderBuild]> {
  const a = gitRepo(files);
  temps.push(a);
  const b = join(temp(), 'checkouts', 'elsewhere', 'clone');
  sh('git', ['clone', '-q', a, b]);
  const build = async (dir: string, env: NodeJS.ProcessEnv): Promise<FolderBuild> => ({
    dir,
    result: await buildArtifact(options(dir), { exec: actionsExec, logger: new RecordingLogger(), env }),
  });
  return [await build(a, envA), await build(b, envB)];
}

/** The paths the artifact's manifest lists. */
export function packagedPaths(result: BuildArtifactResult): string[] {
  return readJson<{ files: { path: string }[] }>(result.manifestPath).files.map((f) => f.path);
}

/** The package URLs the artifact's SBOM lists. */
export function sbomPurls(result: BuildArtifactResult): string[] {
  return readJson<{ components: { purl: string }[] }>(result.sbomPath!)
    .components.map((c) => c.purl)
    .sort();
}

/** Verifies the artifact against its manifest and extracts it into a fresh folder, returned. */
export async function extract(result: BuildArtifactResult): Promise<string> {
  const into = join(temp(), 'extracted');
  await verifyArtifact({ archive: result.artifactPath, manifest: result.manifestPath, into });
  return into;
}

/** The names and texts of a zip's (wheel's, jar's) entries, read with Python's zipfile. */
export function zipEntries(zip: string): Record<string, string> {
  const script =
    'import json, sys, zipfile\n' +
    'z = zipfile.ZipFile(sys.argv[1])\n' +
    'print(json.dumps({i.filename: z.read(i).decode("utf-8", "replace") for i in z.infolist()}))\n';
  const r = spawnSync('python3', ['-c', script, zip], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`reading ${zip} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, string>;
}
