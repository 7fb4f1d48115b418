// Benchmark: detect-stack against the walk floor (`find -type f`) and a peer (@netlify/build-info)
// on one generated ~100k-file monorepo, all measured in this run. Prints a table; with
// --write-readme also puts it in README.md. Run: npm run bench
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTree } from './generate-tree.js';
import { writeBenchBlock } from './readme.js';

const repo = join(fileURLToPath(import.meta.url), '..', '..');
const tree = join(repo, 'bench', '.tree');
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);

console.log('generating the tree…');
const files = generateTree(tree);

interface Tool {
  name: string;
  cmd: string;
  args: string[];
  reports?: (stdout: string) => string;
}

const tools: Tool[] = [
  { name: 'find -type f (walk floor)', cmd: 'find', args: [tree, '-type', 'f'] },
  // detect-stack needs each source file's size; this is the floor for a walk that stats every file.
  {
    name: 'find -type f -printf %s (walk + stat floor)',
    cmd: 'find',
    args: [tree, '-type', 'f', '-printf', '%s %p\\n'],
  },
  {
    name: 'slipway detect-stack',
    cmd: process.execPath,
    args: [join(repo, 'dist/cli/index.js'), 'detect-stack', '--path', '.', '--json'],
    reports: (out) => {
      const stack = JSON.parse(JSON.parse(out).stack);
      return `${stack.projects.length} projects (${new Set(stack.projects.map((p: { runtime: { name: string } }) => p.runtime.name)).size} runtimes, with versions, commands, frameworks), ${stack.languages.length} languages`;
    },
  },
  {
    name: '@netlify/build-info 11.3.0',
    cmd: process.execPath,
    args: [join(repo, 'node_modules/@netlify/build-info/bin.js'), tree],
    reports: (out) => {
      const info = JSON.parse(out);
      const systems = (info.buildSystems ?? []).map((b: { id: string }) => b.id).join('+') || 'no build system';
      return `${systems} with ${info.packageManager?.name ?? 'no package manager'}, ${info.settings?.length ?? 0} project settings, ${info.langRuntimes?.length ?? 0} runtime(s), no versions or languages`;
    },
  },
];

function once(tool: Tool): { ms: number; stdout: string } {
  const start = process.hrtime.bigint();
  const r = spawnSync(tool.cmd, tool.args, {
    cwd: tree,
    env: { ...process.env, GITHUB_WORKSPACE: tree },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${tool.name} failed: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const times = new Map<string, number[]>(tools.map((t) => [t.name, []]));
const reports = new Map<string, string>();
for (const t of tools) once(t); // warm the page cache for everyone
for (let r = 0; r < rounds; r++) {
  for (const t of tools) {
    const { ms, stdout } = once(t);
    times.get(t.name)!.push(ms);
    if (t.reports && !reports.has(t.name)) reports.set(t.name, t.reports(stdout));
  }
}
const floor = median(times.get(tools[0]!.name)!);
const peer = median(times.get(tools[3]!.name)!);
const rows = tools.map((t) => {
  const m = median(times.get(t.name)!);
  return `| ${t.name} | ${m.toFixed(0)} | ${(m / floor).toFixed(2)}x | ${(m / peer).toFixed(2)}x | ${reports.get(t.name) ?? `${files} files listed`} |`;
});
const table = [
  `Generated monorepo of ${files} files (200 npm workspaces, 50 Python, 30 Go and 20 Rust projects, a 70,000-file node_modules); median of ${rounds} warm runs on this machine (${process.platform}, node ${process.version}), whole process wall time.`,
  '',
  '| tool | median ms | vs find | vs peer | reports |',
  '|---|---|---|---|---|',
  ...rows,
].join('\n');
console.log(table);
if (process.argv.includes('--write-readme')) writeBenchBlock('bench', table, 'npm run bench');
