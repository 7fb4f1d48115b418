// The order of the haproxy router's runtime API steps: every state between two commands serves
// live traffic, so the order is the safety. And which server plays which role: an incoming release
// never takes over the server that serves. (haproxy.test.ts and haproxy-switch.test.ts prove both
// against a real HAProxy under load.)
import { describe, expect, it } from '@jest/globals';
import {
  planCommands,
  type PlanStep,
  type SlotMove,
  type SlotState,
  type SlotTarget,
} from '../src/providers/haproxy/plan.js';
import { assignRoles, holdersAfter, type Slot, type Wanted } from '../src/providers/haproxy/slots.js';

const placeholder: SlotState = { enabled: false, weight: 0, addr: '127.0.0.1:1' };
const serving = (port: number, weight: number): SlotState => ({ enabled: true, weight, addr: `127.0.0.1:${port}` });
const parked = (port: number, weight: number): SlotState => ({ enabled: false, weight, addr: `127.0.0.1:${port}` });
const to = (port: number, weight: number): SlotTarget => ({ weight, ip: '127.0.0.1', port });
const out: SlotTarget = { weight: 0 };
/** A role played by the server named `server`. */
const on = (server: string, current: SlotState, target: SlotTarget): SlotMove => ({ server, current, target });
const shown = (step: PlanStep): string => ('untilIdle' in step ? `${step.server} idle` : `${step.server} ${step.set}`);

describe('planCommands', () => {
  it.each<[string, SlotMove, SlotMove, string[]]>([
    [
      'a first canary: each slot gets address and weight before it is made ready',
      on('stable', placeholder, to(8001, 90)),
      on('canary', placeholder, to(8002, 10)),
      [
        'stable idle',
        'stable addr 127.0.0.1 port 8001',
        'stable weight 90',
        'stable state ready',
        'canary idle',
        'canary addr 127.0.0.1 port 8002',
        'canary weight 10',
        'canary state ready',
      ],
    ],
    [
      'raising the canary: stable first, then canary',
      on('stable', serving(8001, 90), to(8001, 50)),
      on('canary', serving(8002, 10), to(8002, 50)),
      ['stable weight 50', 'canary weight 50'],
    ],
    [
      'a step that changes nothing sends nothing',
      on('stable', serving(8001, 50), to(8001, 50)),
      on('canary', serving(8002, 50), to(8002, 50)),
      [],
    ],
    [
      'abort: the canary goes out in one command, first',
      on('stable', serving(8001, 50), to(8001, 100)),
      on('canary', serving(8002, 50), out),
      ['canary state maint', 'stable weight 100'],
    ],
    [
      'abort at 100%: the parked stable comes back before the canary leaves',
      on('stable', parked(8001, 0), to(8001, 100)),
      on('canary', serving(8002, 100), out),
      ['stable weight 100', 'stable state ready', 'canary state maint'],
    ],
    [
      'promotion: the promoted canary keeps its server, and the old stable goes out in one command, first',
      on('canary', serving(8002, 50), to(8002, 100)),
      on('stable', serving(8001, 50), out),
      ['stable state maint', 'canary weight 100'],
    ],
    [
      'rollback to the parked release: its server comes back, then the replaced release goes out',
      on('stable', parked(8001, 100), to(8001, 100)),
      on('canary', serving(8002, 100), out),
      ['stable state ready', 'canary state maint'],
    ],
    [
      'rollback to a new address: the parked server takes it once idle, comes up, then the replaced release goes out',
      on('stable', parked(8001, 100), to(8003, 100)),
      on('canary', serving(8002, 100), out),
      ['stable idle', 'stable addr 127.0.0.1 port 8003', 'stable state ready', 'canary state maint'],
    ],
    [
      'the next deploy after a promotion: the new canary is set up in the parked server',
      on('canary', serving(8002, 100), to(8002, 90)),
      on('stable', parked(8001, 100), to(8003, 10)),
      ['canary weight 90', 'stable idle', 'stable addr 127.0.0.1 port 8003', 'stable weight 10', 'stable state ready'],
    ],
    [
      'a serving server that must take another release goes out first while the other serves',
      on('stable', serving(8002, 95), to(8002, 90)),
      on('canary', serving(8001, 5), to(8003, 10)),
      [
        'stable weight 90',
        'canary state maint',
        'canary idle',
        'canary addr 127.0.0.1 port 8003',
        'canary weight 10',
        'canary state ready',
      ],
    ],
    [
      'with nothing else serving, a serving server is re-addressed in place: weight first, then address',
      on('stable', serving(8001, 100), to(8003, 90)),
      on('canary', parked(8002, 0), to(8004, 10)),
      [
        'stable weight 90',
        'stable addr 127.0.0.1 port 8003',
        'canary idle',
        'canary addr 127.0.0.1 port 8004',
        'canary weight 10',
        'canary state ready',
      ],
    ],
    [
      'the canary at 100% with no stable: the canary takes all, then the other server is parked',
      on('stable', serving(8001, 50), out),
      on('canary', serving(8002, 50), to(8002, 100)),
      ['canary weight 100', 'stable state maint'],
    ],
    [
      'a slot already parked is not parked again',
      on('stable', serving(8001, 100), to(8001, 100)),
      on('canary', parked(8002, 10), out),
      [],
    ],
    [
      'the first release of an environment has no stable',
      on('stable', placeholder, out),
      on('canary', placeholder, to(8002, 25)),
      ['canary idle', 'canary addr 127.0.0.1 port 8002', 'canary weight 25', 'canary state ready'],
    ],
  ])('%s', (_, stable, canary, expected) => {
    expect(planCommands(stable, canary).map(shown)).toEqual(expected);
  });

  it('knows an IPv6 address in brackets as the same address', () => {
    const now: SlotState = { enabled: true, weight: 10, addr: '[::1]:8002' };
    const target: SlotTarget = { weight: 10, ip: '::1', port: 8002 };
    expect(planCommands(on('stable', now, target), on('canary', placeholder, out))).toEqual([]);
  });
});

describe('assignRoles', () => {
  const slot = (server: string, state: SlotState, recorded?: string): Slot => ({ server, state, recorded });
  const release = (id: string, port: number, weight: number): Wanted => ({ id, ip: '127.0.0.1', port, weight });

  it.each<[string, [Slot, Slot], Wanted | undefined, Wanted | undefined, { stable: string; canary: string }]>([
    [
      'the first release goes to the server named after its role',
      [slot('stable', placeholder), slot('canary', placeholder)],
      undefined,
      release('a', 8001, 100),
      { stable: 'stable', canary: 'canary' },
    ],
    [
      'a first canary: each role to its namesake',
      [slot('stable', serving(8001, 100)), slot('canary', placeholder)],
      release('a', 8001, 90),
      release('b', 8002, 10),
      { stable: 'stable', canary: 'canary' },
    ],
    [
      'promotion: the canary stays in its server, which now plays stable',
      [slot('stable', serving(8001, 50)), slot('canary', serving(8002, 50))],
      release('b', 8002, 100),
      undefined,
      { stable: 'canary', canary: 'stable' },
    ],
    [
      'a promotion to a release no server holds: it goes to the parked server, not the serving one',
      [slot('stable', serving(8001, 100)), slot('canary', parked(8002, 10))],
      release('c', 8003, 100),
      undefined,
      { stable: 'canary', canary: 'stable' },
    ],
    [
      'rollback: the restored release goes back to the parked server still at its address',
      [slot('stable', parked(8001, 100)), slot('canary', serving(8002, 100))],
      release('a', 8001, 100),
      undefined,
      { stable: 'stable', canary: 'canary' },
    ],
    [
      'the next deploy after a promotion: the new canary takes the parked server',
      [slot('stable', parked(8001, 100)), slot('canary', serving(8002, 100))],
      release('b', 8002, 90),
      release('c', 8003, 10),
      { stable: 'canary', canary: 'stable' },
    ],
    [
      'an abort: the canary going out claims nothing, the stable keeps its server',
      [slot('stable', serving(8002, 90)), slot('canary', serving(8003, 10))],
      release('b', 8002, 100),
      release('c', 8003, 0),
      { stable: 'stable', canary: 'canary' },
    ],
    [
      'two new releases: the stable one takes the server serving less, so the busier one carries traffic meanwhile',
      [slot('stable', serving(8001, 90)), slot('canary', serving(8002, 10))],
      release('d', 8004, 90),
      release('e', 8005, 10),
      { stable: 'canary', canary: 'stable' },
    ],
    [
      'two servers at one address: the one the slot file records for the release',
      [slot('stable', parked(8001, 100)), slot('canary', parked(8001, 100), 'a')],
      release('a', 8001, 100),
      undefined,
      { stable: 'canary', canary: 'stable' },
    ],
  ])('%s', (_, slots, stable, canary, expected) => {
    expect(assignRoles(slots, stable, canary)).toEqual(expected);
  });
});

describe('holdersAfter', () => {
  const slots: Slot[] = [
    { server: 'stable', state: serving(8001, 50) },
    { server: 'canary', state: serving(8002, 50) },
  ];
  const release = (id: string, port: number, weight: number): Wanted => ({ id, ip: '127.0.0.1', port, weight });

  it('gives each server the release it serves; a canary going out still holds the server at its address', () => {
    const roles = { stable: 'stable', canary: 'canary' };
    expect(holdersAfter(slots, roles, { stable: release('a', 8001, 100), canary: release('b', 8002, 0) })).toEqual(
      new Map([
        ['stable', { release: 'a', addr: '127.0.0.1:8001' }],
        ['canary', { release: 'b', addr: '127.0.0.1:8002' }],
      ]),
    );
  });

  it('leaves out the server of a release no longer asked for (the old stable after a promotion)', () => {
    const roles = { stable: 'canary', canary: 'stable' };
    expect(holdersAfter(slots, roles, { stable: release('b', 8002, 100), canary: undefined })).toEqual(
      new Map([['canary', { release: 'b', addr: '127.0.0.1:8002' }]]),
    );
  });
});
