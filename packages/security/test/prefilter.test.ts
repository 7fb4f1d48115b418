import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DEFAULT_RULES, SecretEngine, type SecretRule } from '../src/index.js';
import { codesLoweringTo, codesLoweringToByScan, KeywordPrefilter } from '../src/secrets/prefilter.js';
import { plants, rand, SAMPLES } from './corpus.js';

/** What the prefilter must compute: for each line, the entries with a keyword in it (ignoring case). */
function naive(keywords: string[][], text: string): { index: number; hits: number[] }[] {
  return text
    .split('\n')
    .map((line, index) => ({
      index,
      hits: keywords
        .map((kws, e) => (kws.some((k) => k !== '' && line.toLowerCase().includes(k.toLowerCase())) ? e : -1))
        .filter((e) => e >= 0),
    }))
    .filter((l) => l.hits.length > 0);
}

const lines = (pf: KeywordPrefilter, text: string) => [...pf.lines(text)].map(({ index, hits }) => ({ index, hits }));

describe('KeywordPrefilter', () => {
  it('knows without a scan which characters lower to each ASCII character (the Kelvin sign to k)', () => {
    for (let c = 0; c < 0x80; c++) {
      const ch = String.fromCharCode(c);
      expect([ch, codesLoweringTo(ch)]).toStrictEqual([ch, codesLoweringToByScan(ch)]);
    }
    expect(codesLoweringTo('k')).toContain(0x212a);
    expect(codesLoweringTo('é')).toStrictEqual(codesLoweringToByScan('é'));
  });

  it('finds keywords that overlap, nest or share a start, ignoring case', () => {
    const keywords = [['key'], ['private_key_id'], ['ab'], ['bc'], ['abcd'], ['']];
    const pf = new KeywordPrefilter(keywords);
    const text = 'x "PRIVATE_KEY_ID": 1\nABC\nnothing here\nzabcd\nmonKEY';
    expect(lines(pf, text)).toStrictEqual([
      { index: 0, hits: [0, 1] },
      { index: 1, hits: [2, 3] },
      { index: 3, hits: [2, 3, 4] },
      { index: 4, hits: [0] },
    ]);
  });

  it('gives each line its offsets, without the newline', () => {
    const pf = new KeywordPrefilter([['tok']]);
    const text = 'a\ntoken=1\r\nb\ntok';
    expect([...pf.lines(text)].map((l) => text.slice(l.start, l.end))).toStrictEqual(['token=1\r', 'tok']);
  });

  it('matches no line when there are no keywords', () => {
    expect(lines(new KeywordPrefilter([[''], []]), 'key\nsecret')).toStrictEqual([]);
  });

  it('agrees with a substring search on random keywords and text', () => {
    // A small alphabet makes overlapping and nested keywords common.
    const char = fc.constantFrom('a', 'b', 'c', 'A', 'B', '-', '_', 'é', '\u{1F511}');
    const word = fc.string({ unit: char, minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.string({ unit: fc.oneof(char, fc.constant('\n')), maxLength: 60 }), { maxLength: 4 }),
        (keywords, parts) => {
          const text = parts.join('');
          expect(lines(new KeywordPrefilter(keywords), text)).toStrictEqual(naive(keywords, text));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('SecretEngine prefilter', () => {
  // The same rules with no keywords: every rule runs on every line. The prefilter must only skip
  // work, never findings.
  const everyRule: SecretRule[] = DEFAULT_RULES.map((r) => ({ ...r, keywords: [''] }));
  const filtered = new SecretEngine(DEFAULT_RULES);
  const unfiltered = new SecretEngine(everyRule);
  const keywords = [...new Set(DEFAULT_RULES.flatMap((r) => r.keywords))].filter((k) => k !== '');
  const samples = Object.values(SAMPLES);
  const planted = plants().map((p) => p.line);

  const fragment = fc.oneof(
    fc.tuple(fc.constantFrom(...keywords), fc.boolean()).map(([k, up]) => (up ? k.toUpperCase() : k)),
    fc.tuple(fc.integer({ min: 0, max: samples.length - 1 }), fc.nat()).map(([i, seed]) => {
      let n = seed;
      return samples[i]!((length, alphabet) => rand(n++, length, alphabet));
    }),
    fc.constantFrom(...planted),
    fc.nat().map((seed) => rand(seed, 8 + (seed % 40))),
    fc.constantFrom('=', ': ', '"', "'", ' ', '_', '-', '\t', '\n', ' := ', '://', '@', '.'),
  );
  const text = fc.array(fragment, { maxLength: 10 }).map((parts) => parts.join(''));

  it('has keyword rules to test', () => expect(keywords.length).toBeGreaterThan(20));

  it('gives the same findings as running every rule on every line', () => {
    let found = 0;
    fc.assert(
      fc.property(text, (t) => {
        const expected = unfiltered.scan(t, 'src/app.env', 1);
        found += expected.length;
        expect(filtered.scan(t, 'src/app.env', 1)).toStrictEqual(expected);
      }),
      { numRuns: 300 },
    );
    // The property is only worth something if the lines hold findings.
    expect(found).toBeGreaterThan(100);
  });

  it('merges rules without keywords into the lines the keywords select', () => {
    const always: SecretRule = {
      id: 'custom-marker',
      name: 'Custom marker',
      description: 'A marker from configuration.',
      severity: 'low',
      keywords: [],
      regex: /\b(MRK[0-9]{6})\b/g,
      fix: 'Remove it.',
    };
    const engine = new SecretEngine([...DEFAULT_RULES, always]);
    const text = `a MRK580317\n\n${planted[0]}\nMRK902468 ${planted[1]}`;
    const ids = engine.scan(text, 'x.env', 1).map((f) => `${f.rule.id}:${f.line}`);
    expect(ids).toStrictEqual(expect.arrayContaining(['secret/custom-marker:1', 'secret/custom-marker:4']));
    expect(ids.filter((i) => i.startsWith('secret/custom-marker'))).toHaveLength(2);
    expect(ids.length).toBeGreaterThanOrEqual(4);
  });
});
