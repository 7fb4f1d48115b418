// Puts a benchmark's table into README.md between its markers.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const README = join(fileURLToPath(import.meta.url), '..', '..', 'README.md');

/** Replaces the text between `<!-- KEY:start -->` and `<!-- KEY:end -->` with the table and how to reproduce it. */
export function writeBenchBlock(key: string, table: string, command: string): void {
  const readme = readFileSync(README, 'utf8');
  const start = `<!-- ${key}:start -->`;
  const end = `<!-- ${key}:end -->`;
  if (!readme.includes(start) || !readme.includes(end)) throw new Error(`README.md has no ${start} … ${end} block`);
  writeFileSync(
    README,
    `${readme.slice(0, readme.indexOf(start) + start.length)}\n${table}\n\nReproduce with \`${command}\`.\n${readme.slice(readme.indexOf(end))}`,
  );
}
