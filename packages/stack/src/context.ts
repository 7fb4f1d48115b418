import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { describeJsonError, jsonErrorOffset, lineColumn, type Logger } from '@slipway/action-kit/lite';
import type { Inventory } from './walk.js';

/** Manifests larger than this are not read: no real one is, and a hostile tree must not cost memory. */
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

/** A value found in a file, with the file (and field) it came from. */
export interface Found<T = string> {
  value: T;
  source: string;
}

/**
 * What detectors see of the repository: which manifests each folder has, and cached, bounded,
 * forgiving readers for them. A file that does not parse becomes a warning with its line, and
 * the detector goes on without it.
 */
export class DetectContext {
  private readonly texts = new Map<string, Promise<string | undefined>>();
  readonly warnings: string[] = [];

  constructor(
    readonly root: string,
    readonly inventory: Inventory,
    private readonly logger: Logger,
    /** Prefix that makes a repository-relative path workspace-relative, for annotations. */
    private readonly annotationPrefix = '',
    /** Name of the root folder, used as the name of a root project without one of its own. */
    readonly rootName = 'root',
  ) {}

  /** True when the folder has a manifest of that name. */
  has(dir: string, name: string): boolean {
    return this.inventory.manifests.get(dir)?.includes(name) ?? false;
  }

  /** Manifest names in a folder. */
  names(dir: string): readonly string[] {
    return this.inventory.manifests.get(dir) ?? [];
  }

  /** The nearest folder at or above dir (up to the root) that has a file of that name. */
  findUp(dir: string, name: string): string | undefined {
    for (let d: string | undefined = dir; d !== undefined; d = parentOf(d)) {
      if (this.has(d, name)) return d;
    }
    return undefined;
  }

  /** A file's text, or undefined when it is missing, unreadable or too large (with a warning). */
  text(path: string): Promise<string | undefined> {
    let cached = this.texts.get(path);
    if (!cached) {
      cached = this.load(path);
      this.texts.set(path, cached);
    }
    return cached;
  }

  private async load(path: string): Promise<string | undefined> {
    // Manifests are small: one synchronous open/fstat/read beats four thread-pool hops each.
    // O_NONBLOCK keeps a FIFO planted under a manifest's name from hanging the open.
    let fd: number | undefined;
    try {
      fd = openSync(join(this.root, path), constants.O_RDONLY | constants.O_NONBLOCK);
      const st = fstatSync(fd);
      if (!st.isFile()) return undefined;
      if (st.size > MAX_MANIFEST_BYTES) {
        this.warn(`${path} is ${st.size} bytes, larger than any real manifest; not read`, path);
        return undefined;
      }
      return readFileSync(fd, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.warn(`could not read ${path}: ${code ?? String(err)}`, path);
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
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

  /** Parsed JSON (comments allowed when jsonc), or undefined with a warning at the failing line. */
  async json<T = Record<string, unknown>>(path: string, jsonc = false): Promise<T | undefined> {
    const raw = await this.text(path);
    if (raw === undefined) return undefined;
    const text = jsonc ? stripJsonComments(raw) : raw.replace(/^\uFEFF/, '');
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      const { line } = lineColumn(text, jsonErrorOffset(text));
      this.warn(
        `${path} is not valid JSON (${describeJsonError(text, err)}); detection goes on without it`,
        path,
        line,
      );
      return undefined;
    }
  }

  /** Parsed TOML, or undefined with a warning at the failing line. */
  async toml<T = Record<string, unknown>>(path: string): Promise<T | undefined> {
    const text = await this.text(path);
    if (text === undefined) return undefined;
    try {
      return parseToml(text) as T;
    } catch (err) {
      const line = (err as { line?: number }).line;
      const reason = String((err as Error).message ?? err).split('\n')[0];
      this.warn(`${path} is not valid TOML (${reason}); detection goes on without it`, path, line);
      return undefined;
    }
  }

  /** Parsed YAML, or undefined with a warning at the failing line. */
  async yaml<T = Record<string, unknown>>(path: string): Promise<T | undefined> {
    const text = await this.text(path);
    if (text === undefined) return undefined;
    try {
      // yaml is large and only pnpm-workspace.yaml needs it: load it on first use.
      const { parse } = await import('yaml');
      return parse(text, { maxAliasCount: 100 }) as T;
    } catch (err) {
      const line = (err as { linePos?: { line: number }[] }).linePos?.[0]?.line;
      const reason = String((err as Error).message ?? err).split('\n')[0];
      this.warn(`${path} is not valid YAML (${reason}); detection goes on without it`, path, line);
      return undefined;
    }
  }

  /** Records a repository-wide warning and annotates the file and line when given. */
  warn(message: string, file?: string, line?: number): void {
    if (this.warnings.includes(message)) return;
    this.warnings.push(message);
    this.logger.warning(
      message,
      file
        ? { file: this.annotationPrefix + file, ...(line ? { startLine: line } : {}), title: 'detect-stack' }
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
