import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { RecordingLogger } from '@slipway/action-kit/lite';
import { detectStack, type Stack } from '../src/index.js';
import { makeTree, removeTree } from '../../../test/harness.js';
import { assertValidStack, detectFiles, projectAt } from './helpers.js';

const json = (v: unknown): string => JSON.stringify(v, null, 2);

/** A turbo + pnpm monorepo as create-turbo lays it out, with pnpm catalogs. */
const TURBO_PNPM: Record<string, string> = {
  'package.json': json({
    name: 'acme',
    private: true,
    packageManager: 'pnpm@9.7.0',
    scripts: { build: 'turbo run build', dev: 'turbo run dev', lint: 'turbo run lint' },
    devDependencies: { turbo: '^2.0.12', typescript: 'catalog:' },
    engines: { node: '>=20' },
  }),
  'pnpm-workspace.yaml':
    'packages:\n  - "apps/*"\n  - "packages/*"\n\ncatalog:\n  next: 14.2.5\n  typescript: ^5.5.4\n\ncatalogs:\n  react18:\n    react: ^18.3.1\n    react-dom: ^18.3.1\n',
  'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
  '.nvmrc': '20.16.0\n',
  'turbo.json': json({
    $schema: 'https://turbo.build/schema.json',
    tasks: { build: { dependsOn: ['^build'], outputs: ['.next/**', '!.next/cache/**'] }, lint: {}, test: {} },
  }),
  'apps/web/package.json': json({
    name: 'web',
    private: true,
    scripts: { dev: 'next dev', build: 'next build', start: 'next start', test: 'vitest run' },
    dependencies: { next: 'catalog:', react: 'catalog:react18', '@acme/ui': 'workspace:*' },
  }),
  'apps/web/next.config.mjs': 'export default {};\n',
  'apps/web/app/page.tsx': 'export default function Page() {}\n'.repeat(30),
  'apps/docs/package.json': json({
    name: 'docs',
    scripts: { build: 'next build' },
    dependencies: { next: 'npm:next@14.1.0', '@acme/ui': 'workspace:^0.1.0' },
  }),
  'packages/ui/package.json': json({
    name: '@acme/ui',
    version: '0.1.0',
    scripts: { build: 'tsc', lint: 'eslint .' },
    devDependencies: { typescript: 'catalog:' },
  }),
  'packages/ui/src/button.tsx': 'export const Button = () => null;\n',
};

async function detectBelow(files: Record<string, string>, path: string, ceiling?: string): Promise<Stack> {
  const tree = makeTree(files);
  try {
    const stack = await detectStack({
      root: join(tree, path),
      logger: new RecordingLogger(),
      ...(ceiling !== undefined ? { ceiling: join(tree, ceiling) } : {}),
    });
    assertValidStack(stack);
    return stack;
  } finally {
    removeTree(tree);
  }
}

describe('a turbo + pnpm monorepo', () => {
  it('runs builds with pipeline dependencies through turbo and resolves catalog versions', async () => {
    const { stack } = await detectFiles(TURBO_PNPM);
    expect(stack.monorepo).toStrictEqual({ tool: 'turbo', workspaces: ['apps/docs', 'apps/web', 'packages/ui'] });
    const web = projectAt(stack, 'apps/web');
    expect(web.commands).toStrictEqual({
      install: 'pnpm install --frozen-lockfile',
      build: 'pnpm exec turbo run build --filter=web', // turbo.json: build dependsOn ^build
      test: 'pnpm test', // test has no dependsOn: the package's own script is the whole task
      start: 'pnpm start',
    });
    expect(web.frameworks).toStrictEqual([
      { name: 'next', version: '14.2.5', source: 'pnpm-workspace.yaml#catalog.next' },
    ]);
    expect(projectAt(stack, 'apps/docs').frameworks).toStrictEqual([
      { name: 'next', version: '14.1.0', source: 'apps/docs/package.json#dependencies.next' },
    ]);
    expect(projectAt(stack, 'packages/ui').commands.build).toBe('pnpm exec turbo run build --filter=@acme/ui');
    expect(stack.primary).toBe('apps/web'); // an app with more code than docs; ui is a library
  });

  it('path inside a member: package manager, lockfile, versions and catalogs come from the enclosing root', async () => {
    const stack = await detectBelow({ ...TURBO_PNPM, '.git/HEAD': 'ref: refs/heads/main\n' }, 'apps/web');
    expect(stack.projects.map((p) => p.path)).toStrictEqual(['.']);
    const web = projectAt(stack, '.');
    expect(web.packageManager).toStrictEqual({
      name: 'pnpm',
      version: '9.7.0',
      lockfile: '../../pnpm-lock.yaml',
      source: '../../package.json#packageManager',
    });
    expect(web.runtime).toStrictEqual({ name: 'node', version: '20.16.0', source: '../../.nvmrc' });
    expect(web.commands.install).toBe('pnpm install --frozen-lockfile'); // not npm install, which rejects workspace:*
    expect(web.commands.build).toBe('pnpm exec turbo run build --filter=web');
    expect(web.frameworks).toStrictEqual([
      { name: 'next', version: '14.2.5', source: '../../pnpm-workspace.yaml#catalog.next' },
    ]);
    expect(web.warnings).toStrictEqual([]);
    expect(stack.monorepo).toBe(null);
  });

  it('without a .git above path, climbs to the ceiling (the workspace) and no further', async () => {
    const withCeiling = await detectBelow(TURBO_PNPM, 'apps/web', '.');
    expect(projectAt(withCeiling, '.').packageManager?.name).toBe('pnpm');
    const stopped = await detectBelow(TURBO_PNPM, 'apps/web', 'apps');
    const web = projectAt(stopped, '.');
    expect(web.packageManager).toStrictEqual({ name: 'npm', version: null, lockfile: null, source: null });
    expect(web.commands.install).toBe(null); // npm rejects workspace:*; said, not suggested
    expect(web.warnings).toContainEqual(expect.stringMatching(/workspace: protocol, which npm cannot install/));
    expect(web.frameworks).toStrictEqual([
      { name: 'next', version: null, source: 'package.json#dependencies.next' }, // catalog: unresolved is no version
    ]);
  });

  it('never reads above the repository root', async () => {
    const stack = await detectBelow(
      {
        'pnpm-workspace.yaml': 'packages:\n  - "repo/site"\n',
        'package.json': json({ name: 'outside', packageManager: 'pnpm@9.0.0' }),
        'pnpm-lock.yaml': '',
        'repo/.git/HEAD': 'ref: refs/heads/main\n',
        'repo/site/package.json': json({ name: 'site', scripts: { build: 'vite build' } }),
      },
      'repo/site',
      '.',
    );
    expect(projectAt(stack, '.').packageManager?.name).toBe('npm');
  });
});

describe('commands the package manager accepts', () => {
  it('a folder below a Yarn Berry project that is not one of its workspaces gets no yarn command', async () => {
    const { stack } = await detectFiles({
      'package.json': json({ name: 'berry', packageManager: 'yarn@4.3.1', workspaces: ['packages/*'] }),
      'yarn.lock': '__metadata:\n  version: 8\n  cacheKey: 10c0\n',
      '.yarnrc.yml': 'nodeLinker: node-modules\n',
      'packages/app/package.json': json({ name: 'app', scripts: { build: 'tsc' } }),
      'scripts/release/package.json': json({ name: 'release-tool', scripts: { build: 'tsc' } }),
    });
    expect(projectAt(stack, 'packages/app').commands.install).toBe('yarn install --immutable');
    const tool = projectAt(stack, 'scripts/release');
    expect(tool.commands).toStrictEqual({ install: null, build: null, test: null, start: null });
    expect(tool.warnings).toContainEqual(expect.stringMatching(/is not one of its workspaces, so yarn refuses/));
  });

  it('a folder below a pnpm workspace that is not a member installs on its own', async () => {
    const { stack } = await detectFiles({
      'package.json': json({ name: 'root', private: true }),
      'pnpm-workspace.yaml': 'packages:\n  - "apps/*"\n',
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
      'apps/a/package.json': json({ name: 'a', scripts: { build: 'tsc' } }),
      'tools/codegen/package.json': json({ name: 'codegen', scripts: { build: 'tsc' } }),
    });
    expect(projectAt(stack, 'apps/a').commands.install).toBe('pnpm install --frozen-lockfile');
    const codegen = projectAt(stack, 'tools/codegen');
    expect(codegen.packageManager?.lockfile).toBe(null);
    expect(codegen.commands.install).toBe('pnpm install --ignore-workspace');
  });

  it('a package below another, not in a workspace, does not use the lockfile above it', async () => {
    const { stack } = await detectFiles({
      'package.json': json({ name: 'lib', scripts: { build: 'tsc' } }),
      'package-lock.json': '{}',
      'website/package.json': json({ name: 'website', dependencies: { '@docusaurus/core': '3.4.0' } }),
    });
    expect(projectAt(stack, '.').commands.install).toBe('npm ci');
    const site = projectAt(stack, 'website');
    expect(site.packageManager?.lockfile).toBe(null);
    expect(site.commands.install).toBe('npm install'); // npm ci fails without a lockfile of its own
    expect(site.commands.build).toBe('npx docusaurus build');
  });

  it('a build script that is not a string is no build command', async () => {
    const { stack } = await detectFiles({
      'package.json': json({ name: 'odd', scripts: { build: ['tsc'], test: 'node --test' } }),
      'package-lock.json': '{}',
    });
    const p = projectAt(stack, '.');
    expect(p.commands.build).toBe(null);
    expect(p.commands.test).toBe('npm test');
    expect(stack.warnings).toContainEqual(
      expect.stringMatching(/scripts\.build is a list, but slipway needs a string/),
    );
  });

  it('a Rush project installs and builds through Rush, never per project', async () => {
    const { stack } = await detectFiles({
      'rush.json':
        '{\n  // managed by rush\n  "pnpmVersion": "8.15.8",\n  "projects": [\n    { "packageName": "@acme/site", "projectFolder": "apps/site" }\n  ]\n}\n',
      'common/scripts/install-run-rush.js': '// generated by rush\n',
      'common/config/rush/pnpm-lock.yaml': "lockfileVersion: '6.0'\n",
      'apps/site/package.json': json({ name: '@acme/site', scripts: { build: 'heft build', test: 'heft test' } }),
    });
    const site = projectAt(stack, 'apps/site');
    expect(site.packageManager).toStrictEqual({
      name: 'pnpm',
      version: '8.15.8',
      lockfile: 'common/config/rush/pnpm-lock.yaml',
      source: 'rush.json#pnpmVersion',
    });
    expect(site.commands).toStrictEqual({
      install: 'node ../../common/scripts/install-run-rush.js install',
      build: 'node ../../common/scripts/install-run-rush.js build --to @acme/site',
      test: 'rushx test', // the repository has no install-run-rushx.js
      start: null,
    });
  });

  it('Bun catalogs in the root package.json resolve a member version', async () => {
    const { stack } = await detectFiles({
      'package.json': json({
        name: 'bunmono',
        workspaces: { packages: ['apps/*'], catalog: { astro: '4.15.1' } },
      }),
      'bun.lock': '{}',
      'apps/blog/package.json': json({ name: 'blog', dependencies: { astro: 'catalog:' } }),
    });
    const blog = projectAt(stack, 'apps/blog');
    expect(blog.frameworks).toStrictEqual([
      { name: 'astro', version: '4.15.1', source: 'package.json#workspaces.catalog.astro' },
    ]);
    expect(blog.commands.build).toBe('bunx astro build'); // no build script: the framework's own
  });

  it('npm-shrinkwrap.json beside package-lock.json is the lockfile npm uses, without a two-lockfile warning', async () => {
    const { stack } = await detectFiles({
      'package.json': json({ name: 'cli', version: '1.0.0', bin: { cli: 'bin.js' }, scripts: { build: 'tsc' } }),
      'package-lock.json': json({ name: 'cli', lockfileVersion: 3, packages: {} }),
      'npm-shrinkwrap.json': json({ name: 'cli', lockfileVersion: 3, packages: {} }),
    });
    const root = projectAt(stack, '.');
    expect(root.packageManager).toMatchObject({ name: 'npm', lockfile: 'npm-shrinkwrap.json' });
    expect(root.commands.install).toBe('npm ci');
    expect(stack.warnings.filter((w) => w.includes('lockfiles'))).toStrictEqual([]);
  });
});
