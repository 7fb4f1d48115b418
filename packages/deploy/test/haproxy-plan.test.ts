// The order of the haproxy router's runtime API commands, step by step: every state between two
// commands serves live traffic, so the order is the safety. (haproxy.test.ts proves it under load.)
import { describe, expect, it } from '@jest/globals';
import { planCommands, type SlotState, type SlotTarget } from '../src/providers/haproxy/plan.js';

const placeholder: SlotState = { enabled: false, weight: 0, addr: '127.0.0.1:1' };
const serving = (port: number, weight: number): SlotState => ({ enabled: true, weight, addr: `127.0.0.1:${port}` });
const parked = (port: number, weight: number): SlotState => ({ enabled: false, weight, addr: `127.0.0.1:${port}` });
const to = (port: number, weight: number): SlotTarget => ({ weight, ip: '127.0.0.1', port });
const out: SlotTarget = { weight: 0 };

describe('planCommands', () => {
  it.each<[string, [SlotState, SlotTarget], [SlotState, SlotTarget], string[]]>([
    [
      'a first canary: each slot gets address and weight before it is made ready',
      [placeholder, to(8001, 90)],
      [placeholder, to(8002, 10)],
      [
        'stable addr 127.0.0.1 port 8001',
        'stable weight 90',
        'stable state ready',
        'canary addr 127.0.0.1 port 8002',
        'canary weight 10',
        'canary state ready',
      ],
    ],
    [
      'raising the canary: stable first, then canary',
      [serving(8001, 90), to(8001, 50)],
      [serving(8002, 10), to(8002, 50)],
      ['stable weight 50', 'canary weight 50'],
    ],
    [
      'a step that changes nothing sends nothing',
      [serving(8001, 50), to(8001, 50)],
      [serving(8002, 50), to(8002, 50)],
      [],
    ],
    [
      'abort: the canary goes out in one command, first',
      [serving(8001, 50), to(8001, 100)],
      [serving(8002, 50), out],
      ['canary state maint', 'stable weight 100'],
    ],
    [
      'abort at 100%: the parked stable comes back before the canary leaves',
      [parked(8001, 0), to(8001, 100)],
      [serving(8002, 100), out],
      ['stable weight 100', 'stable state ready', 'canary state maint'],
    ],
    [
      'promotion: the canary takes all, then the stable is parked',
      [serving(8001, 50), out],
      [serving(8002, 50), to(8002, 100)],
      ['canary weight 100', 'stable state maint'],
    ],
    [
      'the next deploy after a promotion: the promoted release comes up in the stable slot, then the new canary takes over the canary slot at its own weight',
      [parked(8001, 0), to(8002, 90)],
      [serving(8002, 100), to(8003, 10)],
      [
        'stable addr 127.0.0.1 port 8002',
        'stable weight 90',
        'stable state ready',
        'canary weight 10',
        'canary addr 127.0.0.1 port 8003',
      ],
    ],
    ['a slot already parked is not parked again', [serving(8001, 100), to(8001, 100)], [parked(8002, 10), out], []],
    [
      'the first release of an environment has no stable',
      [placeholder, out],
      [placeholder, to(8002, 25)],
      ['canary addr 127.0.0.1 port 8002', 'canary weight 25', 'canary state ready'],
    ],
  ])('%s', (_, [stableNow, stableTo], [canaryNow, canaryTo], expected) => {
    const commands = planCommands(
      'app',
      { server: 'stable', current: stableNow, target: stableTo },
      { server: 'canary', current: canaryNow, target: canaryTo },
    );
    expect(commands).toEqual(expected.map((c) => `set server app/${c}`));
  });

  it('knows an IPv6 address in brackets as the same address', () => {
    const now: SlotState = { enabled: true, weight: 10, addr: '[::1]:8002' };
    const target: SlotTarget = { weight: 10, ip: '::1', port: 8002 };
    const commands = planCommands(
      'app',
      { server: 'stable', current: now, target },
      { server: 'canary', current: placeholder, target: out },
    );
    expect(commands).toEqual([]);
  });
});
