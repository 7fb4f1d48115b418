// The `haproxy` traffic router: moves the weights of two server slots in a backend the user's own
// HAProxy configuration declares, through the runtime API, with no reload.
//
// The slot convention. The backend named by `haproxy-backend` holds two servers named `stable` and
// `canary`, each declared with a placeholder address, weight 0 and in maintenance:
//
//     backend app
//       balance roundrobin            # any dynamic algorithm; static-rr and map-based hashes refuse weights
//       server stable 127.0.0.1:1 weight 0 disabled
//       server canary 127.0.0.1:1 weight 0 disabled
//
// and `stats socket /run/haproxy/admin.sock level admin` in `global` (`haproxy-socket` names it).
// The router gives each slot its release's address, weight and state at run time; weights are
// percentages (stable 100-w, canary w). A slot is declared with a port so the port can be changed.
// Server options on the lines (`check`, `ssl`, `maxconn`) stay the user's and apply to every release.
// Runtime changes last until HAProxy restarts or reloads; keep them across reloads with
// `server-state-file` and `load-server-state-from-file global`.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { UserError } from '@slipway/action-kit/lite';
import type { RouterFactory } from '../../registry.js';
import type { Release, TrafficRouter } from '../../types.js';
import { planCommands, type SlotState, type SlotTarget } from './plan.js';
import { RuntimeApi, parseStatCsv } from './runtime-api.js';
import { TrafficLedger, countersOf, type SlotCounters } from './traffic.js';

/** The server names the backend must declare, by role. */
const SLOTS = { stable: 'stable', canary: 'canary' } as const;

const CONVENTION_HINT =
  `Declare 'server ${SLOTS.stable} 127.0.0.1:1 weight 0 disabled' and ` +
  `'server ${SLOTS.canary} 127.0.0.1:1 weight 0 disabled' in that backend.`;

/** HAProxy's error answers, mapped to what the user can fix. */
const ANSWERS: { pattern: RegExp; input: string; message: string; hint?: string }[] = [
  { pattern: /^No such (proxy|backend)/, input: 'haproxy-backend', message: 'is not a backend HAProxy runs.' },
  { pattern: /^No such server/, input: 'haproxy-backend', message: 'lacks a slipway slot.', hint: CONVENTION_HINT },
  {
    pattern: /static LB algorithm/,
    input: 'haproxy-backend',
    message: 'uses a static balance algorithm, which ignores weight changes.',
    hint: "Use 'balance roundrobin' (or leastconn, random, or a consistent hash).",
  },
  {
    pattern: /^Permission denied/,
    input: 'haproxy-socket',
    message: 'is not an admin socket, so it may not change servers.',
    hint: "Declare it with 'level admin'.",
  },
];

/** Sends a command and returns its answer, turning HAProxy's refusals into errors. */
async function run(api: RuntimeApi, command: string, ok: (answer: string) => boolean): Promise<string> {
  const answer = await api.send(command);
  if (ok(answer)) return answer;
  const known = ANSWERS.find((a) => a.pattern.test(answer));
  if (known)
    throw new UserError(
      `'${command}': ${known.message} (HAProxy: ${firstLine(answer)})`,
      { input: known.input },
      known.hint,
    );
  throw new Error(`HAProxy refused '${command}': ${firstLine(answer)}`);
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!.slice(0, 200) || '(no answer)';
}

/** A required setting, trimmed; a missing one is a UserError naming it. */
function setting(settings: Readonly<Record<string, string>>, name: string): string {
  const value = settings[name]?.trim() ?? '';
  if (value === '') throw new UserError('is required by the haproxy provider.', { input: name });
  return value;
}

/** Refuses a socket below level admin up front, before a step half-applies and then meets `Permission denied`. */
async function checkAdmin(api: RuntimeApi): Promise<void> {
  const level = await api.send('show cli level');
  if (level === 'admin') return;
  if (level === 'user' || level === 'operator')
    throw new UserError(
      `${api.socketPath} is at level ${level}, so it may not change servers.`,
      { input: 'haproxy-socket' },
      "Declare it with 'level admin' (or point this input at a socket that is).",
    );
  throw new UserError(
    `${api.socketPath} does not answer like HAProxy's runtime API (it said: ${firstLine(level)}).`,
    { input: 'haproxy-socket' },
    "Point it at HAProxy's admin socket (HAProxy 2.0 or later): 'stats socket <path> level admin'.",
  );
}

/** The `show stat` rows of the two slots, keyed by server name. */
async function readSlots(api: RuntimeApi, backend: string): Promise<Map<string, Record<string, string>>> {
  const answer = await run(api, `show stat ${backend} 4 -1`, (a) => a.startsWith('# '));
  const rows = new Map(parseStatCsv(answer).map((r) => [r.svname ?? '', r]));
  for (const slot of Object.values(SLOTS))
    if (!rows.has(slot))
      throw new UserError(
        `'${backend}' has no server '${slot}' (it has: ${[...rows.keys()].join(', ') || 'none'}).`,
        { input: 'haproxy-backend' },
        CONVENTION_HINT,
      );
  return rows;
}

function stateOf(row: Record<string, string>): SlotState {
  return {
    enabled: !(row.status ?? '').startsWith('MAINT'),
    weight: Number(row.uweight || row.weight || 0),
    addr: row.addr ?? '',
  };
}

function countersByServer(rows: Map<string, Record<string, string>>): Map<string, SlotCounters> {
  return new Map([...rows].map(([server, row]) => [server, countersOf(row)]));
}

/** Where a release's upstream points, as the IP and port `set server … addr` takes. */
async function addressOf(release: Release): Promise<{ ip: string; port: number }> {
  let url: URL;
  try {
    url = new URL(release.upstream);
  } catch {
    throw new UserError(`release ${release.id} has upstream '${release.upstream}', which is not a URL.`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (isIP(host)) return { ip: host, port };
  // `set server … addr` takes only an IP address, so names are resolved here, once per step.
  try {
    return { ip: (await lookup(host)).address, port };
  } catch {
    throw new UserError(`release ${release.id} has upstream host '${host}', which does not resolve.`);
  }
}

/** Builds the haproxy router: checks the socket is an admin socket and the backend has both slots. */
export const createHaproxyRouter: RouterFactory = async ({ settings }) => {
  const socket = setting(settings, 'haproxy-socket');
  const backend = setting(settings, 'haproxy-backend');
  // The name goes into runtime API commands, where a space or `;` would start another argument or command.
  if (!/^[\w.:-]+$/.test(backend))
    throw new UserError(`'${backend}' is not a HAProxy backend name.`, { input: 'haproxy-backend' });
  const api = new RuntimeApi(socket);
  await checkAdmin(api);
  const ledger = new TrafficLedger();
  ledger.settle(countersByServer(await readSlots(api, backend)));

  const router: TrafficRouter = {
    name: 'haproxy',
    frontDoor: `haproxy backend ${backend}`,
    async setWeights(stable, canary, canaryWeight) {
      if (!Number.isInteger(canaryWeight) || canaryWeight < 0 || canaryWeight > 100)
        throw new Error(`canary weight ${canaryWeight} is not a whole percentage`);
      const rows = await readSlots(api, backend);
      ledger.settle(countersByServer(rows));
      const target = async (release: Release | undefined, weight: number): Promise<SlotTarget> =>
        release && weight > 0 ? { weight, ...(await addressOf(release)) } : { weight: 0 };
      const stableTarget = await target(stable, canary ? 100 - canaryWeight : 100);
      const canaryTarget = await target(canary, canaryWeight);
      const commands = planCommands(
        backend,
        { server: SLOTS.stable, current: stateOf(rows.get(SLOTS.stable)!), target: stableTarget },
        { server: SLOTS.canary, current: stateOf(rows.get(SLOTS.canary)!), target: canaryTarget },
      );
      ledger.assign(SLOTS.stable, stable?.id);
      ledger.assign(SLOTS.canary, canary?.id);
      for (const command of commands)
        // `addr` reports what it changed; `weight` and `state` answer nothing when they succeed.
        await run(api, command, (a) =>
          command.includes(' addr ') ? /changed from|no need to change/.test(a) : a === '',
        );
    },
    async readTraffic() {
      ledger.settle(countersByServer(await readSlots(api, backend)));
      return ledger.take();
    },
    async close() {
      // Nothing stays open: every command had its own connection.
    },
  };
  return router;
};
