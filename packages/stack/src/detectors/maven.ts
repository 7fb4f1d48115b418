import { shellQuote } from '@slipway/action-kit/lite';
import { joinRel, parentOf, type DetectContext } from '../context.js';
import type { Framework } from '../types.js';
import { nearestVersion } from '../version-files.js';
import { JAVA_SOURCES, MAVEN_WRAPPER, wrapperVersion } from './java-version.js';
import { mavenJava, pomLineage, readPom, springBoot } from './maven-pom.js';
import { capture, relativeTo, wrapperOr } from './shared.js';
import { folderName, type Detector } from './types.js';

/**
 * Maven projects and multi-module builds, with the wrapper when there is one. Properties and the
 * compiler plugin are read through the chain of parent poms in the tree, as Maven inherits them.
 */
export const mavenDetector: Detector = {
  name: 'maven',
  priority: 50,
  applies: (ctx, dir) => ctx.has(dir, 'pom.xml'),

  async workspace(ctx, dir) {
    if (!ctx.has(dir, 'pom.xml')) return undefined;
    const pom = await readPom(ctx, joinRel(dir, 'pom.xml'));
    const modules = [...(pom?.body.matchAll(/<module>\s*([^<]+?)\s*<\/module>/g) ?? [])].map((m) =>
      m[1]!.replace(/\/pom\.xml$/, ''),
    );
    if (modules.length === 0) return undefined;
    return {
      tool: 'maven',
      members: modules,
      rootIsProject: capture(pom?.head, /<packaging>\s*(\w+)\s*<\/packaging>/) !== 'pom',
    };
  },

  async project(ctx, { dir, workspaceRoot }) {
    const manifest = joinRel(dir, 'pom.xml');
    const lineage = await pomLineage(ctx, dir);
    const pom = lineage[0];
    if (!pom) return undefined;
    if (capture(pom.head, /<packaging>\s*(\w+)\s*<\/packaging>/) === 'pom' && /<module>/.test(pom.body))
      return undefined;
    const version = (await nearestVersion(ctx, dir, JAVA_SOURCES)) ?? mavenJava(lineage);
    const frameworks: Framework[] = [];
    const boot = springBoot(lineage);
    if (boot) frameworks.push({ name: 'spring-boot', version: boot.version, source: manifest });
    const tool = await wrapperVersion(ctx, mavenRoots(ctx, dir), MAVEN_WRAPPER);
    const mvn = wrapperOr(ctx, dir, 'mvnw', 'mvn');
    const member =
      workspaceRoot && workspaceRoot !== dir
        ? ` -f ${shellQuote(`${relativeTo(dir, workspaceRoot)}/pom.xml`)} -pl ${shellQuote(relativeTo(workspaceRoot, dir))} -am`
        : '';
    return {
      name: capture(pom.head, /<artifactId>\s*([^<]+?)\s*<\/artifactId>/) ?? folderName(dir, ctx.rootName),
      manifest,
      runtime: { name: 'java', version: version?.value ?? null, source: version?.source ?? null },
      packageManager: { name: 'maven', version: tool?.value ?? null, lockfile: null, source: tool?.source ?? manifest },
      frameworks,
      commands: {
        install: `${mvn} -B${member} dependency:go-offline`,
        build: `${mvn} -B${member} package -DskipTests`,
        test: `${mvn} -B${member} test`,
        start: frameworks.length > 0 ? 'java -jar target/*.jar' : null,
      },
      warnings: [],
    };
  },
};

/** Folders at or above a project that may hold its build's .mvn (Maven looks upward for it), nearest first. */
function mavenRoots(ctx: DetectContext, dir: string): string[] {
  const dirs: string[] = [];
  for (let d: string | undefined = dir; d !== undefined; d = parentOf(d))
    if (ctx.has(d, 'pom.xml') || ctx.has(d, 'mvnw')) dirs.push(d);
  return dirs;
}
