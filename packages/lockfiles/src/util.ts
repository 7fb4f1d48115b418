import { parse as parseToml } from 'smol-toml';
import type * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import { checkLockfile } from './shape.js';
import { LockfileError, type Hash, type LockedPackage, type LockfileWarning } from './types.js';

/**
 * True when a lockfile's version field holds a version, false when it holds where the code came
 * from instead (`git+https://…`, `github:user/repo#sha`, `file:../x`, `link:`, `workspace:*`, a
 * path or a URL): a source is never reported as a version, or it would match no advisory.
 */
export function isVersion(version: string | undefined): version is string {
  return version !== undefined && /^[0-9A-Za-z][^\s/:@#]*$/.test(version);
}

/**
 * The packages, after a warning when there are none: a lockfile that is not in a form the parser
 * reads must not pass unnoticed as a project without dependencies.
 */
export function warnIfEmpty(out: LockedPackage[], file: string, warnings?: LockfileWarning[]): LockedPackage[] {
  if (out.length === 0)
    warnings?.push({
      file,
      message: `no package with a version was found in ${file}, so none of its dependencies is checked; if the project has dependencies, the file is not in a form slipway reads`,
    });
  return out;
}

/** Converts an SRI integrity string (`sha512-<base64>`) into hashes. */
export function sriHashes(integrity: unknown): Hash[] {
  if (typeof integrity !== 'string') return [];
  const out: Hash[] = [];
  for (const part of integrity.trim().split(/\s+/)) {
    const m = /^(sha1|sha256|sha384|sha512)-([A-Za-z0-9+/=]+)$/.exec(part);
    if (!m) continue;
    out.push({ alg: algName(m[1]!), hex: Buffer.from(m[2]!, 'base64').toString('hex') });
  }
  return out;
}

/** A hash written as `sha256:<hex>` or a bare hex string of a known length. */
export function hexHash(text: unknown, defaultAlg?: Hash['alg']): Hash[] {
  if (typeof text !== 'string') return [];
  const m = /^(?:(sha1|sha256|sha384|sha512)[:=])?([0-9a-fA-F]{40,128})$/.exec(text.trim());
  if (!m) return [];
  const alg = m[1] ? algName(m[1]) : (defaultAlg ?? byLength(m[2]!.length));
  return alg ? [{ alg, hex: m[2]!.toLowerCase() }] : [];
}

function algName(short: string): Hash['alg'] {
  return ({ sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' } as const)[short as 'sha1'];
}

function byLength(n: number): Hash['alg'] | undefined {
  return n === 40 ? 'SHA-1' : n === 64 ? 'SHA-256' : n === 96 ? 'SHA-384' : n === 128 ? 'SHA-512' : undefined;
}

/** Finds the 1-based line of the first occurrence of a needle, for annotations. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  /** The line holding an offset. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  /** The line of the first occurrence of a needle at or after `from`, or undefined. */
  find(needle: string, from = 0): number | undefined {
    const i = this.text.indexOf(needle, from);
    return i < 0 ? undefined : this.lineAt(i);
  }

  private cursor = 0;
  private misses = 0;

  /**
   * The line of the next occurrence of a needle after the last one found, else of the first in the
   * text. Parsers ask for entries in the order the file holds them, so each search starts where
   * the last one ended and the whole lockfile is scanned about once, not once per package. After
   * MAX_MISSES needles that are nowhere in the text (each of which costs a full scan), no more
   * lines are looked for: a lockfile of a million unfindable keys must not cost a million scans.
   */
  next(needle: string): number | undefined {
    if (this.misses >= MAX_MISSES) return undefined;
    let i = this.text.indexOf(needle, this.cursor);
    if (i < 0 && this.cursor > 0) i = this.text.indexOf(needle);
    if (i < 0) {
      this.misses++;
      return undefined;
    }
    this.cursor = i + needle.length;
    return this.lineAt(i);
  }
}

const MAX_MISSES = 100;

/** PEP 503 normalised Python project name. */
export function pypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * Unique by ecosystem, name and version, whatever the input order: an entry is runtime when any
 * copy is, and carries every hash any copy has (sorted), so the result does not depend on order.
 */
export function dedupe<T extends { ecosystem: string; name: string; version: string; dev: boolean; hashes: Hash[] }>(
  items: T[],
): T[] {
  const seen = new Map<string, T>();
  for (const item of items) {
    const key = `${item.ecosystem}\0${item.name}\0${item.version}`;
    const prev = seen.get(key);
    if (!prev) {
      seen.set(key, item);
      continue;
    }
    const hashes = [...prev.hashes, ...item.hashes].filter(
      (h, i, all) => all.findIndex((x) => x.alg === h.alg && x.hex === h.hex) === i,
    );
    hashes.sort((a, b) => (a.alg + a.hex < b.alg + b.hex ? -1 : 1));
    seen.set(key, { ...prev, dev: prev.dev && item.dev, hashes });
  }
  return [...seen.values()];
}

/** Parses a JSON lockfile and checks its shape, or throws a LockfileError naming the file and line. */
export function parseJsonLockfile<T>(text: string, file: string, schema: v.GenericSchema<unknown, T>): T {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new LockfileError(`not valid JSON: ${(err as Error).message}`, file);
  }
  return checkLockfile(schema, doc, text, file);
}

/** Parses a TOML lockfile and checks its shape, or throws a LockfileError with the line where it fails. */
export function parseTomlLockfile<T>(text: string, file: string, schema: v.GenericSchema<unknown, T>): T {
  let doc: unknown;
  try {
    doc = parseToml(text);
  } catch (err) {
    throw new LockfileError(
      `not valid TOML: ${(err as Error).message.split('\n')[0]}`,
      file,
      (err as { line?: number }).line,
    );
  }
  return checkLockfile(schema, doc, text, file);
}

/**
 * Parses a YAML lockfile and checks its shape, or throws a LockfileError. A file of only blanks and
 * comments is `{}`; one that says `null` or `~` is a document of the wrong type like any other.
 */
export function parseYamlLockfile<T>(text: string, file: string, schema: v.GenericSchema<unknown, T>): T {
  let doc: unknown;
  try {
    doc = parseYaml(text, { maxAliasCount: 100 }) ?? (text.split('\n').every((l) => /^\s*(#.*)?$/.test(l)) ? {} : null);
  } catch (err) {
    throw new LockfileError(
      `not valid YAML: ${(err as Error).message.split('\n')[0]}`,
      file,
      (err as { linePos?: { line: number }[] }).linePos?.[0]?.line,
    );
  }
  return checkLockfile(schema, doc, text, file);
}
