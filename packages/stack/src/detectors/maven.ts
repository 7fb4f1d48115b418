import { shellQuote } from '@slipway/action-kit/lite';
import { joinRel, type DetectContext } from '../context.js';
import type { Framework } from '../types.js';
import { nearestVersion } from '../version-files.js';
import { JAVA_SOURCES } from './java-version.js';
import { between, capture, relativeTo, stripBlocks, wrapperOr } from './shared.js';
import { folderName, type Detector } from './types.js';

/** The pom without comments and without its <parent> block, plus the parent block alone. */
async function readPom(ctx: DetectContext, dir: string): Promise<{ body: string; parent: string } | undefined> {
  const text = await ctx.text(joinRel(dir, 'pom.xml'));
  if (text === undefined) return undefined;
  const clean = stripBlocks(text, '<!--', '-->');
  const parent = between(clean, '<parent>', '</parent>');
  return { body: parent === undefined ? clean : clean.replace(`<parent>${parent}</parent>`, ''), parent: parent ?? '' };
}

/** Maven projects and multi-module builds, with the wrapper when there is one. */
export const mavenDetector: Detector = {
  name: 'maven',
  priority: 50,
  applies: (ctx, dir) => ctx.has(dir, 'pom.xml'),

  async workspace(ctx, dir) {
    if (!ctx.has(dir, 'pom.xml')) return undefined;
    const pom = await readPom(ctx, dir);
    const modules = [...(pom?.body.matchAll(/<module>\s*([^<]+?)\s*<\/module>/g) ?? [])].map((m) =>
      m[1]!.replace(/\/pom\.xml$/, ''),
    );
    if (modules.length === 0) return undefined;
    return {
      tool: 'maven',
      members: modules,
      rootIsProject: capture(pom?.body, /<packaging>\s*(\w+)\s*<\/packaging>/) !== 'pom',
    };
  },

  async project(ctx, { dir, workspaceRoot }) {
    const manifest = joinRel(dir, 'pom.xml');
    const pom = await readPom(ctx, dir);
    if (!pom) return undefined;
    if (capture(pom.body, /<packaging>\s*(\w+)\s*<\/packaging>/) === 'pom' && /<module>/.test(pom.body))
      return undefined;
    const rootPom = workspaceRoot && workspaceRoot !== dir ? await readPom(ctx, workspaceRoot) : undefined;
    const prop = (name: string): string | undefined =>
      capture(pom.body, new RegExp(`<${name.replace(/\./g, '\\.')}>\\s*([^<]+?)\\s*</`)) ??
      capture(rootPom?.body, new RegExp(`<${name.replace(/\./g, '\\.')}>\\s*([^<]+?)\\s*</`));
    const pinned = await nearestVersion(ctx, dir, JAVA_SOURCES);
    const propName = ['maven.compiler.release', 'maven.compiler.source', 'java.version'].find(
      (p) => prop(p) !== undefined,
    );
    const version = pinned ?? (propName ? { value: prop(propName)!, source: `${manifest}#${propName}` } : undefined);
    const frameworks: Framework[] = [];
    const bootParent = [pom.parent, rootPom?.parent ?? ''].find((p) => /spring-boot-starter-parent/.test(p));
    if (bootParent || /<groupId>\s*org\.springframework\.boot\s*<\/groupId>/.test(pom.body)) {
      frameworks.push({
        name: 'spring-boot',
        version: capture(bootParent, /<version>\s*([^<]+?)\s*<\/version>/) ?? null,
        source: manifest,
      });
    }
    const mvn = wrapperOr(ctx, dir, 'mvnw', 'mvn');
    const member =
      workspaceRoot && workspaceRoot !== dir
        ? ` -f ${shellQuote(`${relativeTo(dir, workspaceRoot)}/pom.xml`)} -pl ${shellQuote(relativeTo(workspaceRoot, dir))} -am`
        : '';
    return {
      name: capture(pom.body, /<artifactId>\s*([^<]+?)\s*<\/artifactId>/) ?? folderName(dir, ctx.rootName),
      manifest,
      runtime: { name: 'java', version: version?.value ?? null, source: version?.source ?? null },
      packageManager: { name: 'maven', version: null, lockfile: null, source: manifest },
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
