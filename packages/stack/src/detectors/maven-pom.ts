import { posix } from 'node:path';
import { joinRel, type DetectContext, type Found } from '../context.js';
import { treeFile } from '../version-files.js';
import { between, capture, stripBlocks } from './shared.js';

/** What detection reads of one pom.xml. */
export interface Pom {
  path: string;
  dir: string;
  /** The pom without comments and without its <parent> block. */
  body: string;
  /** The <parent> block alone ('' when there is none). */
  parent: string;
  /** The project's own top-level elements: no parent, properties, dependencies, build or profiles. */
  head: string;
  /** The top-level <properties>, in document order. */
  properties: Map<string, string>;
  /** The maven-compiler-plugin configuration in <build> (`release`, `source`). */
  compiler: Map<string, string>;
}

/** Blocks removed to leave a pom's own top-level elements, outermost first. */
const NESTED = [
  'profiles',
  'build',
  'reporting',
  'dependencyManagement',
  'dependencies',
  'properties',
  'modules',
  'repositories',
  'pluginRepositories',
  'distributionManagement',
  'developers',
  'contributors',
  'licenses',
  'scm',
  'organization',
  'issueManagement',
  'ciManagement',
  'mailingLists',
];

/** A parent chain longer than this is not followed; real ones have two or three poms. */
const MAX_LINEAGE = 20;

/** Reads and splits a pom; undefined when it cannot be read (the reader has warned, when it should). */
export async function readPom(ctx: DetectContext, path: string): Promise<Pom | undefined> {
  const file = await treeFile(ctx, path);
  if (!('text' in file)) return undefined;
  const clean = stripBlocks(file.text, '<!--', '-->');
  const parent = between(clean, '<parent>', '</parent>') ?? '';
  const body = parent === '' ? clean : clean.replace(`<parent>${parent}</parent>`, '');
  let head = body;
  for (const tag of NESTED) head = stripBlocks(head, `<${tag}>`, `</${tag}>`);
  const outside = ['profiles', 'build', 'reporting'].reduce((t, tag) => stripBlocks(t, `<${tag}>`, `</${tag}>`), body);
  const properties = new Map<string, string>();
  for (const m of (between(outside, '<properties>', '</properties>') ?? '').matchAll(
    /<([\w.-]+)>\s*([^<]*?)\s*<\/\1>/g,
  ))
    if (!properties.has(m[1]!)) properties.set(m[1]!, m[2]!);
  const compiler = new Map<string, string>();
  const build = between(stripBlocks(body, '<profiles>', '</profiles>'), '<build>', '</build>') ?? '';
  for (const plugin of blocks(build, '<plugin>', '</plugin>')) {
    if (!/<artifactId>\s*maven-compiler-plugin\s*<\/artifactId>/.test(plugin)) continue;
    const configuration = between(plugin, '<configuration>', '</configuration>') ?? '';
    for (const key of ['release', 'source']) {
      const value = capture(configuration, new RegExp(`<${key}>\\s*([^<]+?)\\s*</${key}>`));
      if (value !== undefined && !compiler.has(key)) compiler.set(key, value);
    }
  }
  const slash = path.lastIndexOf('/');
  return { path, dir: slash < 0 ? '.' : path.slice(0, slash), body, parent, head, properties, compiler };
}

/** The text of each `open … close` block in turn, in one pass (an unclosed one ends the list). */
function blocks(text: string, open: string, close: string): string[] {
  const found: string[] = [];
  for (let from = text.indexOf(open); from >= 0; from = text.indexOf(open, from)) {
    const end = text.indexOf(close, from + open.length);
    if (end < 0) break;
    found.push(text.slice(from + open.length, end));
    from = end + close.length;
  }
  return found;
}

/**
 * The pom and its parents found in the tree, nearest first: each <parent>'s relativePath
 * (`../pom.xml` unless given; empty means the repository only), taken when the pom there is the
 * artifact the block names. A parent only in a repository ends the chain.
 */
export async function pomLineage(ctx: DetectContext, dir: string): Promise<Pom[]> {
  const first = await readPom(ctx, joinRel(dir, 'pom.xml'));
  if (!first) return [];
  const lineage = [first];
  const seen = new Set([first.path]);
  for (let pom = first; lineage.length < MAX_LINEAGE;) {
    const artifact = capture(pom.parent, /<artifactId>\s*([^<]+?)\s*<\/artifactId>/);
    if (!artifact) break;
    const relative = /<relativePath\s*\/>/.test(pom.parent)
      ? ''
      : (capture(pom.parent, /<relativePath>\s*([^<]*?)\s*<\/relativePath>/) ?? '../pom.xml');
    if (relative === '') break;
    const target = posix.normalize(joinRel(pom.dir, relative));
    const path = /\.xml$/i.test(target) ? target : joinRel(target.replace(/\/+$/, ''), 'pom.xml');
    if (seen.has(path)) break;
    seen.add(path);
    const next = await readPom(ctx, path);
    if (!next || capture(next.head, /<artifactId>\s*([^<]+?)\s*<\/artifactId>/) !== artifact) break;
    lineage.push(next);
    pom = next;
  }
  return lineage;
}

/** The properties a pom sees, its own over its parents', each with the pom that sets it. */
function effectiveProperties(lineage: readonly Pom[]): Map<string, { value: string; pom: Pom }> {
  const props = new Map<string, { value: string; pom: Pom }>();
  for (const pom of lineage) for (const [k, value] of pom.properties) if (!props.has(k)) props.set(k, { value, pom });
  return props;
}

/** Property references are followed at most this deep: `${a}` → `${b}` → … */
const MAX_INTERPOLATION = 10;

/**
 * The Java version Maven compiles for: the compiler plugin's `release`, `maven.compiler.release`,
 * the plugin's `source`, `maven.compiler.source`, then Spring Boot's `java.version`, each with
 * `${…}` references resolved across the parent chain. The source names the pom and property
 * where the number is written.
 */
export function mavenJava(lineage: readonly Pom[]): Found | undefined {
  const props = effectiveProperties(lineage);
  const resolve = (value: string, origin: string, depth = 0): Found | undefined => {
    const ref = /^\$\{([\w.-]+)\}$/.exec(value.trim())?.[1];
    if (ref !== undefined) {
      const next = props.get(ref);
      return next && depth < MAX_INTERPOLATION ? resolve(next.value, `${next.pom.path}#${ref}`, depth + 1) : undefined;
    }
    const number = /^\d+(?:\.\d+)*$/.test(value.trim()) ? value.trim().replace(/^1\.(?=\d+$)/, '') : undefined;
    return number ? { value: number, source: origin } : undefined;
  };
  const plugin = (key: string): Found | undefined => {
    const pom = lineage.find((p) => p.compiler.has(key));
    return pom && resolve(pom.compiler.get(key)!, `${pom.path}#maven-compiler-plugin.${key}`);
  };
  const property = (name: string): Found | undefined => {
    const found = props.get(name);
    return found && resolve(found.value, `${found.pom.path}#${name}`);
  };
  return (
    plugin('release') ??
    property('maven.compiler.release') ??
    plugin('source') ??
    property('maven.compiler.source') ??
    property('java.version')
  );
}

/**
 * Spring Boot when the chain's parent is spring-boot-starter-parent or the pom uses Boot
 * artifacts; its version from that parent or from an imported spring-boot-dependencies.
 */
export function springBoot(lineage: readonly Pom[]): { version: string | null } | undefined {
  const props = effectiveProperties(lineage);
  const interpolate = (v: string | undefined): string | undefined => {
    const ref = v && /^\$\{([\w.-]+)\}$/.exec(v)?.[1];
    return ref ? props.get(ref)?.value : v;
  };
  const starter = lineage.map((p) => p.parent).find((p) => /spring-boot-starter-parent/.test(p));
  const bom = lineage
    .map((p) =>
      /<artifactId>\s*spring-boot-dependencies\s*<\/artifactId>\s*<version>\s*([^<]+?)\s*<\/version>/.exec(p.body),
    )
    .find((m) => m)?.[1];
  const uses = lineage[0] !== undefined && /<groupId>\s*org\.springframework\.boot\s*<\/groupId>/.test(lineage[0].body);
  if (!starter && !uses) return undefined;
  const version = interpolate(capture(starter, /<version>\s*([^<]+?)\s*<\/version>/)) ?? interpolate(bom);
  return { version: version ?? null };
}
