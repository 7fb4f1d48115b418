// Benchmark of the kubernetes provider's abort: for each traffic router (replicas, gateway-api,
// ingress-nginx, istio), the time from a FAILED analysis verdict to the canary's weight being 0,
// on a real control plane (kube-apiserver, controller-manager, scheduler, kwok nodes; started by
// test/k8s/control-plane.ts from the binaries test/setup.sh builds).
//
// Per router, in a namespace of its own with the user's Deployment (3 replicas), Service and route
// object (HTTPRoute, Ingress or VirtualService, CRDs from test/k8s/crds/), as
// packages/deploy/test/kubernetes-deploy.test.ts sets them up: a good release is promoted first
// (so there is a stable), then BENCH_REPEATS bad releases are deployed with deployCanary, steps
// 10,50 and a 1 s analysis window. A bad release's canary-url (a local HTTP server standing in for
// a port-forward; kwok's pods run no process) answers 200 once, so it is ready, then 503: the
// first step's analysis fails and the controller aborts.
//
// What is timed (performance.now() throughout):
// - the verdict: the moment the controller logs `step 1 (10%): fail: …` (a wrapped logger). The
//   controller logs that line as soon as analyseStep returns, before the abort starts; it is the
//   public seam closest to the verdict. The step report's `endedAt` (ISO, whole ms, taken inside
//   analyseStep) is recorded beside it as a check.
// - the abort's router call: the registered router is the real kubernetes router wrapped so that
//   setWeights(stable, undefined, 0) is timed when it is called and when it RETURNS, which is (a).
//   For the kubernetes router that call also waits for the stable rollout and scales the canary to
//   0, so (a) is when the router says the canary is out, not when the route changed.
// - (b) the cluster: from the moment the 10% step's weights are set, `kubectl get` of the stable
//   and canary Deployments and the route object is started every BENCH_POLL_MS (50 ms), or as soon
//   as the one before answered when that took longer (BENCH_POLL_IN_FLIGHT, 1, at once). The
//   route is at canary weight 0 when: gateway-api/istio, no canary backendRef or destination with
//   a weight above 0; ingress-nginx, the canary Ingress gone or its canary-weight "0"; replicas,
//   the stable Deployment back at its full 3 replicas, all ready. (b) is when the first poll that saw it answered: an upper bound; the last poll that
//   still saw the canary was started before the change, a lower bound, shown beside it. The canary
//   Deployment at 0 replicas is reported as well: for the replicas router, its pods take traffic
//   until then.
//
// Run: npm run bench:k8s-abort (about 2 minutes with the default 5 repetitions; add
// -- --write-readme to put the table in README.md between its bench-k8s-abort markers).
// BENCH_REPEATS (5), BENCH_ROUTERS (all four, comma-separated), BENCH_POLL_MS (50) and
// BENCH_POLL_IN_FLIGHT (1) change it. The polls are not free: on a 2-CPU machine, with four kubectl
// processes at once the control plane and the deploy slowed down, (a) roughly doubled against a
// run polling once a second, and the polls' round trip went from ~85 to ~210 ms (wider brackets).
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { RecordingLogger } from '@slipway/action-kit/lite';
import { deployCanary, parseSteps, type DeployOutcome } from '../packages/deploy/src/index.js';
import { createKubernetesHost } from '../packages/deploy/src/providers/kubernetes/host.js';
import { createKubernetesRouter } from '../packages/deploy/src/providers/kubernetes/router.js';
import { registerRouter } from '../packages/deploy/src/registry.js';
import { scenarioPlan, scenarioSeams } from '../packages/deploy/test/scenario-harness.js';
import { K8S_BIN, K8S_VERSION, startCluster, type Cluster } from '../test/k8s/control-plane.js';
import { installCrd } from '../test/k8s/crds.js';
import { USER_ROUTES, userDeployment, userService } from '../test/k8s/fixtures.js';
import { writeBenchBlock } from './readme.js';
import { cleanups, runCleanups } from './cleanups.js';
import { recordRatio } from './summary.js';

const repeats = Number(process.env.BENCH_REPEATS ?? 5);
const pollMs = Number(process.env.BENCH_POLL_MS ?? 50);
const ROUTERS = ['replicas', 'gateway-api', 'ingress-nginx', 'istio'] as const;
type RouterName = (typeof ROUTERS)[number];
const routers = (process.env.BENCH_ROUTERS ?? ROUTERS.join(',')).split(',') as RouterName[];
/** The user's stable Deployment's size. */
const FULL = 3;
/** kubectl processes polling at once: each costs CPU the control plane and the deploy then lack. */
const MAX_IN_FLIGHT = Number(process.env.BENCH_POLL_IN_FLIGHT ?? 1);
/** How long the polls go on after the abort's router call returned, waiting for the cluster to show weight 0. */
const SETTLE_TIMEOUT_MS = 30_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ---- the cluster's objects, as far as the bench reads them ----
interface KubeObject {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: {
    replicas?: number;
    rules?: { backendRefs?: { name: string; weight?: number }[] }[];
    http?: { route: { destination: { host: string }; weight?: number }[] }[];
  };
  status?: { readyReplicas?: number };
}

/** How one router's route is set up, and whether what the cluster shows puts the canary at weight 0. */
interface RouterSpec {
  /** What `kubectl get` reads besides the two Deployments. */
  poll: string[];
  atZero: (objects: KubeObject[]) => boolean;
}

const find = (objects: KubeObject[], kind: string, name: string): KubeObject | undefined =>
  objects.find((o) => o.kind === kind && o.metadata.name === name);

const SPECS: Record<RouterName, RouterSpec> = {
  replicas: {
    poll: [],
    atZero: (objects) => {
      const stable = find(objects, 'Deployment', 'web');
      return stable?.spec?.replicas === FULL && stable.status?.readyReplicas === FULL;
    },
  },
  'gateway-api': {
    poll: ['httproutes.gateway.networking.k8s.io/web'],
    atZero: (objects) => {
      const route = find(objects, 'HTTPRoute', 'web');
      // A backendRef's weight defaults to 1.
      return !!route && !route.spec?.rules?.some((r) => r.backendRefs?.some((b) => isCanary(b.name, b.weight ?? 1)));
    },
  },
  'ingress-nginx': {
    poll: ['ingresses.networking.k8s.io/web-canary'],
    atZero: (objects) => {
      const canary = find(objects, 'Ingress', 'web-canary');
      return !canary || canary.metadata.annotations?.['nginx.ingress.kubernetes.io/canary-weight'] === '0';
    },
  },
  istio: {
    poll: ['virtualservices.networking.istio.io/web'],
    atZero: (objects) => {
      const vs = find(objects, 'VirtualService', 'web');
      // A lone destination without a weight takes it all.
      return !!vs && !vs.spec?.http?.some((h) => h.route.some((r) => isCanary(r.destination.host, r.weight ?? 100)));
    },
  },
};

function isCanary(name: string, weight: number): boolean {
  return name === 'web-canary' && weight > 0;
}

/** The canary Deployment scaled to 0 (or gone). */
const canaryScaledDown = (objects: KubeObject[]): boolean =>
  (find(objects, 'Deployment', 'web-canary')?.spec?.replicas ?? 0) === 0;

// ---- polling the cluster with kubectl get ----
interface Poll {
  launched: number;
  answered: number;
  routeZero: boolean;
  canaryZero: boolean;
}

/** Starts a `kubectl get` every `pollMs` (at most MAX_IN_FLIGHT at once) until stop(). */
function startPolls(cluster: Cluster, ns: string, spec: RouterSpec): { polls: Poll[]; stop(): Promise<void> } {
  const polls: Poll[] = [];
  const inFlight = new Set<Promise<void>>();
  const args = [
    '-n',
    ns,
    'get',
    'deployments.apps/web',
    'deployments.apps/web-canary',
    ...spec.poll,
    '--ignore-not-found',
    '-o',
    'json',
  ];
  const once = (): void => {
    if (inFlight.size >= MAX_IN_FLIGHT) return;
    const launched = performance.now();
    const done = new Promise<void>((resolve) =>
      execFile(cluster.kubectl, args, { env: cluster.env, maxBuffer: 1 << 24 }, (err, stdout) => {
        const answered = performance.now();
        if (!err) {
          const out = stdout.trim() ? (JSON.parse(stdout) as KubeObject & { items?: KubeObject[] }) : undefined;
          const objects = out ? (out.kind === 'List' ? (out.items ?? []) : [out]) : [];
          polls.push({ launched, answered, routeZero: spec.atZero(objects), canaryZero: canaryScaledDown(objects) });
        }
        resolve();
      }),
    );
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
  };
  once();
  const timer = setInterval(once, pollMs);
  return {
    polls,
    async stop() {
      clearInterval(timer);
      await Promise.all([...inFlight]);
    },
  };
}

/** A recording logger that notes when the controller logged a failed step's verdict. */
class VerdictLogger extends RecordingLogger {
  verdictAt: number | undefined;
  override info(message: string): void {
    if (this.verdictAt === undefined && /^step \d+ \(\d+%\): fail: /.test(message)) this.verdictAt = performance.now();
    super.info(message);
  }
}

/** What the wrapped router saw of one bad deploy. */
interface Trial {
  /** The 10% step's setWeights returned: the polls start. */
  stepSetAt?: number;
  abortCalledAt?: number;
  abortReturnedAt?: number;
  polls?: ReturnType<typeof startPolls>;
}

/** One measured abort, ms after the verdict. */
interface Run {
  called: number;
  returned: number;
  /** The first poll that saw the route at weight 0 answered (upper bound). */
  routeZero: number;
  /** The last poll that saw the canary still weighted was started (lower bound). */
  routeNonZero: number;
  canaryZero: number;
  /** The step report's endedAt, against the logged verdict (whole ms). */
  endedAtOffset: number;
  polls: number;
  kubectlMs: number[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (xs: number[]): string => `${median(xs).toFixed(0)} / ${Math.max(...xs).toFixed(0)} ms`;

async function measureRouter(
  cluster: Cluster,
  root: string,
  router: RouterName,
  urls: { good: string; bad: string },
  failOnce: () => void,
): Promise<Run[]> {
  const spec = SPECS[router];
  const ns = `bench-${router}`;
  const k = (...args: string[]): string =>
    execFileSync(cluster.kubectl, args, { env: cluster.env, encoding: 'utf8', input: '' });
  const apply = (object: unknown): void =>
    void execFileSync(cluster.kubectl, ['apply', '-f', '-'], { env: cluster.env, input: JSON.stringify(object) });
  if (router === 'gateway-api' || router === 'istio') await installCrd(cluster, router);
  k('create', 'namespace', ns);
  // The user's own objects, applied client-side as most repositories do.
  apply(userDeployment(ns, FULL));
  apply(userService(ns));
  if (router !== 'replicas') apply(USER_ROUTES[router](ns));
  k('-n', ns, 'rollout', 'status', 'deploy/web', '--timeout=60s');

  let trial: Trial | undefined;
  const provider = `kubernetes-bench-${ns}`;
  registerRouter(provider, async () => async (context) => {
    const inner = await createKubernetesRouter(context);
    return {
      ...inner,
      async setWeights(stable, canary, weight) {
        const abort = trial !== undefined && canary === undefined && weight === 0;
        if (abort) trial!.abortCalledAt = performance.now();
        await inner.setWeights(stable, canary, weight);
        if (!trial) return;
        if (abort) trial.abortReturnedAt = performance.now();
        else if (canary && weight > 0 && !trial.polls) {
          trial.stepSetAt = performance.now();
          trial.polls = startPolls(cluster, ns, spec);
        }
      },
    };
  });

  const settings: Record<string, string> = router === 'replicas' ? { router } : { router, route: 'web' };
  const deploy = (image: string, canaryUrl: string, logger: RecordingLogger): Promise<DeployOutcome> => {
    const all = { namespace: ns, deployment: 'web', image, 'canary-url': canaryUrl, ...settings };
    const stateDir = join(root, ns);
    const context = { stateDir, environment: 'prod', settings: all, workspace: root, env: cluster.env };
    return deployCanary(
      scenarioPlan(
        { provider, stateDir, settings: all },
        {
          artifact: '',
          version: '',
          steps: parseSteps('10,50'),
          stepAnalysisMs: 1000,
          readyTimeoutMs: 60_000,
          startCommand: '',
        },
      ),
      scenarioSeams({ env: cluster.env, host: createKubernetesHost(context), logger }),
    );
  };

  const good = await deploy('registry.invalid/web:2.0.0', urls.good, new RecordingLogger());
  if (good.result !== 'promoted') throw new Error(`the good release ended ${good.result}: ${good.reason}`);
  console.log(`  ${ns}: ${good.releaseId} promoted (the stable)`);

  const runs: Run[] = [];
  for (let i = 1; i <= repeats; i++) {
    trial = {};
    const t = trial;
    const logger = new VerdictLogger();
    failOnce();
    let out: DeployOutcome;
    try {
      out = await deploy(`registry.invalid/web:3.0.${i}`, urls.bad, logger);
      // The polls go on until the cluster shows both the route at 0 and the canary scaled down (or time runs out).
      const until = performance.now() + SETTLE_TIMEOUT_MS;
      const after = (p: Poll) => p.launched >= (t.abortCalledAt ?? Infinity);
      while (
        t.polls &&
        t.abortCalledAt !== undefined &&
        performance.now() < until &&
        !(t.polls.polls.some((p) => after(p) && p.routeZero) && t.polls.polls.some((p) => after(p) && p.canaryZero))
      )
        await sleep(pollMs);
    } finally {
      await t.polls?.stop();
      trial = undefined;
    }
    if (out.result !== 'rolled-back' || !/^step 1 at 10%/.test(out.reason))
      throw new Error(`bad release ${i} ended ${out.result}: ${out.reason}`);
    const verdict = logger.verdictAt;
    const { abortCalledAt, abortReturnedAt, stepSetAt, polls } = t;
    if (verdict === undefined) throw new Error(`bad release ${i}: no failed verdict was logged`);
    if (abortCalledAt === undefined || abortReturnedAt === undefined || stepSetAt === undefined || !polls)
      throw new Error(`bad release ${i}: the router did not see the step and the abort`);
    const seen = [...polls.polls].sort((x, y) => x.launched - y.launched);
    const firstZero = (zero: (p: Poll) => boolean): number => {
      const answered = seen.filter(zero).map((p) => p.answered);
      if (!answered.length) throw new Error(`bad release ${i}: the cluster never showed the canary at 0`);
      return Math.min(...answered);
    };
    const routeZero = firstZero((p) => p.routeZero);
    if (routeZero < abortCalledAt)
      throw new Error(`bad release ${i}: the route showed the canary at 0 before the abort (${router} check is wrong)`);
    const nonZero = seen.filter((p) => !p.routeZero).map((p) => p.launched);
    const endedAt = out.report.steps.at(-1)!.endedAt;
    const run: Run = {
      called: abortCalledAt - verdict,
      returned: abortReturnedAt - verdict,
      routeZero: routeZero - verdict,
      routeNonZero: Math.max(...nonZero) - verdict,
      canaryZero: firstZero((p) => p.canaryZero) - verdict,
      endedAtOffset: Date.parse(endedAt) - performance.timeOrigin - verdict,
      polls: seen.length,
      kubectlMs: seen.map((p) => p.answered - p.launched),
    };
    runs.push(run);
    console.log(
      `  ${ns} ${i}: setWeights called +${run.called.toFixed(0)} ms, returned (a) +${run.returned.toFixed(0)} ms; ` +
        `route at 0 (b) +${run.routeZero.toFixed(0)} ms (last non-zero poll started +${run.routeNonZero.toFixed(0)} ms); ` +
        `canary at 0 replicas +${run.canaryZero.toFixed(0)} ms; endedAt ${run.endedAtOffset.toFixed(0)} ms from the ` +
        `logged verdict; ${run.polls} polls, kubectl median ${median(run.kubectlMs).toFixed(0)} ms`,
    );
  }
  return runs;
}

/** kube-apiservers on this machine besides ours (other work sharing the CPUs). */
function otherApiservers(ours: string): number {
  const ps = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return (ps.stdout ?? '').split('\n').filter((l) => l.includes('/kube-apiserver ') && !l.includes(ours)).length;
}

const listen = (answer: () => number): Promise<Server> =>
  new Promise((resolve) => {
    const s = createServer((_req, res) => {
      const code = answer();
      res.writeHead(code).end(code === 200 ? 'ok' : 'failing');
    });
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
const urlOf = (s: Server): string => `http://127.0.0.1:${(s.address() as { port: number }).port}`;

async function main(): Promise<void> {
  if (!existsSync(join(K8S_BIN, 'kube-apiserver')))
    throw new Error(
      `the Kubernetes ${K8S_VERSION} control plane is not built (${K8S_BIN}): run 'bash test/setup.sh' as root`,
    );
  const root = mkdtempSync(join(tmpdir(), 'slipway-bench-k8s-abort-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  // The bad release's canary-url: 200 for as many requests as `okLeft` says (its readiness), then 503.
  let okLeft = 0;
  const servers = [await listen(() => 200), await listen(() => (okLeft-- > 0 ? 200 : 503))];
  cleanups.push(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));
  const [good, bad] = servers.map(urlOf) as [string, string];

  const began = performance.now();
  const cluster = await startCluster();
  const startMs = performance.now() - began;
  cleanups.push(() => cluster.stop());
  console.log(`cluster up in ${startMs.toFixed(0)} ms (${cluster.dir})`);
  const others = otherApiservers(cluster.dir);

  const table: string[] = [];
  const notes: string[] = [];
  const kubectlMs: number[] = [];
  const offsets: number[] = [];
  for (const router of routers) {
    if (!SPECS[router]) throw new Error(`no router '${router}' (BENCH_ROUTERS takes ${ROUTERS.join(', ')})`);
    console.log(`${router}:`);
    try {
      const runs = await measureRouter(cluster, root, router, { good, bad }, () => (okLeft = 1));
      kubectlMs.push(...runs.flatMap((r) => r.kubectlMs));
      offsets.push(...runs.map((r) => r.endedAtOffset));
      // For npm run bench:all: the router call and the cluster, medians; no peer runs here and the issue set no goal.
      recordRatio({
        bench: 'k8s-abort',
        measure: `${router}: verdict → setWeights(…, 0) returned, median of ${runs.length}`,
        slipway: median(runs.map((r) => r.returned)),
        peer: 'no peer or goal',
        unit: 'ms',
      });
      recordRatio({
        bench: 'k8s-abort',
        measure: `${router}: verdict → cluster shows canary weight 0, median of ${runs.length}`,
        slipway: median(runs.map((r) => r.routeZero)),
        peer: 'no peer or goal',
        unit: 'ms',
      });
      table.push(
        `| ${router} | ${runs.length} | ${ms(runs.map((r) => r.called))} | ${ms(runs.map((r) => r.returned))} | ` +
          `${ms(runs.map((r) => r.routeZero))} | ${ms(runs.map((r) => r.routeNonZero))} | ${ms(runs.map((r) => r.canaryZero))} |`,
      );
    } catch (error) {
      const loud = `*** ${router} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)} ***`;
      console.error(loud);
      notes.push(loud.split('\n')[0]!);
    }
  }
  const text = [
    `Kubernetes ${K8S_VERSION} control plane (kube-apiserver, controller-manager, scheduler, 2 kwok nodes) on loopback, ` +
      `started in ${(startMs / 1000).toFixed(1)} s; ${repeats} aborted deploys per router (steps 10,50, 1 s analysis, ` +
      `the first step fails on the canary's health probes); times from the logged failed verdict, median / max. ` +
      `(b) is bracketed by \`kubectl get\` polls every ${pollMs} ms (at most ${MAX_IN_FLIGHT} at once; round trip median ${kubectlMs.length ? median(kubectlMs).toFixed(0) : '?'} ms): ` +
      `the first poll to see weight 0 answered by the time shown, the last to see the canary weighted started at the time beside it. ` +
      `The step report's endedAt was ${offsets.length ? `${Math.min(...offsets).toFixed(0)}…${Math.max(...offsets).toFixed(0)}` : '?'} ms ` +
      `from the logged verdict. node ${process.version}, ${cpus().length} CPUs` +
      `${others ? `, ${others} other kube-apiserver(s) running on the machine` : ''}, ${new Date().toISOString().slice(0, 10)}.`,
    '',
    "| router | aborts | verdict → abort's setWeights called | (a) verdict → setWeights(stable, undefined, 0) returned | (b) verdict → cluster shows canary weight 0 | last poll still weighted (started) | canary Deployment at 0 replicas |",
    '|---|---|---|---|---|---|---|',
    ...table,
    ...(notes.length ? ['', ...notes.map((n) => `- ${n}`)] : []),
  ].join('\n');
  console.log(`\n${text}\n`);
  if (process.argv.includes('--write-readme')) {
    try {
      writeBenchBlock('bench-k8s-abort', text, 'npm run bench:k8s-abort -- --write-readme');
      console.log('README.md updated.');
    } catch (error) {
      console.error(`README.md not updated: ${(error as Error).message} (the table is printed above)`);
    }
  }
  if (notes.length) process.exitCode = 1;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void runCleanups().finally(() => process.exit(130)));
try {
  await main();
} finally {
  await runCleanups();
}
