// scripts/pin-workflows.mjs on a repository of its own: stale pins found by --check and rewritten
// to the commits they must name (RELEASING.md).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { makeTree, REPO, removeTree } from './harness.js';

const OLD = 'a'.repeat(40);

describe('scripts/pin-workflows.mjs', () => {
  const repo = makeTree({
    'actions/rollback/action.yml': 'name: rollback\n',
    'dist/rollback/index.js': '// 1\n',
    '.github/workflows/slipway-deploy.yml': `jobs:\n  d:\n    steps:\n      - uses: slipway/slipway/actions/rollback@${OLD} # pinned\n`,
    '.github/workflows/slipway-release.yml': `jobs:\n  d:\n    uses: slipway/slipway/.github/workflows/slipway-deploy.yml@${OLD}\n`,
  });
  mkdirSync(join(repo, 'scripts'));
  cpSync(join(REPO, 'scripts', 'pin-workflows.mjs'), join(repo, 'scripts', 'pin-workflows.mjs'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      encoding: 'utf8',
    }).trim();
  const pin = (...args: string[]) =>
    spawnSync(process.execPath, [join(repo, 'scripts', 'pin-workflows.mjs'), ...args], { encoding: 'utf8' });
  afterAll(() => removeTree(repo));

  it('finds stale pins, rewrites them to the commits they must name, and then finds none', () => {
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'actions');
    const actions = git('log', '-1', '--format=%H', '--', 'actions', 'dist');
    expect(pin('--check').status).toBe(1);
    expect(pin().status).toBe(0);
    expect(readFileSync(join(repo, '.github/workflows/slipway-deploy.yml'), 'utf8')).toContain(
      `slipway/slipway/actions/rollback@${actions} # pinned`,
    );
    // The release workflow names the commit of the deploy workflow as it now is: commit it, pin again.
    git('commit', '-qam', 'workflows pinned to the actions');
    const deploy = git('log', '-1', '--format=%H', '--', '.github/workflows/slipway-deploy.yml');
    expect(pin().status).toBe(0);
    expect(readFileSync(join(repo, '.github/workflows/slipway-release.yml'), 'utf8')).toContain(
      `slipway-deploy.yml@${deploy}`,
    );
    git('commit', '-qam', 'release workflow pinned');
    expect(pin('--check').status).toBe(0);
    // The CLI's bundle embeds the templates, which name these pins: changing it alone moves none.
    mkdirSync(join(repo, 'dist/cli'));
    writeFileSync(join(repo, 'dist/cli/index.js'), '// templates\n');
    git('add', '-A');
    git('commit', '-qm', 'cli rebuilt');
    expect(pin('--check').status).toBe(0);
    // A later change to the actions makes the pins stale again.
    writeFileSync(join(repo, 'dist/rollback/index.js'), '// 2\n');
    git('commit', '-qam', 'actions changed');
    expect(pin('--check').stderr).toMatch(/slipway-deploy\.yml: pins are not the commits they must name/);
  });
});
