import { LockfileError, type LockedPackage, type LockfileParser } from '../types.js';
import { dedupe } from '../util.js';
import { expandReferences } from './expand.js';
import { child, childrenNamed, childText, parseXml, type XmlElement } from './xml.js';

/**
 * pom.xml: the `<dependencies>` of the project, their versions taken from `<dependencyManagement>`
 * when they give none, and the managed versions themselves (Maven applies them to any artifact of
 * that name the build pulls in). `${…}` is resolved from `<properties>` and the project's and
 * parent's coordinates; a version still holding a property (defined in a parent pom or on the
 * command line) or a range is not one version and is skipped, as are `import`ed BOMs and profiles.
 * `test` scope is dev.
 */
export const parsePomXml: LockfileParser = (text, file) => {
  const project = parseXml(text, file);
  if (project.name !== 'project')
    throw new LockfileError(
      `the root element is <${project.name}>, not the <project> of a pom.xml`,
      file,
      project.line,
    );
  const resolve = resolver(project);
  const managed = new Map<string, Declared>();
  for (const el of childrenNamed(child(child(project, 'dependencyManagement'), 'dependencies'), 'dependency')) {
    const d = declared(el, resolve);
    if (d && !managed.has(d.name)) managed.set(d.name, d);
  }
  const out: LockedPackage[] = [];
  const direct = new Set<string>();
  for (const el of childrenNamed(child(project, 'dependencies'), 'dependency')) {
    const d = declared(el, resolve);
    if (!d) continue;
    direct.add(d.name);
    const m = managed.get(d.name);
    const version = d.version ?? m?.version;
    const scope = d.scope ?? m?.scope;
    if (version) out.push(pkg(d.name, version, scope, file, el.line));
  }
  for (const m of managed.values())
    if (!direct.has(m.name) && m.version && m.scope !== 'import')
      out.push(pkg(m.name, m.version, m.scope, file, m.line));
  return dedupe(out);
};

interface Declared {
  name: string;
  /** An exact version, or undefined when the declaration has none that the file resolves. */
  version?: string;
  scope?: string;
  line: number;
}

function declared(el: XmlElement, resolve: (raw: string | undefined) => string | undefined): Declared | undefined {
  const group = resolve(childText(el, 'groupId'));
  const artifact = resolve(childText(el, 'artifactId'));
  if (!group || !artifact) return undefined;
  const version = exactVersion(resolve(childText(el, 'version')));
  const scope = resolve(childText(el, 'scope'));
  return { name: `${group}:${artifact}`, line: el.line, ...(version ? { version } : {}), ...(scope ? { scope } : {}) };
}

function pkg(name: string, version: string, scope: string | undefined, file: string, line: number): LockedPackage {
  return { ecosystem: 'Maven', name, version, dev: scope === 'test', hashes: [], file, line };
}

/** `1.2.3` and the hard requirement `[1.2.3]`; a range (`[1.0,2.0)`) is not one version. */
function exactVersion(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const hard = /^\[\s*([^,[\]()\s]+)\s*\]$/.exec(raw);
  if (hard) return hard[1];
  return /^[^,[\]()\s]+$/.test(raw) ? raw : undefined;
}

/** Resolves `${name}` from `<properties>` and the coordinates Maven exposes (`project.version` …). */
function resolver(project: XmlElement): (raw: string | undefined) => string | undefined {
  const parent = child(project, 'parent');
  // Coordinates last: Maven does not let a property named `project.version` override the project's.
  const props = new Map<string, string>();
  for (const p of child(project, 'properties')?.children ?? []) props.set(p.name, p.text.trim());
  for (const field of ['groupId', 'artifactId', 'version'] as const) {
    const own = childText(project, field) ?? (field === 'artifactId' ? undefined : childText(parent, field));
    const inherited = childText(parent, field);
    for (const prefix of ['project.', 'pom.']) {
      if (own !== undefined) props.set(`${prefix}${field}`, own);
      if (inherited !== undefined) props.set(`${prefix}parent.${field}`, inherited);
    }
  }
  return (raw) => expandReferences(raw, /\$\{([^}]*)\}/, props);
}
