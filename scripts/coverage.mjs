// `npm run coverage`: the whole suite under Jest with V8 coverage, then one line per package and
// action (lines, branches, functions) from Jest's json-summary, instead of a table per file.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const jest = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--disable-warning=ExperimentalWarning',
    'node_modules/jest/bin/jest.js',
    '--coverage',
    '--coverageReporters=json-summary',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);

const summary = JSON.parse(readFileSync('coverage/coverage-summary.json', 'utf8'));
const totals = new Map();
for (const [file, metrics] of Object.entries(summary)) {
  if (file === 'total') continue;
  const [top, name] = relative(process.cwd(), file).split('/');
  if (top !== 'packages' && top !== 'actions') continue; // the test harness itself
  const key = `${top}/${name}`;
  const t = totals.get(key) ?? { lines: [0, 0], branches: [0, 0], functions: [0, 0] };
  for (const kind of Object.keys(t)) {
    t[kind][0] += metrics[kind].covered;
    t[kind][1] += metrics[kind].total;
  }
  totals.set(key, t);
}
const pct = ([covered, total]) => (total ? `${((100 * covered) / total).toFixed(1)}%` : 'n/a');
const rows = [...totals.entries()].sort(([a], [b]) => a.localeCompare(b));
console.log('\n| package | lines | branches | functions |\n|---|---:|---:|---:|');
for (const [key, t] of rows) console.log(`| \`${key}\` | ${pct(t.lines)} | ${pct(t.branches)} | ${pct(t.functions)} |`);
const all = summary.total;
console.log(
  `| all | ${all.lines.pct.toFixed(1)}% | ${all.branches.pct.toFixed(1)}% | ${all.functions.pct.toFixed(1)}% |`,
);
process.exit(jest.status ?? 1);
