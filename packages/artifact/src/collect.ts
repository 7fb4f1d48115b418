import { lstatSync, readdirSync, readlinkSync, type Stats } from 'node:fs';
import { isAbsolute, join, posix, sep } from 'node:path';
import picomatch from 'picomatch';
import type { ArchiveEntry } from './archive.js';

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
}

/** Compares POSIX paths by their UTF-8 bytes, as `tar --sort=name` orders them. */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * Walks only the folders the include globs can reach, never following symbolic links: a link is
 * archived as a link when its target stays inside the project, and reported otherwise. Files get
 * mode 0755 when any execute bit is set, else 0644; folders 0755.
 */
export function selectFiles(options: SelectOptions): Selection {
  const isIncluded = picomatch([...options.include], { dot: true });
  const isExcluded = options.exclude.length ? picomatch([...options.exclude], { dot: true }) : () => false;
  const never = new Set(options.never.map((n) => n.replace(/\/+$/, '')));
  const bases = walkBases(options.include);
  const files = new Map<string, ArchiveEntry>();
  const escapingLinks: string[] = [];
  const skippedSpecial: string[] = [];

  const visit = (rel: string): void => {
    const abs = rel === '' ? options.root : join(options.root, rel);
    let names: string[];
    try {
      names = readdirSync(abs);
    } catch {
      return;
    }
    for (const name of names) {
      const childRel = rel === '' ? name : `${rel}/${name}`;
      if (never.has(childRel) || isExcluded(childRel)) continue;
      const st = lstatSync(join(abs, name));
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
  return { entries, escapingLinks: escapingLinks.sort(byteOrder), skippedSpecial: skippedSpecial.sort(byteOrder) };
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
 * The link target to archive when the link stays inside the project (relative targets as
 * written; absolute ones cannot be checked here and are refused), else undefined.
 */
export function linkStaysInside(linkPath: string, target: string): string | undefined {
  if (isAbsolute(target)) return undefined;
  const resolved = posix.normalize(posix.join(posix.dirname(linkPath), target.split(sep).join('/')));
  if (resolved === '..' || resolved.startsWith('../') || resolved.startsWith('/')) return undefined;
  return target.split(sep).join('/');
}
