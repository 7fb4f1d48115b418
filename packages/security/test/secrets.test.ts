import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULES, SecretEngine, scanStream, scanTree, shannonEntropy } from '../src/index.js';
import { makeTree, removeTree } from '../../../test/harness.js';
import { decoys, plants } from './corpus.js';

const engine = new SecretEngine(DEFAULT_RULES);
const scan = (text: string, file = 'config/app.env') => engine.scan(text, file, 1);

describe('secret rules', () => {
  it('plants secrets only for rules that exist (rules-samples.test.ts has one for every rule)', () => {
    const ids = new Set(DEFAULT_RULES.map((r) => r.id));
    expect(plants().filter((p) => !ids.has(p.rule))).toStrictEqual([]);
  });

  for (const plant of plants()) {
    it(`finds ${plant.rule}`, () => {
      const findings = scan(`# config\n${plant.line}\n`);
      expect(findings.map((f) => `${f.rule.id}:${f.line}`)).toContain(`secret/${plant.rule}:2`);
    });
  }

  for (const decoy of decoys()) {
    it(`stays quiet on ${decoy.slice(0, 60)}`, () =>
      expect(scan(`${decoy}\n`).map((f) => f.rule.id)).toStrictEqual([]));
  }

  it('never puts the secret in a finding: only the first 4 characters and the length', () => {
    for (const plant of plants()) {
      for (const f of scan(plant.line)) {
        const json = JSON.stringify(f);
        const secretish = plant.line.match(/[A-Za-z0-9_+/=.-]{16,}/g) ?? [];
        for (const s of secretish) if (s.length > 12) expect(json).not.toContain(s.slice(4));
        expect(f.message).toMatch(/…\(\d+ chars\)$/);
      }
    }
  });

  it('keeps the fingerprint when the secret moves to another line, and changes it for another file', () => {
    const line = plants()[2]!.line;
    const a = scan(`${line}\n`)[0]!;
    const b = scan(`\n\n\n${line}\n`)[0]!;
    const c = scan(`${line}\n`, 'other/file.env')[0]!;
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(b.line).toBe(4);
    expect(a.fingerprint).not.toBe(c.fingerprint);
  });

  it('measures entropy', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });
});

describe('scanStream', () => {
  const chunks = (...parts: (string | Buffer)[]) =>
    Readable.from(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));

  it('counts lines across chunk boundaries, even inside a multi-byte character', async () => {
    const line = plants()[2]!.line;
    const text = `é\n${'x\n'.repeat(5)}${line}\n`;
    const buf = Buffer.from(text);
    const findings = await scanStream(engine, chunks(buf.subarray(0, 1), buf.subarray(1, 9), buf.subarray(9)), 'a.txt');
    expect(findings.map((f) => f.line)).toStrictEqual([7]);
  });

  it('finds a secret deep inside a single line longer than the scan window, once', async () => {
    const line = plants()[0]!.line;
    const pad = 'a'.repeat(3 * 1024 * 1024);
    const findings = await scanStream(
      engine,
      chunks(pad.slice(0, 1024 * 1024 - 10) + ' ', line.slice(0, 15), line.slice(15) + ' ', pad),
      'min.js',
    );
    expect(findings.length).toBe(1);
    expect(findings[0]!.line).toBe(1);
  });

  it('skips binary files', async () => {
    expect(
      await scanStream(engine, chunks(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]), plants()[2]!.line), 'x.bin'),
    ).toStrictEqual([]);
  });
});

describe('published keys', () => {
  it("does not report the Azure Storage emulator's documented development key", () => {
    const azurite = [
      'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq',
      '/K1SZFPTOtr/KBHBeksoGMGw==',
    ].join('');
    expect(
      scan(`DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${azurite};`).map((f) => f.rule.id),
    ).toStrictEqual([]);
  });
});

describe('scanTree and files that go away while it runs', () => {
  it('skips a file removed after the folder was listed (a build still writing, /proc), and scans the rest', async () => {
    const root = makeTree({ 'a.env': 'AWS=AKIAIOSFODNN7EXAMPL3\n', 'b.txt': 'x\n', 'big.txt': 'y'.repeat(3 << 20) });
    try {
      // The engine's path check runs between the listing and the read: it removes the files there.
      const vanishing = Object.create(engine) as SecretEngine;
      vanishing.pathAllowed = (path: string) => {
        if (path !== 'a.env') rmSync(join(root, path));
        return engine.pathAllowed(path);
      };
      const r = await scanTree(vanishing, root);
      expect(r.files).toBe(1);
      expect(r.findings.map((f) => f.file)).toStrictEqual(['a.env']);
    } finally {
      removeTree(root);
    }
  });
});
