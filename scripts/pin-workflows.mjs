// Pins slipway's reusable workflows to the commits they must name (RELEASING.md):
//  - every `slipway/slipway/actions/<name>@<sha>` to the last commit that changed actions/ or an action's
//    bundle in dist/ (not dist/cli: the CLI embeds the templates, which name these pins, and would chase them);
//  - every `slipway/slipway/.github/workflows/<file>@<sha>` to the last commit that changed that file,
//    in the reusable workflows and in the starter templates (workflows-templates/).
// A called workflow's ./ is the caller's repository, so these are full commit SHAs (docs/workflows.md).
// Usage: node scripts/pin-workflows.mjs [--check]   (--check changes nothing and exits 1 when a pin is stale)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(fileURLToPath(import.meta.url), '..', '..');
const WORKFLOWS = join(REPO, '.github', 'workflows');
const TEMPLATES = join(REPO, 'workflows-templates');
const check = process.argv.includes('--check');

const lastCommit = (...paths) =>
  execFileSync('git', ['-C', REPO, 'log', '-1', '--format=%H', '--', ...paths], { encoding: 'utf8' }).trim();

const actionBundles = existsSync(join(REPO, 'dist'))
  ? readdirSync(join(REPO, 'dist'))
      .filter((d) => d !== 'cli')
      .map((d) => join('dist', d))
  : [];
const actionsCommit = lastCommit('actions', ...actionBundles);
let stale = 0;
const files = [
  ...readdirSync(WORKFLOWS)
    .filter((f) => /^slipway-.*\.yml$/.test(f))
    .map((f) => join(WORKFLOWS, f)),
  ...(existsSync(TEMPLATES)
    ? readdirSync(TEMPLATES)
        .filter((f) => f.endsWith('.yml'))
        .map((f) => join(TEMPLATES, f))
    : []),
];
for (const path of files) {
  const file = relative(REPO, path);
  const before = readFileSync(path, 'utf8');
  const after = before
    .replace(/(slipway\/slipway\/actions\/[\w-]+@)[0-9a-f]{40}/g, `$1${actionsCommit}`)
    .replace(/(slipway\/slipway\/(\.github\/workflows\/[\w-]+\.yml)@)[0-9a-f]{40}/g, (_m, head, called) => {
      const commit = lastCommit(called);
      if (!commit) throw new Error(`${file} calls ${called}, which has no commit yet: commit it first`);
      return `${head}${commit}`;
    });
  if (after === before) continue;
  stale++;
  if (check) console.error(`${file}: pins are not the commits they must name (run node scripts/pin-workflows.mjs)`);
  else {
    writeFileSync(path, after);
    console.log(`${file}: pinned`);
  }
}
if (check && stale) process.exit(1);
if (!check && !stale) console.log('every pin already names its commit');
