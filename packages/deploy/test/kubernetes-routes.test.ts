import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { userError } from '../../../test/matchers.js';
import { canaryIngress, type Ingress } from '../src/providers/kubernetes/ingress-nginx.js';
import { weightedVirtualService, type VirtualService } from '../src/providers/kubernetes/istio.js';

/** The user's Ingress as `kubectl get -o json` returns it, server fields included. */
const INGRESS: Ingress = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: {
    name: 'shop',
    namespace: 'shop',
    uid: '5d1c0f3e-8a4b-4c61-9d0e-2f7a91b3c4d5',
    resourceVersion: '90210',
    generation: 4,
    creationTimestamp: '2026-11-02T09:14:31Z',
    labels: { app: 'web', team: 'checkout' },
    annotations: {
      'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"networking.k8s.io/v1","kind":"Ingress"}\n',
      'cert-manager.io/cluster-issuer': 'letsencrypt',
      'nginx.ingress.kubernetes.io/proxy-body-size': '8m',
      'nginx.ingress.kubernetes.io/use-regex': 'true',
      'nginx.ingress.kubernetes.io/load-balance': 'ewma',
      'nginx.ingress.kubernetes.io/affinity': 'cookie',
      'nginx.ingress.kubernetes.io/session-cookie-name': 'shop-route',
      'nginx.ingress.kubernetes.io/upstream-hash-by': '$remote_addr',
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
      {
        host: 'static.example.com',
        http: {
          paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'cdn', port: { number: 80 } } } }],
        },
      },
      {
        host: 'www.example.com',
        http: {
          paths: [
            {
              path: '/shop(/|$)(.*)',
              pathType: 'ImplementationSpecific',
              backend: { service: { name: 'web', port: { name: 'http' } } },
            },
            {
              path: '/assets',
              pathType: 'Prefix',
              backend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'assets' } },
            },
          ],
        },
      },
    ],
  },
  status: { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] } },
} as Ingress;

const SERVICES = { stableService: 'web', canaryService: 'web-canary' };

describe('canaryIngress (ingress-nginx)', () => {
  it("is a second Ingress with the canary annotations, the class, and only the stable Service's hosts and paths, sent to the canary Service", () => {
    expect(canaryIngress(INGRESS, { ...SERVICES, weight: 10 })).toStrictEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: 'shop-canary',
        namespace: 'shop',
        labels: { 'slipway.dev/track': 'canary', 'app.kubernetes.io/managed-by': 'slipway' },
        // ingress-nginx reads these from the canary itself; every other one it takes from the main Ingress.
        annotations: {
          'nginx.ingress.kubernetes.io/load-balance': 'ewma',
          'nginx.ingress.kubernetes.io/affinity': 'cookie',
          'nginx.ingress.kubernetes.io/session-cookie-name': 'shop-route',
          'nginx.ingress.kubernetes.io/upstream-hash-by': '$remote_addr',
          'nginx.ingress.kubernetes.io/canary': 'true',
          'nginx.ingress.kubernetes.io/canary-weight': '10',
          'nginx.ingress.kubernetes.io/canary-weight-total': '100',
        },
      },
      spec: {
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
          {
            host: 'www.example.com',
            http: {
              paths: [
                {
                  path: '/shop(/|$)(.*)',
                  pathType: 'ImplementationSpecific',
                  backend: { service: { name: 'web-canary', port: { name: 'http' } } },
                },
              ],
            },
          },
        ],
      },
    });
    // The stable Ingress itself is untouched.
    expect(INGRESS.spec.rules![0]!.http!.paths[0]!.backend.service!.name).toBe('web');
  });

  it('carries the class annotation of an Ingress without ingressClassName, and a rule without a host', () => {
    const legacy: Ingress = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', annotations: { 'kubernetes.io/ingress.class': 'nginx-public' } },
      spec: {
        rules: [
          {
            http: {
              paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 8080 } } } }],
            },
          },
        ],
      },
    };
    expect(canaryIngress(legacy, { ...SERVICES, weight: 0 })).toStrictEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: 'web-canary',
        labels: { 'slipway.dev/track': 'canary', 'app.kubernetes.io/managed-by': 'slipway' },
        annotations: {
          'kubernetes.io/ingress.class': 'nginx-public',
          'nginx.ingress.kubernetes.io/canary': 'true',
          'nginx.ingress.kubernetes.io/canary-weight': '0',
          'nginx.ingress.kubernetes.io/canary-weight-total': '100',
        },
      },
      spec: {
        rules: [
          {
            http: {
              paths: [
                { path: '/', pathType: 'Prefix', backend: { service: { name: 'web-canary', port: { number: 8080 } } } },
              ],
            },
          },
        ],
      },
    });
  });

  it('names the route input, and the Services it does send to, when no path sends to the stable Service', () => {
    expect(() =>
      canaryIngress(INGRESS, { stableService: 'checkout', canaryService: 'checkout-canary', weight: 10 }),
    ).toThrow(
      userError(
        'route',
        /^input 'route': no path of Ingress shop sends traffic to Service checkout \(its paths send to web, api, cdn\)\./,
      ),
    );
    const onlyDefault: Ingress = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'fallback' },
      spec: { defaultBackend: { service: { name: 'web', port: { number: 80 } } } },
    };
    expect(() => canaryIngress(onlyDefault, { ...SERVICES, weight: 10 })).toThrow(
      userError('route', /no path of Ingress fallback sends traffic to Service web \(its paths send to no Service\)/),
    );
  });

  it.each(['true', 'True', '1'])(
    'names the route input when the Ingress named is itself a canary (canary: %j)',
    (value) => {
      const canary = {
        ...INGRESS,
        metadata: { ...INGRESS.metadata, annotations: { 'nginx.ingress.kubernetes.io/canary': value } },
      };
      expect(() => canaryIngress(canary, { ...SERVICES, weight: 10 })).toThrow(
        userError('route', /Ingress shop is itself a canary Ingress/),
      );
    },
  );

  it('takes an Ingress whose canary annotation is false as a main Ingress', () => {
    const off = {
      ...INGRESS,
      metadata: { ...INGRESS.metadata, annotations: { 'nginx.ingress.kubernetes.io/canary': 'false' } },
    };
    expect(canaryIngress(off, { ...SERVICES, weight: 5 }).metadata.annotations).toStrictEqual({
      'nginx.ingress.kubernetes.io/canary': 'true',
      'nginx.ingress.kubernetes.io/canary-weight': '5',
      'nginx.ingress.kubernetes.io/canary-weight-total': '100',
    });
  });

  const ingresses = fc
    .array(
      fc.record(
        {
          host: fc.constantFrom('shop.example.com', 'www.example.com', '*.example.com'),
          paths: fc.array(
            fc.record({
              path: fc.constantFrom('/', '/api', '/shop', '/static'),
              pathType: fc.constantFrom('Prefix', 'Exact', 'ImplementationSpecific'),
              service: fc.constantFrom('web', 'api', 'cdn', 'web-canary'),
              port: fc.oneof(fc.record({ number: fc.integer({ min: 1, max: 65535 }) }), fc.constant({ name: 'http' })),
            }),
            { minLength: 1, maxLength: 4 },
          ),
        },
        { requiredKeys: ['paths'] },
      ),
      { maxLength: 4 },
    )
    .map((rules): Ingress => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'shop', namespace: 'shop', resourceVersion: '7' },
      spec: {
        ingressClassName: 'nginx',
        rules: rules.map((r) => ({
          ...(r.host !== undefined ? { host: r.host } : {}),
          http: {
            paths: r.paths.map((p) => ({
              path: p.path,
              pathType: p.pathType,
              backend: { service: { name: p.service, port: p.port } },
            })),
          },
        })),
      },
    }));

  it("holds for any Ingress: the weight asked for, each of the stable's paths once and only those, the stable left as read, its own output refused", () => {
    fc.assert(
      fc.property(ingresses, fc.integer({ min: 0, max: 100 }), (ingress, weight) => {
        const stablePaths = ingress.spec.rules!.flatMap((r) =>
          r.http!.paths.filter((p) => p.backend.service!.name === 'web').map((p) => ({ host: r.host, ...p })),
        );
        const before = structuredClone(ingress);
        if (stablePaths.length === 0) {
          expect(() => canaryIngress(ingress, { ...SERVICES, weight })).toThrow(userError('route'));
          return;
        }
        const canary = canaryIngress(ingress, { ...SERVICES, weight });
        expect(canary.metadata.annotations!['nginx.ingress.kubernetes.io/canary-weight']).toBe(String(weight));
        expect(canary.metadata.annotations!['nginx.ingress.kubernetes.io/canary-weight-total']).toBe('100');
        const canaryPaths = canary.spec.rules!.flatMap((r) => r.http!.paths.map((p) => ({ host: r.host, ...p })));
        expect(canaryPaths).toStrictEqual(
          stablePaths.map((p) => ({ ...p, backend: { service: { ...p.backend.service!, name: 'web-canary' } } })),
        );
        expect(ingress).toEqual(before);
        expect(canaryIngress(ingress, { ...SERVICES, weight })).toStrictEqual(canary);
        expect(() => canaryIngress(canary, { ...SERVICES, weight })).toThrow(userError('route', /itself a canary/));
      }),
    );
  });
});

/** The user's VirtualService as `kubectl get -o json` returns it, server fields included. */
const VS: VirtualService = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: {
    name: 'web',
    namespace: 'shop',
    uid: 'a3f9e1c2-6b7d-4e8f-9a0b-1c2d3e4f5a6b',
    resourceVersion: '4412',
    generation: 2,
    creationTimestamp: '2026-11-02T09:14:31Z',
    annotations: {
      'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"networking.istio.io/v1"}\n',
    },
  },
  spec: {
    hosts: ['shop.example.com', 'web'],
    gateways: ['istio-ingress/public', 'mesh'],
    http: [
      {
        name: 'api-v2',
        match: [{ uri: { prefix: '/api/v2' }, headers: { 'x-beta': { exact: 'on' } } }],
        route: [{ destination: { host: 'api.shop.svc.cluster.local', port: { number: 8080 } } }],
        timeout: '5s',
      },
      {
        name: 'primary',
        match: [{ uri: { prefix: '/' } }],
        retries: { attempts: 3, perTryTimeout: '2s', retryOn: '5xx,reset' },
        timeout: '10s',
        route: [
          {
            destination: { host: 'web', port: { number: 80 }, subset: 'stable' },
            headers: { response: { set: { 'x-served-by': 'web' } } },
          },
        ],
      },
    ],
  },
} as VirtualService;

const HOSTS = { stableHost: 'web', canaryHost: 'web-canary' };

describe('weightedVirtualService (istio)', () => {
  it('puts the canary beside the stable destination of each route that sends to it, and leaves the rest as read', () => {
    expect(weightedVirtualService(VS, { ...HOSTS, weight: 10 })).toStrictEqual({
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'web', namespace: 'shop' },
      spec: {
        http: [
          VS.spec.http![0],
          {
            name: 'primary',
            match: [{ uri: { prefix: '/' } }],
            retries: { attempts: 3, perTryTimeout: '2s', retryOn: '5xx,reset' },
            timeout: '10s',
            route: [
              {
                destination: { host: 'web', port: { number: 80 }, subset: 'stable' },
                headers: { response: { set: { 'x-served-by': 'web' } } },
                weight: 90,
              },
              {
                // The subset names the stable's pods (a DestinationRule of host web); the canary Service has none.
                destination: { host: 'web-canary', port: { number: 80 } },
                headers: { response: { set: { 'x-served-by': 'web' } } },
                weight: 10,
              },
            ],
          },
        ],
      },
    });
  });

  it('moves the weight on a route that has the canary, and on dropping it gives the lone stable destination no weight, as it was written', () => {
    const at50 = weightedVirtualService(weightedVirtualService(VS, { ...HOSTS, weight: 10 }), { ...HOSTS, weight: 50 });
    expect(at50.spec.http![1]!.route!.map((d) => [d.destination.host, d.weight])).toStrictEqual([
      ['web', 50],
      ['web-canary', 50],
    ]);
    const dropped = weightedVirtualService(at50, { ...HOSTS, weight: 0, dropCanary: true });
    expect(dropped.spec.http![1]).toStrictEqual(VS.spec.http![1]);
  });

  it("gives the canary its part of the stable's share when other destinations have weights, written the way the route writes the stable host", () => {
    const split: VirtualService = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'gateway-routes', namespace: 'istio-ingress' },
      spec: {
        hosts: ['shop.example.com'],
        gateways: ['public'],
        http: [
          {
            route: [
              { destination: { host: 'web.shop.svc.cluster.local', port: { number: 80 } }, weight: 80 },
              { destination: { host: 'legacy.shop.svc.cluster.local', port: { number: 80 } }, weight: 20 },
            ],
          },
        ],
      },
    };
    const o = { stableHost: 'web.shop.svc.cluster.local', canaryHost: 'web-canary' };
    expect(weightedVirtualService(split, { ...o, weight: 10 }).spec.http![0]!.route).toStrictEqual([
      { destination: { host: 'web.shop.svc.cluster.local', port: { number: 80 } }, weight: 72 },
      // In namespace shop, beside the stable Service, not in the VirtualService's namespace.
      { destination: { host: 'web-canary.shop.svc.cluster.local', port: { number: 80 } }, weight: 8 },
      { destination: { host: 'legacy.shop.svc.cluster.local', port: { number: 80 } }, weight: 20 },
    ]);
    const dropped = weightedVirtualService(weightedVirtualService(split, { ...o, weight: 10 }), {
      ...o,
      weight: 0,
      dropCanary: true,
    });
    expect(dropped.spec.http).toStrictEqual(split.spec.http);
  });

  it.each([
    ['web', 'web', true],
    ['web.shop', 'web', true],
    ['web.shop.svc', 'web', true],
    ['web.shop.svc.cluster.local', 'web', true],
    ['web', 'web.shop.svc.cluster.local', true],
    ['web.other', 'web', false],
    ['web.other.svc.cluster.local', 'web', false],
    ['web.example.com', 'web', false],
    ['webshop', 'web', false],
  ])('takes destination host %j as Service %j of namespace shop: %j', (host, stableHost, same) => {
    const vs: VirtualService = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { http: [{ route: [{ destination: { host } }] }] },
    };
    const run = () => weightedVirtualService(vs, { stableHost, canaryHost: 'web-canary', weight: 10 });
    if (same) expect(run().spec.http![0]!.route!.map((d) => d.weight)).toStrictEqual([90, 10]);
    else expect(run).toThrow(userError('route', /sends no HTTP traffic/));
  });

  it('matches only the very host when the VirtualService has no namespace to read short names in', () => {
    const vs: VirtualService = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'web' },
      spec: { http: [{ route: [{ destination: { host: 'web' } }] }] },
    };
    expect(() =>
      weightedVirtualService(vs, { ...HOSTS, stableHost: 'web.shop.svc.cluster.local', weight: 10 }),
    ).toThrow(userError('route'));
    expect(weightedVirtualService(vs, { ...HOSTS, weight: 10 }).spec.http![0]!.route).toStrictEqual([
      { destination: { host: 'web' }, weight: 90 },
      { destination: { host: 'web-canary' }, weight: 10 },
    ]);
  });

  it('names the route input when no http route sends to the stable host, or one cannot be weighted', () => {
    expect(() =>
      weightedVirtualService(VS, { stableHost: 'checkout', canaryHost: 'checkout-canary', weight: 10 }),
    ).toThrow(
      userError(
        'route',
        /^input 'route': VirtualService web sends no HTTP traffic to host checkout \(its http routes send to api\.shop\.svc\.cluster\.local, web\)\./,
      ),
    );
    const twice: VirtualService = {
      ...VS,
      spec: {
        http: [
          {
            route: [
              { destination: { host: 'web', subset: 'v1' }, weight: 50 },
              { destination: { host: 'web', subset: 'v2' }, weight: 50 },
            ],
          },
        ],
      },
    };
    expect(() => weightedVirtualService(twice, { ...HOSTS, weight: 10 })).toThrow(
      userError('route', /http route #1 of VirtualService web sends to web through 2 destinations/),
    );
    const over: VirtualService = {
      ...VS,
      spec: {
        http: [
          {
            name: 'main',
            route: [
              { destination: { host: 'web' }, weight: 10 },
              { destination: { host: 'legacy' }, weight: 60 },
              { destination: { host: 'beta' }, weight: 50 },
            ],
          },
        ],
      },
    };
    expect(() => weightedVirtualService(over, { ...HOSTS, weight: 10 })).toThrow(
      userError(
        'route',
        /http route 'main' of VirtualService web gives its other destinations weights that add up to 110/,
      ),
    );
  });

  const STABLE_FORMS = ['web', 'web.shop', 'web.shop.svc', 'web.shop.svc.cluster.local'];
  const OTHERS = ['api', 'legacy.shop.svc.cluster.local', 'web.other.svc.cluster.local', 'payments.example.com'];
  /** Weights that add up to 100 over `n` destinations. */
  const hundred = (n: number) =>
    fc
      .array(fc.integer({ min: 0, max: 100 }), { minLength: n - 1, maxLength: n - 1 })
      .map((cuts) => [0, ...cuts.sort((a, b) => a - b), 100])
      .map((points) => points.slice(1).map((p, i) => p - points[i]!));
  const httpRoute = fc
    .record({
      name: fc.option(fc.constantFrom('primary', 'beta', 'fallback'), { nil: undefined }),
      match: fc.constantFrom([{ uri: { prefix: '/' } }], [{ headers: { 'x-beta': { exact: 'on' } } }]),
      timeout: fc.option(fc.constantFrom('5s', '30s'), { nil: undefined }),
      stable: fc.option(fc.constantFrom(...STABLE_FORMS), { nil: undefined }),
      canary: fc.option(fc.constantFrom('web-canary', 'web-canary.shop.svc.cluster.local'), { nil: undefined }),
      others: fc.uniqueArray(fc.constantFrom(...OTHERS), { maxLength: 2 }),
      port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    })
    .chain((r) => {
      const listed = [...(r.stable ? [r.stable] : []), ...(r.canary ? [r.canary] : []), ...r.others];
      const hosts = listed.length ? listed : ['api'];
      return hundred(hosts.length).map((weights) => ({
        ...(r.name ? { name: r.name } : {}),
        match: r.match,
        ...(r.timeout ? { timeout: r.timeout } : {}),
        route: hosts.map((host, i) => ({
          destination: { host, ...(r.port ? { port: { number: r.port } } : {}) },
          // A lone destination is usually written without a weight.
          ...(hosts.length > 1 ? { weight: weights[i]! } : {}),
        })),
      }));
    });
  const virtualServices = fc.array(httpRoute, { minLength: 1, maxLength: 5 }).map((http): VirtualService => ({
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: 'web', namespace: 'shop', resourceVersion: '12', generation: 3 },
    spec: { hosts: ['shop.example.com'], gateways: ['mesh'], http },
  }));
  const isWeb = (host: string) => STABLE_FORMS.includes(host);
  const isCanary = (host: string) => host.startsWith('web-canary');
  const sendsToStable = (vs: VirtualService) =>
    vs.spec.http!.some((r) => r.route!.some((d) => isWeb(d.destination.host)));

  it('keeps the weights of every route whole and adding up to 100, gives the canary its share, and leaves other routes and destinations as read', () => {
    fc.assert(
      fc.property(virtualServices, fc.integer({ min: 0, max: 100 }), fc.boolean(), (vs, weight, dropCanary) => {
        fc.pre(sendsToStable(vs));
        const before = structuredClone(vs);
        const out = weightedVirtualService(vs, { ...HOSTS, weight, dropCanary });
        expect(Object.keys(out.spec)).toStrictEqual(['http']);
        expect(out.spec.http).toHaveLength(vs.spec.http!.length);
        out.spec.http!.forEach((route, i) => {
          const read = vs.spec.http![i]!;
          const destinations = route.route!;
          const weights = destinations.map((d) => d.weight ?? (destinations.length === 1 ? 100 : 0));
          for (const w of weights) expect(Number.isInteger(w) && w >= 0 && w <= 100).toBe(true);
          expect(weights.reduce((a, b) => a + b, 0)).toBe(100);
          if (!read.route!.some((d) => isWeb(d.destination.host))) {
            expect(route).toStrictEqual(read);
            return;
          }
          expect({ ...route, route: null }).toStrictEqual({ ...read, route: null });
          const other = (d: { destination: { host: string } }) =>
            !isWeb(d.destination.host) && !isCanary(d.destination.host);
          expect(destinations.filter(other)).toStrictEqual(read.route!.filter(other));
          const canaries = destinations.filter((d) => isCanary(d.destination.host));
          if (dropCanary) expect(canaries).toStrictEqual([]);
          else {
            expect(canaries).toHaveLength(1);
            const share = 100 - read.route!.filter(other).reduce((sum, d) => sum + d.weight!, 0);
            expect(canaries[0]!.weight).toBe(Math.round((share * weight) / 100));
          }
        });
        expect(vs).toEqual(before);
      }),
    );
  });

  it('is idempotent: run again on the VirtualService with its output applied, it gives the same output', () => {
    fc.assert(
      fc.property(virtualServices, fc.integer({ min: 0, max: 100 }), fc.boolean(), (vs, weight, dropCanary) => {
        fc.pre(sendsToStable(vs));
        const out = weightedVirtualService(vs, { ...HOSTS, weight, dropCanary });
        const applied: VirtualService = { ...vs, spec: { ...vs.spec, http: out.spec.http! } };
        expect(weightedVirtualService(applied, { ...HOSTS, weight, dropCanary })).toStrictEqual(out);
      }),
    );
  });
});
