// Benchmark: detect-stack against the walk floor (`find -type f`) and a peer (@netlify/build-info)
// on one generated ~100k-file monorepo, all measured in this run: wall time and CPU time (user +
// system) of each whole process. The tree is a pnpm workspace whose packages use Next.js, Astro
// and Vite, so the peer enumerates the workspace and detects a framework in every package; the
// run fails if either tool reports nothing, rather than time a tool that did no work. Prints a
// table; with --write-readme also puts it in README.md. Run: npm run bench (BENCH_ROUNDS=n)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEB_FRAMEWORKS, generateTree } from './generate-tree.js';
import { writeBenchBlock } from './readme.js';
import { recordRatio } from './summary.js';

const repo = join(fileURLToPath(import.meta.url), '..', '..');
const tree = join(repo, 'bench', '.tree');
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);

console.log('generating the tree…');
const files = generateTree(tree);

interface Tool {
  name: string;
  cmd: string;
  args: string[];
  /** What the tool found, for the table; throws when it found nothing, so nothing is timed for show. */
  reports?: (stdout: string) => string;
}

interface PeerSetting {
  framework?: { id?: string; name?: string };
  packagePath?: string;
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
      const projects: { runtime: { name: string }; frameworks: unknown[] }[] = stack.projects;
      const withFramework = projects.filter((p) => p.frameworks.length > 0).length;
      if (projects.length === 0 || withFramework === 0)
        throw new Error(`detect-stack found ${projects.length} projects, ${withFramework} with a framework`);
      return `${projects.length} projects (${new Set(projects.map((p) => p.runtime.name)).size} runtimes, ${withFramework} with a framework; versions, commands), ${stack.languages.length} languages`;
    },
  },
  {
    name: '@netlify/build-info 11.3.0',
    cmd: process.execPath,
    // The tree is the repository root, as a checkout is: without --rootDir, build-info looks for
    // the workspace root above the tree, finds this repository's package.json, and reports no
    // settings at all. It takes the package path from the working folder, which is the tree.
    args: [join(repo, 'node_modules/@netlify/build-info/bin.js'), '--rootDir', tree, tree],
    reports: (out) => {
      const info = JSON.parse(out);
      const settings: PeerSetting[] = info.settings ?? [];
      const ids = new Set(settings.map((s) => s.framework?.id));
      const names = [...new Set(settings.map((s) => s.framework?.name))].join(', ');
      const missing = WEB_FRAMEWORKS.filter((f) => !ids.has(f));
      if (settings.length === 0 || missing.length > 0)
        throw new Error(
          `@netlify/build-info reported ${settings.length} project settings (missing ${missing.join(', ') || 'none'}): it did not do the work being timed`,
        );
      const systems = (info.buildSystems ?? []).map((b: { id: string }) => b.id).join('+') || 'no build system';
      return `${systems} with ${info.packageManager?.name ?? 'no package manager'}, ${info.jsWorkspaces?.packages?.length ?? 0} workspace packages, ${settings.length} project settings (${names}), ${info.langRuntimes?.length ?? 0} runtime(s), no versions or languages`;
    },
  },
];

/** Clock ticks per second of /proc's times (USER_HZ). */
const ticks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/**
 * CPU ms (user + system) used so far by this process's waited-for children, from /proc/self/stat
 * (Linux); undefined elsewhere. Read around each spawnSync, it is that child's CPU time.
 */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3, `state`.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticks; // cutime + cstime
  } catch {
    return undefined;
  }
}

function once(tool: Tool): { ms: number; cpuMs: number | undefined; stdout: string } {
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const r = spawnSync(tool.cmd, tool.args, {
    cwd: tree,
    env: { ...process.env, GITHUB_WORKSPACE: tree },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuAfter = childrenCpuMs();
  if (r.status !== 0) throw new Error(`${tool.name} failed: ${r.stderr}`);
  return {
    ms,
    cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
    stdout: r.stdout,
  };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const wall = new Map<string, number[]>(tools.map((t) => [t.name, []]));
const cpu = new Map<string, number[]>(tools.map((t) => [t.name, []]));
const reports = new Map<string, string>();
for (const t of tools) {
  // Warms the page cache for everyone, and checks before any timing that each tool does its work.
  const { stdout } = once(t);
  if (t.reports) {
    const report = t.reports(stdout);
    reports.set(t.name, report);
    console.log(`${t.name}: ${report}`);
  }
}
for (let r = 0; r < rounds; r++) {
  for (const t of tools) {
    const { ms, cpuMs, stdout } = once(t);
    wall.get(t.name)!.push(ms);
    if (cpuMs !== undefined) cpu.get(t.name)!.push(cpuMs);
    t.reports?.(stdout); // every timed run must have done the work too
  }
}
const ms = (xs: number[]): string => (xs.length > 0 ? median(xs).toFixed(0) : 'n/a');
const ratio = (xs: number[], base: number[]): string =>
  xs.length > 0 && base.length > 0 ? `${(median(xs) / median(base)).toFixed(2)}x` : 'n/a';
const floor = tools[0]!.name;
const peer = tools[3]!.name;
const rows = tools.map(
  (t) =>
    `| ${t.name} | ${ms(wall.get(t.name)!)} | ${ms(cpu.get(t.name)!)} | ${ratio(wall.get(t.name)!, wall.get(floor)!)} | ${ratio(wall.get(t.name)!, wall.get(peer)!)} | ${ratio(cpu.get(t.name)!, cpu.get(peer)!)} | ${reports.get(t.name) ?? `${files} files listed`} |`,
);
const table = [
  `Generated monorepo of ${files} files (a pnpm workspace of 200 packages using ${WEB_FRAMEWORKS.join(', ')}; 50 Python, 30 Go and 20 Rust projects; a 70,000-file node_modules); median of ${rounds} warm runs on this machine (${process.platform}, node ${process.version}), each tool's whole process: wall time, and CPU time (user + system).`,
  '',
  '| tool | wall ms | CPU ms | wall vs find | wall vs peer | CPU vs peer | reports |',
  '|---|---|---|---|---|---|---|',
  ...rows,
].join('\n');
console.log(table);
// For npm run bench:all: the headline figures of the table above.
const slipwayTool = tools[2]!.name;
const figure = (m: Map<string, number[]>, name: string): number => median(m.get(name)!);
recordRatio({
  bench: 'detect-stack',
  measure: 'wall time vs the walk floor',
  slipway: figure(wall, slipwayTool),
  peer: 'find -type f',
  peerValue: figure(wall, floor),
  unit: 'ms',
});
recordRatio({
  bench: 'detect-stack',
  measure: 'wall time vs peer',
  slipway: figure(wall, slipwayTool),
  peer,
  peerValue: figure(wall, peer),
  unit: 'ms',
});
if (cpu.get(slipwayTool)!.length > 0 && cpu.get(peer)!.length > 0)
  recordRatio({
    bench: 'detect-stack',
    measure: 'CPU time vs peer',
    slipway: figure(cpu, slipwayTool),
    peer,
    peerValue: figure(cpu, peer),
    unit: 'ms',
  });
if (process.argv.includes('--write-readme')) writeBenchBlock('bench', table, 'npm run bench');
