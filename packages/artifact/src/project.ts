import { existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, sep } from 'node:path';
import { UserError } from '@slipway/action-kit/lite';
import picomatch from 'picomatch';
import { LOCKFILE_NAMES, parserFor } from '@slipway/lockfiles';

import type { Project, Stack } from '@slipway/stack';

/** Lockfiles of JavaScript package managers: only the one the project's package manager writes is read. */
const JS_LOCKFILES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock']);

/** The project to build: the one named, else the stack's primary, else its first. */
export function pickProject(stack: Stack, path: string | undefined): Project {
  if (stack.projects.length === 0)
    throw new UserError(
      'the stack has no buildable project.',
      { input: 'stack' },
      'Run detect-stack on the folder that holds the project, or set path.',
    );
  const wanted = path ?? stack.primary ?? stack.projects[0]!.path;
  const found = stack.projects.find((p) => p.path === wanted.replace(/^\.\/(?=.)/, '').replace(/\/+$/, ''));
  if (!found)
    throw new UserError(
      `'${wanted}' is not a project of this repository.`,
      { input: 'project' },
      `Use one of: ${stack.projects.map((p) => p.path).join(', ')}.`,
    );
  return found;
}

/**
 * The project's folder, refused when the stack document places it (or its lockfile) outside the
 * repository: `..`, an absolute path, or a symbolic link out. A stack is a document passed between
 * steps, so it is checked like any input before anything is read or run there.
 */
export function projectFolder(repoRoot: string, project: Project, input: 'stack' | 'project'): string {
  const leaves = (path: string): boolean => isAbsolute(path) || path.split(/[\\/]/).includes('..');
  const bad = [project.path, project.packageManager?.lockfile ?? '.'].find(leaves);
  if (bad !== undefined)
    throw new UserError(
      `'${bad}' lies outside the repository.`,
      { input },
      'Project paths and lockfiles are relative to the repository root: pass the stack that detect-stack wrote for this checkout.',
    );
  const projectDir = project.path === '.' ? repoRoot : join(repoRoot, ...project.path.split('/'));
  if (!existsSync(projectDir))
    throw new UserError(
      `project folder ${project.path} does not exist under ${repoRoot}.`,
      { input: 'project' },
      'The stack input may come from another checkout; leave it empty to detect here.',
    );
  const realRoot = realpathSync(repoRoot);
  const real = realpathSync(projectDir);
  if (real !== realRoot && !real.startsWith(`${realRoot}${sep}`))
    throw new UserError(
      `project folder ${project.path} is a symbolic link out of the repository (to ${real}).`,
      { input },
      'Build a project that lives in the repository.',
    );
  return projectDir;
}

/** Refuses include globs that reach outside the project: packaging /etc/passwd is never meant. */
export function checkIncludes(include: readonly string[], input: 'include' | 'stack'): void {
  for (const glob of include) {
    if (isAbsolute(glob) || glob.split(/[\\/]/).includes('..'))
      throw new UserError(
        `'${glob}' reaches outside the project.`,
        { input },
        'Globs are relative to the project folder and cannot contain .. or start with /.',
      );
  }
  checkGlobs(include, input);
}

/** Refuses globs picomatch cannot compile (over its length limit, a regular expression too large). */
export function checkGlobs(globs: readonly string[], input: 'include' | 'exclude' | 'stack'): void {
  for (const glob of globs) {
    try {
      // picomatch builds its regular expression on the first match, so one is tried.
      picomatch(glob, { dot: true })('a/b');
    } catch (err) {
      const shown = glob.length > 80 ? `${glob.slice(0, 80)}… (${glob.length} characters)` : glob;
      throw new UserError(
        `'${shown}' cannot be used as a glob: ${(err as Error).message.split('\n')[0]!.slice(0, 200)}.`,
        { input },
        'Use shorter globs; list several instead of one long one.',
      );
    }
  }
}

/** Installs run where the lockfile is (a workspace root), else in the project's folder. */
export function installDir(repoRoot: string, project: Project, projectDir: string): string {
  const lock = project.packageManager?.lockfile;
  if (!lock || !lock.includes('/')) return lock ? repoRoot : projectDir;
  const dir = lock.slice(0, lock.lastIndexOf('/'));
  return project.path === dir || project.path.startsWith(`${dir}/`) ? join(repoRoot, dir) : projectDir;
}

/**
 * Absolute paths of the lockfiles that describe a project's dependencies: regular files inside
 * the repository only, since they are read whole (a lockfile linked to /dev/zero would never end).
 */
export function lockfilePaths(repoRoot: string, project: Project): string[] {
  const prefix = project.path === '.' ? '' : `${project.path}/`;
  // The package manager's own lockfile, and every other format the project keeps beside its
  // manifest (a pom.xml, a NuGet or Dart lock, a gradle.lockfile…). Of the JavaScript lockfiles only
  // the package manager's counts; vendor/modules.txt repeats go.mod, and a Gradle catalog or
  // verification file lists what may be used, not what the build resolved.
  const besides = LOCKFILE_NAMES.filter((name) => !JS_LOCKFILES.has(name) && !name.includes('/'));
  const candidates = [
    project.packageManager?.lockfile,
    `${prefix}requirements.txt`,
    ...besides.map((name) => `${prefix}${name}`),
  ].filter((p): p is string => Boolean(p));
  const realRoot = realpathSync(repoRoot);
  return [...new Set(candidates)]
    .filter((p) => parserFor(p) && regularFileInside(realRoot, join(repoRoot, p)))
    .map((p) => join(repoRoot, p));
}

function regularFileInside(realRoot: string, abs: string): boolean {
  try {
    const real = realpathSync(abs);
    return real.startsWith(`${realRoot}${sep}`) && statSync(real).isFile();
  } catch {
    return false;
  }
}
