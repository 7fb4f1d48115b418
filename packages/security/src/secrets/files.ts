import { createReadStream, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Finding } from '../types.js';
import type { SecretEngine } from './engine.js';

/** Folders never scanned: dependencies and VCS data (their secrets are not this repository's). */
const SKIP_DIRS = new Set([
  '.git',
  'node_modules',
  'vendor',
  'third_party',
  'bower_components',
  '.venv',
  'venv',
  '__pycache__',
  '.tox',
  '.slipway',
  '.yarn',
  '.pnpm-store',
]);
/** Files never scanned: lockfiles (hashes everywhere), minified code, and binary formats. */
const SKIP_FILE =
  /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|poetry\.lock|uv\.lock|Pipfile\.lock|Cargo\.lock|Gemfile\.lock|gems\.locked|composer\.lock|go\.sum|mix\.lock|gradle\.lockfile|verification-metadata\.xml|packages\.lock\.json|pdm\.lock|pylock(\.[\w-]+)?\.toml|deno\.lock|pubspec\.lock|Package\.resolved|Podfile\.lock)$|\.min\.(js|css)$|\.(png|jpe?g|gif|webp|ico|bmp|tiff?|pdf|zip|gz|tgz|bz2|xz|7z|rar|jar|war|class|so|dylib|dll|exe|o|a|woff2?|ttf|otf|eot|mp[34]|mov|avi|wasm|pyc|sqlite|db)$/i;

/** The window a scan works in; a longer line is scanned in overlapping windows. */
const WINDOW = 1024 * 1024;
const OVERLAP = 4096;

/** True for paths the secret scanner reads. */
export function scannable(path: string): boolean {
  return !SKIP_FILE.test(path);
}

/** Every file under a root (POSIX relative paths), skipping dependency trees; links are not followed. */
export function* listFiles(root: string, rel = ''): Generator<string> {
  let entries;
  try {
    entries = readdirSync(rel ? join(root, rel) : root, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) yield* listFiles(root, path);
    } else if (e.isFile()) yield path;
  }
}

/**
 * Scans a stream of bytes line by line in bounded memory: whole lines go to the engine in
 * windows of about a megabyte; a single line longer than that (a 1 GB minified blob) is scanned in
 * overlapping windows, with duplicate hits dropped. A NUL byte in the first window means binary:
 * the file is skipped.
 */
export async function scanStream(
  engine: SecretEngine,
  chunks: AsyncIterable<Buffer>,
  file: string,
  scanner: Finding['scanner'] = 'secrets',
): Promise<Finding[]> {
  const decoder = new StringDecoder('utf8');
  const findings: Finding[] = [];
  const seen = new Set<string>();
  let carry = '';
  let line = 1;
  let first = true;
  for await (const chunk of chunks) {
    if (first) {
      first = false;
      if (chunk.subarray(0, 8192).includes(0)) return [];
    }
    let text = carry + decoder.write(chunk);
    while (text.length > 0) {
      const nl = text.lastIndexOf('\n', Math.min(text.length - 1, WINDOW));
      if (nl >= 0) {
        findings.push(...engine.scan(text.slice(0, nl + 1), file, line, scanner, seen));
        line += countNewlines(text, nl + 1);
        text = text.slice(nl + 1);
        if (text.length <= WINDOW) break;
      } else if (text.length > WINDOW) {
        findings.push(...engine.scan(text.slice(0, WINDOW), file, line, scanner, seen));
        text = text.slice(WINDOW - OVERLAP);
      } else break;
    }
    carry = text;
  }
  carry += decoder.end();
  if (carry) findings.push(...engine.scan(carry, file, line, scanner, seen));
  return findings;
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A file's bytes, or undefined when it went away after it was listed. */
function readVanishing(abs: string): Buffer | undefined {
  try {
    return readFileSync(abs);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Scans every scannable file under a root. */
export async function scanTree(
  engine: SecretEngine,
  root: string,
  onFile?: (n: number) => void,
): Promise<{ findings: Finding[]; files: number; bytes: number }> {
  const findings: Finding[] = [];
  let files = 0;
  let bytes = 0;
  for (const path of listFiles(root)) {
    if (!scannable(path) || engine.pathAllowed(path)) continue;
    const abs = join(root, path);
    // A file that went away since the folder was listed (a build still running, /proc) is not scanned.
    const size = lstatSync(abs, { throwIfNoEntry: false })?.size;
    if (!size) continue;
    files++;
    bytes += size;
    onFile?.(files);
    if (size <= WINDOW) {
      // Most files are small: one synchronous read costs less than a stream's thread-pool hops.
      const data = readVanishing(abs);
      if (data === undefined) continue;
      if (!data.subarray(0, 8192).includes(0)) findings.push(...engine.scan(data.toString('utf8'), path, 1));
    } else {
      try {
        findings.push(...(await scanStream(engine, createReadStream(abs, { highWaterMark: WINDOW }), path)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
  }
  return { findings, files, bytes };
}
