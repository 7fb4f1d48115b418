import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { removeTree } from '../../../test/harness.js';
import { verifyArtifact } from '../src/index.js';
import { archiveFolder, sh } from './helpers.js';

const temps: string[] = [];
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'slipway-archive-'));
  temps.push(d);
  return d;
};
afterAll(() => temps.forEach(removeTree));

const LONG = 'segment-'.repeat(16);
const FILES: [string, string, number][] = [
  ['README.md', '# app\n', 0o644],
  ['bin/run', '#!/bin/sh\necho run\n', 0o755],
  ['dist/app.js', 'console.log(1)\n'.repeat(1000), 0o644],
  [`dist/${LONG}/${LONG}.js`, 'long path\n', 0o600],
  ['dist/ünïcödé.txt', 'utf-8 names\n', 0o664],
];

/** Writes the fixture files in the given order, with a umask-like mode mask and random mtimes. */
function buildTree(order: number[], modeMask: number, mtime: number): string {
  const root = temp();
  for (const i of order) {
    const [path, content, mode] = FILES[i]!;
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
    chmodSync(join(root, path), mode & ~modeMask);
    utimesSync(join(root, path), mtime, mtime);
  }
  mkdirSync(join(root, 'dist'), { recursive: true });
  symlinkSync('app.js', join(root, 'dist', 'current.js'));
  return root;
}

describe('reproducible archives', () => {
  it('gives the same digest for the same content built in different folders, orders, umasks and times', async () => {
    const a = await archiveFolder(buildTree([0, 1, 2, 3, 4], 0o022, 1_000_000), temp());
    const b = await archiveFolder(buildTree([4, 3, 2, 1, 0], 0o077, 2_000_000_000), temp());
    expect(a.digest).toBe(b.digest);
    expect(readFileSync(a.archive).compare(readFileSync(b.archive))).toBe(0);
  });

  it('gives a different digest when one byte changes', async () => {
    const rootA = buildTree([0, 1, 2, 3, 4], 0o022, 1);
    const rootB = buildTree([0, 1, 2, 3, 4], 0o022, 1);
    writeFileSync(join(rootB, 'dist', 'app.js'), 'console.log(2)\n' + 'console.log(1)\n'.repeat(999));
    const a = await archiveFolder(rootA, temp());
    const b = await archiveFolder(rootB, temp());
    expect(a.digest).not.toBe(b.digest);
  });

  it('writes what GNU tar reads: sorted names, uid/gid 0, one mtime, normalised modes, a link, long and UTF-8 paths', async () => {
    const a = await archiveFolder(buildTree([2, 0, 4, 1, 3], 0o022, 5), temp(), 1_700_000_000);
    const listing = sh('tar', ['--numeric-owner', '--full-time', '-tvzf', a.archive]).trim().split('\n');
    const names = listing.map((l) => l.split(/\s+/).slice(5).join(' '));
    expect(names).toStrictEqual([
      'README.md',
      'bin/',
      'bin/run',
      'dist/',
      'dist/app.js',
      'dist/current.js -> app.js',
      `dist/${LONG}/`,
      `dist/${LONG}/${LONG}.js`,
      'dist/ünïcödé.txt',
    ]);
    for (const line of listing) {
      expect(line).toMatch(/^[-dl]rw.r.?.?r.?.? 0\/0 /);
      expect(line).toMatch(/ 2023-11-14 22:13:20 /);
    }
    expect(listing[2]!).toMatch(/^-rwxr-xr-x /); // executable stays 0755
    expect(listing[7]!).toMatch(/^-rw-r--r-- /); // 0600 becomes 0644
    const gz = readFileSync(a.archive);
    expect([...gz.subarray(0, 10)]).toStrictEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]); // gzip header: no name, mtime 0, Unix
    const out = temp();
    sh('tar', ['-xzf', a.archive, '-C', out]);
    expect(readFileSync(join(out, 'dist', 'app.js'), 'utf8')).toBe(FILES[2]![1]);
  });

  it('leaves no archive behind when a file changes size while it is archived', async () => {
    const root = temp();
    writeFileSync(join(root, 'a.txt'), 'short');
    const out = temp();
    const { selectFiles, writeArchive } = await import('../src/index.js');
    const entries = selectFiles({ root, include: ['**'], exclude: [], never: [] }).entries;
    writeFileSync(join(root, 'a.txt'), 'much longer now');
    await expect(writeArchive({ entries, archivePath: join(out, 'x.tar.gz'), mtime: 0 })).rejects.toThrow(
      /changed size while it was being archived/,
    );
    expect(sh('ls', ['-A', out])).toStrictEqual('');
  });
});

describe('verifyArtifact', () => {
  it('re-hashes a good archive and extracts it with modes and links', async () => {
    const a = await archiveFolder(buildTree([0, 1, 2, 3, 4], 0o022, 5), temp());
    const into = join(temp(), 'release');
    const result = await verifyArtifact({ archive: a.archive, manifest: a.manifest, into });
    expect(result.files).toBe(9);
    expect(result.digest).toBe(a.digest);
    expect(readFileSync(join(into, 'bin', 'run'), 'utf8')).toBe(FILES[1]![1]);
    expect(sh('stat', ['-c', '%a', join(into, 'bin', 'run')]).trim()).toBe('755');
    expect(sh('readlink', [join(into, 'dist', 'current.js')]).trim()).toBe('app.js');
  });

  it('refuses an archive whose bytes differ from the manifest', async () => {
    const a = await archiveFolder(buildTree([0, 1, 2, 3, 4], 0o022, 5), temp());
    const manifest = JSON.parse(readFileSync(a.manifest, 'utf8'));
    manifest.files.find((f: { path: string }) => f.path === 'dist/app.js').sha256 = '0'.repeat(64);
    writeFileSync(a.manifest, JSON.stringify(manifest));
    await expect(verifyArtifact({ archive: a.archive, manifest: a.manifest })).rejects.toThrow(
      /artifact entry 'dist\/app\.js' has SHA-256 [0-9a-f]{64} but the manifest says 0{64}/,
    );
  });

  for (const [field, value, message] of [
    ['mode', '0600', /entry 'README\.md' has mode 0644 but the manifest says 0600/],
    ['size', 7, /entry 'README\.md' is 6 bytes but the manifest says 7/],
    ['type', 'dir', /entry 'README\.md' is a file but the manifest says dir/],
  ] as const) {
    it(`refuses an entry whose ${field} disagrees with the manifest`, async () => {
      const a = await archiveFolder(buildTree([0, 1, 2, 3, 4], 0o022, 5), temp());
      const manifest = JSON.parse(readFileSync(a.manifest, 'utf8'));
      manifest.files.find((f: { path: string }) => f.path === 'README.md')[field] = value;
      writeFileSync(a.manifest, JSON.stringify(manifest));
      await expect(verifyArtifact({ archive: a.archive, manifest: a.manifest })).rejects.toThrow(message);
    });
  }

  it('refuses a tampered archive by its digest', async () => {
    const a = await archiveFolder(buildTree([0], 0o022, 5), temp());
    const manifest = JSON.parse(readFileSync(a.manifest, 'utf8'));
    manifest.archive.sha256 = 'f'.repeat(64);
    writeFileSync(a.manifest, JSON.stringify(manifest));
    await expect(verifyArtifact({ archive: a.archive, manifest: a.manifest })).rejects.toThrow(
      /archive's SHA-256 is [0-9a-f]{64} but the manifest says f{64}/,
    );
  });

  it('refuses an entry missing from the archive and one missing from the manifest', async () => {
    const a = await archiveFolder(buildTree([0], 0o022, 5), temp());
    const manifest = JSON.parse(readFileSync(a.manifest, 'utf8'));
    manifest.files.push({
      path: 'zzz',
      type: 'file',
      size: 0,
      mode: '0644',
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
    writeFileSync(a.manifest, JSON.stringify(manifest));
    await expect(verifyArtifact({ archive: a.archive, manifest: a.manifest })).rejects.toThrow(
      /entry 'zzz' is in the manifest but not in the archive/,
    );
    manifest.files = manifest.files.filter((f: { path: string }) => f.path !== 'README.md' && f.path !== 'zzz');
    writeFileSync(a.manifest, JSON.stringify(manifest));
    await expect(verifyArtifact({ archive: a.archive, manifest: a.manifest })).rejects.toThrow(
      /entry 'README\.md' is not in the manifest/,
    );
  });

  /** A hostile archive made with GNU tar, and a manifest that lists its entries as the attacker would. */
  function hostile(make: (dir: string) => string[], tarArgs: string[] = []): { archive: string; manifest: string } {
    const dir = temp();
    const members = make(dir);
    const archive = join(temp(), 'evil.tar.gz');
    sh('tar', ['--format=posix', '-czf', archive, ...tarArgs, '-C', dir, ...members]);
    const listing = sh('tar', ['-tvzf', archive]).trim().split('\n');
    const files = listing.map((l) => {
      const parts = l.split(/\s+/);
      const name = parts.slice(5).join(' ').split(' -> ')[0]!.split(' link to ')[0]!.replace(/\/$/, '');
      const type = l[0] === 'd' ? 'dir' : l[0] === 'l' ? 'symlink' : 'file';
      const source = join(dir, name);
      const sha256 =
        type === 'file' && existsSync(source) && lstatSync(source).isFile() && !l.includes(' link to ')
          ? createHash('sha256').update(readFileSync(source)).digest('hex')
          : undefined;
      const mode = type === 'symlink' ? '0777' : type === 'dir' ? '0755' : '0644';
      return {
        path: name,
        type,
        size: type === 'file' ? Number(parts[2]) : 0,
        mode,
        ...(sha256 ? { sha256 } : {}),
        ...(type === 'symlink' ? { target: parts.slice(5).join(' ').split(' -> ')[1] } : {}),
      };
    });
    const manifest = join(temp(), 'evil.manifest.json');
    writeFileSync(manifest, JSON.stringify({ schemaVersion: 1, archive: { sha256: 'x' }, files }));
    return { archive, manifest };
  }

  const cases: [string, (dir: string) => string[], string[], RegExp][] = [
    [
      'a symbolic link out of the target',
      (d) => (symlinkSync('../../etc/passwd', join(d, 'evil')), ['evil']),
      [],
      /entry 'evil' links to '\.\.\/\.\.\/etc\/passwd', outside the artifact/,
    ],
    [
      'an absolute symbolic link',
      (d) => (symlinkSync('/etc/passwd', join(d, 'abs')), ['abs']),
      [],
      /entry 'abs' links to '\/etc\/passwd', outside the artifact/,
    ],
    [
      'a .. path (tar-slip)',
      (d) => (mkdirSync(join(d, 'a')), writeFileSync(join(d, 'x'), 'x'), ['a/../x']),
      ['-P'],
      /has a \.\. segment/,
    ],
    [
      'an absolute path',
      (d) => (writeFileSync(join(d, 'f'), 'x'), [join(d, 'f')]),
      ['-P', '--transform', 's,^,,'],
      /has an absolute path/,
    ],
    [
      'a hard link',
      (d) => (writeFileSync(join(d, 'f'), 'x'), sh('ln', [join(d, 'f'), join(d, 'g')]), ['f', 'g']),
      [],
      /entry 'g' is a hard link/,
    ],
    [
      'a FIFO',
      (d) => (sh('mkfifo', [join(d, 'pipe')]), ['pipe']),
      [],
      /entry 'pipe' is a device, FIFO or unknown type/,
    ],
  ];
  for (const [name, make, args, message] of cases) {
    it(`refuses ${name}, naming the entry`, async () => {
      const { archive, manifest } = hostile(make, args);
      const into = join(temp(), 'out');
      await expect(verifyArtifact({ archive, manifest, into })).rejects.toThrow(message);
    });
  }

  it('refuses to extract into a folder that is not empty', async () => {
    const a = await archiveFolder(buildTree([0], 0o022, 5), temp());
    const into = temp();
    writeFileSync(join(into, 'existing'), 'x');
    await expect(verifyArtifact({ archive: a.archive, manifest: a.manifest, into })).rejects.toThrow(/is not empty/);
  });
});
