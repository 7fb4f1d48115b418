// Generates the benchmark monorepo: about 100,000 files in 300 workspaces of mixed ecosystems
// plus a large node_modules. Deterministic; reused while its marker matches.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const VERSION = 'tree-v1';

function write(path: string, content: string): void {
  writeFileSync(path, content);
}

/** Builds the tree under root unless it already holds this version; returns the file count. */
export function generateTree(root: string): number {
  const marker = join(root, '.bench-tree');
  if (existsSync(marker) && readFileSync(marker, 'utf8').startsWith(VERSION))
    return Number(readFileSync(marker, 'utf8').split(' ')[1]);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  let files = 0;
  const file = (path: string, content: string): void => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    write(join(root, path), content);
    files++;
  };
  file(
    'package.json',
    JSON.stringify({
      name: 'bench-mono',
      private: true,
      workspaces: ['packages/*'],
      packageManager: 'npm@10.8.1',
      scripts: { build: 'turbo run build' },
    }),
  );
  file('package-lock.json', '{"lockfileVersion":3}');
  file('turbo.json', '{"tasks":{"build":{}}}');
  file('.nvmrc', '20.11.1');
  const frameworks = ['next', 'vite', 'express', '@nestjs/core', 'astro'];
  for (let i = 0; i < 200; i++) {
    const dir = `packages/pkg-${String(i).padStart(3, '0')}`;
    const fw = frameworks[i % frameworks.length]!;
    file(
      `${dir}/package.json`,
      JSON.stringify({
        name: `@bench/pkg-${i}`,
        scripts: { build: 'tsc', test: 'vitest' },
        dependencies: { [fw]: '1.0.0' },
      }),
    );
    for (let j = 0; j < 98; j++) file(`${dir}/src/module-${j}.ts`, `export const value${j} = ${j};\n`.repeat(5));
  }
  for (let i = 0; i < 50; i++) {
    const dir = `services/py-${String(i).padStart(2, '0')}`;
    file(
      `${dir}/pyproject.toml`,
      `[project]\nname = "py-${i}"\nrequires-python = ">=3.11"\ndependencies = ["fastapi==0.110.0"]\n`,
    );
    file(`${dir}/uv.lock`, '');
    for (let j = 0; j < 98; j++) file(`${dir}/app/mod_${j}.py`, `VALUE = ${j}\n`.repeat(5));
  }
  for (let i = 0; i < 30; i++) {
    const dir = `services/go-${String(i).padStart(2, '0')}`;
    file(`${dir}/go.mod`, `module example.com/go-${i}\n\ngo 1.22\n`);
    for (let j = 0; j < 99; j++) file(`${dir}/pkg/f${j}.go`, `package pkg\n\nconst V${j} = ${j}\n`);
  }
  for (let i = 0; i < 20; i++) {
    const dir = `crates/rs-${String(i).padStart(2, '0')}`;
    file(`${dir}/Cargo.toml`, `[package]\nname = "rs-${i}"\nversion = "0.1.0"\n`);
    for (let j = 0; j < 99; j++) file(`${dir}/src/m${j}.rs`, `pub const V: u32 = ${j};\n`);
  }
  for (let i = 0; i < 7000; i++) {
    const dir = `node_modules/dep-${i}`;
    file(`${dir}/package.json`, JSON.stringify({ name: `dep-${i}`, version: '1.0.0' }));
    for (let j = 0; j < 9; j++) file(`${dir}/lib/f${j}.js`, 'module.exports = 1;\n');
  }
  write(marker, `${VERSION} ${files}`);
  return files;
}
