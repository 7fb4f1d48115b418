import { describe, expect, it } from '@jest/globals';
import { detectFiles, projectAt } from './helpers.js';

const json = (v: unknown): string => JSON.stringify(v, null, 2);

describe('sites built outside Node are projects', () => {
  it('a Jekyll site with a Gemfile builds with bundle exec jekyll build', async () => {
    const { stack } = await detectFiles({
      '_config.yml': 'title: Field notes\nbaseurl: ""\ntheme: minima\nplugins:\n  - jekyll-feed\n',
      Gemfile: 'source "https://rubygems.org"\ngem "jekyll", "~> 4.3.3"\ngem "minima", "~> 2.5"\n',
      'Gemfile.lock':
        'GEM\n  remote: https://rubygems.org/\n  specs:\n    jekyll (4.3.3)\n    minima (2.5.1)\n\nBUNDLED WITH\n   2.5.11\n',
      '.ruby-version': '3.3.4\n',
      '_posts/2024-05-01-hello.md': '---\ntitle: Hello\n---\nHi.\n',
      'index.md': '---\nlayout: home\n---\n',
    });
    expect(stack.primary).toBe('.');
    const site = projectAt(stack, '.');
    expect(site.runtime).toStrictEqual({ name: 'ruby', version: '3.3.4', source: '.ruby-version' });
    expect(site.packageManager).toStrictEqual({
      name: 'bundler',
      version: '2.5.11',
      lockfile: 'Gemfile.lock',
      source: 'Gemfile',
    });
    expect(site.frameworks).toStrictEqual([{ name: 'jekyll', version: '4.3.3', source: 'Gemfile.lock' }]);
    expect(site.commands).toStrictEqual({
      install: 'bundle install',
      build: 'bundle exec jekyll build',
      test: null,
      start: null,
    });
    expect(site.warnings).toStrictEqual([]); // the Gemfile is the site's, not a second ecosystem
  });

  it('a GitHub Pages Jekyll site without a Gemfile', async () => {
    const { stack } = await detectFiles({
      '_config.yml': 'title: Docs\n',
      '_layouts/default.html': '<html>{{ content }}</html>\n',
      'index.md': '# Docs\n',
    });
    expect(projectAt(stack, '.').commands).toMatchObject({ install: 'gem install jekyll', build: 'jekyll build' });
  });

  it('a Hugo site with config.toml and content/, its theme as a Go module', async () => {
    const { stack } = await detectFiles({
      'config.toml':
        'baseURL = "https://example.org/"\nlanguageCode = "en-us"\ntitle = "Example"\n[module]\n  [[module.imports]]\n    path = "github.com/google/docsy"\n',
      'go.mod': 'module github.com/example/site\n\ngo 1.22\n\nrequire github.com/google/docsy v0.10.0 // indirect\n',
      'netlify.toml': '[build]\n  command = "hugo --gc --minify"\n\n[build.environment]\n  HUGO_VERSION = "0.128.2"\n',
      'content/_index.md': '---\ntitle: Home\n---\n',
      'content/docs/intro.md': '# Intro\n',
      'layouts/partials/footer.html': '<footer></footer>\n',
    });
    expect(stack.projects.map((p) => p.path)).toStrictEqual(['.']);
    const site = projectAt(stack, '.');
    expect(site.runtime.name).toBe('static');
    expect(site.frameworks).toStrictEqual([{ name: 'hugo', version: '0.128.2', source: 'netlify.toml#HUGO_VERSION' }]);
    expect(site.commands.build).toBe('hugo --gc --minify');
    expect(site.warnings).toStrictEqual([]); // go.mod holds the theme, not a Go program
  });

  it('a Hugo docs site inside a Go repository is a project of its own', async () => {
    const { stack } = await detectFiles({
      'go.mod': 'module example.com/tool\n\ngo 1.22\n',
      'main.go': 'package main\n\nfunc main() {}\n',
      'docs/hugo.toml': 'baseURL = "https://tool.example.com/"\ntitle = "Tool"\n',
      'docs/content/_index.md': '# Tool\n',
    });
    expect(stack.projects.map((p) => [p.path, p.runtime.name])).toStrictEqual([
      ['.', 'go'],
      ['docs', 'static'],
    ]);
    expect(stack.primary).toBe('.');
  });

  it('a Hexo blog is a Node project even with a _config.yml, and a config.yaml alone is no site', async () => {
    const { stack } = await detectFiles({
      'blog/_config.yml': 'title: Hexo\nurl: http://example.com\n',
      'blog/package.json': json({ name: 'blog', dependencies: { hexo: '^7.3.0' } }),
      'svc/config.yaml': 'port: 8080\n',
      'svc/go.mod': 'module svc\n\ngo 1.22\n',
    });
    const blog = projectAt(stack, 'blog');
    expect([blog.runtime.name, blog.commands.build]).toStrictEqual(['node', 'npx hexo generate']);
    expect(projectAt(stack, 'svc').runtime.name).toBe('go');
  });
});

describe('which project is primary', () => {
  it('an application wins over a library with more code', async () => {
    const { stack } = await detectFiles({
      'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*', 'apps/*'] }),
      'package-lock.json': '{}',
      'packages/sdk/package.json': json({ name: '@acme/sdk', scripts: { build: 'tsc' } }),
      'packages/sdk/src/index.ts': 'export const x = 1;\n'.repeat(500),
      'apps/api/package.json': json({
        name: 'api',
        scripts: { build: 'tsc', start: 'node dist/main.js' },
        dependencies: { fastify: '4.28.1' },
      }),
      'apps/api/src/main.ts': 'import fastify from "fastify";\n',
    });
    expect(stack.primary).toBe('apps/api');
  });

  it('what the root scripts build wins among applications', async () => {
    const { stack } = await detectFiles({
      'package.json': json({
        name: 'r',
        private: true,
        workspaces: ['apps/*'],
        scripts: { build: 'npm run build -w apps/admin' },
      }),
      'package-lock.json': '{}',
      'apps/site/package.json': json({ name: 'site', dependencies: { astro: '4.15.0' } }),
      'apps/site/src/pages/index.astro': '---\n---\n<h1>Hi</h1>\n'.repeat(300),
      'apps/admin/package.json': json({ name: 'admin', dependencies: { next: '14.2.5' } }),
      'apps/admin/app/page.tsx': 'export default () => null;\n',
    });
    expect(stack.primary).toBe('apps/admin');
  });

  it('a Dockerfile makes an application', async () => {
    const { stack } = await detectFiles({
      'lib/package.json': json({ name: 'lib', scripts: { build: 'tsc' } }),
      'lib/src/index.ts': 'export {};\n'.repeat(400),
      'worker/package.json': json({ name: 'worker', scripts: { build: 'tsc' } }),
      'worker/Dockerfile': 'FROM node:20-slim\nCMD ["node", "dist/index.js"]\n',
    });
    expect(stack.primary).toBe('worker');
  });

  it('test, fixture, e2e and benchmark folders hold no projects unless declared members, and are never primary', async () => {
    const { stack } = await detectFiles({
      'package.json': json({ name: 'tool', private: true, workspaces: ['packages/*', 'e2e'] }),
      'package-lock.json': '{}',
      'packages/cli/package.json': json({ name: 'cli', bin: { tool: 'bin.js' }, scripts: { build: 'tsc' } }),
      'e2e/package.json': json({ name: 'e2e', scripts: { test: 'playwright test' }, dependencies: { next: '14.2.5' } }),
      'e2e/Dockerfile': 'FROM mcr.microsoft.com/playwright:v1.45.0\n',
      'benchmarks/http/package.json': json({ name: 'bench-http', dependencies: { express: '4.19.2' } }),
      'tests/app/package.json': json({ name: 'fixture-app', scripts: { start: 'node .' } }),
      'packages/cli/__tests__/fixtures-v2/proj/package.json': json({ name: 'f' }),
      'packages/cli/test/data/go.mod': 'module x\n',
    });
    expect(stack.projects.map((p) => p.path).sort()).toStrictEqual(['e2e', 'packages/cli']);
    expect(stack.primary).toBe('packages/cli'); // e2e is a declared member, but never primary
  });
});
