// Generates the benchmark monorepo: about 100,000 files, a pnpm workspace of 200 web packages
// (Next.js, Astro and Vite, the frameworks @netlify/build-info detects), 100 Python, Go and Rust
// projects beside it, and a large node_modules in pnpm's layout. Deterministic; reused while its
// marker matches.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const VERSION = 'tree-v2';

/** What the web packages use, in turn: each is a framework both tools detect. */
export const WEB_FRAMEWORKS = ['next', 'astro', 'vite'] as const;

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
      packageManager: 'pnpm@9.12.0',
      scripts: { build: 'turbo run build' },
      devDependencies: { turbo: '2.0.4' },
    }),
  );
  file('pnpm-workspace.yaml', 'packages:\n  - "packages/*"\n');
  file('pnpm-lock.yaml', "lockfileVersion: '9.0'\n");
  file('turbo.json', '{"tasks":{"build":{"dependsOn":["^build"]}}}');
  file('.nvmrc', '20.11.1');
  for (let i = 0; i < 200; i++) {
    const dir = `packages/pkg-${String(i).padStart(3, '0')}`;
    const fw = WEB_FRAMEWORKS[i % WEB_FRAMEWORKS.length]!;
    file(`${dir}/package.json`, JSON.stringify(webPackage(i, fw)));
    // Each framework's own config file, as its starter writes it.
    if (fw === 'next') file(`${dir}/next.config.mjs`, 'export default { reactStrictMode: true };\n');
    if (fw === 'astro')
      file(
        `${dir}/astro.config.mjs`,
        "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n",
      );
    if (fw === 'vite')
      file(`${dir}/vite.config.ts`, "import { defineConfig } from 'vite';\nexport default defineConfig({});\n");
    for (let j = 0; j < 97; j++) file(`${dir}/src/module-${j}.ts`, `export const value${j} = ${j};\n`.repeat(5));
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
  // pnpm's layout: every package under node_modules/.pnpm/<name>@<version>/node_modules/<name>.
  for (let i = 0; i < 7000; i++) {
    const dir = `node_modules/.pnpm/dep-${i}@1.0.0/node_modules/dep-${i}`;
    file(`${dir}/package.json`, JSON.stringify({ name: `dep-${i}`, version: '1.0.0' }));
    for (let j = 0; j < 9; j++) file(`${dir}/lib/f${j}.js`, 'module.exports = 1;\n');
  }
  write(marker, `${VERSION} ${files}`);
  return files;
}

/** A web package as the framework's starter makes it: its scripts and dependencies. */
function webPackage(i: number, fw: (typeof WEB_FRAMEWORKS)[number]): object {
  const name = `@bench/pkg-${i}`;
  switch (fw) {
    case 'next':
      return {
        name,
        private: true,
        scripts: { dev: 'next dev', build: 'next build', start: 'next start', test: 'vitest' },
        dependencies: { next: '14.2.4', react: '18.3.1', 'react-dom': '18.3.1' },
      };
    case 'astro':
      return {
        name,
        private: true,
        type: 'module',
        scripts: { dev: 'astro dev', build: 'astro build', preview: 'astro preview' },
        dependencies: { astro: '4.11.3' },
      };
    case 'vite':
      return {
        name,
        private: true,
        type: 'module',
        scripts: { dev: 'vite', build: 'tsc && vite build', preview: 'vite preview', test: 'vitest' },
        dependencies: { react: '18.3.1', 'react-dom': '18.3.1' },
        devDependencies: { vite: '5.3.1', typescript: '5.4.5' },
      };
  }
}
