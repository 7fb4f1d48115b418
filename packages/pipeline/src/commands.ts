// What a step tells the runner: the files it writes (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH,
// GITHUB_STATE, as `name=value` lines or `name<<DELIMITER` blocks) and the workflow commands it
// prints (`::add-mask::`, `::error …::`, `::warning …::`, `::group::` …), read as the runner reads them.
import { existsSync, readFileSync } from 'node:fs';

/** Reads one of the runner's key-value files; a missing file holds nothing. */
export function readKeyValueFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const out: Record<string, string> = {};
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      out[name] = value.join('\n');
    } else if (eq > 0) {
      out[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return out;
}

/** The lines of GITHUB_PATH, each a folder to put first on PATH. */
export function readPathFile(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
}

/** One line a step printed, as the runner understands it. */
export type CommandLine =
  | { kind: 'mask'; value: string }
  | { kind: 'annotation'; level: 'error' | 'warning' | 'notice'; message: string; file?: string; line?: number }
  | { kind: 'debug'; message: string }
  | { kind: 'group'; title: string }
  | { kind: 'endgroup' }
  | { kind: 'output'; name: string; value: string }
  | { kind: 'text'; text: string };

const unescapeData = (s: string): string => s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string): string => unescapeData(s).replace(/%3A/gi, ':').replace(/%2C/gi, ',');

/** Reads one printed line: a workflow command, or text. */
export function readCommand(line: string): CommandLine {
  const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) return { kind: 'text', text: line };
  const [, command, rawProps = '', data = ''] = m;
  const props: Record<string, string> = {};
  for (const part of rawProps.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) props[part.slice(0, eq).trim()] = unescapeProperty(part.slice(eq + 1));
  }
  switch (command) {
    case 'add-mask':
      return { kind: 'mask', value: unescapeData(data) };
    case 'error':
    case 'warning':
    case 'notice': {
      const lineNo = Number(props.line);
      return {
        kind: 'annotation',
        level: command,
        message: unescapeData(data),
        ...(props.file ? { file: props.file } : {}),
        ...(Number.isInteger(lineNo) && lineNo > 0 ? { line: lineNo } : {}),
      };
    }
    case 'debug':
      return { kind: 'debug', message: unescapeData(data) };
    case 'group':
      return { kind: 'group', title: unescapeData(data) };
    case 'endgroup':
      return { kind: 'endgroup' };
    case 'set-output':
      return { kind: 'output', name: props.name ?? '', value: unescapeData(data) };
    default:
      return { kind: 'text', text: line };
  }
}

/** Hides every masked value in text, the longest first so a secret holding another is hidden whole. */
export class Masker {
  private readonly values = new Set<string>();
  add(value: string): void {
    for (const v of [value, ...value.split(/\r?\n/)]) if (v.trim().length >= 3) this.values.add(v);
  }
  apply(text: string): string {
    let out = text;
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) out = out.split(v).join('***');
    return out;
  }
}
