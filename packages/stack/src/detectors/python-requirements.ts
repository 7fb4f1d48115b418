import { posix } from 'node:path';
import { parentOf, type DetectContext } from '../context.js';
import { treeFile } from '../version-files.js';

/** One requirement: a normalised distribution name, its version specifier (an exact pin without `==`) and its file. */
export interface Requirement {
  name: string;
  version: string | null;
  source: string;
}

/** What a set of requirements files declares, includes followed. */
export interface Requirements {
  /** From the files and their `-r` includes, in reading order. */
  requirements: Requirement[];
  /** Exact pins from `-c` constraints files: they fix a version, they add no dependency. */
  constraints: Map<string, Requirement>;
  /** Every requirements file read (includes too), repository-relative. */
  files: Set<string>;
  /** Includes that could not be followed, and cycles, as sentences for warnings. */
  problems: string[];
}

/** More files than this in one include graph are not read; real projects have a handful. */
const MAX_REQUIREMENT_FILES = 100;

/**
 * Parses a PEP 508 requirement (`Django[argon2]>=5,<6 ; python_version>"3.9"`, `pkg @ https://…`)
 * into its normalised name and specifier; undefined for a line that names no distribution.
 */
export function parseRequirement(spec: string): { name: string; version: string | null } | undefined {
  const m = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(.*)$/.exec(spec);
  if (!m) return undefined;
  const rest = m[2]!.replace(/;.*$/, '').trim();
  // A direct reference (`name @ url`) pins by URL, not by a version.
  const version = rest.startsWith('@') || rest === '' ? null : (/^==(?!=)\s*([^,*\s]+)$/.exec(rest)?.[1] ?? rest);
  if (!/^(?:[<>=!~(@]|$)/.test(rest) && version !== null) return undefined;
  return { name: normaliseName(m[1]!), version };
}

/** PEP 503 normalisation: lower case, runs of `-`, `_` and `.` become `-`. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * Reads requirements files as pip does: `\` continues a line, `#` after whitespace starts a
 * comment, per-requirement options (`--hash=…`) are dropped, `-r`/`--requirement` includes and
 * `-c`/`--constraint` files are followed relative to the file that names them. A file reached
 * twice is read once; an include that leads back into its own chain is a cycle and is reported.
 */
export async function readRequirements(ctx: DetectContext, roots: readonly string[]): Promise<Requirements> {
  const out: Requirements = { requirements: [], constraints: new Map(), files: new Set(), problems: [] };
  const visit = async (path: string, chain: readonly string[], constraint: boolean): Promise<void> => {
    if (chain.includes(path)) {
      out.problems.push(`requirements include cycle ${[...chain, path].join(' → ')}; not followed again`);
      return;
    }
    if (out.files.has(path)) return;
    if (out.files.size >= MAX_REQUIREMENT_FILES) {
      out.problems.push(
        `more than ${MAX_REQUIREMENT_FILES} requirements files are included; ${path} and later ones are not read`,
      );
      return;
    }
    const file = await treeFile(ctx, path);
    if (!('text' in file)) {
      const by = chain.at(-1);
      out.problems.push(`${by ? `${by} includes ${path}, which` : `${path}`} ${file.problem}; it is not read`);
      return;
    }
    out.files.add(path);
    const folder = parentOf(path) ?? '.';
    for (const line of logicalLines(file.text)) {
      const include = /^(?:-([rc])\s*|--(requirement|constraint)(?:\s*=\s*|\s+))(\S+)$/.exec(line);
      if (include) {
        const target = include[3]!;
        // pip also takes URLs and ${VARIABLES}: neither can be read from the tree.
        if (/^[a-z][\w+.-]*:\/\//i.test(target) || /\$\{/.test(target)) continue;
        const isConstraint = constraint || include[1] === 'c' || include[2] === 'constraint';
        const next = target.startsWith('/') ? target : posix.normalize(posix.join(folder, target));
        await visit(next, [...chain, path], isConstraint);
        continue;
      }
      if (line.startsWith('-')) continue; // -e, -i, --index-url, --hash …: no distribution named
      const parsed = parseRequirement(line.replace(/\s+--?[a-z][\w-]*(?:[=\s]\S*)?/gi, ''));
      if (!parsed) continue;
      const found = { ...parsed, source: path };
      if (!constraint) out.requirements.push(found);
      else if (parsed.version !== null && !/^[<>=!~]/.test(parsed.version) && !out.constraints.has(parsed.name))
        out.constraints.set(parsed.name, found);
    }
  };
  for (const root of roots) await visit(root, [], false);
  return out;
}

/** A requirements file's logical lines: continuations joined, comments and blank lines dropped. */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    const joined = pending + raw;
    if (/(^|[^\\])\\$/.test(joined)) {
      pending = joined.slice(0, -1);
      continue;
    }
    pending = '';
    const line = joined.replace(/(^|\s)#.*$/, '').trim();
    if (line !== '') lines.push(line);
  }
  if (pending.trim() !== '') lines.push(pending.trim());
  return lines;
}
