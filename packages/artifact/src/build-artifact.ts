import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { UserError, withoutRunnerCredentials, writeFileAtomic, type Exec, type Logger } from '@slipway/action-kit/lite';
import { readLockfile, type LockedPackage } from '@slipway/lockfiles';
import { detectStack, type Project, type Stack } from '@slipway/stack';
import { writeArchive } from './archive.js';
import { cacheKey, cachePaths, chooseCacheBackend, tolerant, type CacheBackend } from './cache.js';
import { byteOrder, selectFiles, type Selection } from './collect.js';
import { runCommand } from './commands.js';
import { packagingPlan } from './defaults.js';
import { gitFacts } from './git.js';
import { manifestJson } from './manifest.js';
import { checkGlobs, checkIncludes, installDir, lockfilePaths, pickProject, projectFolder } from './project.js';
import { provenanceStatement } from './provenance.js';
import { cycloneDxSbom } from './sbom.js';
import { findSecretFiles } from './secrets.js';
import { actionsUploader, hasActionsRuntime, uploadFailed, type Uploader } from './upload.js';

/** Everything build-artifact decides from its inputs. */
export interface BuildArtifactOptions {
  /** Absolute path of the repository root. */
  repoRoot: string;
  stack?: Stack;
  project?: string;
  install: boolean;
  /** Build command override; 'none' packages the tree as it is. */
  command?: string;
  include?: string[];
  exclude: string[];
  name?: string;
  /** Absolute output folder. */
  outputDir: string;
  version?: string;
  sourceDateEpoch?: number;
  cache: boolean;
  upload: boolean;
  retentionDays?: number;
  sbom: boolean;
  provenance: boolean;
  allowSecretFiles: boolean;
  /** Stop install and build after this many milliseconds; undefined lets them run as long as the job. */
  timeoutMs?: number;
}

/** The seams build-artifact needs. */
export interface BuildArtifactSeams {
  exec: Exec;
  logger: Logger;
  env: NodeJS.ProcessEnv;
  uploader?: Uploader;
  cacheBackend?: CacheBackend;
  /** Cleans a failed command's output before it is shown anywhere (secret masking); identity by default. */
  redact?: (text: string) => string;
}

/** What was built. */
export interface BuildArtifactResult {
  project: Project;
  name: string;
  version: string;
  sourceDateEpoch: number;
  artifactPath: string;
  digest: string;
  size: number;
  files: number;
  manifestPath: string;
  sbomPath?: string;
  sbomComponents?: number;
  provenancePath?: string;
  artifactId?: number;
  artifactUrl?: string;
  cacheHit: 'true' | 'false' | 'partial';
  cacheNote: string;
  commands: { install: string | null; build: string | null };
  timings: { step: string; ms: number }[];
}

/** Characters the artifact service refuses in a name. */
const BAD_NAME = /["':<>|*?\r\n\\/]/;

/** Builds one project of a repository into a reproducible archive with manifest, SBOM and provenance. */
export async function buildArtifact(o: BuildArtifactOptions, seams: BuildArtifactSeams): Promise<BuildArtifactResult> {
  const { exec, logger, env } = seams;
  const timings: { step: string; ms: number }[] = [];
  const timed = async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      timings.push({ step, ms: Math.round(performance.now() - start) });
    }
  };

  const stack = o.stack ?? (await timed('detect', () => detectStack({ root: o.repoRoot, logger })));
  const project = pickProject(stack, o.project);
  const projectDir = projectFolder(o.repoRoot, project, o.stack ? 'stack' : 'project');

  const needGit =
    o.version === undefined || (o.sourceDateEpoch === undefined && env.SOURCE_DATE_EPOCH === undefined) || o.provenance;
  const facts = needGit ? await gitFacts(exec, o.repoRoot) : undefined;
  const version = o.version ?? facts!.describe;
  const sourceDateEpoch = o.sourceDateEpoch ?? epochFromEnv(env.SOURCE_DATE_EPOCH) ?? facts!.commitTime;
  const name = artifactName(o.name, env, o.repoRoot, project);
  checkFileNameLength(name, version, o);

  const plan = packagingPlan(project, { sourceDateEpoch, env });
  const include = o.include ?? plan.include;
  checkIncludes(include, o.include ? 'include' : 'stack');
  checkGlobs(o.exclude, 'exclude');
  const exclude = [...(o.include ? [] : plan.exclude), ...o.exclude];
  const build = o.command === 'none' ? null : (o.command ?? plan.command ?? project.commands.build);
  const install = o.install ? project.commands.install : null;

  // Dependency cache: restore before installing, save after.
  let cacheHit: BuildArtifactResult['cacheHit'] = 'false';
  let cacheNote = 'cache disabled';
  const paths = cachePaths(project, env);
  const chosen = o.cache
    ? seams.cacheBackend
      ? { backend: seams.cacheBackend, reason: seams.cacheBackend.name }
      : chooseCacheBackend(env)
    : { reason: 'cache: false' };
  const lockfiles = lockfilePaths(o.repoRoot, project);
  const key = chosen.backend && paths.length ? await cacheKey(project, lockfiles) : undefined;
  if (chosen.backend && key) {
    const matched = await timed('cache restore', () =>
      tolerant(logger, 'restore', () => chosen.backend!.restore(paths, key.key, key.restoreKeys)),
    );
    cacheHit = matched === key.key ? 'true' : matched ? 'partial' : 'false';
    cacheNote = `${chosen.reason}: ${cacheHit === 'true' ? 'exact hit' : cacheHit === 'partial' ? `restored ${matched}` : 'miss'}`;
  } else if (o.cache) {
    cacheNote = paths.length
      ? chosen.reason
      : `no known cache folder for ${project.packageManager?.name ?? 'this project'}`;
    if (paths.length) logger.info(`build-artifact: dependency cache skipped: ${chosen.reason}`);
  }

  // Build scripts are the project's code: they never see the runner's service tokens.
  const commandEnv = { ...withoutRunnerCredentials(env), SOURCE_DATE_EPOCH: String(sourceDateEpoch) };
  const limits = { timeoutMs: o.timeoutMs, redact: seams.redact ?? ((text: string) => text) };
  if (install)
    await timed('install', () =>
      runCommand(exec, 'install', install, installDir(o.repoRoot, project, projectDir), commandEnv, limits),
    );
  if (chosen.backend && key && cacheHit !== 'true')
    await timed('cache save', () =>
      tolerant(logger, 'save', () =>
        chosen.backend!.save(
          paths.filter((p) => existsSync(p)),
          key.key,
        ),
      ),
    );
  if (build) await timed('build', () => runCommand(exec, 'build', build, projectDir, commandEnv, limits));

  const outputRel = relative(projectDir, o.outputDir).split(sep).join('/');
  const selection = await timed('select', async () =>
    selectFiles({ root: projectDir, include, exclude, never: ['.git', outputRel] }),
  );
  refuseIncomplete(selection, o.include ? 'include' : 'stack');
  if (selection.escapingLinks.length) {
    throw new UserError(
      `these symbolic links point outside the project (or climb with .. after a name, which verify-artifact refuses) and cannot be packaged: ${selection.escapingLinks.join(', ')}.`,
      { input: 'include' },
      'Exclude them, or replace them with the files they point to.',
    );
  }
  for (const p of selection.skippedSpecial)
    logger.warning(`build-artifact: ${p} is a socket, FIFO or device and is not packaged`);
  const files = selection.entries.filter((e) => e.type !== 'dir');
  if (files.length === 0 && o.exclude.length) {
    // Without the user's excludes only: the stack's own (test folders, source jars) still apply.
    const without = selectFiles({
      root: projectDir,
      include,
      exclude: o.include ? [] : plan.exclude,
      never: ['.git', outputRel],
    });
    const matched = without.entries.filter((e) => e.type !== 'dir').length;
    if (matched)
      throw new UserError(
        `exclude (${o.exclude.join(', ')}) leaves out all ${matched} files include (${include.join(', ')}) matched in ${project.path}.`,
        { input: 'exclude' },
        'Exclude less: an artifact needs at least one file.',
      );
  }
  if (files.length === 0) {
    throw new UserError(
      `include (${include.join(', ')}) matched no files in ${project.path}.`,
      { input: 'include' },
      build ? `Check that \`${build}\` writes its output there, or set include.` : 'Set include to the files to ship.',
    );
  }
  if (
    !o.include &&
    plan.required.length &&
    !files.some((f) => picomatch.isMatch(f.path, plan.required, { dot: true }))
  ) {
    throw new UserError(
      `the build produced nothing at ${plan.required.join(' or ')} in ${project.path}.`,
      { input: 'include' },
      'Set include to where your build writes its output.',
    );
  }
  const secrets = await findSecretFiles(
    projectDir,
    files.map((f) => f.path),
  );
  if (secrets.length && !o.allowSecretFiles) {
    throw new UserError(
      `refusing to package likely secret files: ${secrets.join(', ')}.`,
      { input: 'allow-secret-files' },
      'Exclude them, or set allow-secret-files: true if they are meant to ship.',
    );
  }
  for (const s of secrets)
    logger.warning(`build-artifact: packaging ${s}, which looks like a secret (allow-secret-files: true)`);

  await mkdir(o.outputDir, { recursive: true });
  const archiveFile = `${archiveBase(name, version)}.tar.gz`;
  const artifactPath = join(o.outputDir, archiveFile);
  const archive = await timed('archive', () =>
    writeArchive({
      entries: selection.entries,
      archivePath: artifactPath,
      mtime: sourceDateEpoch,
      onProgress: (n) => logger.info(`build-artifact: archived ${(n / 1048576).toFixed(0)} MiB…`),
    }).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EACCES' && err.code !== 'EPERM') throw err;
      throw new UserError(
        `${relative(projectDir, err.path ?? '?')
          .split(sep)
          .join('/')} cannot be read (${err.code}), so the artifact would be incomplete.`,
        { input: 'include' },
        'Make it readable by the job, or exclude it.',
      );
    }),
  );
  const base = archiveFile.replace(/\.tar\.gz$/, '');
  const manifestPath = join(o.outputDir, `${base}.manifest.json`);
  await writeFileAtomic(
    manifestPath,
    manifestJson({
      schemaVersion: 1,
      name,
      version,
      project: project.path,
      sourceDateEpoch,
      ...(facts ? { commit: facts.commit, commitTime: new Date(facts.commitTime * 1000).toISOString() } : {}),
      archive: { file: archiveFile, sha256: archive.digest, size: archive.size },
      files: archive.files,
    }),
  );

  const result: BuildArtifactResult = {
    project,
    name,
    version,
    sourceDateEpoch,
    artifactPath,
    digest: `sha256:${archive.digest}`,
    size: archive.size,
    files: files.length,
    manifestPath,
    cacheHit,
    cacheNote,
    commands: { install, build },
    timings,
  };
  if (o.sbom) {
    const packages = await readLockfiles(o.repoRoot, lockfiles, logger);
    result.sbomPath = join(o.outputDir, `${base}.cdx.json`);
    result.sbomComponents = new Set(
      packages.filter((p) => !p.dev).map((p) => `${p.ecosystem}:${p.name}@${p.version}`),
    ).size;
    await writeFileAtomic(
      result.sbomPath,
      await cycloneDxSbom({ name, version, digest: archive.digest, sourceDateEpoch, packages }),
    );
  }
  if (o.provenance) {
    result.provenancePath = join(o.outputDir, `${base}.intoto.json`);
    await writeFileAtomic(
      result.provenancePath,
      provenanceStatement({
        subjectName: archiveFile,
        digest: archive.digest,
        project: project.path,
        command: build,
        install,
        commit: facts?.commit ?? 'unknown',
        env,
      }),
    );
  }
  if (o.upload) {
    if (!hasActionsRuntime(env))
      logger.info(
        'build-artifact: upload skipped: no GitHub Actions artifact service here (a local run); the artifact stays on disk.',
      );
    else {
      const uploadFiles = [artifactPath, manifestPath, result.sbomPath, result.provenancePath].filter(
        (f): f is string => f !== undefined,
      );
      try {
        const uploaded = await timed('upload', () =>
          (seams.uploader ?? actionsUploader)(name, uploadFiles, o.outputDir, o.retentionDays, env),
        );
        result.artifactId = uploaded.id;
        result.artifactUrl = uploaded.url;
      } catch (err) {
        throw uploadFailed(name, artifactPath, err);
      }
    }
  }
  return result;
}

/** Refuses a selection that left out what it could not read, or that reached outside the project. */
function refuseIncomplete(selection: Selection, input: 'include' | 'stack'): void {
  if (selection.outside.length)
    throw new UserError(
      `${selection.outside.join(', ')} reaches outside the project through a symbolic link.`,
      { input },
      'Include only what lives in the project folder.',
    );
  if (selection.unreadable.length)
    throw new UserError(
      `cannot read ${selection.unreadable.map((u) => `${u.path} (${u.code})`).join(', ')}, so the artifact would be incomplete.`,
      { input },
      'Make the folder readable by the job, or exclude it.',
    );
}

function epochFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value))
    throw new UserError(
      `SOURCE_DATE_EPOCH '${value}' is not a whole number of seconds.`,
      {},
      'Unset it, or set the source-date-epoch input.',
    );
  return Number(value);
}

/** The artifact's files are named `<name>-<version>` plus a suffix. */
function archiveBase(name: string, version: string): string {
  return `${name}-${version.replace(/[^A-Za-z0-9._+-]/g, '_')}`;
}

/**
 * The most bytes `<name>-<version>` may take: the longest file written beside it is
 * `.<base>.manifest.json.<pid>.<random>.tmp`, and a file name holds 255 bytes.
 */
const MAX_BASE_BYTES = 200;

/** Refuses a name and version too long for the artifact's file names, before anything is built. */
function checkFileNameLength(name: string, version: string, o: BuildArtifactOptions): void {
  const bytes = Buffer.byteLength(archiveBase(name, version));
  if (bytes <= MAX_BASE_BYTES) return;
  // Blame the longer of the two the user set; a derived name is changed through `name`.
  const input =
    o.version !== undefined && (o.name === undefined || Buffer.byteLength(o.version) > Buffer.byteLength(o.name))
      ? 'version'
      : 'name';
  throw new UserError(
    `name and version make the artifact's file name ${bytes} bytes long, over the ${MAX_BASE_BYTES} bytes its files can be named with.`,
    { input },
    `Shorten ${input}.`,
  );
}

function artifactName(given: string | undefined, env: NodeJS.ProcessEnv, repoRoot: string, project: Project): string {
  if (given !== undefined) {
    if (BAD_NAME.test(given))
      throw new UserError(
        `'${given}' contains a character artifact names cannot have.`,
        { input: 'name' },
        'Leave out " : < > | * ? \\ / and line breaks.',
      );
    return given;
  }
  const repo = (env.GITHUB_REPOSITORY?.split('/')[1] ?? basename(repoRoot)).replace(/[^A-Za-z0-9._-]/g, '-');
  const slug = project.name.replace(/^@/, '').replace(/[^A-Za-z0-9._-]/g, '-');
  return project.path === '.' || slug === repo ? repo : `${repo}-${slug}`;
}

async function readLockfiles(repoRoot: string, paths: string[], logger: Logger): Promise<LockedPackage[]> {
  const out: LockedPackage[] = [];
  for (const abs of paths) {
    const rel = relative(repoRoot, abs).split(sep).join('/');
    try {
      // Non-blocking and capped: a FIFO or a link to /dev/zero named like a lockfile is a warning.
      out.push(...(readLockfile(abs, rel) ?? []));
    } catch (err) {
      logger.warning(`build-artifact: ${rel} could not be read for the SBOM: ${(err as Error).message}`, {
        file: rel,
        ...((err as { line?: number }).line ? { startLine: (err as { line: number }).line } : {}),
      });
    }
  }
  return out.sort((a, b) => byteOrder(`${a.name}@${a.version}`, `${b.name}@${b.version}`));
}
