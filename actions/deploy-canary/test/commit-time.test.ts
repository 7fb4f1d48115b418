import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { makeTree, removeTree } from '../../../test/harness.js';
import { commitTimeOf } from '../src/commit-time.js';

const temps: string[] = [];
afterAll(() => temps.forEach(removeTree));
const tree = (files: Record<string, string>): string => {
  const dir = makeTree(files);
  temps.push(dir);
  return dir;
};
const SHA = 'a'.repeat(40);

describe('commitTimeOf (lead time)', () => {
  it("reads the commit's committer time from the checkout", async () => {
    const repo = tree({ 'a.txt': 'a' });
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', repo, ...args], {
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@e',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@e',
          GIT_COMMITTER_DATE: '2026-11-01T10:00:00Z',
          GIT_AUTHOR_DATE: '2026-10-01T10:00:00Z',
        },
      }).trim();
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'one');
    expect(await commitTimeOf(git('rev-parse', 'HEAD'), repo, join(repo, 'missing.tar.gz'))).toBe(
      '2026-11-01T10:00:00.000Z',
    );
  });

  it("without a checkout, reads it from the build's manifest beside the archive, for that commit only", async () => {
    const job = tree({ 'build/app-1.0.0.tar.gz': 'x' });
    const archive = join(job, 'build', 'app-1.0.0.tar.gz');
    const manifest = join(job, 'build', 'app-1.0.0.manifest.json');
    expect(await commitTimeOf(SHA, job, archive)).toBeUndefined();
    writeFileSync(manifest, JSON.stringify({ schemaVersion: 1, commit: SHA, commitTime: '2026-11-02T08:30:00.000Z' }));
    expect(await commitTimeOf(SHA, job, archive)).toBe('2026-11-02T08:30:00.000Z');
    expect(await commitTimeOf('b'.repeat(40), job, archive)).toBeUndefined();
    writeFileSync(manifest, JSON.stringify({ schemaVersion: 1, commit: SHA, commitTime: 'yesterday' }));
    expect(await commitTimeOf(SHA, job, archive)).toBeUndefined();
    writeFileSync(manifest, '{ not json');
    expect(await commitTimeOf(SHA, job, archive)).toBeUndefined();
  });

  it('also finds a .tgz and a manifest.json in its folder, as deploy-canary does', async () => {
    const job = tree({ 'b/app.tgz': 'x' });
    writeFileSync(join(job, 'b', 'manifest.json'), JSON.stringify({ commit: SHA, commitTime: '2026-11-03T00:00:00Z' }));
    expect(await commitTimeOf(SHA, job, join(job, 'b', 'app.tgz'))).toBe('2026-11-03T00:00:00.000Z');
    // A folder (an unpacked app) has no manifest to read.
    expect(await commitTimeOf(SHA, job, join(job, 'b'))).toBeUndefined();
  });
});
