// The nginx router's parts that need no nginx: the files it writes, the commands it parses, and
// how it follows and reads the access log.
import { describe, expect, it } from '@jest/globals';
import { appendFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTree, removeTree } from '../../../test/harness.js';
import { userError } from '../../../test/matchers.js';
import { AccessLogTail, countRequests } from '../src/providers/nginx/access-log.js';
import { parseCommand } from '../src/providers/nginx/command.js';
import { renderUpstream, serverAddress } from '../src/providers/nginx/config.js';
import type { Release, TrafficSample } from '../src/types.js';

const stable: Release = { id: 's', version: '1', upstream: 'http://127.0.0.1:8001' };
const canary: Release = { id: 'c', version: '2', upstream: 'http://127.0.0.1:8002' };

describe('renderUpstream', () => {
  it.each([
    [stable, canary, 10, ['127.0.0.1:8001 weight=90', '127.0.0.1:8002 weight=10']],
    [stable, canary, 0, ['127.0.0.1:8001 weight=100', '127.0.0.1:8002 down']],
    [stable, canary, 100, ['127.0.0.1:8001 down', '127.0.0.1:8002 weight=100']],
    [undefined, canary, 30, ['127.0.0.1:8002 weight=100']],
    [undefined, canary, 0, ['127.0.0.1:8002 down']],
    [stable, undefined, 30, ['127.0.0.1:8001 weight=100']],
  ])('%#: writes each server with a weight of at least 1, or down', (s, c, weight, servers) => {
    const text = renderUpstream('prod', s, c, weight);
    expect(text).toContain('upstream slipway_prod {');
    expect(text).toContain('keepalive 32;');
    expect([...text.matchAll(/server (\S+ \S+);/g)].map((m) => m[1])).toEqual(servers);
  });

  it.each(['http://127.0.0.1:80/path', 'http://a;b:80', 'ftp://host:21', 'http://u:p@host:80', 'http://host:80?x'])(
    'refuses %s as a server address',
    (upstream) => {
      expect(() => serverAddress({ ...canary, upstream })).toThrow(userError('nginx-upstream-file'));
    },
  );

  it.each([
    ['http://app:8080', 'app:8080'],
    ['https://app', 'app:443'],
    ['127.0.0.1:9000', '127.0.0.1:9000'],
    ['http://[::1]:9000', '[::1]:9000'],
  ])('takes %s as %s', (upstream, address) => {
    expect(serverAddress({ ...canary, upstream })).toBe(address);
  });
});

describe('parseCommand', () => {
  it.each([
    ['nginx -s reload', ['nginx', '-s', 'reload']],
    [`sudo nginx -g 'daemon off;' -s reload`, ['sudo', 'nginx', '-g', 'daemon off;', '-s', 'reload']],
    [`docker exec "web 1" nginx -t`, ['docker', 'exec', 'web 1', 'nginx', '-t']],
    [`nginx -g'pid x;'`, ['nginx', '-gpid x;']],
  ])('splits %s', (text, argv) => {
    expect(parseCommand(text, 'nginx-reload-command').argv).toEqual(argv);
  });

  it.each(['', '   ', `nginx -g 'oops`])('refuses %j', (text) => {
    expect(() => parseCommand(text, 'nginx-reload-command')).toThrow(userError('nginx-reload-command'));
  });
});

const line = (status: number, addr: string, upstreamStatus: string, time: string): string =>
  `1700000000.123 ${status} "${addr}" "${upstreamStatus}" "${time}"\n`;

describe('access log', () => {
  const releaseAt = (addr: string): string | undefined => ({ '127.0.0.1:8001': 's', '127.0.0.1:8002': 'c' })[addr];

  it('counts requests, errors and latencies per release, by the last server nginx tried', () => {
    const samples = new Map<string, TrafficSample>();
    const lines = [
      line(200, '127.0.0.1:8001', '200', '0.010'),
      line(500, '127.0.0.1:8002', '500', '0.020'),
      line(200, '127.0.0.1:8002, 127.0.0.1:8001', '502, 200', '0.001, 0.030'),
      line(502, '127.0.0.1:8002', '502', '0.000'),
      line(502, 'slipway_prod', '-', '-'),
      line(404, '-', '-', '-'),
      'not a slipway line',
    ].join('');
    countRequests(lines.split('\n'), releaseAt, 'c', samples);
    expect(samples.get('s')).toEqual({ requests: 2, errors: 0, latenciesMs: [10, 30] });
    expect(samples.get('c')).toEqual({ requests: 3, errors: 3, latenciesMs: [] });
  });

  it('reads only what was added since the last reading, across rotation and truncation', async () => {
    const dir = makeTree({ 'access.log': line(200, 'old', '200', '0.001') });
    const path = join(dir, 'access.log');
    const tail = await AccessLogTail.at(path);
    try {
      expect(await tail.read()).toEqual([]);
      appendFileSync(path, line(200, 'a', '200', '0.001') + '1700000000.123 200 "b"');
      expect(await tail.read()).toEqual([line(200, 'a', '200', '0.001').trim()]);
      // nginx finishes the torn line, then the log is rotated (renamed, a new file created).
      appendFileSync(path, ' "200" "0.001"\n');
      renameSync(path, `${path}.1`);
      writeFileSync(path, line(200, 'c', '200', '0.001').repeat(2));
      const c = line(200, 'c', '200', '0.001').trim();
      expect(await tail.read()).toEqual([line(200, 'b', '200', '0.001').trim(), c, c]);
      // copytruncate: the same file, emptied and written again (seen as long as it is shorter
      // than at the last reading; a log regrown past that between two readings loses its start).
      truncateSync(path, 0);
      appendFileSync(path, line(200, 'd', '200', '0.001'));
      expect(await tail.read()).toEqual([line(200, 'd', '200', '0.001').trim()]);
    } finally {
      await tail.close();
      removeTree(dir);
    }
  });
});
