// deploy-canary on the kubernetes provider, end to end against a real control plane (API server,
// controller manager, scheduler, kwok nodes): the controller, ledger and abort path of every
// provider, with the cluster's objects asserted after every traffic change. The release's own
// address (canary-url) is a local HTTP server standing in for a port-forward: kwok's pods run no
// process. A release whose image tag has ":never-ready" in it is kept unready by kwok.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { Counter, Registry } from 'prom-client';
import { startPrometheus } from '../../health/test/prometheus.js';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { makeTree, removeTree } from '../../../test/harness.js';
import { needsCluster, startCluster, type Cluster } from '../../../test/k8s/cluster.js';
import { installCrd } from '../../../test/k8s/crds.js';
import { USER_ROUTES, userDeployment, userService } from '../../../test/k8s/fixtures.js';
import {
  deployCanary,
  parseSteps,
  recoverCanary,
  rollback,
  type DeployOutcome,
  type LedgerDocument,
} from '../src/index.js';
import { createKubernetesHost } from '../src/providers/kubernetes/host.js';
import { createKubernetesRouter } from '../src/providers/kubernetes/router.js';
import type { Deployment } from '../src/providers/kubernetes/objects.js';
import type { HTTPRoute } from '../src/providers/kubernetes/gateway-api.js';
import { registerRouter } from '../src/registry.js';
import { deployInChild, scenarioPlan, scenarioSeams } from './scenario-harness.js';
import { userError } from '../../../test/matchers.js';

const { describe, it } = needsCluster();

/** What the cluster showed after one traffic change. */
interface Seen {
  weight: number;
  stable: { replicas: number | undefined; image: string | undefined } | undefined;
  canary: { replicas: number | undefined; image: string | undefined } | undefined;
  route?: { name: string; weight?: number }[];
}

describe('deploy-canary on Kubernetes', () => {
  let cluster: Cluster;
  let root = '';
  let good: Server;
  let bad: Server;
  let goodUrl = '';
  let badUrl = '';
  const seen: Seen[] = [];
  const k = (...args: string[]): string =>
    execFileSync(cluster.kubectl, args, { env: cluster.env, encoding: 'utf8', input: '' });
  const apply = (object: unknown): void =>
    void execFileSync(cluster.kubectl, ['apply', '-f', '-'], { env: cluster.env, input: JSON.stringify(object) });
  const get = <T>(kind: string, name: string, ns: string): T | undefined => {
    const out = k('-n', ns, 'get', kind, name, '--ignore-not-found', '-o', 'json');
    return out.trim() ? (JSON.parse(out) as T) : undefined;
  };
  const shape = (d: Deployment | undefined) =>
    d && { replicas: d.spec.replicas, image: d.spec.template.spec.containers[0]!.image };

  /** Records the cluster's state after every traffic change the controller makes. */
  function observe(ns: string, name: string, route?: (ns: string) => { name: string; weight?: number }[]): void {
    registerRouter(`kubernetes-observed-${ns}`, async () => async (context) => {
      const router = await createKubernetesRouter(context);
      return {
        ...router,
        async setWeights(stable, canary, weight) {
          await router.setWeights(stable, canary, weight);
          const r = route?.(ns);
          seen.push({
            weight: canary ? weight : stable ? 0 : weight,
            stable: shape(get<Deployment>('deployment', name, ns)),
            canary: shape(get<Deployment>('deployment', `${name}-canary`, ns)),
            ...(r ? { route: r } : {}),
          });
        },
      };
    });
  }

  const deploy = (
    ns: string,
    image: string,
    settings: Record<string, string>,
    steps = '10,50',
    readyTimeoutMs = 60_000,
    stepAnalysisMs = 1000,
  ): Promise<DeployOutcome> => {
    const all = { namespace: ns, deployment: 'web', image, 'canary-url': goodUrl, ...settings };
    const stateDir = join(root, ns);
    const context = { stateDir, environment: 'prod', settings: all, workspace: root, env: cluster.env };
    return deployCanary(
      scenarioPlan(
        { provider: `kubernetes-observed-${ns}`, stateDir, settings: all },
        {
          artifact: '',
          version: '',
          steps: parseSteps(steps),
          stepAnalysisMs,
          readyTimeoutMs,
          startCommand: '',
        },
      ),
      scenarioSeams({ env: cluster.env, host: createKubernetesHost(context) }),
    );
  };

  /** Answers this many more requests with 200 before it fails them. */
  let failing = 0;
  const listen = (status: number): Promise<Server> =>
    new Promise((resolve) => {
      const s = createServer((_req, res) => {
        const code = status === 200 || failing-- > 0 ? 200 : status;
        res.writeHead(code).end(code === 200 ? 'ok' : 'failing');
      });
      s.listen(0, '127.0.0.1', () => resolve(s));
    });
  const urlOf = (s: Server) => `http://127.0.0.1:${(s.address() as { port: number }).port}`;

  beforeAll(async () => {
    cluster = await startCluster();
    root = makeTree({});
    good = await listen(200);
    bad = await listen(503);
    goodUrl = urlOf(good);
    badUrl = urlOf(bad);
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
    await new Promise((r) => good?.close(r));
    await new Promise((r) => bad?.close(r));
    if (root) removeTree(root);
  }, 30_000);

  describe('with the replicas router', () => {
    const ns = 'shop';
    beforeAll(() => {
      k('create', 'namespace', ns);
      observe(ns, 'web');
    });

    it('creates the Deployment and its Service on the first deploy, and promotes it without analysis', async () => {
      seen.length = 0;
      const first = await deploy(ns, 'registry.invalid/web:1.0.0', { 'container-port': '8080', replicas: '4' });
      expect(first).toMatchObject({ result: 'promoted', weight: 100 });
      expect(first.releaseId).toMatch(/^1\.0\.0-[0-9a-f]{12}$/);
      const web = get<Deployment>('deployment', 'web', ns)!;
      expect(shape(web)).toStrictEqual({ replicas: 4, image: 'registry.invalid/web:1.0.0' });
      expect(web.metadata.annotations?.['slipway.dev/release']).toBe(first.releaseId);
      const svc = get<{ spec: { ports: { port: number }[]; selector: Record<string, string> } }>('service', 'web', ns)!;
      expect(svc.spec.ports.map((p) => p.port)).toStrictEqual([8080]);
      expect(svc.spec.selector).toStrictEqual({ 'app.kubernetes.io/name': 'web' });
      expect(get('deployment', 'web-canary', ns)).toBeUndefined();
    }, 120_000);

    it('promotes a good canary through 10%, 50% and 100%: pods split per step, then the stable takes its image at full size', async () => {
      seen.length = 0;
      const out = await deploy(ns, 'registry.invalid/web:2.0.0', {}, '10,50,100');
      expect(out).toMatchObject({ result: 'promoted', weight: 100 });
      expect(out.report.steps.map((s) => [s.weight, s.verdict])).toStrictEqual([
        [10, 'pass'],
        [50, 'pass'],
        [100, 'pass'],
      ]);
      expect(seen).toStrictEqual([
        // 4 pods in all: at 10% the canary still gets one, and the stable gives one up once it is ready.
        {
          weight: 10,
          stable: { replicas: 3, image: 'registry.invalid/web:1.0.0' },
          canary: { replicas: 1, image: 'registry.invalid/web:2.0.0' },
        },
        {
          weight: 50,
          stable: { replicas: 2, image: 'registry.invalid/web:1.0.0' },
          canary: { replicas: 2, image: 'registry.invalid/web:2.0.0' },
        },
        // All traffic on the canary, at the full size the stable had.
        {
          weight: 100,
          stable: { replicas: 0, image: 'registry.invalid/web:1.0.0' },
          canary: { replicas: 4, image: 'registry.invalid/web:2.0.0' },
        },
        // Promotion: the stable Deployment runs the release at its full size; the canary is gone.
        { weight: 0, stable: { replicas: 4, image: 'registry.invalid/web:2.0.0' }, canary: undefined },
      ]);
      expect(get('service', 'web-canary', ns)).toBeUndefined();
    }, 180_000);

    it("aborts a canary that never becomes ready with its pods' reason; the stable is untouched at full size", async () => {
      seen.length = 0;
      const before = get<Deployment>('deployment', 'web', ns)!;
      const out = await deploy(ns, 'registry.invalid/web:never-ready-3', {}, '10,50', 15_000);
      expect(out.result).toBe('failed');
      expect(out.reason).toMatch(/never became ready: .*1 pod ImagePullBackOff/);
      expect(out.reason).toMatch(/no traffic reached it/);
      const after = get<Deployment>('deployment', 'web', ns)!;
      expect(shape(after)).toStrictEqual({ replicas: 4, image: 'registry.invalid/web:2.0.0' });
      expect(after.metadata.generation).toBe(before.metadata.generation);
      expect(shape(get<Deployment>('deployment', 'web-canary', ns))).toStrictEqual({
        replicas: 0,
        image: 'registry.invalid/web:never-ready-3',
      });
    }, 180_000);

    it('rolls back a canary that fails analysis: the stable back at full size before the canary is scaled to 0', async () => {
      seen.length = 0;
      // The release answers once (it is ready), then fails every probe of the analysis.
      failing = 1;
      const out = await deploy(ns, 'registry.invalid/web:4.0.0', { 'canary-url': badUrl });
      expect(out.result).toBe('rolled-back');
      expect(out.reason).toMatch(/^step 1 at 10%/);
      // The canary's own address for a runner in the cluster: a Service selecting its pods alone.
      const svc = get<{ spec: { selector: Record<string, string> } }>('service', 'web-canary', ns)!;
      expect(svc.spec.selector).toStrictEqual({ 'app.kubernetes.io/name': 'web', 'slipway.dev/track': 'canary' });
      expect(seen.at(-1)).toStrictEqual({
        weight: 0,
        stable: { replicas: 4, image: 'registry.invalid/web:2.0.0' },
        canary: { replicas: 0, image: 'registry.invalid/web:4.0.0' },
      });
    }, 180_000);
  });

  describe('rollback with the replicas router', () => {
    const ns = 'shop';
    const back = (stateDir: string) => {
      const settings = {
        namespace: ns,
        deployment: 'web',
        image: 'registry.invalid/web:unused',
        'canary-url': goodUrl,
      };
      const context = { stateDir, environment: 'prod', settings, workspace: root, env: cluster.env };
      return rollback(
        {
          provider: `kubernetes-observed-${ns}`,
          environment: 'prod',
          stateDir,
          workspace: root,
          settings,
          to: 'previous',
          reason: 'test',
          runId: `rollback-${Date.now()}`,
          owner: 'test',
          healthPath: '/healthz',
          readyTimeoutMs: 30_000,
          drainMs: 0,
        },
        scenarioSeams({ env: cluster.env, host: createKubernetesHost(context) }),
      );
    };

    it('rolls the stable Deployment out with the previous image the ledger recorded', async () => {
      const out = await back(join(root, ns));
      expect(out).toMatchObject({ result: 'rolled-back' });
      expect(out.restoredRelease).toMatch(/^1\.0\.0-[0-9a-f]{12}$/);
      expect(out.replacedRelease).toMatch(/^2\.0\.0-[0-9a-f]{12}$/);
      expect(shape(get<Deployment>('deployment', 'web', ns))).toStrictEqual({
        replicas: 4,
        image: 'registry.invalid/web:1.0.0',
      });
      k('-n', ns, 'rollout', 'status', 'deploy/web', '--timeout=60s');
    }, 120_000);

    it("finds the previous image in the Deployment's revision history when the ledger is gone", async () => {
      const out = await back(join(root, `${ns}-fresh-runner`));
      expect(out).toMatchObject({ result: 'rolled-back' });
      // Revisions: 1.0.0 (running again since the rollback above), 2.0.0 before it.
      expect(out.restoredRelease).toMatch(/^2\.0\.0-[0-9a-f]{12}$/);
      expect(shape(get<Deployment>('deployment', 'web', ns))).toStrictEqual({
        replicas: 4,
        image: 'registry.invalid/web:2.0.0',
      });
    }, 120_000);
  });

  describe('crashes and conflicts', () => {
    const ns = 'edge';
    const stateDir = () => join(root, ns);
    const ledger = (): LedgerDocument =>
      JSON.parse(readFileSync(join(stateDir(), 'prod', 'ledger.json'), 'utf8')) as LedgerDocument;
    beforeAll(() => {
      k('create', 'namespace', ns);
      apply({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: ns, labels: { app: 'web' } },
        spec: {
          replicas: 4,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'app', image: 'registry.invalid/web:1.0.0' }] },
          },
        },
      });
      k('-n', ns, 'rollout', 'status', 'deploy/web', '--timeout=60s');
      observe(ns, 'web');
    }, 120_000);

    /** Starts a deploy of `image` in a child process and kills it with SIGKILL once its first step has moved traffic. */
    async function killedAtTenPercent(image: string) {
      const settings = { namespace: ns, deployment: 'web', image, 'canary-url': goodUrl };
      const plan = scenarioPlan(
        { provider: 'kubernetes', stateDir: stateDir(), settings },
        { artifact: '', version: '', steps: parseSteps('10,50'), stepAnalysisMs: 120_000, startCommand: '' },
      );
      const child = deployInChild(plan, { KUBECONFIG: cluster.kubeconfig });
      const exited = new Promise((r) => child.once('exit', r));
      // Killed once the canary has its pod and the stable gave one up (the router's step done).
      for (let i = 0; ; i++) {
        const canary = existsSync(join(stateDir(), 'prod', 'ledger.json')) ? ledger().canary : undefined;
        const web = get<Deployment>('deployment', 'web', ns)!;
        if (
          canary?.phase === 'stepping' &&
          canary.release.id.startsWith(image.split(':')[1]!) &&
          web.spec.replicas === 3
        )
          break;
        if (child.exitCode !== null) throw new Error(`the deploy ended early with ${child.exitCode}`);
        if (i > 600) throw new Error('the canary never reached its first step');
        await new Promise((r) => setTimeout(r, 100));
      }
      child.kill('SIGKILL');
      await exited;
      return { settings, runId: plan.runId };
    }

    it('finishes a deploy killed with SIGKILL at 10% in the next run: the stable back at full size, the canary at 0, then the new release', async () => {
      await killedAtTenPercent('registry.invalid/web:5.0.0');
      expect(shape(get<Deployment>('deployment', 'web', ns))).toStrictEqual({
        replicas: 3,
        image: 'registry.invalid/web:1.0.0',
      });
      seen.length = 0;
      const next = await deploy(ns, 'registry.invalid/web:6.0.0', {});
      expect(next).toMatchObject({ result: 'promoted' });
      // First the killed run's canary is rolled back, all traffic on stable at its full size.
      expect(seen[0]).toStrictEqual({
        weight: 0,
        stable: { replicas: 4, image: 'registry.invalid/web:1.0.0' },
        canary: { replicas: 0, image: 'registry.invalid/web:5.0.0' },
      });
      expect(shape(get<Deployment>('deployment', 'web', ns))).toStrictEqual({
        replicas: 4,
        image: 'registry.invalid/web:6.0.0',
      });
      expect(ledger().transitions.map((t) => t.to)).toContain('rolled-back');
    }, 240_000);

    it("is rolled back by the action's post step (recoverCanary) when killed at 10%", async () => {
      const { settings, runId } = await killedAtTenPercent('registry.invalid/web:8.0.0');
      const done = await recoverCanary(
        { stateDir: stateDir(), environment: 'prod', provider: 'kubernetes', settings, workspace: root, runId },
        scenarioSeams({ env: cluster.env }),
      );
      expect(done).toMatch(/rolled back, all traffic on 6\.0\.0-/);
      expect(shape(get<Deployment>('deployment', 'web', ns))).toStrictEqual({
        replicas: 4,
        image: 'registry.invalid/web:6.0.0',
      });
      expect(shape(get<Deployment>('deployment', 'web-canary', ns))).toStrictEqual({
        replicas: 0,
        image: 'registry.invalid/web:8.0.0',
      });
      expect(ledger().canary).toBeUndefined();
    }, 240_000);

    it('reports a field another manager owns on the canary, with the field and the manager, and changes nothing', async () => {
      // A leftover canary whose size another tool (an autoscaler) sets with its own server-side apply.
      k('-n', ns, 'delete', 'deployment', 'web-canary', '--ignore-not-found');
      execFileSync(cluster.kubectl, ['-n', ns, 'apply', '--server-side', '--field-manager=keda', '-f', '-'], {
        env: cluster.env,
        input: JSON.stringify({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web-canary', namespace: ns },
          spec: {
            replicas: 2,
            selector: { matchLabels: { app: 'web', 'slipway.dev/track': 'canary' } },
            template: {
              metadata: { labels: { app: 'web', 'slipway.dev/track': 'canary' } },
              spec: { containers: [{ name: 'app', image: 'registry.invalid/web:0.9.0' }] },
            },
          },
        }),
      });
      const before = get<Deployment>('deployment', 'web', ns)!;
      await expect(deploy(ns, 'registry.invalid/web:7.0.0', {})).rejects.toThrow(
        userError('deployment', /another field manager owns what slipway would change: .*\.spec\.replicas \(keda\)/),
      );
      const after = get<Deployment>('deployment', 'web', ns)!;
      expect(shape(after)).toStrictEqual(shape(before));
      expect(after.metadata.generation).toBe(before.metadata.generation);
      expect(shape(get<Deployment>('deployment', 'web-canary', ns))).toStrictEqual({
        replicas: 2,
        image: 'registry.invalid/web:0.9.0',
      });
      expect(ledger().canary).toBeUndefined();
      expect(ledger().transitions.at(-1)).toMatchObject({ to: 'failed' });
    }, 120_000);

    it('refuses to deploy next to a Deployment that is gone while the ledger says it runs, creating nothing', async () => {
      k('-n', ns, 'delete', 'deployment', 'web', 'web-canary', '--ignore-not-found');
      await expect(deploy(ns, 'registry.invalid/web:9.0.0', {})).rejects.toThrow(
        userError(
          'deployment',
          /Deployment web does not exist in namespace edge, though the ledger says 6\.0\.0-\w+ runs there/,
        ),
      );
      expect(get('deployment', 'web', ns)).toBeUndefined();
      expect(get('deployment', 'web-canary', ns)).toBeUndefined();
    }, 120_000);
  });

  describe('with a manifest', () => {
    const ns = 'manifested';
    const manifest = (mode: string): string => {
      const path = join(root, `web-${mode}.yaml`);
      writeFileSync(
        path,
        [
          stringify({
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'web', labels: { app: 'web' } },
            spec: {
              replicas: 3,
              selector: { matchLabels: { app: 'web' } },
              template: {
                metadata: { labels: { app: 'web' } },
                spec: { containers: [{ name: 'app', image: 'placeholder', env: [{ name: 'MODE', value: mode }] }] },
              },
            },
          }),
          stringify({
            apiVersion: 'v1',
            kind: 'Service',
            metadata: { name: 'web' },
            spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
          }),
        ].join('---\n'),
      );
      return path;
    };
    const env = (d: Deployment | undefined) =>
      (d?.spec.template.spec.containers[0] as { env?: { name: string; value: string }[] } | undefined)?.env;
    beforeAll(() => {
      k('create', 'namespace', ns);
      observe(ns, 'web');
    });

    it('creates the Deployment and Service from it on a first deploy, with the release image', async () => {
      const out = await deploy(ns, 'registry.invalid/web:1.0.0', { manifest: manifest('fast') });
      expect(out.result).toBe('promoted');
      const web = get<Deployment>('deployment', 'web', ns)!;
      expect(shape(web)).toStrictEqual({ replicas: 3, image: 'registry.invalid/web:1.0.0' });
      expect(env(web)).toStrictEqual([{ name: 'MODE', value: 'fast' }]);
      expect(get('service', 'web', ns)).toBeDefined();
    }, 120_000);

    it('ships a change to it with the canary, judged with it, and applies it on promotion', async () => {
      seen.length = 0;
      const out = await deploy(ns, 'registry.invalid/web:2.0.0', { manifest: manifest('safe') });
      expect(out.result).toBe('promoted');
      const web = get<Deployment>('deployment', 'web', ns)!;
      expect(shape(web)).toStrictEqual({ replicas: 3, image: 'registry.invalid/web:2.0.0' });
      expect(env(web)).toStrictEqual([{ name: 'MODE', value: 'safe' }]);
      // During the steps the stable kept its release while the pods split 2:1, then 1:2.
      expect(seen.slice(0, 2).map((x) => x.stable)).toStrictEqual([
        { replicas: 2, image: 'registry.invalid/web:1.0.0' },
        { replicas: 1, image: 'registry.invalid/web:1.0.0' },
      ]);
    }, 180_000);

    it('runs the canary from it: a failing canary keeps its own spec, the stable its own', async () => {
      failing = 1;
      const out = await deploy(ns, 'registry.invalid/web:3.0.0', { manifest: manifest('risky'), 'canary-url': badUrl });
      expect(out.result).toBe('rolled-back');
      expect(env(get<Deployment>('deployment', 'web-canary', ns))).toStrictEqual([{ name: 'MODE', value: 'risky' }]);
      expect(env(get<Deployment>('deployment', 'web', ns))).toStrictEqual([{ name: 'MODE', value: 'safe' }]);
      expect(shape(get<Deployment>('deployment', 'web', ns))).toStrictEqual({
        replicas: 3,
        image: 'registry.invalid/web:2.0.0',
      });
    }, 180_000);
  });

  describe('judged on live traffic counted by Prometheus', () => {
    const ns = 'counted';
    let prometheus: { url: string; stop(): void } | undefined;
    let metrics: Server | undefined;
    let ticker: NodeJS.Timeout | undefined;
    /** The 5xx share the canary's pods answer with, as the metrics show it. */
    let canaryErrors = 0;
    const registry = new Registry();
    const requests = new Counter({
      name: 'http_requests_total',
      help: 'requests served, by pod and status code',
      labelNames: ['namespace', 'pod', 'code'],
      registers: [registry],
    });
    const settings = () => ({
      'prometheus-url': prometheus!.url,
      'requests-query': `sum(http_requests_total{namespace="${ns}", pod=~"$deployment-[a-z0-9]+-[a-z0-9]+"})`,
      'errors-query': `sum(http_requests_total{namespace="${ns}", pod=~"$deployment-[a-z0-9]+-[a-z0-9]+", code=~"5.."})`,
      // No address to probe: the traffic alone judges.
      'canary-url': '',
    });
    beforeAll(async () => {
      k('create', 'namespace', ns);
      apply(userDeployment(ns, 3));
      apply(userService(ns));
      k('-n', ns, 'rollout', 'status', 'deploy/web', '--timeout=60s');
      observe(ns, 'web');
      // Each Deployment's pods serve traffic by pod count, as the stable Service spreads it: the
      // real pod names, read from the cluster, are the series' labels.
      metrics = createServer((_req, res) => {
        void registry.metrics().then((text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text));
      });
      await new Promise<void>((r) => metrics!.listen(0, '127.0.0.1', () => r()));
      prometheus = await startPrometheus((metrics.address() as { port: number }).port);
      ticker = setInterval(() => {
        const pods = JSON.parse(k('-n', ns, 'get', 'pods', '-o', 'json')) as {
          items: { metadata: { name: string; labels: Record<string, string> } }[];
        };
        for (const pod of pods.items) {
          const canary = pod.metadata.labels['slipway.dev/track'] === 'canary';
          const failed = canary ? Math.round(20 * canaryErrors) : 0;
          requests.inc({ namespace: ns, pod: pod.metadata.name, code: '200' }, 20 - failed);
          if (failed) requests.inc({ namespace: ns, pod: pod.metadata.name, code: '500' }, failed);
        }
      }, 250);
      // Prometheus has scraped the stable's traffic before the deploy starts, as it would have in a cluster.
      const q = settings()['requests-query'].replaceAll('$deployment', 'web');
      for (let i = 0; ; i++) {
        const answer = (await (
          await fetch(`${prometheus.url}/api/v1/query?query=${encodeURIComponent(q)}`)
        ).json()) as { data: { result: unknown[] } };
        if (answer.data.result.length > 0) break;
        if (i > 300) throw new Error('Prometheus never scraped the metrics');
        await new Promise((r) => setTimeout(r, 100));
      }
    }, 120_000);
    afterAll(async () => {
      clearInterval(ticker);
      prometheus?.stop();
      await new Promise((r) => metrics?.close(r));
    });

    it('promotes a canary whose live traffic holds up, on that evidence', async () => {
      canaryErrors = 0;
      const out = await deploy(ns, 'registry.invalid/web:2.0.0', settings(), '10,50', 60_000, 4000);
      expect(out.result).toBe('promoted');
      expect(out.report.steps.map((x) => x.evidence)).toStrictEqual(['live traffic', 'live traffic']);
      for (const step of out.report.steps) expect(step.canary.requests).toBeGreaterThan(0);
    }, 180_000);

    it('rolls back a canary whose live traffic fails, saying so', async () => {
      canaryErrors = 0.5;
      const out = await deploy(ns, 'registry.invalid/web:3.0.0', settings(), '10,50', 60_000, 4000);
      expect(out.result).toBe('rolled-back');
      expect(out.reason).toMatch(/^step 1 at 10%: live traffic: /);
      expect(out.report.steps[0]!.canary.errors).toBeGreaterThan(0);
      expect(shape(get<Deployment>('deployment', 'web', ns))).toStrictEqual({
        replicas: 3,
        image: 'registry.invalid/web:2.0.0',
      });
    }, 180_000);
  });

  /** What a route that weighs the stable and canary Services shows at 10, 50 and 100%. */
  const WEIGHED_STEPS = [10, 50, 100].map((w) => [
    { name: 'web', weight: 100 - w },
    { name: 'web-canary', weight: w },
  ]);

  /** How each mesh router's route is set up, and what it says about the weights. */
  const ROUTERS: {
    router: string;
    install?: 'gateway-api' | 'istio';
    route: (ns: string) => unknown;
    read: (ns: string) => { name: string; weight?: number }[];
    steps: { name: string; weight?: number }[][];
    after: { name: string; weight?: number }[];
    kept: (ns: string) => void;
  }[] = [
    {
      router: 'gateway-api',
      install: 'gateway-api',
      route: USER_ROUTES['gateway-api'],
      read: (ns) =>
        get<HTTPRoute>('httproute', 'web', ns)!.spec.rules![0]!.backendRefs!.map((b) => ({
          name: b.name,
          ...(b.weight !== undefined ? { weight: b.weight } : {}),
        })),
      steps: WEIGHED_STEPS,
      after: [{ name: 'web', weight: 100 }],
      kept(ns) {
        // The user's other fields of the route are theirs still.
        const route = get<HTTPRoute>('httproute', 'web', ns)!;
        expect(route.spec.hostnames).toStrictEqual(['shop.example.com']);
        expect((route.spec.parentRefs as { name: string }[]).map((p) => p.name)).toStrictEqual(['public']);
      },
    },
    {
      router: 'ingress-nginx',
      route: USER_ROUTES['ingress-nginx'],
      read: (ns) => {
        const canary = get<{ metadata: { annotations: Record<string, string> }; spec: unknown }>(
          'ingress',
          'web-canary',
          ns,
        );
        return canary
          ? [
              {
                name: 'web-canary',
                weight: Number(canary.metadata.annotations['nginx.ingress.kubernetes.io/canary-weight']),
              },
            ]
          : [];
      },
      steps: [
        [{ name: 'web-canary', weight: 10 }],
        [{ name: 'web-canary', weight: 50 }],
        [{ name: 'web-canary', weight: 100 }],
      ],
      after: [],
      kept(ns) {
        const ingress = get<{ metadata: { annotations: Record<string, string> } }>('ingress', 'web', ns)!;
        expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/rewrite-target']).toBe('/');
        expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/canary']).toBeUndefined();
      },
    },
    {
      router: 'istio',
      install: 'istio',
      route: USER_ROUTES.istio,
      read: (ns) =>
        get<{ spec: { http: { route: { destination: { host: string }; weight?: number }[] }[] } }>(
          'virtualservice',
          'web',
          ns,
        )!.spec.http[0]!.route.map((r) => ({
          name: r.destination.host,
          ...(r.weight !== undefined ? { weight: r.weight } : {}),
        })),
      steps: WEIGHED_STEPS,
      after: [{ name: 'web' }],
      kept(ns) {
        const vs = get<{ spec: { gateways: string[]; http: { timeout: string }[] } }>('virtualservice', 'web', ns)!;
        expect(vs.spec.gateways).toStrictEqual(['public']);
        expect(vs.spec.http[0]!.timeout).toBe('5s');
      },
    },
  ];

  describe.each(ROUTERS)('with the $router router', ({ router, install, route, read, steps, after, kept }) => {
    const ns = `via-${router}`;
    const settings = { router, route: 'web' };
    beforeAll(async () => {
      if (install) await installCrd(cluster, install);
      k('create', 'namespace', ns);
      // The user's own objects, applied client-side as most repositories do.
      apply(userDeployment(ns, 3));
      apply(userService(ns));
      apply(route(ns));
      k('-n', ns, 'rollout', 'status', 'deploy/web', '--timeout=60s');
      observe(ns, 'web', read);
    }, 120_000);

    it("deploys next to the user's running Deployment (an empty ledger learns it from the cluster) and promotes through the route's weights", async () => {
      seen.length = 0;
      const out = await deploy(ns, 'registry.invalid/web:2.0.0', settings, '10,50,100');
      expect(out).toMatchObject({ result: 'promoted', weight: 100 });
      expect(out.previousReleaseId).toMatch(/^1\.0\.0-[0-9a-f]{12}$/);
      // The stable keeps its 3 pods; the canary has its share of them, rounded up, before its share of the traffic.
      const stable = { replicas: 3, image: 'registry.invalid/web:1.0.0' };
      const canary = (replicas: number) => ({ replicas, image: 'registry.invalid/web:2.0.0' });
      expect(seen).toStrictEqual([
        { weight: 10, stable, canary: canary(1), route: steps[0] },
        { weight: 50, stable, canary: canary(2), route: steps[1] },
        { weight: 100, stable, canary: canary(3), route: steps[2] },
        { weight: 0, stable: { replicas: 3, image: 'registry.invalid/web:2.0.0' }, canary: undefined, route: after },
      ]);
      kept(ns);
      expect(get('service', 'web-canary', ns)).toBeUndefined();
    }, 180_000);

    it('rolls back a canary failing analysis, its pods kept out of the stable Service while the route weighs the two', async () => {
      seen.length = 0;
      failing = 1;
      const out = await deploy(ns, 'registry.invalid/web:3.0.0', { ...settings, 'canary-url': badUrl });
      expect(out.result).toBe('rolled-back');
      expect(out.reason).toMatch(/^step 1 at 10%/);
      // The canary's own Service selects its pods, which lack the stable Service's app label.
      const pods = JSON.parse(k('-n', ns, 'get', 'pods', '-l', 'slipway.dev/track=canary', '-o', 'json')) as {
        items: { metadata: { labels: Record<string, string> } }[];
      };
      for (const pod of pods.items) expect(pod.metadata.labels.app).toBeUndefined();
      expect(seen.at(-1)).toStrictEqual({
        weight: 0,
        stable: { replicas: 3, image: 'registry.invalid/web:2.0.0' },
        canary: { replicas: 0, image: 'registry.invalid/web:3.0.0' },
        route: after,
      });
      kept(ns);
      const svc = get<{ spec: { selector: Record<string, string> } }>('service', 'web-canary', ns)!;
      expect(svc.spec.selector).toStrictEqual({
        tier: 'front',
        'slipway.dev/track': 'canary',
        'slipway.dev/canary-of': 'web',
      });
    }, 180_000);
  });
});
