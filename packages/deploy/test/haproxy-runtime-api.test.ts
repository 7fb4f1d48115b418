// The runtime API client's edges that need no HAProxy: sockets that are missing, silent or odd,
// the traffic ledger's bookkeeping, the `show stat` CSV reader and the slot file.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { makeTree, removeTree } from '../../../test/harness.js';
import { userError } from '../../../test/matchers.js';
import { RuntimeApi, parseStatCsv } from '../src/providers/haproxy/runtime-api.js';
import { readSlotFile, slotFilePath, writeSlotFile } from '../src/providers/haproxy/slot-file.js';
import { TrafficLedger, countersOf, type SlotCounters } from '../src/providers/haproxy/traffic.js';

describe('RuntimeApi', () => {
  let dir: string;
  const servers: Server[] = [];
  const sockets: Socket[] = [];
  const serve = async (name: string, onData: (text: string, reply: (s: string) => void) => void): Promise<string> => {
    const path = join(dir, name);
    // Half-open, like HAProxy: the client's end of writing is not the end of the conversation.
    const server = createServer({ allowHalfOpen: true }, (s) => {
      sockets.push(s);
      s.on('data', (d: Buffer) => onData(d.toString(), (text) => s.end(text)));
    });
    await new Promise<void>((r) => server.listen(path, () => r()));
    servers.push(server);
    return path;
  };

  beforeAll(() => {
    dir = makeTree({}, 'slipway-haproxy-api-');
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
    removeTree(dir);
  });

  it('sends one command, newline-terminated, and reads the answer until close', async () => {
    const path = await serve('echo.sock', (text, reply) => reply(`got ${JSON.stringify(text)}\n\n`));
    await expect(new RuntimeApi(path).send('show info')).resolves.toBe('got "show info\\n"');
  });

  it('gives up on a socket that never answers, naming haproxy-socket', async () => {
    const path = await serve('mute.sock', () => undefined);
    await expect(new RuntimeApi(path, { timeoutMs: 100 }).send('show stat')).rejects.toThrow(
      userError('haproxy-socket', /did not answer 'show stat'/),
    );
  });

  it('names haproxy-socket when the path does not exist', async () => {
    await expect(new RuntimeApi(join(dir, 'none.sock')).send('show info')).rejects.toThrow(
      userError('haproxy-socket', /does not exist/),
    );
  });

  it('refuses a command that would smuggle in a second one', () => {
    expect(() => new RuntimeApi('/x').send('show info; shutdown sessions server app/stable')).toThrow(/separator/);
  });
});

describe('parseStatCsv', () => {
  it('reads rows by the header names, dropping the unnamed trailing field', () => {
    const text =
      '# pxname,svname,stot,hrsp_5xx,-,addr,\napp,stable,12,1,,127.0.0.1:8001,\napp,canary,3,,,127.0.0.1:1,\n';
    expect(parseStatCsv(text)).toEqual([
      { pxname: 'app', svname: 'stable', stot: '12', hrsp_5xx: '1', addr: '127.0.0.1:8001' },
      { pxname: 'app', svname: 'canary', stot: '3', hrsp_5xx: '', addr: '127.0.0.1:1' },
    ]);
  });

  it('refuses an answer that is not show stat', () => {
    expect(() => parseStatCsv('No such proxy.')).toThrow(/not 'show stat'/);
  });
});

describe('TrafficLedger', () => {
  const reading = (stable: Partial<SlotCounters>, canary: Partial<SlotCounters>): Map<string, SlotCounters> =>
    new Map([
      ['stable', { requests: 0, errors: 0, meanMs: 0, ...stable }],
      ['canary', { requests: 0, errors: 0, meanMs: 0, ...canary }],
    ]);

  it('counts errors as 5xx plus connection and response errors', () => {
    expect(countersOf({ stot: '40', hrsp_5xx: '2', econ: '1', eresp: '1', rtime: '7' })).toEqual({
      requests: 40,
      errors: 4,
      meanMs: 7,
    });
    expect(countersOf({ stot: '40', hrsp_5xx: '', econ: '', eresp: '' })).toEqual({
      requests: 40,
      errors: 0,
      meanMs: 0,
    });
  });

  it('returns differences since the last reading, per release, and credits a slot to whoever held it', () => {
    const ledger = new TrafficLedger();
    expect(ledger.take()).toBeUndefined();
    ledger.settle(reading({ requests: 100 }, { requests: 7 }));
    ledger.assign('stable', 'a');
    ledger.assign('canary', 'b');
    ledger.settle(reading({ requests: 190, meanMs: 4 }, { requests: 17, errors: 1, meanMs: 9 }));
    // The canary slot changes hands: what it served until now was b's.
    ledger.assign('canary', 'c');
    ledger.settle(reading({ requests: 200, meanMs: 4 }, { requests: 20, errors: 1, meanMs: 3 }));
    expect(ledger.take()).toEqual(
      new Map([
        ['a', { requests: 100, errors: 0, latenciesMs: [4, 4] }],
        ['b', { requests: 10, errors: 1, latenciesMs: [9] }],
        ['c', { requests: 3, errors: 0, latenciesMs: [3] }],
      ]),
    );
    expect(ledger.take()).toEqual(
      new Map([
        ['a', { requests: 0, errors: 0, latenciesMs: [] }],
        ['c', { requests: 0, errors: 0, latenciesMs: [] }],
      ]),
    );
  });

  it('reports a release the step named with zeros while no slot serves it, and keeps counting one that moved slots', () => {
    const ledger = new TrafficLedger();
    ledger.settle(reading({ requests: 10 }, { requests: 0 }));
    ledger.assign('stable', 'a');
    ledger.report(['a', 'b']);
    expect(ledger.take()).toEqual(
      new Map([
        ['a', { requests: 0, errors: 0, latenciesMs: [] }],
        ['b', { requests: 0, errors: 0, latenciesMs: [] }],
      ]),
    );
    // b comes up in the canary slot; a leaves the stable slot, which goes to c.
    ledger.settle(reading({ requests: 20 }, { requests: 0 }));
    ledger.assign('canary', 'b');
    ledger.assign('stable', 'c');
    ledger.report(['b', 'c']);
    ledger.settle(reading({ requests: 25 }, { requests: 30 }));
    expect(ledger.take()).toEqual(
      new Map([
        ['a', { requests: 10, errors: 0, latenciesMs: [] }],
        ['b', { requests: 30, errors: 0, latenciesMs: [] }],
        ['c', { requests: 5, errors: 0, latenciesMs: [] }],
      ]),
    );
  });

  it('counts from zero after HAProxy restarted and its counters fell', () => {
    const ledger = new TrafficLedger();
    ledger.assign('stable', 'a');
    ledger.settle(reading({ requests: 500 }, {}));
    ledger.settle(reading({ requests: 30 }, {}));
    expect(ledger.take()?.get('a')).toEqual({ requests: 30, errors: 0, latenciesMs: [] });
  });
});

describe('the slot file', () => {
  it('reads back what was written for the same backend, and nothing for another backend or a broken file', async () => {
    const dir = makeTree({}, 'slipway-haproxy-slots-');
    try {
      const path = slotFilePath(dir, 'production');
      expect(await readSlotFile(path, 'app')).toEqual({});
      const servers = { canary: { release: '1.1.0-bbbbbbb', addr: '127.0.0.1:8002' } };
      await writeSlotFile(path, { backend: 'app', servers });
      expect(await readSlotFile(path, 'app')).toEqual(servers);
      expect(await readSlotFile(path, 'web')).toEqual({});
      writeFileSync(path, '{"backend": "app", "servers": {"canary": {"release": 7}}}');
      expect(await readSlotFile(path, 'app')).toEqual({});
    } finally {
      removeTree(dir);
    }
  });
});
