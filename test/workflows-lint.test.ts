// slipway's own workflows and its starter templates, linted by the tools users run on theirs:
// actionlint (built from source by test/setup.sh), zizmor (pinned, from PyPI) and slipway's own
// workflow audits (security-scan's `workflows` scanner), each with zero findings. The schema and
// the repository's own rules (SHA pins, permissions) are in metadata.test.ts.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it as test } from '@jest/globals';
import { auditWorkflow } from '../packages/security/src/workflows/audit.js';
import { needsTool, REPO } from './harness.js';

/** Every workflow file slipway ships or runs, relative to the repository. */
const FILES = ['.github/workflows', 'workflows-templates'].flatMap((dir) =>
  existsSync(join(REPO, dir))
    ? readdirSync(join(REPO, dir))
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => `${dir}/${f}`)
    : [],
);

suite('the workflows slipway ships and runs', () => {
  test('are found (the lint below would pass on nothing)', () => {
    expect(FILES).toContain('.github/workflows/ci.yml');
  });

  test.each(FILES)("%s: slipway's own workflow audits find nothing", (file) => {
    expect(auditWorkflow(readFileSync(join(REPO, file), 'utf8'), file)).toStrictEqual([]);
  });
});

{
  const { describe, it } = needsTool('actionlint');
  describe('actionlint', () => {
    it('reports nothing on any of them', () => {
      // shellcheck and pyflakes are left out: their findings would depend on what else is installed.
      const run = spawnSync('actionlint', ['-format', '{{json .}}', '-shellcheck=', '-pyflakes=', ...FILES], {
        cwd: REPO,
        encoding: 'utf8',
      });
      expect(run.error).toBeUndefined();
      const findings = JSON.parse(run.stdout.trim() || '[]') as { filepath: string; line: number; message: string }[];
      expect(findings.map((f) => `${f.filepath}:${f.line}: ${f.message}`)).toStrictEqual([]);
      expect(run.status).toBe(0);
    });

    it('is the release test/setup.sh builds', () => {
      const version = execFileSync('actionlint', ['-version'], { encoding: 'utf8' });
      const pinned = /ACTIONLINT_VERSION=([\d.]+)/.exec(readFileSync(join(REPO, 'test', 'setup.sh'), 'utf8'))![1]!;
      expect(version.split('\n')[0]).toBe(`v${pinned}`);
    });
  });
}

{
  const { describe, it } = needsTool('zizmor');
  describe('zizmor', () => {
    it('reports nothing on any of them (offline, the regular persona, .github/zizmor.yml)', () => {
      const run = spawnSync(
        'zizmor',
        ['--offline', '--config', '.github/zizmor.yml', '--format', 'json', '--persona', 'regular', ...FILES],
        {
          cwd: REPO,
          encoding: 'utf8',
        },
      );
      expect(run.error).toBeUndefined();
      const findings = JSON.parse(run.stdout.trim() || '[]') as { ident: string; desc: string }[];
      expect(findings.map((f) => `${f.ident}: ${f.desc}`)).toStrictEqual([]);
    });
  });
}
