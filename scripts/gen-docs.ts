// Writes (or with --check, verifies) everything generated from action.yml.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAll } from './action-docs.js';

const root = process.cwd();
const check = process.argv.includes('--check');
let drift = 0;
for (const [path, content] of renderAll(root)) {
  let current = '';
  try {
    current = readFileSync(join(root, path), 'utf8');
  } catch {
    // a missing file is drift too
  }
  if (current === content) continue;
  drift++;
  if (check) console.error(`out of date: ${path} (run npm run docs)`);
  else writeFileSync(join(root, path), content);
}
if (check && drift) process.exit(1);
console.log(check ? 'generated files are up to date' : `wrote ${drift} generated file(s)`);
