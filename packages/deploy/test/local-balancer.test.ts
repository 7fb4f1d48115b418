// The local proxy's routing table: exact shares over any window, and weight 0 never picked.
import { describe, expect, it } from '@jest/globals';
import { tableFor } from '../src/providers/local/balancer.js';
import type { Release } from '../src/types.js';

const stable: Release = { id: 's', version: '1', upstream: 'http://127.0.0.1:4001' };
const canary: Release = { id: 'c', version: '2', upstream: 'http://127.0.0.1:4002' };

describe('tableFor', () => {
  it.each([1, 10, 25, 33, 50, 99])('gives the canary exactly %i of any 100 consecutive picks', (weight) => {
    const table = tableFor(stable, canary, weight);
    const picks = Array.from({ length: 300 }, () => table.pick()!.id);
    for (let start = 0; start <= 200; start += 7)
      expect(picks.slice(start, start + 100).filter((id) => id === 'c')).toHaveLength(weight);
  });

  it.each([
    ['no canary weight', stable, canary, 0, ['s']],
    ['all to the canary', stable, canary, 100, ['c']],
    ['no stable yet', undefined, canary, 10, ['c']],
    ['no stable and a canary at 0', undefined, canary, 0, []],
    ['no canary', stable, undefined, 40, ['s']],
  ] as const)('%s', (_name, s, c, weight, expected) => {
    const table = tableFor(s, c, weight);
    const picked = new Set(Array.from({ length: 100 }, () => table.pick()?.id).filter((id) => id !== undefined));
    expect([...picked].sort()).toEqual(expected);
  });

  it.each([-1, 101, 2.5])('refuses the weight %s', (weight) => {
    expect(() => tableFor(stable, canary, weight)).toThrow(/whole percentage/);
  });

  it('refuses an upstream that is not http://host:port', () => {
    expect(() => tableFor({ ...stable, upstream: 'https://127.0.0.1:4001' }, undefined, 0)).toThrow(/not http/);
  });
});
