import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { RecordingLogger } from '@slipway/action-kit/lite';
import { detectStack } from '../src/index.js';
import { makeTree, removeTree } from '../../../test/harness.js';
import { assertValidStack, detectFiles, projectAt } from './helpers.js';

const json = (v: unknown): string => JSON.stringify(v, null, 2);

/** An integrated Nx workspace as create-nx-workspace lays it out: apps/ and libs/, one package.json at the root. */
const NX_INTEGRATED: Record<string, string> = {
  'package.json': json({
    name: '@acme/source',
    private: true,
    scripts: { start: 'nx serve shop' },
    dependencies: { next: '14.2.5', react: '18.3.1', '@angular/core': '~17.3.0' },
    devDependencies: { nx: '19.5.3', '@nx/next': '19.5.3', '@nx/vite': '19.5.3', '@nx/jest': '19.5.3', vite: '^5.0.0' },
  }),
  'package-lock.json': json({ lockfileVersion: 3 }),
  '.nvmrc': '20.15.0\n',
  'nx.json': json({
    $schema: './node_modules/nx/schemas/nx-schema.json',
    targetDefaults: { build: { dependsOn: ['^build'], cache: true } },
    plugins: [
      { plugin: '@nx/vite/plugin', options: { buildTargetName: 'bundle', testTargetName: 'test' } },
      { plugin: '@nx/jest/plugin', options: { targetName: 'test' } },
    ],
  }),
  'apps/shop/project.json': json({
    name: 'shop',
    projectType: 'application',
    sourceRoot: 'apps/shop',
    targets: {
      build: {
        executor: '@nx/next:build',
        outputs: ['{options.outputPath}'],
        options: { outputPath: 'dist/apps/shop' },
      },
      serve: { executor: '@nx/next:server', options: { buildTarget: 'shop:build' } },
    },
  }),
  'apps/shop/next.config.js': 'module.exports = {};\n',
  'apps/shop/jest.config.ts': 'export default {};\n',
  'apps/shop/app/page.tsx': 'export default function Page() { return null; }\n'.repeat(40),
  'apps/admin/project.json': json({
    name: 'admin',
    projectType: 'application',
    targets: { build: { executor: '@angular-devkit/build-angular:application', options: {} } },
  }),
  'apps/admin/src/main.ts': 'bootstrapApplication(AppComponent);\n',
  'apps/shop-e2e/project.json': json({ name: 'shop-e2e', projectType: 'application', implicitDependencies: ['shop'] }),
  'libs/ui/project.json': json({ name: 'ui', projectType: 'library', sourceRoot: 'libs/ui/src' }),
  'libs/ui/vite.config.ts': 'export default {};\n',
  'libs/ui/src/index.ts': 'export const Button = 1;\n',
  'tools/scripts/release.ts': 'console.log(1);\n',
};

describe('Nx workspaces defined by project.json, without package.json workspaces', () => {
  it('reports nx as the build system and every project with its path and nx commands', async () => {
    const { stack } = await detectFiles(NX_INTEGRATED);
    expect(stack.projects.map((p) => p.path).sort()).toStrictEqual([
      'apps/admin',
      'apps/shop',
      'apps/shop-e2e',
      'libs/ui',
    ]); // the root only orchestrates: it is not a project
    expect(stack.monorepo).toStrictEqual({
      tool: 'nx',
      workspaces: ['apps/admin', 'apps/shop', 'apps/shop-e2e', 'libs/ui'],
    });
    const shop = projectAt(stack, 'apps/shop');
    expect(shop.name).toBe('shop');
    expect(shop.manifest).toBe('apps/shop/project.json');
    expect(shop.commands).toStrictEqual({
      install: 'npm ci',
      build: 'npx nx run shop:build',
      test: 'npx nx run shop:test', // inferred by @nx/jest/plugin from jest.config.ts
      start: null, // Nx builds into dist/apps/shop, where `next start` in this folder would not look
    });
    expect(shop.packageManager).toStrictEqual({
      name: 'npm',
      version: null,
      lockfile: 'package-lock.json',
      source: 'package-lock.json',
    });
    expect([shop.runtime.version, shop.runtime.source]).toStrictEqual(['20.15.0', '.nvmrc']);
    expect(shop.frameworks).toStrictEqual([
      { name: 'next', version: '14.2.5', source: 'package.json#dependencies.next' },
    ]); // named by the executor, versioned by the root package.json
    const admin = projectAt(stack, 'apps/admin');
    expect(admin.frameworks.map((f) => `${f.name}@${f.version}`)).toStrictEqual(['angular@~17.3.0']);
    expect(admin.commands.build).toBe('npx nx run admin:build');
    expect(admin.commands.test).toBe(null);
    const ui = projectAt(stack, 'libs/ui');
    expect(ui.commands.build).toBe('npx nx run ui:bundle'); // @nx/vite/plugin names the target bundle
    expect(ui.commands.test).toBe('npx nx run ui:test');
    expect(projectAt(stack, 'apps/shop-e2e').commands.build).toBe(null);
    expect(stack.primary).toBe('apps/shop'); // what the root's start script serves
    expect(stack.warnings).toStrictEqual([]);
  });

  it('reads the projects the older workspace.json lists', async () => {
    const { stack } = await detectFiles({
      'package.json': json({
        name: 'legacy',
        devDependencies: { '@nrwl/workspace': '13.10.6', '@nestjs/core': '8.4.7' },
      }),
      'yarn.lock': '# yarn lockfile v1\n',
      'nx.json': json({ npmScope: 'legacy', affected: { defaultBase: 'main' } }),
      'workspace.json': json({ version: 2, projects: { api: 'apps/api', shared: 'libs/shared' } }),
      'apps/api/project.json': json({
        root: 'apps/api',
        projectType: 'application',
        targets: { build: { executor: '@nrwl/node:build' }, test: { executor: '@nrwl/jest:jest' } },
      }),
      'libs/shared/project.json': json({ root: 'libs/shared', projectType: 'library', targets: {} }),
    });
    expect(stack.monorepo).toStrictEqual({ tool: 'nx', workspaces: ['apps/api', 'libs/shared'] });
    const api = projectAt(stack, 'apps/api');
    expect(api.name).toBe('api'); // no name in project.json: the folder's
    expect(api.commands).toStrictEqual({
      install: 'yarn install --frozen-lockfile',
      build: 'yarn nx run api:build',
      test: 'yarn nx run api:test',
      start: null,
    });
  });

  it('runs a package script through nx when target defaults make it depend on other projects', async () => {
    const { stack } = await detectFiles({
      'package.json': json({
        name: 'mono',
        private: true,
        workspaces: ['packages/*'],
        devDependencies: { nx: '20.0.0' },
      }),
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
      'pnpm-workspace.yaml': 'packages:\n  - packages/*\n',
      'nx.json': json({ targetDefaults: { build: { dependsOn: ['^build'] }, test: {} } }),
      'packages/core/package.json': json({ name: '@mono/core', scripts: { build: 'tsc -b', test: 'vitest run' } }),
    });
    const core = projectAt(stack, 'packages/core');
    expect(core.commands.build).toBe('pnpm exec nx run @mono/core:build');
    expect(core.commands.test).toBe('pnpm test'); // no dependsOn for test: the script alone is enough
  });

  it('finds the Nx workspace above path and runs the project through it', async () => {
    const tree = makeTree({ ...NX_INTEGRATED, '.git/HEAD': 'ref: refs/heads/main\n' });
    try {
      const stack = await detectStack({ root: join(tree, 'apps', 'shop'), logger: new RecordingLogger() });
      assertValidStack(stack);
      const shop = projectAt(stack, '.');
      expect(shop.name).toBe('shop');
      expect(shop.commands.build).toBe('npx nx run shop:build');
      expect(shop.commands.install).toBe('npm ci');
      expect(shop.packageManager?.lockfile).toBe('../../package-lock.json');
      expect([shop.runtime.version, shop.runtime.source]).toStrictEqual(['20.15.0', '../../.nvmrc']);
      expect(shop.frameworks.map((f) => `${f.name}@${f.version}`)).toStrictEqual(['next@14.2.5']);
    } finally {
      removeTree(tree);
    }
  });

  it('a standalone Nx app at the root is the project', async () => {
    const { stack } = await detectFiles({
      'package.json': json({ name: 'solo', devDependencies: { nx: '19.0.0', vite: '5.2.0' } }),
      'package-lock.json': '{}',
      'nx.json': json({ plugins: ['@nx/vite/plugin'] }),
      'project.json': json({ name: 'solo', targets: {} }),
      'vite.config.ts': 'export default {};\n',
      'index.html': '<div id="root"></div>\n',
    });
    expect(stack.projects.map((p) => p.path)).toStrictEqual(['.']);
    expect(projectAt(stack, '.').commands.build).toBe('npx nx run solo:build');
    expect(stack.monorepo).toBe(null);
  });
});
