// The one place the fault tests drive slipway from: a stage holds one environment behind a real
// front door (the local proxy, HAProxy or nginx), writes release folders whose servers keep
// receipts of the requests they are handed, runs deploys through the real controller (releases are
// real processes), runs load against the front door, and takes everything down again, including
// when a test failed half-way (a deploy still running is cancelled and waited for first).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock, type RecordingLogger } from '@slipway/action-kit/lite';
import {
  deployCanary,
  downEnvironment,
  recoverCanary,
  type DeployOutcome,
  type DeployPlan,
  type DeploySeams,
  type LedgerDocument,
  type Transition,
} from '@slipway/deploy';
import { makeTree, removeTree } from '../harness.js';
import { scenarioPlan, scenarioSeams } from '../../packages/deploy/test/scenario-harness.js';
import { startFrontDoor, type FrontDoor } from './front-doors.js';
import { answeredBy, REQUEST_HEADER, startLoad, type Load, type LoadResult } from './load.js';

/** Every stage deploys to this environment. */
export const ENVIRONMENT = 'prod';

/** How a release behaves: `good` answers everything; `bad` answers every 20th request with 500. */
export type Mode = 'good' | 'bad';

/**
 * The release server: notes each request number it is handed (appended at once, so that a
 * SIGKILL loses none), tells where it listens, answers with its id, and serves its counts as
 * Prometheus metrics. Started with `exec`, so the pid the ledger records is the server itself.
 */
const SERVER = `import { createServer } from 'node:http';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
const mode = readFileSync(new URL('./mode.txt', import.meta.url), 'utf8').trim();
const id = process.env.SLIPWAY_RELEASE_ID;
const receipts = process.env.FAULTS_RECEIPTS;
let served = 0;
let failed = 0;
const server = createServer((req, res) => {
  const n = req.headers['${REQUEST_HEADER}'];
  if (receipts && n) appendFileSync(receipts + '/' + id + '.log', n + '\\n');
  if (req.url === '/healthz') return res.writeHead(200, { 'x-release': id }).end(mode);
  if (req.url === '/metrics') {
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    return res.end('faults_requests_total ' + served + '\\nfaults_failed_total ' + failed + '\\n');
  }
  served++;
  const fail = mode === 'bad' && served % 20 === 0;
  if (fail) failed++;
  res.writeHead(fail ? 500 : 200, { 'x-release': id, 'content-type': 'text/plain' });
  res.end(id);
});
server.keepAliveTimeout = 60000;
server.listen(Number(process.env.PORT), process.env.HOST, () => {
  if (receipts) writeFileSync(receipts + '/' + id + '.addr', process.env.HOST + ':' + process.env.PORT + '\\n');
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

/** How a deploy ended: its outcome, or the error it threw; and its log either way. */
export interface Settled {
  outcome?: DeployOutcome;
  error?: unknown;
  logger: RecordingLogger;
}

/** A deploy under way. */
export interface Running {
  plan: DeployPlan;
  done: Promise<Settled>;
}

/** One environment behind one front door, and everything the faults need around it. */
export class Stage {
  readonly stateDir: string;
  /** Where releases write their receipts (see load.ts). */
  readonly receipts: string;
  private readonly running = new Set<{ cancel: AbortController; done: Promise<unknown> }>();
  private readonly loads = new Set<Load>();
  private readonly cleanups: (() => Promise<void> | void)[] = [];

  private constructor(
    readonly root: string,
    readonly door: FrontDoor,
  ) {
    this.stateDir = join(root, 'state');
    this.receipts = join(root, 'receipts');
    mkdirSync(this.receipts, { recursive: true });
  }

  /** Starts the provider's front door in a fresh temporary folder. */
  static async open(provider: FrontDoor['provider']): Promise<Stage> {
    const root = makeTree({}, `slipway-faults-${provider}-`);
    try {
      return new Stage(root, await startFrontDoor(provider, root, ENVIRONMENT));
    } catch (err) {
      removeTree(root);
      throw err;
    }
  }

  get provider(): FrontDoor['provider'] {
    return this.door.provider;
  }

  /** The environment's folder (ledger, lock, releases). */
  get environmentDir(): string {
    return join(this.stateDir, ENVIRONMENT);
  }

  get ledgerPath(): string {
    return join(this.environmentDir, 'ledger.json');
  }

  /** The ledger as it is on disk now. */
  ledger(): LedgerDocument {
    return JSON.parse(readFileSync(this.ledgerPath, 'utf8')) as LedgerDocument;
  }

  /** The transitions one run wrote, in order. */
  transitionsOf(runId: string): Transition[] {
    return this.ledger().transitions.filter((t) => t.runId === runId);
  }

  /** Writes a release folder (its content, and so its id, differs per version) and returns its path. */
  release(version: string, mode: Mode = 'good'): string {
    const dir = join(this.root, 'src', `${version}-${mode}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'server.mjs'), SERVER);
    writeFileSync(join(dir, 'mode.txt'), `${mode}\n`);
    writeFileSync(join(dir, 'VERSION'), `${version}\n`);
    return dir;
  }

  /** A plan for this stage with short windows; `over` replaces any field. */
  plan(version: string, mode: Mode = 'good', over: Partial<DeployPlan> = {}): DeployPlan {
    return scenarioPlan(
      { provider: this.provider, stateDir: this.stateDir, settings: this.door.settings },
      { artifact: this.release(version, mode), version, startCommand: 'exec node server.mjs', ...over },
    );
  }

  /** The seams of a real deploy, with a recording logger; releases get the receipts folder. */
  seams(extra: Partial<DeploySeams> = {}): DeploySeams & { logger: RecordingLogger } {
    return scenarioSeams({ env: { ...process.env, FAULTS_RECEIPTS: this.receipts }, ...extra });
  }

  /** Starts a deploy through the real controller; it is cancelled and waited for if the test ends first. */
  deploy(plan: DeployPlan, extra: Partial<DeploySeams> = {}): Running {
    const cancel = new AbortController();
    const seams = this.seams({ signal: cancel.signal, ...extra });
    const done: Promise<Settled> = deployCanary(plan, seams).then(
      (outcome) => ({ outcome, logger: seams.logger }),
      (error: unknown) => ({ error, logger: seams.logger }),
    );
    const entry = { cancel, done };
    this.running.add(entry);
    void done.then(() => this.running.delete(entry));
    return { plan, done };
  }

  /** Deploys and waits for the end. */
  async deployed(plan: DeployPlan, extra: Partial<DeploySeams> = {}): Promise<Settled> {
    return this.deploy(plan, extra).done;
  }

  /** The post step's recovery (recoverCanary), as deploy-canary's post runs it. */
  recover(runId?: string): Promise<string | undefined> {
    return recoverCanary(
      {
        stateDir: this.stateDir,
        environment: ENVIRONMENT,
        provider: this.provider,
        settings: this.door.settings,
        workspace: this.root,
        ...(runId !== undefined ? { runId } : {}),
      },
      this.seams(),
    );
  }

  /** Starts load against the front door; stopped at close if the test does not stop it. */
  load(options: { rate?: number; connections?: number } = {}): Load {
    const load = startLoad(this.door.url, this.receipts, options);
    this.loads.add(load);
    return load;
  }

  /** Runs load for `count` requests and says who answered them (after a fault, to see where traffic ended). */
  async sample(count = 60): Promise<LoadResult> {
    const load = this.load();
    await load.more(count);
    return load.stop();
  }

  /** Runs `fn` at close, before the environment and the front door are taken down. */
  onClose(fn: () => Promise<void> | void): void {
    this.cleanups.push(fn);
  }

  /** Cancels what still runs, stops every release and the front door, and removes the folder. */
  async close(): Promise<void> {
    const problems: unknown[] = [];
    const attempt = async (fn: () => Promise<unknown> | unknown): Promise<void> => {
      try {
        await fn();
      } catch (err) {
        problems.push(err);
      }
    };
    for (const load of [...this.loads]) await attempt(() => load.stop());
    for (const run of [...this.running]) {
      run.cancel.abort();
      await attempt(() => run.done);
    }
    await attempt(() => downEnvironment(this.stateDir, ENVIRONMENT, systemClock));
    for (const fn of this.cleanups.reverse()) await attempt(fn);
    await attempt(() => this.door.stop());
    removeTree(this.root);
    if (problems.length > 0) throw problems[0];
  }
}

/** Waits until `test` holds, polling; a guard against a hang (generous for a busy machine), not a timing assertion. */
export async function until(what: string, test: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting (${timeoutMs / 1000} s) until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits until the canary of `stage` takes traffic in its first step (its analysis is running then). */
export async function untilStepping(stage: Stage, running?: Running): Promise<void> {
  let ended = false;
  void running?.done.then(() => (ended = true));
  await until('the canary takes traffic', () => {
    if (ended) throw new Error('the deploy ended before its canary took traffic');
    try {
      const canary = stage.ledger().canary;
      return canary?.phase === 'stepping' && canary.weight > 0;
    } catch {
      return false; // no ledger yet
    }
  });
}

/** Waits until the load has handed release `id` a request (its receipts say so). */
export function untilServed(stage: Stage, id: string): Promise<void> {
  return until(`release ${id} is handed a request`, () => existsSync(join(stage.receipts, `${id}.log`)));
}

/** The id of the release the stage's ledger calls stable. */
export function stableId(stage: Stage): string {
  const id = stage.ledger().stable?.id;
  if (!id) throw new Error('the environment has no stable release');
  return id;
}

/** The transitions' `to`, in order. */
export function phases(transitions: readonly Transition[]): string[] {
  return transitions.map((t) => t.to);
}

/** The `.tmp` files an atomic write would leave if it died half-way. */
export function leftoverTemps(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp'));
}

export { answeredBy };
