import { posix } from 'node:path';
import { joinRel, parentOf, type DetectContext, type Found } from '../context.js';
import type { Framework } from '../types.js';
import { capture } from './shared.js';
import { folderName, type Detector } from './types.js';

const FRAMEWORKS: readonly [string, string][] = [
  ['github.com/gin-gonic/gin', 'gin'],
  ['github.com/labstack/echo/v4', 'echo'],
  ['github.com/gofiber/fiber/v2', 'fiber'],
  ['github.com/go-chi/chi/v5', 'chi'],
];

/**
 * Go modules and go.work workspaces; `toolchain` wins over `go`, as setup-go reads it. A module
 * that a go.work above it uses is built in workspace mode, where go.work's lines choose the
 * toolchain and the module's own are ignored: those come first.
 */
export const goDetector: Detector = {
  name: 'go',
  priority: 40,
  applies: (ctx, dir) => ctx.has(dir, 'go.mod'),

  async workspace(ctx, dir) {
    if (!ctx.has(dir, 'go.work')) return undefined;
    const text = (await ctx.text(joinRel(dir, 'go.work'))) ?? '';
    const members = goWorkUses(text);
    return { tool: 'go-work', members, rootIsProject: members.includes('.') };
  },

  async project(ctx, { dir }) {
    const manifest = joinRel(dir, 'go.mod');
    const text = await ctx.text(manifest);
    if (text === undefined) return undefined;
    const goVersion = (await workspaceGo(ctx, dir)) ?? goLines(text, manifest);
    const module = capture(text, /^module\s+(\S+)/m);
    const frameworks: Framework[] = [];
    for (const [path, name] of FRAMEWORKS) {
      const version = capture(
        text,
        new RegExp(`^[ \\t]*(?:require[ \\t]+)?${path.replace(/[./]/g, '\\$&')}\\s+(v\\S+)`, 'm'),
      );
      if (version) frameworks.push({ name, version, source: manifest });
    }
    return {
      name: module ? module.slice(module.lastIndexOf('/') + 1) : folderName(dir, ctx.rootName),
      manifest,
      runtime: { name: 'go', version: goVersion?.value ?? null, source: goVersion?.source ?? null },
      packageManager: {
        name: 'go',
        version: null,
        lockfile: ctx.has(dir, 'go.sum') ? joinRel(dir, 'go.sum') : null,
        source: manifest,
      },
      frameworks,
      commands: {
        install: 'go mod download',
        build: 'go build ./...',
        test: 'go test ./...',
        start: ctx.has(dir, 'main.go') ? 'go run .' : null,
      },
      warnings: [],
    };
  },
};

/** The `toolchain` line of a go.mod or go.work (`toolchain default` names none), else its `go` line. */
function goLines(text: string, path: string): Found | undefined {
  const toolchain = capture(text, /^toolchain[ \t]+go(\d\S*)/m);
  if (toolchain) return { value: toolchain, source: `${path}#toolchain` };
  const go = capture(text, /^go[ \t]+(\d\S*)/m);
  return go ? { value: go, source: `${path}#go` } : undefined;
}

/**
 * The version go.work declares for a module it uses: the nearest go.work at or above the module
 * (the one the go command finds), when its `use` lines name the module's folder.
 */
async function workspaceGo(ctx: DetectContext, dir: string): Promise<Found | undefined> {
  for (let d: string | undefined = dir; d !== undefined; d = parentOf(d)) {
    if (!ctx.has(d, 'go.work')) continue;
    const path = joinRel(d, 'go.work');
    const text = await ctx.text(path);
    if (text === undefined) return undefined;
    const workDir = d;
    const used = goWorkUses(text).some((m) => posix.normalize(joinRel(workDir, m)).replace(/\/+$/, '') === dir);
    return used ? goLines(text, path) : undefined;
  }
  return undefined;
}

/**
 * The folders of go.work `use` directives, single (`use ./a`) and blocks (`use (` … `)`), read
 * line by line: a regex over the whole file rescans to the end from every unclosed `use (`.
 */
function goWorkUses(text: string): string[] {
  const members = new Set<string>();
  const add = (raw: string): void => {
    // `./a`, `a/`, `"./a b"` and `.` name folders relative to go.work; `../x` stays as it is.
    const item = raw.replace(/^(["`])(.*)\1$/, '$2');
    if (item) members.add(item.replace(/^(\.\/+)+/, '').replace(/\/+$/, '') || '.');
  };
  let inBlock = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (inBlock) {
      const close = line.indexOf(')');
      add((close < 0 ? line : line.slice(0, close)).trim());
      if (close >= 0) inBlock = false;
      continue;
    }
    const m = /^use(\s*\(|\s+)(.*)$/.exec(line);
    if (!m) continue;
    if (m[1]!.endsWith('(')) {
      const rest = m[2]!;
      const close = rest.indexOf(')');
      add((close < 0 ? rest : rest.slice(0, close)).trim());
      inBlock = close < 0;
    } else {
      add(m[2]!.split(/\s+/)[0] ?? '');
    }
  }
  return [...members];
}
