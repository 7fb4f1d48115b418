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
//
// A release moves by changing servers, never by re-addressing the server that serves: `set server
// … addr` drops only the server's idle connections, and those in use at that moment (under steady
// keep-alive traffic, nearly all) go back to its pool and keep carrying requests to the replaced
// release until it stops. An incoming release (the promoted canary, the restored release of a
// rollback) is set up in the other server while that one is in maintenance, then takes the weight,
// and the server it leaves goes to maintenance. So the server named `canary` may serve the stable
// release: slots.ts chooses, and haproxy-slots.json in the environment's state folder records which
// release each server serves. Not covered: HAProxy 2.6 keeps a client's *private* server connections
// (`http-reuse never`, NTLM) even across an address change in maintenance, so with those the next
// release set up in a server can still reach the one it held before; leave `http-reuse` at `safe`.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { UserError, systemClock, type Clock } from '@slipway/action-kit/lite';
import type { RouterContext } from '../../registry.js';
import type { Release, TrafficRouter } from '../../types.js';
import { planCommands, plainAddr, type PlanStep, type SlotMove, type SlotState } from './plan.js';
import { RuntimeApi, parseStatCsv } from './runtime-api.js';
import { readSlotFile, slotFilePath, writeSlotFile, type SlotEntry, type SlotFile } from './slot-file.js';
import { assignRoles, holdersAfter, type Slot, type Wanted } from './slots.js';
import { TrafficLedger, countersOf, type SlotCounters } from './traffic.js';

/** The server names the backend must declare (`stable` and `canary` by convention; either may serve either role). */
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

/** A release's address, or none when one that is leaving no longer resolves (an abort must not wait on DNS). */
async function wantedOf(release: Release | undefined, weight: number): Promise<Wanted | undefined> {
  if (!release) return undefined;
  const at = weight > 0 ? await addressOf(release) : await addressOf(release).catch(() => undefined);
  return at && { id: release.id, weight, ...at };
}

/** Seams for tests; the defaults suit a real deploy. */
export interface HaproxyRouterOptions {
  /** Clock for the wait below. Default: the system clock. */
  clock?: Clock;
  /**
   * How long, in ms, a server that is to take another release waits for the requests still running
   * on its previous one before they are cut (`shutdown sessions server`). Default 30 000.
   */
  idleWaitMs?: number;
}

/** How often a server waiting to go idle is looked at, in ms. */
const IDLE_POLL_MS = 50;

/** Builds the haproxy router: checks the socket is an admin socket and the backend has both slots. */
export async function createHaproxyRouter(
  { settings, stateDir, environment }: RouterContext,
  options: HaproxyRouterOptions = {},
): Promise<TrafficRouter> {
  const { clock = systemClock, idleWaitMs = 30_000 } = options;
  const socket = setting(settings, 'haproxy-socket');
  const backend = setting(settings, 'haproxy-backend');
  // The name goes into runtime API commands, where a space or `;` would start another argument or command.
  if (!/^[\w.:-]+$/.test(backend))
    throw new UserError(`'${backend}' is not a HAProxy backend name.`, { input: 'haproxy-backend' });
  const api = new RuntimeApi(socket);
  await checkAdmin(api);
  const slotFile = slotFilePath(stateDir, environment);
  let recorded = await readSlotFile(slotFile, backend);
  const ledger = new TrafficLedger();
  const settle = async (): Promise<Map<string, Record<string, string>>> => {
    const rows = await readSlots(api, backend);
    ledger.settle(countersByServer(rows));
    return rows;
  };
  /** The release the slot file records for a server, while the server still has the recorded address. */
  const recordedAt = (server: string, rows: Map<string, Record<string, string>>): string | undefined => {
    const entry = recorded[server];
    return entry && plainAddr(entry.addr) === plainAddr(rows.get(server)?.addr ?? '') ? entry.release : undefined;
  };
  const firstRows = await settle();
  // A later run (a resumed canary, a rollback) credits traffic to the releases an earlier run placed.
  for (const server of Object.values(SLOTS)) ledger.assign(server, recordedAt(server, firstRows));

  /** Waits until `server` (in maintenance) has no request in flight; past idleWaitMs, cuts what is left. */
  const untilIdle = async (server: string): Promise<void> => {
    const deadline = clock.monotonic() + idleWaitMs;
    while (Number((await readSlots(api, backend)).get(server)?.scur || 0) > 0) {
      if (clock.monotonic() >= deadline) {
        // Left running, their connections would go back to the server's pool once they finish and
        // carry the next release's requests to this one.
        await run(api, `shutdown sessions server ${backend}/${server}`, (a) => a === '');
        return;
      }
      await clock.sleep(IDLE_POLL_MS);
    }
  };

  const router: TrafficRouter = {
    name: 'haproxy',
    frontDoor: `haproxy backend ${backend}`,
    // A restarted HAProxy starts from its file: both slots in maintenance until told again.
    reassert: (stable) => router.setWeights(stable, undefined, 0),
    async setWeights(stable, canary, canaryWeight) {
      if (!Number.isInteger(canaryWeight) || canaryWeight < 0 || canaryWeight > 100)
        throw new Error(`canary weight ${canaryWeight} is not a whole percentage`);
      const rows = await settle();
      const wanted = {
        stable: await wantedOf(stable, stable ? (canary ? 100 - canaryWeight : 100) : 0),
        canary: await wantedOf(canary, canary ? canaryWeight : 0),
      };
      const slots = Object.values(SLOTS).map((server): Slot => ({
        server,
        state: stateOf(rows.get(server)!),
        recorded: recordedAt(server, rows),
      })) as [Slot, Slot];
      const roles = assignRoles(slots, wanted.stable, wanted.canary);
      const moves = (['stable', 'canary'] as const).map((role): SlotMove => {
        const w = wanted[role];
        const target = w && w.weight > 0 ? { weight: w.weight, ip: w.ip, port: w.port } : { weight: 0 };
        return { server: roles[role], current: stateOf(rows.get(roles[role])!), target };
      });
      const holders = holdersAfter(slots, roles, wanted);
      // Recorded before HAProxy is touched: an entry whose address HAProxy never got is simply not believed.
      const file: SlotFile = { backend, servers: Object.fromEntries(holders) };
      await writeSlotFile(slotFile, file);
      recorded = file.servers;
      ledger.report([stable?.id, canary?.id].filter((id): id is string => id !== undefined));
      const steps = planCommands(moves[0]!, moves[1]!);
      // A server given a new address serves its previous release until then: `perform` hands it over.
      for (const server of Object.values(SLOTS))
        if (!steps.some((s) => s.server === server && isReaddress(s)))
          ledger.assign(server, holders.get(server)?.release);
      for (const step of steps) await perform(step, holders);
    },
    async readTraffic() {
      await settle();
      return ledger.take();
    },
    async close() {
      // Nothing stays open: every command had its own connection.
    },
  };

  /** Sends one step; before a new address, settles the server's counts to the release it served until now. */
  async function perform(step: PlanStep, holders: Map<string, SlotEntry>): Promise<void> {
    if ('untilIdle' in step) return untilIdle(step.server);
    if (isReaddress(step)) {
      await settle();
      ledger.assign(step.server, holders.get(step.server)?.release);
    }
    // `addr` reports what it changed; `weight` and `state` answer nothing when they succeed.
    await run(api, `set server ${backend}/${step.server} ${step.set}`, (a) =>
      isReaddress(step) ? /changed from|no need to change/.test(a) : a === '',
    );
  }
  return router;
}

function isReaddress(step: PlanStep): boolean {
  return 'set' in step && step.set.startsWith('addr ');
}
