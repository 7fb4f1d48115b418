import { parseBunLock } from './parsers/bun.js';
import { parseNpmLock } from './parsers/npm.js';
import { parseCargoLock, parseComposerLock, parseGemfileLock, parseGoMod } from './parsers/others.js';
import { parsePnpmLock } from './parsers/pnpm.js';
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
  'poetry.lock': parseTomlPythonLock,
  'uv.lock': parseTomlPythonLock,
  'Pipfile.lock': parsePipfileLock,
  'go.mod': parseGoMod,
  'Cargo.lock': parseCargoLock,
  'Gemfile.lock': parseGemfileLock,
  'composer.lock': parseComposerLock,
};

/** The parser for a lockfile's base name, or undefined when it is not a lockfile we read. */
export function parserFor(basename: string): LockfileParser | undefined {
  if (/^requirements[\w.-]*\.txt$/.test(basename)) return parseRequirements;
  return Object.hasOwn(BY_NAME, basename) ? BY_NAME[basename] : undefined;
}

/** Every lockfile name we read (requirements files are matched by pattern). */
export const LOCKFILE_NAMES: readonly string[] = Object.keys(BY_NAME);
