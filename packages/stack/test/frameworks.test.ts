import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { RecordingLogger } from '@slipway/action-kit/lite';
import { DetectContext } from '../src/context.js';
import { DETECTORS } from '../src/detectors/registry.js';
import { FRAMEWORKS } from '../src/detectors/frameworks.js';
import type { ProjectDraft } from '../src/detectors/types.js';
import { walk } from '../src/walk.js';
import { REPO, makeTree, removeTree } from '../../../test/harness.js';
import { detectFiles, projectAt } from './helpers.js';

const json = (v: unknown): string => JSON.stringify(v, null, 2);

/** The draft the highest-priority detector that claims the root reports (it carries the output folder). */
async function draftOf(files: Record<string, string>): Promise<ProjectDraft> {
  const root = makeTree(files);
  try {
    const log = new RecordingLogger();
    const ctx = new DetectContext(root, walk({ root, logger: log }), log);
    for (const detector of DETECTORS.filter((d) => d.applies(ctx, '.'))) {
      const draft = await detector.project(ctx, { dir: '.', workspaceRoot: undefined });
      if (draft) return draft;
    }
    throw new Error('no detector claimed the root');
  } finally {
    removeTree(root);
  }
}

/** A package.json with no build script, as each framework's starter has it (scripts aside). */
const app = (deps: Record<string, string>, dev: Record<string, string> = {}): string =>
  json({ name: 'site', private: true, scripts: { dev: 'echo dev' }, dependencies: deps, devDependencies: dev });

interface Case {
  name: string;
  files: Record<string, string>;
  framework: string;
  build: string;
  output: string;
}

const CASES: Case[] = [
  {
    name: 'Next.js',
    files: { 'package.json': app({ next: '14.2.5', react: '18.3.1' }) },
    framework: 'next',
    build: 'npx next build',
    output: '.next',
  },
  {
    name: 'Nuxt',
    files: { 'package.json': app({ nuxt: '^3.12.4' }) },
    framework: 'nuxt',
    build: 'npx nuxt build',
    output: '.output',
  },
  {
    name: 'Astro',
    files: { 'package.json': app({ astro: '^4.15.0' }) },
    framework: 'astro',
    build: 'npx astro build',
    output: 'dist',
  },
  {
    name: 'Gatsby',
    files: { 'package.json': app({ gatsby: '^5.13.0' }) },
    framework: 'gatsby',
    build: 'npx gatsby build',
    output: 'public',
  },
  {
    name: 'Docusaurus',
    files: { 'package.json': app({ '@docusaurus/core': '3.4.0' }) },
    framework: 'docusaurus',
    build: 'npx docusaurus build',
    output: 'build',
  },
  {
    name: 'Eleventy',
    files: { 'package.json': app({}, { '@11ty/eleventy': '^2.0.1' }) },
    framework: 'eleventy',
    build: 'npx eleventy',
    output: '_site',
  },
  {
    name: 'Stencil',
    files: {
      'package.json': app({}, { '@stencil/core': '^4.0.0' }),
      'stencil.config.ts': 'export const config = {};\n',
    },
    framework: 'stencil',
    build: 'npx stencil build',
    output: 'www',
  },
  {
    name: 'Expo',
    files: { 'package.json': app({ expo: '~51.0.0', 'react-native': '0.74.5' }) },
    framework: 'expo',
    build: 'npx expo export --platform web',
    output: 'dist',
  },
  {
    name: 'TanStack Start',
    files: { 'package.json': app({ '@tanstack/react-start': '^1.120.0', '@tanstack/react-router': '^1.120.0' }) },
    framework: 'tanstack-start',
    build: 'npx vite build',
    output: 'dist',
  },
  {
    name: 'Sapper',
    files: { 'package.json': app({}, { sapper: '^0.29.3', svelte: '^3.59.0' }) },
    framework: 'sapper',
    build: 'npx sapper export',
    output: '__sapper__/export',
  },
  {
    name: 'Quasar',
    files: { 'package.json': app({ quasar: '^2.16.0' }, { '@quasar/app-vite': '^1.9.0' }) },
    framework: 'quasar',
    build: 'npx quasar build',
    output: 'dist/spa',
  },
  {
    name: 'Vue CLI',
    files: { 'package.json': app({ vue: '^3.4.0' }, { '@vue/cli-service': '~5.0.8' }) },
    framework: 'vue',
    build: 'npx vue-cli-service build',
    output: 'dist',
  },
  {
    name: 'VuePress',
    files: { 'package.json': app({}, { vuepress: '^1.9.10' }) },
    framework: 'vuepress',
    build: 'npx vuepress build',
    output: '.vuepress/dist',
  },
  {
    name: 'Parcel',
    files: {
      'package.json': app({}, { parcel: '^2.12.0' }),
      'index.html': '<script type="module" src="app.js"></script>\n',
    },
    framework: 'parcel',
    build: 'npx parcel build index.html',
    output: 'dist',
  },
  {
    name: 'Create React App',
    files: { 'package.json': app({ react: '^18.3.1', 'react-scripts': '5.0.1' }) },
    framework: 'create-react-app',
    build: 'npx react-scripts build',
    output: 'build',
  },
  {
    name: 'Svelte (rollup template)',
    files: { 'package.json': app({ 'sirv-cli': '^2.0.0' }, { svelte: '^3.0.0', rollup: '^2.3.4' }) },
    framework: 'svelte',
    build: 'npx rollup -c',
    output: 'public',
  },
  {
    name: 'Solid',
    files: {
      'package.json': app({ 'solid-js': '^1.8.0' }, { vite: '^5.0.0' }),
      'vite.config.ts': 'export default {};\n',
    },
    framework: 'solid',
    build: 'npx vite build',
    output: 'dist',
  },
  {
    name: 'SolidStart',
    files: { 'package.json': app({ '@solidjs/start': '^1.0.6', 'solid-js': '^1.8.0', vinxi: '^0.4.1' }) },
    framework: 'solid-start',
    build: 'npx vinxi build',
    output: '.output',
  },
  {
    name: 'Qwik',
    files: { 'package.json': app({}, { '@builder.io/qwik': '^1.8.0', vite: '^5.0.0' }) },
    framework: 'qwik',
    build: 'npx qwik build',
    output: 'dist',
  },
  {
    name: 'Analog',
    files: { 'package.json': app({ '@analogjs/platform': '^1.7.0', '@angular/core': '^18.0.0' }) },
    framework: 'analog',
    build: 'npx vite build',
    output: 'dist/analog/public',
  },
  {
    name: 'Redwood',
    files: {
      'package.json': json({
        private: true,
        devDependencies: { '@redwoodjs/core': '7.7.4' },
        packageManager: 'yarn@4.3.1',
      }),
      'redwood.toml': '[web]\n  port = 8910\n',
      'yarn.lock': '__metadata:\n  version: 8\n',
    },
    framework: 'redwood',
    build: 'yarn rw build',
    output: 'web/dist',
  },
  {
    name: 'Hydrogen',
    files: {
      'package.json': app(
        { '@shopify/hydrogen': '2024.7.0', '@remix-run/react': '^2.10.0' },
        { '@shopify/cli': '3.64.0' },
      ),
    },
    framework: 'hydrogen',
    build: 'npx shopify hydrogen build',
    output: 'dist',
  },
  {
    name: 'Remix (Vite)',
    files: {
      'package.json': app({ '@remix-run/react': '^2.11.0' }, { '@remix-run/dev': '^2.11.0', vite: '^5.1.0' }),
      'vite.config.ts': 'export default {};\n',
    },
    framework: 'remix',
    build: 'npx remix vite:build',
    output: 'build/client',
  },
  {
    name: 'Remix (classic compiler)',
    files: {
      'package.json': app({ '@remix-run/react': '^1.19.3' }, { '@remix-run/dev': '^1.19.3' }),
      'remix.config.js': 'module.exports = {};\n',
    },
    framework: 'remix',
    build: 'npx remix build',
    output: 'public',
  },
  {
    name: 'Angular',
    files: { 'package.json': app({ '@angular/core': '^18.1.0' }, { '@angular/cli': '^18.1.0' }), 'angular.json': '{}' },
    framework: 'angular',
    build: 'npx ng build',
    output: 'dist',
  },
  {
    name: 'Ember',
    files: { 'package.json': app({}, { 'ember-cli': '~5.10.0', 'ember-source': '~5.10.0' }) },
    framework: 'ember',
    build: 'npx ember build --environment=production',
    output: 'dist',
  },
  {
    name: 'SvelteKit',
    files: { 'package.json': app({}, { '@sveltejs/kit': '^2.5.0', svelte: '^4.2.0', vite: '^5.0.0' }) },
    framework: 'sveltekit',
    build: 'npx vite build',
    output: 'build',
  },
  {
    name: 'React Router',
    files: { 'package.json': app({ 'react-router': '^7.0.0' }, { '@react-router/dev': '^7.0.0' }) },
    framework: 'react-router',
    build: 'npx react-router build',
    output: 'build/client',
  },
  {
    name: 'VitePress',
    files: { 'package.json': app({}, { vitepress: '^1.3.0' }) },
    framework: 'vitepress',
    build: 'npx vitepress build docs',
    output: 'docs/.vitepress/dist',
  },
  {
    name: 'NestJS',
    files: { 'package.json': app({ '@nestjs/core': '^10.0.0' }, { '@nestjs/cli': '^10.0.0' }) },
    framework: 'nestjs',
    build: 'npx nest build',
    output: 'dist',
  },
];

describe('frameworks build without a build script', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.build}, into ${c.output}`, async () => {
      const draft = await draftOf(c.files);
      expect(draft.frameworks[0]?.name).toBe(c.framework); // the framework leads the list
      expect(draft.commands.build).toBe(c.build); // its own build command, run through the package manager
      expect(draft.output).toBe(c.output); // the folder that build writes
      expect(draft.serves).toBe(!['stencil', 'solid', 'parcel'].includes(c.framework)); // an app, or a part of one
    });
  }

  it('a build script wins over the framework command, and a Next app still starts without a start script', async () => {
    const { stack } = await detectFiles({
      'package.json': app({ next: '14.2.5' }).replace('"dev": "echo dev"', '"build": "next build --debug"'),
      'package-lock.json': '{}',
    });
    expect(projectAt(stack, '.').commands).toMatchObject({ build: 'npm run build', start: 'npx next start' });
  });

  it('a library that uses Vite only for its tests gets no vite build', async () => {
    const draft = await draftOf({
      'package.json': json({
        name: '@acme/utils',
        scripts: { test: 'vitest run' },
        devDependencies: { vite: '5.4.0' },
      }),
    });
    expect(draft.frameworks.map((f) => f.name)).toStrictEqual(['vite']);
    expect(draft.commands.build).toBe(null);
    expect(draft.serves).toBe(false);
  });

  it('a framework declared with the workspace protocol has no version', async () => {
    const { stack } = await detectFiles({
      'package.json': json({ name: 'next-repo', private: true, workspaces: ['packages/*', 'apps/*'] }),
      'yarn.lock': '# yarn lockfile v1\n',
      'packages/next/package.json': json({ name: 'next', version: '15.0.0-canary.1' }),
      'apps/demo/package.json': json({ name: 'demo', dependencies: { next: 'workspace:*' } }),
    });
    expect(projectAt(stack, 'apps/demo').frameworks).toStrictEqual([
      { name: 'next', version: null, source: 'apps/demo/package.json#dependencies.next' },
    ]);
  });
});

describe('the framework table covers what @netlify/build-info recognises', () => {
  it('every dependency and config-only generator it detects by is in the table', async () => {
    const url = pathToFileURL(join(REPO, 'node_modules/@netlify/build-info/lib/frameworks/index.js')).href;
    const { frameworks } = (await import(url)) as { frameworks: (new (p: unknown) => NetlifyFramework)[] };
    const deps = new Set(FRAMEWORKS.flatMap((f) => f.deps ?? []));
    const sites = new Set(FRAMEWORKS.filter((f) => f.ecosystem === 'site').map((f) => f.name));
    // Cecil is a PHP generator known only by config.yml, a name too common to claim a folder by.
    const notCovered = new Set(['cecil']);
    const missing: string[] = [];
    for (const F of frameworks) {
      const f = new F({});
      if (notCovered.has(f.id)) continue;
      if (f.npmDependencies.length === 0 && !sites.has(f.id)) missing.push(f.id);
      for (const dep of f.npmDependencies) if (!deps.has(dep) && dep !== '@nrwl/next') missing.push(`${f.id}:${dep}`);
    }
    expect(frameworks.length).toBeGreaterThan(50);
    expect(missing).toStrictEqual([]);
  });
});

interface NetlifyFramework {
  id: string;
  npmDependencies: string[];
}
