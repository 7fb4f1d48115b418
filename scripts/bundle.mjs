// Builds dist/<action>/ with ncc for every action, and dist/cli/ for the slipway command: ESM
// output plus its package.json marker.
import { mkdirSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import ncc from '@vercel/ncc';

const root = process.cwd();
const only = process.argv.slice(2);
const targets = readdirSync(join(root, 'actions'))
  .filter((n) => existsSync(join(root, 'actions', n, 'action.yml')))
  .map((name) => ({ name, entry: join(root, 'actions', name, 'src', 'index.ts') }))
  .concat([{ name: 'cli', entry: join(root, 'packages', 'cli', 'src', 'index.ts') }])
  .filter((t) => only.length === 0 || only.includes(t.name));

// ncc keeps much of each build in memory: one process per target keeps the peak at one bundle's
// (seven in one process reached 4 GB and swapped on a 2-core runner).
if (targets.length > 1) {
  for (const { name } of targets) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), name], { stdio: 'inherit' });
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
  process.exit(0);
}

for (const { name, entry } of targets) {
  const { code, assets } = await ncc(entry, {
    minify: false,
    sourceMap: false,
    target: 'es2022',
    quiet: true,
    license: 'licenses.txt',
  });
  const out = join(root, 'dist', name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'index.js'), code);
  for (const [file, asset] of Object.entries(assets ?? {})) {
    const target = join(out, file);
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, asset.source);
  }
  if (!existsSync(join(out, 'package.json'))) writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  console.log(
    `dist/${name}/index.js: ${(code.length / 1024).toFixed(0)} KiB, ${Object.keys(assets ?? {}).length} asset(s)`,
  );
}
