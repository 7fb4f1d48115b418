import { miseTools, plainFile, toolVersions, type VersionSource } from '../version-files.js';

/** Keeps the numeric part of a Java version (`21.0.2-tem` → `21.0.2`, `temurin-17` → `17`). */
function javaNumber(v: string): string {
  return /(\d+(?:\.\d+)*)/.exec(v)?.[1] ?? v;
}

const sdkmanrc: VersionSource = async (ctx, dir) => {
  if (!ctx.has(dir, '.sdkmanrc')) return undefined;
  const path = dir === '.' ? '.sdkmanrc' : `${dir}/.sdkmanrc`;
  const value = /^[ \t]*java[ \t]*=[ \t]*(\S+)/m.exec((await ctx.text(path)) ?? '')?.[1];
  return value ? { value: javaNumber(value), source: path } : undefined;
};

/** Version files setup-java reads: .java-version, .tool-versions, .sdkmanrc (plus mise). */
export const JAVA_SOURCES: readonly VersionSource[] = [
  plainFile('.java-version', javaNumber),
  async (ctx, dir) => {
    const found = await toolVersions('java')(ctx, dir);
    return found && { ...found, value: javaNumber(found.value) };
  },
  sdkmanrc,
  miseTools('java'),
];
