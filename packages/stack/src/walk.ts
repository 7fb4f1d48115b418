import { existsSync, lstatSync, readdirSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isUserError, readUserFile, type Logger } from '@slipway/action-kit/lite';
import { GitAttributes, MAX_ATTRIBUTE_PATTERNS } from './gitattributes.js';
import { compileGlobs } from './globs.js';
import { isGeneratedName, languageOf } from './languages.js';
import type { OuterDir } from './context.js';
import { FRAMEWORK_CONFIG_FILES } from './detectors/frameworks.js';
import { NX_PLUGIN_CONFIG_FILES } from './detectors/nx.js';

/** Folders never entered: dependency trees, build output, caches and VCS data. */
export const PRUNED_DIRS = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  'bower_components',
  'jspm_packages',
  '.yarn',
  '.pnpm-store',
  '.venv',
  'venv',
  '.tox',
  '.nox',
  '__pycache__',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  'site-packages',
  'vendor',
  'third_party',
  'Godeps',
  'target',
  'dist',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.astro',
  '.turbo',
  '.angular',
  '.gradle',
  '.idea',
  '.vscode',
  '.cache',
  '.parcel-cache',
  'coverage',
  '_build',
  'deps',
  '.elixir_ls',
  'bin',
  'obj',
  '.bundle',
  '.terraform',
  '.serverless',
  '.vercel',
  '.netlify',
  '.slipway',
]);

/**
 * Folders whose manifests are test data or benchmarks, not projects, unless a workspace declares
 * them as members (their code still counts toward languages).
 */
const NOT_PROJECT_DIRS = new Set([
  '__fixtures__',
  'testdata',
  'test-fixtures',
  '__mocks__',
  'test',
  'tests',
  '__tests__',
  'e2e',
  'benchmarks',
]);

/** True for a folder name that holds test data, tests or benchmarks (`fixtures`, `fixtures-v2`, `e2e` …). */
function isNotProjectDir(name: string): boolean {
  return NOT_PROJECT_DIRS.has(name) || name.startsWith('fixtures');
}

const MANIFEST_NAMES = new Set([
  'package.json',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'yarn.lock',
  '.yarnrc.yml',
  'bun.lockb',
  'bun.lock',
  'deno.json',
  'deno.jsonc',
  'deno.lock',
  'turbo.json',
  'nx.json',
  'lerna.json',
  'rush.json',
  '.nvmrc',
  '.node-version',
  '.tool-versions',
  'mise.toml',
  '.mise.toml',
  '.dvmrc',
  '.bun-version',
  'pyproject.toml',
  'Pipfile',
  'Pipfile.lock',
  'poetry.lock',
  'uv.lock',
  'pdm.lock',
  'setup.py',
  'setup.cfg',
  '.python-version',
  'runtime.txt',
  'manage.py',
  'go.mod',
  'go.work',
  'Cargo.toml',
  'Cargo.lock',
  'rust-toolchain',
  'rust-toolchain.toml',
  'pom.xml',
  'mvnw',
  'build.gradle',
  'build.gradle.kts',
  'settings.gradle',
  'settings.gradle.kts',
  'gradlew',
  '.java-version',
  '.sdkmanrc',
  'global.json',
  'Gemfile',
  'Gemfile.lock',
  '.ruby-version',
  'composer.json',
  'composer.lock',
  '.php-version',
  'mix.exs',
  'mix.lock',
  'index.html',
  'Procfile',
  '.gitattributes',
  'main.py',
  'app.py',
  'pytest.ini',
  'conftest.py',
  'tox.ini',
  'main.go',
  'go.sum',
  'gradle.lockfile',
  'packages.lock.json',
  'config.ru',
  'Rakefile',
  'artisan',
  // Hugo's and Zola's pinned version.
  'netlify.toml',
  // Nx projects.
  'project.json',
  'workspace.json',
]);

/** Config files named by the framework table and by the Nx plugins that infer targets. */
const CONFIG_NAMES = new Set([...FRAMEWORK_CONFIG_FILES, ...NX_PLUGIN_CONFIG_FILES]);

/** True for files detect-stack reads or looks for by name. */
export function isManifestName(name: string): boolean {
  if (MANIFEST_NAMES.has(name) || CONFIG_NAMES.has(name)) return true;
  // The walk asks this of every file: test the cheap first character before any regex.
  const first = name.charCodeAt(0);
  if (first === 114 /* r */) return /^requirements[\w.-]*\.txt$/.test(name);
  if (first === 68 /* D */ || first === 67 /* C */) return /^(Dockerfile|Containerfile)(\..+)?$/.test(name);
  return /\.(csproj|fsproj|vbproj|sln|dockerfile)$/.test(name);
}

/** Options for walking a tree. */
export interface WalkOptions {
  root: string;
  exclude?: readonly string[];
  maxFiles?: number;
  logger: Logger;
  /** Log a progress line every this many files. */
  progressEvery?: number;
}

/** What one walk found: manifests by folder, code bytes by language and by folder, counts. */
export interface Inventory {
  /** Manifest names per folder (POSIX, relative; the root is '.'). */
  manifests: Map<string, string[]>;
  /** Folders with manifests that sit in test, fixture or benchmark folders: projects only as declared workspace members. */
  notProject: Set<string>;
  languageBytes: Map<string, number>;
  dirBytes: Map<string, number>;
  files: number;
  directories: number;
  truncated: boolean;
  warnings: string[];
}

/**
 * Walks the tree depth-first without following symbolic links, never entering dependency trees
 * or build output, and never reading a file: sizes come from lstat. Stops at maxFiles.
 */
export function walk(options: WalkOptions): Inventory {
  const { root, logger } = options;
  const maxFiles = options.maxFiles ?? 200_000;
  const progressEvery = options.progressEvery ?? 50_000;
  const inv: Inventory = {
    manifests: new Map(),
    notProject: new Set(),
    languageBytes: new Map(),
    dirBytes: new Map(),
    files: 0,
    directories: 0,
    truncated: false,
    warnings: [],
  };
  const excluded = compileGlobs(options.exclude ?? [], (message) => inv.warnings.push(`exclude: ${message}`), {
    dot: true,
  });
  let attributes: GitAttributes | undefined;
  const stack: { rel: string; notProject: boolean }[] = [{ rel: '.', notProject: false }];

  while (stack.length > 0 && !inv.truncated) {
    const { rel, notProject } = stack.pop()!;
    const abs = rel === '.' ? root : join(root, rel);
    let entries: Dirent[];
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (err) {
      inv.warnings.push(`could not read folder ${rel}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      continue;
    }
    inv.directories++;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (rel === '.' && entries.some((e) => e.name === '.gitattributes' && e.isFile())) {
      attributes = readAttributes(join(root, '.gitattributes'), inv);
    }
    let bytesHere = 0;
    const childDirs: string[] = [];
    for (const entry of entries) {
      const name = entry.name;
      const childRel = rel === '.' ? name : `${rel}/${name}`;
      if (entry.isDirectory()) {
        if (!PRUNED_DIRS.has(name) && !excluded(childRel) && !excluded(`${childRel}/`)) childDirs.push(childRel);
        continue;
      }
      if (!entry.isFile()) continue; // symbolic links, sockets, devices: never followed or read
      if (excluded(childRel)) continue;
      if (inv.files >= maxFiles) {
        inv.truncated = true;
        break;
      }
      inv.files++;
      if (inv.files % progressEvery === 0)
        logger.info(`detect-stack: walked ${inv.files} files in ${inv.directories} folders…`);
      if (isManifestName(name)) {
        const list = inv.manifests.get(rel);
        if (list) list.push(name);
        else inv.manifests.set(rel, [name]);
        if (notProject) inv.notProject.add(rel);
      }
      bytesHere += countLanguage(abs, name, childRel, attributes, inv);
    }
    if (bytesHere > 0) inv.dirBytes.set(rel, bytesHere);
    for (let i = childDirs.length - 1; i >= 0; i--)
      stack.push({ rel: childDirs[i]!, notProject: notProject || isNotProjectDir(basename(childDirs[i]!)) });
  }
  if (inv.truncated)
    inv.warnings.push(`stopped after ${maxFiles} files (max-files); results cover only the part walked`);
  return inv;
}

function basename(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1);
}

function countLanguage(
  dirAbs: string,
  name: string,
  rel: string,
  attributes: GitAttributes | undefined,
  inv: Inventory,
): number {
  let language = languageOf(name);
  if (attributes && !attributes.isEmpty) {
    const o = attributes.lookup(rel);
    if (o.vendored || o.generated || o.documentation) return 0;
    if (o.language) language = o.language;
  }
  if (!language || isGeneratedName(name)) return 0;
  // undefined when the file vanished, or its name does not round-trip through UTF-8
  let size: number | undefined;
  try {
    size = lstatSync(`${dirAbs}/${name}`, { throwIfNoEntry: false })?.size;
  } catch {
    size = undefined; // unreadable
  }
  if (size === undefined) return 0;
  inv.languageBytes.set(language, (inv.languageBytes.get(language) ?? 0) + size);
  return size;
}

/** .gitattributes larger than this is not read: a real one is a few kilobytes. */
const MAX_ATTRIBUTES_BYTES = 1024 * 1024;

function readAttributes(path: string, inv: Inventory): GitAttributes {
  let text: string;
  try {
    // Small, read once, synchronously: the walk that follows depends on it. Opened without
    // blocking and checked on the descriptor, so a FIFO put there in between cannot hang us.
    text = readUserFile(path, { maxBytes: MAX_ATTRIBUTES_BYTES, subject: {}, what: '.gitattributes' }).toString('utf8');
  } catch (err) {
    // readUserFile names the file by the path it was given; the warning names it as the user knows it.
    const why = isUserError(err)
      ? err.message.replace(`${path} `, '')
      : `.gitattributes could not be read: ${String(err)}`;
    inv.warnings.push(`${why.replace(/\.$/, '')}; it is not used`);
    return GitAttributes.empty();
  }
  const attributes = GitAttributes.parse(text);
  if (attributes.skipped > 0)
    inv.warnings.push(
      `.gitattributes has ${attributes.skipped + MAX_ATTRIBUTE_PATTERNS} linguist patterns; only the first ${MAX_ATTRIBUTE_PATTERNS} are used`,
    );
  return attributes;
}

/** A repository is never deeper than this below the filesystem root; a climb past it gives up. */
const MAX_CLIMB = 64;

/**
 * The folders above `root` that belong to its repository, nearest first, with their manifest
 * names: an enclosing workspace (a pnpm, Yarn or Nx root above `path`) is declared there. The
 * climb ends at the repository root, the nearest folder with `.git`, and never passes `ceiling`
 * (the workspace); without a `.git` above it, it goes up to `ceiling`, or nowhere when there is none.
 */
export function foldersAbove(root: string, ceiling?: string): OuterDir[] {
  let dir = resolve(root);
  const top = ceiling !== undefined && isInside(dir, resolve(ceiling)) ? resolve(ceiling) : undefined;
  const chain: string[] = [];
  for (let i = 0; !existsSync(join(dir, '.git')) && dir !== top; i++) {
    const parent = dirname(dir);
    if (parent === dir || i === MAX_CLIMB) return top === undefined ? [] : outerDirs(root, chain);
    chain.push(parent);
    dir = parent;
  }
  return outerDirs(root, chain);
}

function isInside(dir: string, ancestor: string): boolean {
  return dir === ancestor || dir.startsWith(ancestor.endsWith(sep) ? ancestor : ancestor + sep);
}

function outerDirs(root: string, chain: string[]): OuterDir[] {
  return chain.map((abs, i) => {
    let names: string[] = [];
    try {
      names = readdirSync(abs, { withFileTypes: true })
        .filter((e) => e.isFile() && isManifestName(e.name))
        .map((e) => e.name)
        .sort();
    } catch {
      // An unreadable folder above the root declares nothing detection can use.
    }
    return {
      rel: Array.from({ length: i + 1 }, () => '..').join('/'),
      below: relative(abs, resolve(root)).split(sep).join('/'),
      names,
    };
  });
}
