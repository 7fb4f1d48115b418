import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { actionsExec } from '@slipway/action-kit/lite';
import { needsCluster, startCluster, type Cluster } from '../../../test/k8s/cluster.js';
import { installCrd } from '../../../test/k8s/crds.js';
import { weightedRoute, type HTTPRoute } from '../src/providers/kubernetes/gateway-api.js';
import { canaryIngress, type Ingress } from '../src/providers/kubernetes/ingress-nginx.js';
import { weightedVirtualService, type VirtualService } from '../src/providers/kubernetes/istio.js';
import { Kubectl } from '../src/providers/kubernetes/kubectl.js';

const { describe, it } = needsCluster();

/** The user's objects, applied client-side the way most repositories do (`kubectl apply -f`). */
const INGRESS = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: {
    name: 'shop',
    namespace: 'shop',
    annotations: {
      'nginx.ingress.kubernetes.io/proxy-body-size': '8m',
      'nginx.ingress.kubernetes.io/affinity': 'cookie',
    },
  },
  spec: {
    ingressClassName: 'nginx',
    tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
    rules: [
      {
        host: 'shop.example.com',
        http: {
          paths: [
            { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
            { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { name: 'http' } } } },
          ],
        },
      },
    ],
  },
};

const VIRTUAL_SERVICE = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    hosts: ['shop.example.com', 'web'],
    gateways: ['istio-ingress/public', 'mesh'],
    http: [
      {
        name: 'api',
        match: [{ uri: { prefix: '/api' } }],
        route: [{ destination: { host: 'api.shop.svc.cluster.local', port: { number: 8080 } } }],
      },
      {
        name: 'primary',
        retries: { attempts: 3, perTryTimeout: '2s' },
        timeout: '10s',
        route: [{ destination: { host: 'web', port: { number: 80 } } }],
      },
    ],
  },
};

const HTTP_ROUTE = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    parentRefs: [{ name: 'public', namespace: 'gateways' }],
    hostnames: ['shop.example.com'],
    rules: [
      {
        matches: [{ path: { type: 'PathPrefix', value: '/' } }],
        backendRefs: [{ name: 'web', port: 80 }],
      },
      {
        matches: [{ path: { type: 'PathPrefix', value: '/static' } }],
        backendRefs: [{ name: 'cdn', port: 80 }],
      },
    ],
  },
};

describe('the routers’ objects against a real API server', () => {
  let cluster: Cluster;
  let kubectl: Kubectl;
  const k = (...args: string[]): string =>
    execFileSync(cluster.kubectl, args, { env: cluster.env, encoding: 'utf8', input: '' });
  const clientSideApply = (object: unknown): string =>
    execFileSync(cluster.kubectl, ['apply', '-f', '-'], {
      env: cluster.env,
      encoding: 'utf8',
      input: JSON.stringify(object),
    });
  const live = <T>(kind: string, name: string): T => JSON.parse(k('-n', 'shop', 'get', kind, name, '-o', 'json')) as T;

  beforeAll(async () => {
    cluster = await startCluster(1);
    kubectl = new Kubectl({
      exec: actionsExec,
      binary: cluster.kubectl,
      context: '',
      namespace: 'shop',
      env: cluster.env,
      timeoutMs: 30_000,
    });
    await installCrd(cluster, 'gateway-api');
    await installCrd(cluster, 'istio');
    k('create', 'namespace', 'shop');
    clientSideApply(INGRESS);
    clientSideApply(VIRTUAL_SERVICE);
    clientSideApply(HTTP_ROUTE);
  }, 120_000);
  afterAll(() => cluster?.stop(), 30_000);

  it('creates the canary Ingress with the canary annotations and backend, and moves its weight', async () => {
    const stable = (await kubectl.get<Ingress>('ingress', 'shop'))!;
    await kubectl.apply(canaryIngress(stable, { stableService: 'web', canaryService: 'web-canary', weight: 10 }), {
      force: true,
    });
    const canary = live<Ingress>('ingress', 'shop-canary');
    expect(canary.metadata.labels).toStrictEqual({
      'slipway.dev/track': 'canary',
      'app.kubernetes.io/managed-by': 'slipway',
    });
    expect(canary.metadata.annotations).toStrictEqual({
      'nginx.ingress.kubernetes.io/affinity': 'cookie',
      'nginx.ingress.kubernetes.io/canary': 'true',
      'nginx.ingress.kubernetes.io/canary-weight': '10',
      'nginx.ingress.kubernetes.io/canary-weight-total': '100',
    });
    expect(canary.spec).toStrictEqual({
      ingressClassName: 'nginx',
      rules: [
        {
          host: 'shop.example.com',
          http: {
            paths: [
              { path: '/', pathType: 'Prefix', backend: { service: { name: 'web-canary', port: { number: 80 } } } },
            ],
          },
        },
      ],
    });
    await kubectl.apply(canaryIngress(stable, { stableService: 'web', canaryService: 'web-canary', weight: 40 }), {
      force: true,
    });
    expect(
      live<Ingress>('ingress', 'shop-canary').metadata.annotations!['nginx.ingress.kubernetes.io/canary-weight'],
    ).toBe('40');
    // The user's Ingress is as they applied it.
    expect(live<Ingress>('ingress', 'shop').spec.rules).toStrictEqual(INGRESS.spec.rules);
  });

  it("weights the VirtualService's route to the stable host, leaving its hosts, gateways and other routes alone", async () => {
    const o = { stableHost: 'web', canaryHost: 'web-canary' };
    const read = (await kubectl.get<VirtualService>('virtualservice', 'web'))!;
    await kubectl.apply(weightedVirtualService(read, { ...o, weight: 20 }), { force: true });
    const after = live<VirtualService>('virtualservice', 'web');
    expect(after.spec.hosts).toStrictEqual(VIRTUAL_SERVICE.spec.hosts);
    expect(after.spec.gateways).toStrictEqual(VIRTUAL_SERVICE.spec.gateways);
    expect(after.spec.http).toStrictEqual([
      VIRTUAL_SERVICE.spec.http[0],
      {
        ...VIRTUAL_SERVICE.spec.http[1],
        route: [
          { destination: { host: 'web', port: { number: 80 } }, weight: 80 },
          { destination: { host: 'web-canary', port: { number: 80 } }, weight: 20 },
        ],
      },
    ]);
    await kubectl.apply(weightedVirtualService(after, { ...o, weight: 0, dropCanary: true }), { force: true });
    const dropped = live<VirtualService>('virtualservice', 'web');
    expect(dropped.spec).toStrictEqual(VIRTUAL_SERVICE.spec);
  });

  it("weights the HTTPRoute's rule to the stable Service, keeping its hostnames and parentRefs", async () => {
    const read = (await kubectl.get<HTTPRoute>('httproute', 'web'))!;
    await kubectl.apply(
      weightedRoute(read, { stable: { name: 'web', port: 80 }, canary: { name: 'web-canary', port: 80 }, weight: 25 }),
      { force: true },
    );
    const after = live<HTTPRoute>('httproute', 'web');
    expect(after.spec.hostnames).toStrictEqual(HTTP_ROUTE.spec.hostnames);
    // As read: the API server filled in the defaults of the parentRef and of each backend (group, kind, weight 1).
    expect(after.spec.parentRefs).toStrictEqual(read.spec.parentRefs);
    expect(after.spec.parentRefs).toStrictEqual([
      { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public', namespace: 'gateways' },
    ]);
    expect(after.spec.rules!.map((r) => r.backendRefs!.map((b) => [b.name, b.port, b.weight]))).toStrictEqual([
      [
        ['web', 80, 75],
        ['web-canary', 80, 25],
      ],
      [['cdn', 80, 1]],
    ]);
  });

  it('is refused by the API server when the canary Ingress would have an invalid backend', async () => {
    const stable = (await kubectl.get<Ingress>('ingress', 'shop'))!;
    const renamed = { ...stable, metadata: { ...stable.metadata, name: 'broken' } };
    await expect(
      kubectl.apply(canaryIngress(renamed, { stableService: 'web', canaryService: 'Web_Canary', weight: 10 }), {
        force: true,
      }),
    ).rejects.toThrow(/spec\.rules\[0\]\.http\.paths\[0\]\.backend\.service\.name: Invalid value: "Web_Canary"/);
    expect(await kubectl.get('ingress', 'broken-canary')).toBeUndefined();
  });
});
