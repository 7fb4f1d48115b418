import { describe, expect, it } from '@jest/globals';
import type { Commands } from '../src/index.js';
import { detectFiles, projectAt } from './helpers.js';

interface Expect {
  path: string;
  name?: string;
  runtime?: [string, string | null, string | null];
  pm?: [string, string | null];
  pmVersion?: string;
  commands?: Partial<Commands>;
  frameworks?: string[];
  warnings?: RegExp[];
  dockerfile?: string | null;
}

interface Case {
  name: string;
  files: Record<string, string>;
  projects: Expect[];
  /** Exactly these project paths, when given. */
  only?: string[];
  monorepo?: { tool: string | null; workspaces: string[] } | null;
  primary?: string;
  warnings?: RegExp[];
}

const json = (v: unknown): string => JSON.stringify(v, null, 2);

const CASES: Case[] = [
  {
    name: 'npm with .nvmrc that disagrees with engines',
    files: {
      'package.json': json({
        name: 'api',
        scripts: { build: 'tsc', test: 'node --test', start: 'node dist/index.js' },
        engines: { node: '>=22' },
        dependencies: { express: '^4.19.2' },
      }),
      'package-lock.json': '{}',
      '.nvmrc': 'v20.11.1\n',
    },
    projects: [
      {
        path: '.',
        name: 'api',
        runtime: ['node', '20.11.1', '.nvmrc'],
        pm: ['npm', 'package-lock.json'],
        commands: { install: 'npm ci', build: 'npm run build', test: 'npm test', start: 'npm start' },
        frameworks: ['express@^4.19.2'],
        warnings: [/\.nvmrc says 20\.11\.1 but package\.json#engines\.node requires >=22/],
      },
    ],
    monorepo: null,
    primary: '.',
  },
  {
    name: 'npm default test script is not a test command',
    files: { 'package.json': json({ name: 'x', scripts: { test: 'echo "Error: no test specified" && exit 1' } }) },
    projects: [{ path: '.', pm: ['npm', null], commands: { install: 'npm install', test: null, build: null } }],
  },
  {
    name: 'pnpm workspace under turbo; packageManager pins pnpm; root only orchestrates',
    files: {
      'package.json': json({
        name: 'mono',
        private: true,
        packageManager: 'pnpm@9.12.0+sha512.abc',
        scripts: { build: 'turbo run build' },
      }),
      'pnpm-workspace.yaml': 'packages:\n  - "apps/*"\n  - "packages/*"\n  - "!packages/ignored"\n',
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
      'turbo.json': '{}',
      '.node-version': '20.11.1',
      'apps/web/package.json': json({
        name: 'web',
        scripts: { build: 'next build', start: 'next start' },
        dependencies: { next: '14.2.3', react: '18.3.1' },
      }),
      'apps/web/Dockerfile': 'FROM node:20\n',
      'packages/ui/package.json': json({
        name: '@acme/ui',
        scripts: { test: 'vitest' },
        devDependencies: { vite: '^5.2.0' },
      }),
      'packages/ignored/package.json': json({ name: 'ignored' }),
    },
    projects: [
      {
        path: 'apps/web',
        name: 'web',
        runtime: ['node', '20.11.1', '.node-version'],
        pm: ['pnpm', 'pnpm-lock.yaml'],
        pmVersion: '9.12.0',
        commands: { install: 'pnpm install --frozen-lockfile', build: 'pnpm run build', start: 'pnpm start' },
        frameworks: ['next@14.2.3'],
        dockerfile: 'apps/web/Dockerfile',
      },
      {
        path: 'packages/ui',
        name: '@acme/ui',
        pm: ['pnpm', 'pnpm-lock.yaml'],
        commands: { test: 'pnpm test', build: null },
        frameworks: ['vite@^5.2.0'],
      },
      { path: 'packages/ignored' },
    ],
    only: ['apps/web', 'packages/ignored', 'packages/ui'],
    monorepo: { tool: 'turbo', workspaces: ['apps/web', 'packages/ui'] },
  },
  {
    name: 'npm workspaces whose root has a build of its own',
    files: {
      'package.json': json({ name: 'root', workspaces: ['packages/*'], scripts: { build: 'tsc -b' } }),
      'package-lock.json': '{}',
      'packages/a/package.json': json({ name: 'a' }),
    },
    projects: [{ path: '.' }, { path: 'packages/a', pm: ['npm', 'package-lock.json'] }],
    only: ['.', 'packages/a'],
    monorepo: { tool: 'npm-workspaces', workspaces: ['packages/a'] },
    primary: '.',
  },
  {
    name: 'yarn berry is recognised by .yarnrc.yml',
    files: {
      'package.json': json({ name: 'b', scripts: { build: 'vite build' } }),
      'yarn.lock': '__metadata:\n  version: 8\n',
      '.yarnrc.yml': 'nodeLinker: node-modules\n',
    },
    projects: [
      {
        path: '.',
        pm: ['yarn', 'yarn.lock'],
        commands: { install: 'yarn install --immutable', build: 'yarn run build' },
      },
    ],
  },
  {
    name: 'yarn classic',
    files: { 'package.json': json({ name: 'c', scripts: { test: 'jest' } }), 'yarn.lock': '# yarn lockfile v1\n' },
    projects: [
      {
        path: '.',
        pm: ['yarn', 'yarn.lock'],
        commands: { install: 'yarn install --frozen-lockfile', test: 'yarn test' },
      },
    ],
  },
  {
    name: 'bun lockfile makes a bun project',
    files: {
      'package.json': json({ name: 'd', scripts: { test: 'bun test' } }),
      'bun.lock': '{}',
      '.bun-version': '1.1.30',
    },
    projects: [
      {
        path: '.',
        runtime: ['bun', '1.1.30', '.bun-version'],
        pm: ['bun', 'bun.lock'],
        commands: { install: 'bun install --frozen-lockfile', test: 'bun run test' },
      },
    ],
  },
  {
    name: 'two lockfiles are reported, not silently chosen',
    files: { 'package.json': json({ name: 'e' }), 'package-lock.json': '{}', 'yarn.lock': '' },
    projects: [{ path: '.', warnings: [/two or more lockfiles in \.: yarn\.lock and package-lock\.json; using/] }],
  },
  {
    name: 'packageManager against a lockfile is reported',
    files: { 'package.json': json({ name: 'f', packageManager: 'pnpm@8.15.0' }), 'package-lock.json': '{}' },
    projects: [
      {
        path: '.',
        pm: ['pnpm', null],
        pmVersion: '8.15.0',
        warnings: [/packageManager says pnpm but the lockfile is package-lock\.json \(npm\)/],
      },
    ],
  },
  {
    name: 'a version file in a parent folder applies to projects below it',
    files: {
      '.tool-versions': 'nodejs 18.19.0\npython 3.11.7\n',
      'svc/package.json': json({ name: 'svc' }),
      'ml/requirements.txt': 'numpy==1.26.4\n',
    },
    projects: [
      { path: 'svc', runtime: ['node', '18.19.0', '.tool-versions'] },
      {
        path: 'ml',
        runtime: ['python', '3.11.7', '.tool-versions'],
        pm: ['pip', 'ml/requirements.txt'],
        commands: { install: 'pip install -r requirements.txt' },
      },
    ],
    monorepo: { tool: null, workspaces: ['ml', 'svc'] },
  },
  {
    name: 'mise.toml and volta',
    files: {
      'a/mise.toml': '[tools]\nnode = "22.3.0"\n',
      'a/package.json': json({ name: 'a' }),
      'b/package.json': json({ name: 'b', volta: { node: '20.5.0' } }),
    },
    projects: [
      { path: 'a', runtime: ['node', '22.3.0', 'a/mise.toml'] },
      { path: 'b', runtime: ['node', '20.5.0', 'b/package.json#volta.node'] },
    ],
  },
  {
    name: 'deno with comments in deno.jsonc',
    files: { 'deno.jsonc': '{\n  // tasks\n  "tasks": { "start": "deno run main.ts", },\n}\n', '.dvmrc': '2.0.0' },
    projects: [
      {
        path: '.',
        runtime: ['deno', '2.0.0', '.dvmrc'],
        pm: ['deno', null],
        commands: { start: 'deno task start', test: 'deno test' },
      },
    ],
  },
  {
    name: 'poetry with requires-python and pytest',
    files: {
      'pyproject.toml':
        '[tool.poetry]\nname = "svc"\n\n[tool.poetry.dependencies]\npython = "^3.12"\nfastapi = "0.110.0"\n\n[tool.poetry.group.dev.dependencies]\npytest = "^8"\n\n[build-system]\nrequires = ["poetry-core"]\n',
      'poetry.lock': '',
      'main.py': 'app = None\n',
    },
    projects: [
      {
        path: '.',
        name: 'svc',
        runtime: ['python', '^3.12', 'pyproject.toml#tool.poetry.dependencies.python'],
        pm: ['poetry', 'poetry.lock'],
        commands: {
          install: 'poetry install --no-interaction',
          build: 'poetry build',
          test: 'poetry run pytest',
          start: 'poetry run uvicorn main:app --host 0.0.0.0',
        },
        frameworks: ['fastapi@0.110.0'],
      },
    ],
  },
  {
    name: 'uv with .python-version',
    files: {
      'pyproject.toml': '[project]\nname = "tool"\nrequires-python = ">=3.10"\ndependencies = ["flask>=3"]\n',
      'uv.lock': '',
      '.python-version': '3.12.4\n',
    },
    projects: [
      {
        path: '.',
        runtime: ['python', '3.12.4', '.python-version'],
        pm: ['uv', 'uv.lock'],
        commands: { install: 'uv sync --locked', test: null },
        frameworks: ['flask@>=3'],
      },
    ],
  },
  {
    name: 'pipenv with Django, gunicorn and runtime.txt',
    files: {
      Pipfile: '[packages]\ndjango = "==5.0.6"\ngunicorn = "*"\n\n[requires]\npython_version = "3.11"\n',
      'Pipfile.lock': '{}',
      'runtime.txt': 'python-3.11.9\n',
      'manage.py': "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    },
    projects: [
      {
        path: '.',
        runtime: ['python', '3.11.9', 'runtime.txt'],
        pm: ['pipenv', 'Pipfile.lock'],
        commands: {
          install: 'pipenv install --deploy --dev',
          test: 'pipenv run python manage.py test',
          start: 'pipenv run gunicorn mysite.wsgi',
        },
        frameworks: ['django==5.0.6'.replace('==', '@')],
      },
    ],
  },
  {
    name: 'pdm',
    files: { 'pyproject.toml': '[project]\nname = "p"\n[tool.pdm]\n', 'pdm.lock': '' },
    projects: [{ path: '.', pm: ['pdm', 'pdm.lock'], commands: { install: 'pdm install --frozen-lockfile' } }],
  },
  {
    name: 'go: toolchain wins over go',
    files: {
      'go.mod':
        'module example.com/acme/api\n\ngo 1.22\n\ntoolchain go1.22.3\n\nrequire github.com/gin-gonic/gin v1.10.0\n',
      'go.sum': '',
      'main.go': 'package main\n',
    },
    projects: [
      {
        path: '.',
        name: 'api',
        runtime: ['go', '1.22.3', 'go.mod#toolchain'],
        pm: ['go', 'go.sum'],
        commands: { install: 'go mod download', build: 'go build ./...', test: 'go test ./...', start: 'go run .' },
        frameworks: ['gin@v1.10.0'],
      },
    ],
  },
  {
    name: "go.work workspace: go.work chooses the members' toolchain",
    files: {
      'go.work': 'go 1.23\n\nuse (\n\t./svc\n\t./lib // shared\n)\n',
      'svc/go.mod': 'module svc\n\ngo 1.23\n',
      'lib/go.mod': 'module lib\n\ngo 1.21\n',
    },
    projects: [
      { path: 'svc', runtime: ['go', '1.23', 'go.work#go'] },
      { path: 'lib', runtime: ['go', '1.23', 'go.work#go'] },
    ],
    only: ['lib', 'svc'],
    monorepo: { tool: 'go-work', workspaces: ['lib', 'svc'] },
  },
  {
    name: 'cargo workspace with a virtual manifest and rust-toolchain.toml',
    files: {
      'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n\n[workspace.package]\nrust-version = "1.75"\n',
      'Cargo.lock': '',
      'rust-toolchain.toml': '[toolchain]\nchannel = "1.79.0"\n',
      'crates/cli/Cargo.toml': '[package]\nname = "cli"\n\n[dependencies]\naxum = "0.7"\n',
      'crates/cli/src/main.rs': 'fn main() {}\n',
      'crates/core/Cargo.toml': '[package]\nname = "core"\nrust-version.workspace = true\n',
    },
    projects: [
      {
        path: 'crates/cli',
        runtime: ['rust', '1.79.0', 'rust-toolchain.toml#toolchain.channel'],
        pm: ['cargo', 'Cargo.lock'],
        commands: { build: 'cargo build --release --locked', start: 'cargo run --release --locked' },
        frameworks: ['axum@0.7'],
      },
      { path: 'crates/core', commands: { start: null } },
    ],
    only: ['crates/cli', 'crates/core'],
    monorepo: { tool: 'cargo-workspace', workspaces: ['crates/cli', 'crates/core'] },
  },
  {
    name: 'maven multi-module with wrapper and Spring Boot',
    files: {
      'pom.xml':
        '<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.2.5</version></parent><artifactId>shop</artifactId><packaging>pom</packaging><properties><maven.compiler.release>21</maven.compiler.release></properties><modules><module>api</module><module>core</module></modules></project>',
      mvnw: '#!/bin/sh\n',
      'api/pom.xml':
        '<project><parent><artifactId>shop</artifactId></parent><artifactId>shop-api</artifactId><dependencies><dependency><groupId>org.springframework.boot</groupId></dependency></dependencies></project>',
      'core/pom.xml': '<project><!-- <artifactId>nope</artifactId> --><artifactId>shop-core</artifactId></project>',
    },
    projects: [
      {
        path: 'api',
        name: 'shop-api',
        runtime: ['java', '21', 'pom.xml#maven.compiler.release'],
        pm: ['maven', null],
        commands: {
          build: '../mvnw -B -f ../pom.xml -pl api -am package -DskipTests',
          test: '../mvnw -B -f ../pom.xml -pl api -am test',
        },
        frameworks: ['spring-boot@3.2.5'],
      },
      { path: 'core', name: 'shop-core' },
    ],
    only: ['api', 'core'],
    monorepo: { tool: 'maven', workspaces: ['api', 'core'] },
  },
  {
    name: 'gradle kotlin DSL multi-project with toolchain and .java-version',
    files: {
      'settings.gradle.kts': 'rootProject.name = "platform"\ninclude("app", "lib:util")\n',
      gradlew: '#!/bin/sh\n',
      'app/build.gradle.kts':
        'plugins {\n  id("org.springframework.boot") version "3.3.0"\n}\njava { toolchain { languageVersion.set(JavaLanguageVersion.of(17)) } }\n',
      'lib/util/build.gradle': "plugins { id 'java-library' }\nsourceCompatibility = '11'\n",
      'lib/util/.java-version': '21.0.2\n',
    },
    projects: [
      {
        path: 'app',
        runtime: ['java', '17', 'app/build.gradle.kts'],
        pm: ['gradle', null],
        commands: { build: '../gradlew build -x test' },
        frameworks: ['spring-boot@3.3.0'],
      },
      {
        path: 'lib/util',
        runtime: ['java', '21.0.2', 'lib/util/.java-version'],
        commands: { test: '../../gradlew test' },
      },
    ],
    only: ['.', 'app', 'lib/util'],
    monorepo: { tool: 'gradle', workspaces: ['app', 'lib/util'] },
  },
  {
    name: '.NET solution with global.json; its projects are built by it',
    files: {
      'global.json': '{ "sdk": { "version": "8.0.204" } }',
      'Shop.sln': 'Microsoft Visual Studio Solution File\n',
      'src/Web/Web.csproj':
        '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>',
    },
    projects: [
      {
        path: '.',
        name: 'Shop',
        runtime: ['dotnet', '8.0.204', 'global.json#sdk.version'],
        pm: ['dotnet', null],
        commands: { build: 'dotnet build Shop.sln --no-restore -c Release' },
      },
    ],
    only: ['.'],
  },
  {
    name: '.NET project without a solution',
    files: {
      'api/Api.csproj':
        '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net9.0</TargetFramework></PropertyGroup></Project>',
    },
    projects: [
      {
        path: 'api',
        runtime: ['dotnet', '9.0', 'api/Api.csproj#TargetFramework'],
        frameworks: ['aspnetcore@9.0'],
        commands: { start: 'dotnet run --project Api.csproj -c Release' },
      },
    ],
  },
  {
    name: 'rails with .ruby-version and a locked version',
    files: {
      Gemfile: 'source "https://rubygems.org"\nruby "3.3.1"\ngem "rails", "~> 7.1"\ngem "rspec-rails"\n',
      'Gemfile.lock': 'GEM\n  specs:\n    rails (7.1.3.4)\n\nBUNDLED WITH\n   2.5.9\n',
      '.ruby-version': 'ruby-3.3.0\n',
    },
    projects: [
      {
        path: '.',
        runtime: ['ruby', '3.3.0', '.ruby-version'],
        pm: ['bundler', 'Gemfile.lock'],
        pmVersion: '2.5.9',
        commands: {
          install: 'bundle install',
          build: 'bundle exec rails assets:precompile',
          test: 'bundle exec rspec',
        },
        frameworks: ['rails@7.1.3.4'],
      },
    ],
  },
  {
    name: 'laravel with composer.lock',
    files: {
      'composer.json': json({ name: 'acme/site', require: { php: '^8.2', 'laravel/framework': '^11.0' } }),
      'composer.lock': json({ packages: [{ name: 'laravel/framework', version: 'v11.9.2' }] }),
      artisan: '',
    },
    projects: [
      {
        path: '.',
        name: 'acme/site',
        runtime: ['php', '^8.2', 'composer.json#require.php'],
        pm: ['composer', 'composer.lock'],
        commands: { test: 'php artisan test' },
        frameworks: ['laravel@11.9.2'],
      },
    ],
  },
  {
    name: 'phoenix with mix.lock and .tool-versions',
    files: {
      'mix.exs':
        'def project do\n  [app: :hello, elixir: "~> 1.15", deps: deps()]\nend\ndefp deps, do: [{:phoenix, "~> 1.7.10"}]\n',
      'mix.lock': '%{\n  "phoenix": {:hex, :phoenix, "1.7.12", "abc"},\n}\n',
      '.tool-versions': 'erlang 26.2\nelixir 1.16.2-otp-26\n',
    },
    projects: [
      {
        path: '.',
        name: 'hello',
        runtime: ['elixir', '1.16.2-otp-26', '.tool-versions'],
        pm: ['mix', 'mix.lock'],
        commands: { start: 'mix phx.server', test: 'mix test' },
        frameworks: ['phoenix@1.7.12'],
      },
    ],
  },
  {
    name: 'a static site; HTML inside a node project is not one',
    files: {
      'site/index.html': '<h1>hi</h1>',
      'site/about/index.html': '<h1>about</h1>',
      'app/package.json': json({ name: 'app' }),
      'app/public/index.html': '<div id=root>',
    },
    projects: [{ path: 'site', runtime: ['static', null, null] }, { path: 'app' }],
    only: ['app', 'site'],
  },
  {
    name: 'Procfile gives the start command; Containerfile is found',
    files: {
      'requirements.txt': 'flask==3.0.3\ngunicorn\n',
      Procfile: 'web: gunicorn app:app --workers 2\nworker: celery -A app worker\n',
      Containerfile: 'FROM python:3.12\n',
      'app.py': '',
    },
    projects: [
      {
        path: '.',
        commands: { start: 'gunicorn app:app --workers 2' },
        frameworks: ['flask@3.0.3'],
        dockerfile: 'Containerfile',
      },
    ],
  },
  {
    name: 'a folder with two ecosystems reports the primary one and says so',
    files: { Gemfile: 'gem "rails"\n', 'package.json': json({ name: 'assets', scripts: { build: 'esbuild' } }) },
    projects: [
      { path: '.', runtime: ['ruby', null, null], warnings: [/also has manifests for node; reported as ruby/] },
    ],
    only: ['.'],
  },
  {
    name: 'manifests under fixtures folders are test data, not projects',
    files: {
      'package.json': json({ name: 'real' }),
      'test/fixtures/app/package.json': json({ name: 'fixture' }),
      'src/testdata/go.mod': 'module x\n',
    },
    projects: [{ path: '.' }],
    only: ['.'],
  },
  {
    name: 'nx workspace from package.json workspaces',
    files: {
      'package.json': json({ name: 'n', workspaces: ['libs/*'] }),
      'nx.json': '{}',
      'package-lock.json': '{}',
      'libs/a/package.json': json({ name: 'a', dependencies: { '@angular/core': '17.3.0' } }),
    },
    projects: [{ path: 'libs/a', frameworks: ['angular@17.3.0'] }],
    only: ['libs/a'],
    monorepo: { tool: 'nx', workspaces: ['libs/a'] },
  },
  {
    name: 'lerna packages without workspaces',
    files: {
      'package.json': json({ name: 'l' }),
      'lerna.json': json({ packages: ['modules/*'] }),
      'modules/m/package.json': json({ name: 'm', dependencies: { fastify: '4.28.1', '@nestjs/core': '10.0.0' } }),
    },
    projects: [{ path: 'modules/m', frameworks: ['nestjs@10.0.0', 'fastify@4.28.1'] }],
    only: ['modules/m'],
    monorepo: { tool: 'lerna', workspaces: ['modules/m'] },
  },
  {
    name: 'rush projects from rush.json (with comments)',
    files: {
      'rush.json': '{\n  // rush\n  "projects": [{ "packageName": "site", "projectFolder": "apps/site" }]\n}\n',
      'package.json': json({ name: 'r' }),
      'apps/site/package.json': json({
        name: 'site',
        devDependencies: {
          astro: '4.10.0',
          '@sveltejs/kit': '2.5.0',
          nuxt: '3.12.0',
          '@remix-run/react': '2.9.0',
          '@react-router/dev': '7.0.0',
        },
      }),
    },
    projects: [
      {
        path: 'apps/site',
        frameworks: ['nuxt@3.12.0', 'remix@2.9.0', 'react-router@7.0.0', 'sveltekit@2.5.0', 'astro@4.10.0'],
      },
    ],
    only: ['apps/site'],
    monorepo: { tool: 'rush', workspaces: ['apps/site'] },
  },
  {
    name: '.sdkmanrc for Maven and a plain rust-toolchain file',
    files: {
      'j/pom.xml': '<project><artifactId>j</artifactId></project>',
      'j/.sdkmanrc': 'java=21.0.2-tem\n',
      'r/Cargo.toml': '[package]\nname = "r"\n',
      'r/rust-toolchain': 'nightly-2024-05-01\n',
    },
    projects: [
      { path: 'j', runtime: ['java', '21.0.2', 'j/.sdkmanrc'], commands: { build: 'mvn -B package -DskipTests' } },
      {
        path: 'r',
        runtime: ['rust', 'nightly-2024-05-01', 'r/rust-toolchain'],
        commands: { build: 'cargo build --release' },
      },
    ],
  },
  {
    name: 'symfony with config.platform.php',
    files: {
      'composer.json': json({
        require: { php: '>=8.1', 'symfony/framework-bundle': '7.1.*' },
        config: { platform: { php: '8.3.8' } },
      }),
    },
    projects: [
      {
        path: '.',
        runtime: ['php', '8.3.8', 'composer.json#config.platform.php'],
        pm: ['composer', null],
        frameworks: ['symfony@7.1.*'],
      },
    ],
  },
];

describe('detectors', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { stack } = await detectFiles(c.files);
      if (c.only) expect(stack.projects.map((p) => p.path).sort()).toStrictEqual([...c.only].sort()); // project paths
      for (const e of c.projects) {
        const p = projectAt(stack, e.path);
        if (e.name) expect(p.name).toBe(e.name); // name
        if (e.runtime) expect([p.runtime.name, p.runtime.version, p.runtime.source]).toStrictEqual(e.runtime); // runtime
        if (e.pm) expect([p.packageManager?.name, p.packageManager?.lockfile ?? null]).toStrictEqual(e.pm); // package manager
        if (e.pmVersion) expect(p.packageManager?.version).toBe(e.pmVersion); // package manager version
        for (const [k, v] of Object.entries(e.commands ?? {})) expect(p.commands[k as keyof Commands]).toBe(v);
        if (e.frameworks) expect(p.frameworks.map((f) => `${f.name}@${f.version}`)).toStrictEqual(e.frameworks); // frameworks
        for (const w of e.warnings ?? []) expect(p.warnings).toContainEqual(expect.stringMatching(w));
        if (!e.warnings) expect(p.warnings).toStrictEqual([]); // no warnings expected
        if (e.dockerfile !== undefined) expect(p.dockerfile).toBe(e.dockerfile); // dockerfile
      }
      if (c.monorepo !== undefined) expect(stack.monorepo).toStrictEqual(c.monorepo); // monorepo
      if (c.primary) expect(stack.primary).toBe(c.primary); // primary
      for (const w of c.warnings ?? []) expect(stack.warnings).toContainEqual(expect.stringMatching(w));
    });
  }
});
