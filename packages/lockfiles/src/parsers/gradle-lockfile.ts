import { LockfileError, type LockedPackage, type LockfileParser } from '../types.js';

/**
 * gradle.lockfile (Gradle 6+, one per project): `group:artifact:version=configuration,…` lines.
 * An entry is dev when every configuration that locks it is a test one (`testRuntimeClasspath`,
 * `androidTestDebugRuntimeClasspath` …) or only runs annotation processors at compile time.
 */
export const parseGradleLockfile: LockfileParser = (text, file) => readGradleLock(text, file, false);

/** buildscript-gradle.lockfile and settings-gradle.lockfile: the build's own plugins, all dev. */
export const parseGradleBuildLockfile: LockfileParser = (text, file) => readGradleLock(text, file, true);

const DEV_CONFIGURATION = /(?:^t|T)est(?![a-z])|(?:^a|A)nnotationProcessor$|^kapt|^ksp/;

function readGradleLock(text: string, file: string, allDev: boolean): LockedPackage[] {
  const out: LockedPackage[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || /^empty=/.test(line)) return;
    const m = /^([^:=\s]+):([^:=\s]+):([^:=\s]+)=([\w,-]*)$/.exec(line);
    if (!m)
      throw new LockfileError(
        `line ${i + 1} is not \`group:artifact:version=configurations\`: ${line.slice(0, 80)}`,
        file,
        i + 1,
      );
    const configurations = m[4]!.split(',').filter(Boolean);
    const dev = allDev || (configurations.length > 0 && configurations.every((c) => DEV_CONFIGURATION.test(c)));
    out.push({ ecosystem: 'Maven', name: `${m[1]}:${m[2]}`, version: m[3]!, dev, hashes: [], file, line: i + 1 });
  });
  return out;
}
