// npm run demo: the main job on this machine, nothing else to install. It detects the example
// apps, builds one into a reproducible artifact, scans that artifact, and verifies and extracts
// it the way a deploy would, printing each step's summary.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const cli = join(process.cwd(), 'dist', 'cli', 'index.js');
const out = '.slipway/demo';
rmSync(out, { recursive: true, force: true });

function step(title, args) {
  console.log(`\n━━ ${title}\n$ slipway ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\nthe demo stopped: slipway ${args[0]} exited with ${r.status}`);
    process.exit(r.status ?? 1);
  }
}

function json(args) {
  const r = spawnSync(process.execPath, [cli, ...args, '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  return JSON.parse(r.stdout);
}

step('1. detect what the example apps are', ['detect-stack', '--path', 'examples']);
console.log('\n━━ 2. build examples/flask-api into a reproducible artifact (no network: install off)\n');
const built = json([
  'build-artifact',
  '--path',
  'examples/flask-api',
  '--install',
  'false',
  '--upload',
  'false',
  '--output-dir',
  `../../${out}`,
]);
console.log(
  `artifact ${built['artifact-path']}\ndigest   ${built.digest}\nSBOM     ${built['sbom-path']}\nprovenance ${built['provenance-path']}`,
);
step('3. scan the artifact for secrets and risky workflows', [
  'security-scan',
  '--path',
  built['artifact-path'],
  '--scanners',
  'secrets,workflows',
  '--fail-on',
  'high',
  '--sarif',
  `${out}/security.sarif`,
]);
step('4. verify the artifact against its manifest and extract it, as a deploy would', [
  'verify-artifact',
  '--archive',
  built['artifact-path'],
  '--manifest',
  built['manifest-path'],
  '--into',
  `${out}/release`,
]);
console.log(`\nDone. Everything the demo wrote is under ${out}/.`);
