// `slipway init` in fresh example repositories: the template detect-stack picks is written to
// .github/workflows/, never over an existing workflow without --force; mistakes are one error naming the flag.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { makeTree, REPO, removeTree } from '../../../test/harness.js';
import { main } from '../src/cli.js';
import { pickTemplate } from '../src/init-command.js';

const trees: string[] = [];
afterAll(() => trees.forEach(removeTree));

function repo(files: Record<string, string>): string {
  const dir = makeTree(files, 'slipway-init-');
  trees.push(dir);
  return dir;
}

async function init(cwd: string, ...flags: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['init', ...flags], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { PATH: process.env.PATH ?? '' },
    cwd,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const template = (name: string, branch = 'main') =>
  readFileSync(join(REPO, 'workflows-templates', `${name}.yml`), 'utf8').replaceAll('$default-branch', branch);

describe('slipway init', () => {
  it.each([
    [
      'a Node.js service',
      { 'package.json': '{"name":"web","scripts":{"start":"node server.js"}}', 'server.js': '' },
      'node-service',
    ],
    [
      'a Python service',
      { 'pyproject.toml': '[project]\nname = "api"\nversion = "1.0.0"\n', 'app.py': '' },
      'python-service',
    ],
    [
      'a Go service',
      { 'go.mod': 'module example.com/svc\n\ngo 1.22\n', 'main.go': 'package main\nfunc main() {}\n' },
      'go-service',
    ],
  ])('writes the template that fits %s, calling slipway by commit', async (_what, files, expected) => {
    const dir = repo(files);
    const run = await init(dir, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toStrictEqual({
      template: expected,
      workflow: '.github/workflows/release.yml',
      branch: 'main',
    });
    const written = readFileSync(join(dir, '.github', 'workflows', 'release.yml'), 'utf8');
    expect(written).toBe(template(expected));
    // GitHub's placeholder is filled in: only its New workflow page would do that otherwise.
    expect(written).not.toContain('$default-branch');
    expect(written).toMatch(/branches: \[main\]/);
    expect(written).toMatch(/uses: slipway\/slipway\/\.github\/workflows\/slipway-[a-z]+\.yml@[0-9a-f]{40}/);
  });

  it('refuses to overwrite a workflow, naming --force, and overwrites it with --force', async () => {
    const dir = repo({ 'package.json': '{"name":"web"}', '.github/workflows/release.yml': 'name: mine\n' });
    const refused = await init(dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/input 'force': \.github\/workflows\/release\.yml exists already/);
    expect(readFileSync(join(dir, '.github/workflows/release.yml'), 'utf8')).toBe('name: mine\n');
    expect((await init(dir, '--force', 'true', '--template', 'self-hosted-local')).code).toBe(0);
    expect(readFileSync(join(dir, '.github/workflows/release.yml'), 'utf8')).toBe(template('self-hosted-local'));
  });

  it.each([
    [
      'an unknown template',
      ['--template', 'heroku'],
      /input 'template': 'heroku' is not a template\. Use one of: go-service, kubernetes-service/,
    ],
    ['a workflow name with a slash', ['--name', '../evil'], /input 'name': '\.\.\/evil' is not a workflow file name/],
    ['a force that is not a boolean', ['--force', 'maybe'], /input 'force'/],
  ])('refuses %s with one error naming the flag, writing nothing', async (_what, flags, message) => {
    const dir = repo({ 'package.json': '{"name":"web"}' });
    const run = await init(dir, ...flags);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(message);
    expect(run.err).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });

  it("releases from the repository's default branch: origin's HEAD, else the branch checked out; or --branch", async () => {
    const dir = repo({ 'package.json': '{"name":"web"}' });
    const git = (...args: string[]) => spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
    git('init', '-q', '-b', 'trunk');
    expect(JSON.parse((await init(dir, '--json')).out)).toMatchObject({ branch: 'trunk' });
    expect(readFileSync(join(dir, '.github/workflows/release.yml'), 'utf8')).toBe(template('node-service', 'trunk'));
    git('update-ref', 'refs/remotes/origin/production', 'HEAD');
    git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/production');
    expect(JSON.parse((await init(dir, '--json', '--force', 'true')).out)).toMatchObject({ branch: 'production' });
    expect(JSON.parse((await init(dir, '--json', '--force', 'true', '--branch', 'release/v2')).out)).toMatchObject({
      branch: 'release/v2',
    });
    const bad = await init(dir, '--force', 'true', '--branch', '--evil');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/input 'branch': '--evil' is not a branch name/);
  });

  it('says when detect-stack finds no project, and names --template', async () => {
    const dir = repo({ 'notes.txt': 'hello\n' });
    const run = await init(dir);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/input 'path': detect-stack found no project in .*Name a template with --template/s);
  });

  it('picks the static-site template for a site generator, whatever runs it', () => {
    const project = (runtime: string, framework?: string) => ({
      primary: 'site',
      projects: [{ path: 'site', runtime: { name: runtime }, frameworks: framework ? [{ name: framework }] : [] }],
    });
    expect(pickTemplate(project('node', 'astro'))).toBe('static-site');
    expect(pickTemplate(project('static', 'hugo'))).toBe('static-site');
    expect(pickTemplate(project('ruby'))).toBe('self-hosted-local');
    expect(pickTemplate({ primary: null, projects: [] })).toBeUndefined();
  });

  it('runs from the bundle, dist/cli, as users run it', () => {
    const dir = repo({ 'go.mod': 'module example.com/svc\n\ngo 1.22\n', 'main.go': 'package main\nfunc main() {}\n' });
    const run = spawnSync(process.execPath, [join(REPO, 'dist', 'cli', 'index.js'), 'init', '--json'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ template: 'go-service' });
    expect(readFileSync(join(dir, '.github/workflows/release.yml'), 'utf8')).toBe(template('go-service'));
  });

  it('carries every template of workflows-templates/', () => {
    const files = readdirSync(join(REPO, 'workflows-templates')).filter((f) => f.endsWith('.yml'));
    expect(files.length).toBe(7);
  });
});
