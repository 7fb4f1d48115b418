import { stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import {
  describeJsonError,
  isUserError,
  jsonErrorOffset,
  lineColumn,
  readUserFile,
  type Logger,
} from '@slipway/action-kit/lite';
import { checkShape, type DocSchema, type ShapeProblem } from './manifests/shape.js';
import { oneLine } from './printable.js';
import type { Inventory } from './walk.js';

/** Manifests larger than this are not read: no real one is, and a hostile tree must not cost memory. */
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

/** At most this many wrong-typed fields are named per file; a hostile one could have thousands. */
const MAX_SHAPE_WARNINGS = 5;

type Parsed = { doc: unknown } | { error: string; line?: number };

/** A value found in a file, with the file (and field) it came from. */
export interface Found<T = string> {
  value: T;
  source: string;
}

/**
 * A folder above the analysed one, up to the repository root, where an enclosing workspace may be
 * declared: its path from the analysed folder (`..`, `../..`), the analysed folder's path from it
 * (`apps/web`), and the names of the manifests it holds.
 */
export interface OuterDir {
  rel: string;
  below: string;
  names: string[];
}

/**
 * What detectors see of the repository: which manifests each folder has, and cached, bounded,
 * forgiving readers for them. A file that does not parse becomes a warning with its line, and
 * the detector goes on without it.
 */
export class DetectContext {
  private readonly texts = new Map<string, Promise<string | undefined>>();
  private readonly docs = new Map<string, { schema: unknown; value: Promise<unknown> }>();
  private readonly seen = new Set<string>();
  readonly warnings: string[] = [];

  constructor(
    readonly root: string,
    readonly inventory: Inventory,
    private readonly logger: Logger,
    /** Prefix that makes a repository-relative path workspace-relative, for annotations. */
    private readonly annotationPrefix = '',
    /** Name of the root folder, used as the name of a root project without one of its own. */
    readonly rootName = 'root',
    /** The folders above the root up to the repository root, nearest first. */
    readonly outer: readonly OuterDir[] = [],
  ) {}

  /** True when the folder (in the tree or above it) has a manifest of that name. */
  has(dir: string, name: string): boolean {
    return this.names(dir).includes(name);
  }

  /** Manifest names in a folder (in the tree or above it). */
  names(dir: string): readonly string[] {
    return this.inventory.manifests.get(dir) ?? this.outer.find((o) => o.rel === dir)?.names ?? [];
  }

  /** The folder, its parents up to the root, then the folders above the root up to the repository root. */
  upward(dir: string): string[] {
    const chain: string[] = [];
    for (let d: string | undefined = dir; d !== undefined; d = parentOf(d)) chain.push(d);
    return dir.startsWith('..')
      ? this.outer.map((o) => o.rel).filter((r) => r.length >= dir.length)
      : [...chain, ...this.outer.map((o) => o.rel)];
  }

  /** The nearest folder at or above dir, up to the repository root (above the analysed folder too), with that file. */
  findAbove(dir: string, name: string): string | undefined {
    return this.upward(dir).find((d) => this.has(d, name));
  }

  /** dir's path from an ancestor in the tree or above it ('.' for the ancestor itself), or undefined when it is not below. */
  pathFrom(ancestor: string, dir: string): string | undefined {
    const outer = this.outer.find((o) => o.rel === ancestor);
    if (outer) return dir === '.' ? outer.below : dir.startsWith('..') ? undefined : `${outer.below}/${dir}`;
    if (ancestor === dir) return '.';
    if (ancestor === '.') return dir.startsWith('..') ? undefined : dir;
    return dir.startsWith(`${ancestor}/`) ? dir.slice(ancestor.length + 1) : undefined;
  }

  /** The nearest folder at or above dir (up to the root) that has a file of that name. */
  findUp(dir: string, name: string): string | undefined {
    for (let d: string | undefined = dir; d !== undefined; d = parentOf(d)) {
      if (this.has(d, name)) return d;
    }
    return undefined;
  }

  /** A file's text, or undefined when it is missing, not a regular file or too large (with a warning). */
  text(path: string): Promise<string | undefined> {
    let cached = this.texts.get(path);
    if (!cached) {
      cached = Promise.resolve(this.load(path));
      this.texts.set(path, cached);
    }
    return cached;
  }

  private load(path: string): string | undefined {
    // Manifests are small: one synchronous open/fstat/read beats four thread-pool hops each.
    // readUserFile opens without blocking and checks the open descriptor, so a FIFO, a device or
    // a link to /dev/zero planted under a manifest's name is refused, never read or waited on.
    const abs = join(this.root, path);
    try {
      return readUserFile(abs, { maxBytes: MAX_MANIFEST_BYTES, subject: { file: path }, what: 'manifest' }).toString(
        'utf8',
      );
    } catch (err) {
      const message = isUserError(err)
        ? err.message.replace(abs, () => path)
        : `could not read ${path}: ${String(err)}`;
      const size = /is (\d+) bytes, more than/.exec(message)?.[1];
      this.warn(
        size
          ? `${path} is ${size} bytes, larger than any real manifest; not read`
          : `${message.replace(/\.$/, '')}; detection goes on without it`,
        path,
      );
      return undefined;
    }
  }

  /** True when a file or folder exists (for the few paths the walk does not record). */
  async exists(path: string): Promise<boolean> {
    try {
      await stat(join(this.root, path));
      return true;
    } catch {
      return false;
    }
  }

  /** The modification time of a file in ms, or 0. */
  async mtime(path: string): Promise<number> {
    try {
      return (await stat(join(this.root, path))).mtimeMs;
    } catch {
      return 0;
    }
  }

  /**
   * A JSON document (comments allowed when jsonc) checked against its schema, or undefined with a
   * warning at the failing line. Wrong-typed fields are left out, each with a warning at its line.
   */
  json<T>(path: string, schema: DocSchema<T>, jsonc = false): Promise<T | undefined> {
    return this.document(path, schema, (raw) => {
      const text = jsonc ? stripJsonComments(raw) : raw.replace(/^\uFEFF/, '');
      try {
        return { doc: JSON.parse(text) as unknown };
      } catch (err) {
        const { line } = lineColumn(text, jsonErrorOffset(text));
        return { error: `not valid JSON (${describeJsonError(text, err)})`, line };
      }
    });
  }

  /** A TOML document checked against its schema, or undefined with a warning at the failing line. */
  toml<T>(path: string, schema: DocSchema<T>): Promise<T | undefined> {
    return this.document(path, schema, (text) => {
      try {
        return { doc: parseToml(text) as unknown };
      } catch (err) {
        const reason = String((err as Error).message ?? err).split('\n')[0];
        return { error: `not valid TOML (${reason})`, line: (err as { line?: number }).line };
      }
    });
  }

  /** A YAML document checked against its schema, or undefined with a warning at the failing line. */
  yaml<T>(path: string, schema: DocSchema<T>): Promise<T | undefined> {
    return this.document(path, schema, async (text) => {
      try {
        // yaml is large and only pnpm-workspace.yaml needs it: load it on first use.
        const { parse } = await import('yaml');
        return { doc: parse(text, { maxAliasCount: 100 }) as unknown };
      } catch (err) {
        const line = (err as { linePos?: { line: number }[] }).linePos?.[0]?.line;
        const reason = String((err as Error).message ?? err).split('\n')[0];
        return { error: `not valid YAML (${reason})`, line };
      }
    });
  }

  /** Reads, parses and checks a document once per path; every later call gets the same result. */
  private document<T>(
    path: string,
    schema: DocSchema<T>,
    parse: (text: string) => Parsed | Promise<Parsed>,
  ): Promise<T | undefined> {
    const cached = this.docs.get(path);
    if (cached && cached.schema === schema) return cached.value as Promise<T | undefined>;
    const value = (async () => {
      const text = await this.text(path);
      if (text === undefined) return undefined;
      const parsed = await parse(text);
      if ('error' in parsed) {
        this.warn(`${path} is ${parsed.error}; detection goes on without it`, path, parsed.line);
        return undefined;
      }
      const { value: checked, problems, count } = checkShape(schema, parsed.doc, text, MAX_SHAPE_WARNINGS);
      this.reportShape(path, problems, count);
      return checked;
    })();
    this.docs.set(path, { schema, value });
    return value;
  }

  private reportShape(path: string, problems: ShapeProblem[], count: number): void {
    for (const p of problems) {
      const what = p.field === '' ? `${path} holds ${p.received}` : `${path}: ${p.field} is ${p.received}`;
      const effect = p.field === '' ? 'detection goes on without it' : 'it is ignored';
      this.warn(`${what}, but slipway needs ${p.expected} there; ${effect}`, path, p.line);
    }
    if (count > problems.length)
      this.warn(`${path}: ${count - problems.length} more fields of the wrong type are ignored`, path);
  }

  /** Records a repository-wide warning and annotates the file and line when given. */
  warn(text: string, file?: string, line?: number): void {
    const message = oneLine(text);
    if (this.seen.has(message)) return;
    this.seen.add(message);
    this.warnings.push(message);
    this.logger.warning(
      message,
      file
        ? {
            file: posix.normalize(this.annotationPrefix + file),
            ...(line ? { startLine: line } : {}),
            title: 'detect-stack',
          }
        : undefined,
    );
  }
}

/** The parent of a repository-relative folder, or undefined for the root. */
export function parentOf(dir: string): string | undefined {
  if (dir === '.') return undefined;
  const parent = posix.dirname(dir);
  return parent === '' ? '.' : parent;
}

/** Joins a repository-relative folder and a name. */
export function joinRel(dir: string, name: string): string {
  return dir === '.' ? name : `${dir}/${name}`;
}

/** Removes // and /* *\/ comments and trailing commas outside strings, for deno.jsonc and tsconfig-style files. */
export function stripJsonComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const skipped = text.slice(i, end < 0 ? text.length : end + 2);
      out += skipped.replace(/[^\n]/g, ' ');
      i = end < 0 ? text.length : end + 1;
    } else {
      out += ch;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}
