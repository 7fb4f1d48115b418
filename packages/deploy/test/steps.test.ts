import { describe, expect, it } from '@jest/globals';
import { userError } from '../../../test/matchers.js';
import { parseSteps, routerFor, routerNames } from '../src/index.js';

describe('steps', () => {
  it('reads percentages with optional pauses', () => {
    expect(parseSteps('10,25:2m, 50 ,100')).toStrictEqual([
      { weight: 10, pauseMs: 0 },
      { weight: 25, pauseMs: 120_000 },
      { weight: 50, pauseMs: 0 },
      { weight: 100, pauseMs: 0 },
    ]);
    expect(parseSteps('5%\n20%:30s')).toStrictEqual([
      { weight: 5, pauseMs: 0 },
      { weight: 20, pauseMs: 30_000 },
    ]);
  });

  it.each([
    ['10,5,100', /'5' does not rise above the step before it \(10%\)/],
    ['0', /asks for 0% of the traffic/],
    ['150', /asks for 150% of the traffic/],
    ['25:forever', /'25:forever' has a pause that is not a duration/],
    ['25:7h', /not a duration up to 6h/],
    ['', /names no step/],
    [' , ', /names no step/],
    ['ten', /'ten' is not a step/],
    ['-10', /'-10' is not a step/],
    ['10,10', /does not rise/],
    [Array.from({ length: 101 }, (_, i) => i + 1).join(','), /101 steps; at most 100/],
  ])('refuses %j naming the input', (text, message) => {
    expect(() => parseSteps(text)).toThrow(userError('steps', message));
  });
});

describe('router registry', () => {
  it('names the five providers and refuses an unknown one with the list', async () => {
    expect(routerNames()).toStrictEqual(['command', 'haproxy', 'kubernetes', 'local', 'nginx']);
    await expect(
      routerFor('traefik', { stateDir: '/nonexistent', environment: 'production', settings: {} }),
    ).rejects.toThrow(
      userError('provider', /'traefik' is not a provider\. Use one of: command, haproxy, kubernetes, local, nginx\./),
    );
  });
});
