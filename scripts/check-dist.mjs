// Fails when dist/ is not exactly what a clean `npm run bundle` produces from the sources.
import { execFileSync, spawnSync } from 'node:child_process';

const bundle = spawnSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' });
if (bundle.status !== 0) process.exit(bundle.status ?? 1);
const changed = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' }).trim();
if (changed) {
  console.error(`dist/ differs from a clean bundle; run npm run bundle and commit:\n${changed}`);
  process.exit(1);
}
console.log('dist/ matches a clean bundle');
