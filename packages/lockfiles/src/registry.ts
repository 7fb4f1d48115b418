import { parseBunLock } from './parsers/bun.js';
import { parseDenoLock } from './parsers/deno.js';
import { parseDirectoryPackagesProps } from './parsers/directory-packages-props.js';
import { parseGoVendorModules } from './parsers/go-vendor.js';
import { parseGradleCatalog } from './parsers/gradle-catalog.js';
import { parseGradleBuildLockfile, parseGradleLockfile } from './parsers/gradle-lockfile.js';
import { parseGradleVerificationMetadata } from './parsers/gradle-verification.js';
import { parseMixLock } from './parsers/mix.js';
import { parseNpmLock } from './parsers/npm.js';
import { parseNuGetLock } from './parsers/nuget-lock.js';
import { parseCargoLock, parseComposerLock, parseGemfileLock, parseGoMod } from './parsers/others.js';
import { parsePackageResolved } from './parsers/package-resolved.js';
import { parsePackagesConfig } from './parsers/packages-config.js';
import { parsePdmLock } from './parsers/pdm.js';
import { parsePnpmLock } from './parsers/pnpm.js';
import { parsePodfileLock } from './parsers/podfile.js';
import { parsePomXml } from './parsers/pom.js';
import { parsePubspecLock } from './parsers/pubspec.js';
import { parsePylock } from './parsers/pylock.js';
import { parsePipfileLock, parseRequirements, parseTomlPythonLock } from './parsers/python.js';
import { parseYarnLock } from './parsers/yarn.js';
import type { LockfileParser } from './types.js';

/** Lockfile names and the parser for each. Adding a format is one parser file and one line here. */
const BY_NAME: Record<string, LockfileParser> = {
  'package-lock.json': parseNpmLock,
  'npm-shrinkwrap.json': parseNpmLock,
  'pnpm-lock.yaml': parsePnpmLock,
  'yarn.lock': parseYarnLock,
  'bun.lock': parseBunLock,
  'deno.lock': parseDenoLock,
  'poetry.lock': parseTomlPythonLock,
  'uv.lock': parseTomlPythonLock,
  'Pipfile.lock': parsePipfileLock,
  'pdm.lock': parsePdmLock,
  'pylock.toml': parsePylock,
  'go.mod': parseGoMod,
  'Cargo.lock': parseCargoLock,
  'Gemfile.lock': parseGemfileLock,
  'gems.locked': parseGemfileLock,
  'composer.lock': parseComposerLock,
  'pom.xml': parsePomXml,
  'gradle.lockfile': parseGradleLockfile,
  'buildscript-gradle.lockfile': parseGradleBuildLockfile,
  'settings-gradle.lockfile': parseGradleBuildLockfile,
  'packages.lock.json': parseNuGetLock,
  'packages.config': parsePackagesConfig,
  'Directory.Packages.props': parseDirectoryPackagesProps,
  'pubspec.lock': parsePubspecLock,
  'mix.lock': parseMixLock,
  'Package.resolved': parsePackageResolved,
  'Podfile.lock': parsePodfileLock,
};

/**
 * Files read only under a given folder: the tools read these names nowhere else, and elsewhere
 * the name is something else (a modules.txt of another kind, a stale copy). Matched on the path.
 */
const BY_PATH: Record<string, LockfileParser> = {
  'vendor/modules.txt': parseGoVendorModules,
  'gradle/verification-metadata.xml': parseGradleVerificationMetadata,
  'gradle/libs.versions.toml': parseGradleCatalog,
};

/** Names matched by pattern: pip's requirements files, named PEP 751 locks, other version catalogs. */
const BY_PATTERN: [RegExp, LockfileParser][] = [
  [/(?:^|\/)requirements[\w.-]*\.txt$/, parseRequirements],
  [/(?:^|\/)pylock\.[^/]+\.toml$/, parsePylock],
  [/(?:^|\/)gradle\/[^/]+\.versions\.toml$/, parseGradleCatalog],
];

/**
 * The parser for a lockfile, found by its path relative to the repository root (POSIX
 * separators), or undefined when it is not a lockfile we read. A base name alone finds every
 * format but those read only under a folder (vendor/modules.txt, gradle/…): pass the path.
 */
export function parserFor(path: string): LockfileParser | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (Object.hasOwn(BY_NAME, base)) return BY_NAME[base];
  for (const [suffix, parse] of Object.entries(BY_PATH))
    if (path === suffix || path.endsWith(`/${suffix}`)) return parse;
  return BY_PATTERN.find(([pattern]) => pattern.test(path))?.[1];
}

/** Every lockfile name (or path, for those read only under a folder) we read; patterns aside. */
export const LOCKFILE_NAMES: readonly string[] = [...Object.keys(BY_NAME), ...Object.keys(BY_PATH)];
