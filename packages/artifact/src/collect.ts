import { lstatSync, readdirSync, readlinkSync, realpathSync, type Stats } from 'node:fs';
import { isAbsolute, join, sep } from 'node:path';
import picomatch from 'picomatch';
import type { ArchiveEntry } from './archive.js';
import { linkTargetInside } from './link-rule.js';

/** Folders never packaged when a glob spans the whole tree (they are caches or dependency installs). */
const WHOLE_TREE_PRUNE = new Set([
  '.git',
  'node_modules',
  '.venv',
  'venv',
  '__pycache__',
  '.pytest_cache',
  '.mypy_cache',
  '.ruff_cache',
  '.tox',
  '.slipway',
  'coverage',
  '.idea',
  '.vscode',
  '.gradle',
  '.turbo',
]);

/** What to select under a project folder. */
export interface SelectOptions {
  root: string;
  include: readonly string[];
  exclude: readonly string[];
  /** Folders (relative, POSIX) never walked or packaged: .git, the output folder. */
  never: readonly string[];
}

/** The selection: entries sorted by path bytes, plus what was refused or skipped. */
export interface Selection {
  entries: ArchiveEntry[];
  /** Symbolic links whose target lies outside the project. */
  escapingLinks: string[];
  /** Sockets, FIFOs and devices, which are never packaged. */
  skippedSpecial: string[];
  /** Folders (and files) that could not be read: packaging without them would ship a partial artifact. */
  unreadable: { path: string; code: string }[];
  /** Include bases that reach outside the project through a symbolic link in their path. */
  outside: string[];
}

/** Compares POSIX paths by their UTF-8 bytes, as `tar --sort=name` orders them. */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * Walks only the folders the include globs can reach, never following symbolic links: a link is
 * archived as a link when its target stays inside the project, and reported otherwise. Files get
 * mode 0755 when any execute bit is set, else 0644; folders 0755. What cannot be read, and
 * include bases that lead outside the root, are reported rather than silently left out.
 */
export function selectFiles(options: SelectOptions): Selection {
  const included = picomatch([...options.include], { dot: true });
  const excluded = options.exclude.length ? picomatch([...options.exclude], { dot: true }) : () => false;
  // picomatch never matches across a line break, so a file named `a\nb` would be dropped without a
  // word: globs see line breaks as an ordinary character instead (no glob can name one anyway).
  const isIncluded = (rel: string): boolean => included(globbable(rel));
  const isExcluded = (rel: string): boolean => excluded(globbable(rel));
  const realRoot = realpathSync(options.root);
  const never = new Set(options.never.map((n) => n.replace(/\/+$/, '')));
  const bases = walkBases(options.include);
  const files = new Map<string, ArchiveEntry>();
  const escapingLinks: string[] = [];
  const skippedSpecial: string[] = [];
  const unreadable: { path: string; code: string }[] = [];
  const outside: string[] = [];

  const visit = (rel: string): void => {
    const abs = rel === '' ? options.root : join(options.root, rel);
    let names: string[];
    try {
      names = readdirSync(abs);
    } catch (err) {
      unreadable.push({ path: rel || '.', code: (err as NodeJS.ErrnoException).code ?? 'unknown' });
      return;
    }
    for (const name of names) {
      const childRel = rel === '' ? name : `${rel}/${name}`;
      if (never.has(childRel) || isExcluded(childRel)) continue;
      let st: Stats;
      try {
        st = lstatSync(join(abs, name));
      } catch (err) {
        unreadable.push({ path: childRel, code: (err as NodeJS.ErrnoException).code ?? 'unknown' });
        continue;
      }
      if (st.isDirectory()) {
        if (!WHOLE_TREE_PRUNE.has(name) || mentions(options.include, name)) visit(childRel);
        continue;
      }
      if (isIncluded(childRel)) add(childRel, join(abs, name), st);
    }
  };
  const add = (rel: string, abs: string, st: Stats): void => {
    if (st.isSymbolicLink()) {
      const inside = linkStaysInside(rel, readlinkSync(abs));
      if (inside === undefined) escapingLinks.push(rel);
      else files.set(rel, { path: rel, type: 'symlink', mode: 0o777, size: 0, linkTarget: inside });
    } else if (st.isFile()) {
      files.set(rel, { path: rel, type: 'file', mode: st.mode & 0o111 ? 0o755 : 0o644, size: st.size, abs });
    } else {
      skippedSpecial.push(rel);
    }
  };
  for (const base of bases) {
    if (base === '') visit('');
    else if (leavesRoot(options.root, realRoot, base)) outside.push(base);
    else {
      const st = lstatOrUndefined(join(options.root, base));
      if (st?.isDirectory() && !never.has(base)) visit(base);
      // A literal include (package.json, a binary's path): stat it directly instead of walking.
      else if (st && isIncluded(base) && !isExcluded(base)) add(base, join(options.root, base), st);
    }
  }

  const dirs = new Set<string>();
  for (const path of files.keys())
    for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) dirs.add(path.slice(0, i));
  const entries: ArchiveEntry[] = [
    ...[...dirs].map((d) => ({ path: d, type: 'dir' as const, mode: 0o755, size: 0 })),
    ...files.values(),
  ];
  entries.sort((a, b) => byteOrder(a.path, b.path));
  return {
    entries,
    escapingLinks: escapingLinks.sort(byteOrder),
    skippedSpecial: skippedSpecial.sort(byteOrder),
    unreadable: unreadable.sort((a, b) => byteOrder(a.path, b.path)),
    outside: outside.sort(byteOrder),
  };
}

/** The path as globs see it: line breaks become a character a glob's `*` matches. */
function globbable(rel: string): string {
  return rel.replace(/[\n\r]/g, '\uFFFD');
}

/**
 * True when an include base leaves the project: `..`, an absolute path, or a folder on the way
 * that is a symbolic link resolving outside (lstat follows every component but the last).
 */
function leavesRoot(root: string, realRoot: string, base: string): boolean {
  const segments = base.split('/');
  if (isAbsolute(base) || segments.includes('..')) return true;
  for (let i = 1; i < segments.length; i++) {
    const abs = join(root, ...segments.slice(0, i));
    if (!lstatOrUndefined(abs)?.isSymbolicLink()) continue;
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      return false; // a dangling link leads nowhere: the base simply matches nothing
    }
    if (real !== realRoot && !real.startsWith(`${realRoot}${sep}`)) return true;
  }
  return false;
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** True when a glob names a pruned folder explicitly (`node_modules/**` means the user wants it). */
function mentions(globs: readonly string[], name: string): boolean {
  return globs.some((g) => g.split('/').includes(name));
}

/** The folders to start walking from: each glob's static base, nested bases folded into their parent. */
export function walkBases(globs: readonly string[]): string[] {
  const bases = globs.map((g) => {
    const scan = picomatch.scan(g);
    return scan.isGlob ? scan.base.replace(/\/+$/, '') : g.replace(/\/+$/, '');
  });
  const unique = [...new Set(bases)].sort((a, b) => a.length - b.length);
  return unique.filter((b, i) => !unique.slice(0, i).some((p) => p === '' || b.startsWith(`${p}/`)));
}

/**
 * The link target to archive when the link stays inside the project, by the rule verification
 * applies (relative, its `..` segments first and no higher than the link's folder), else undefined.
 */
export function linkStaysInside(linkPath: string, target: string): string | undefined {
  const posixTarget = target.split(sep).join('/');
  return linkTargetInside(linkPath, posixTarget) ? posixTarget : undefined;
}
