import { joinRel, type DetectContext, type Found } from '../context.js';
import { miseTools, plainFile, toolVersions, treeFile, type VersionSource } from '../version-files.js';

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

/** Where a build wrapper keeps its properties, and how its distributionUrl names the version. */
export interface WrapperKind {
  /** The properties file, relative to the folder holding the wrapper script. */
  properties: string;
  /** Captures the version from the distribution URL. */
  version: RegExp;
}

/** Gradle's wrapper: `…/distributions/gradle-8.7-bin.zip`. */
export const GRADLE_WRAPPER: WrapperKind = {
  properties: 'gradle/wrapper/gradle-wrapper.properties',
  version: /\/gradle-(\d[\w.+-]*?)-(?:bin|all)\.zip$/,
};

/** Maven's wrapper: `…/apache-maven/3.9.6/apache-maven-3.9.6-bin.zip`. */
export const MAVEN_WRAPPER: WrapperKind = {
  properties: '.mvn/wrapper/maven-wrapper.properties',
  version: /\/apache-maven-(\d[\w.+-]*?)-bin\.(?:zip|tar\.gz)$/,
};

/**
 * The build tool version a wrapper downloads, from the first of the folders that has the wrapper's
 * properties file (its distributionUrl, in Java properties syntax where `\:` is a colon).
 */
export async function wrapperVersion(
  ctx: DetectContext,
  dirs: readonly string[],
  kind: WrapperKind,
): Promise<Found | undefined> {
  for (const dir of new Set(dirs)) {
    const file = await treeFile(ctx, joinRel(dir, kind.properties));
    if (!('text' in file)) continue;
    const url = /^[ \t]*distributionUrl[ \t]*[=:][ \t]*(.*?)[ \t]*$/m.exec(file.text)?.[1]?.replace(/\\(.)/g, '$1');
    const version = url ? kind.version.exec(url)?.[1] : undefined;
    return version ? { value: version, source: `${file.path}#distributionUrl` } : undefined;
  }
  return undefined;
}
