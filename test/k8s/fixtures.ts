// The user's own objects in the kubernetes scenarios and the abort benchmark: a stable Deployment
// `web`, its Service, and the route each mesh router weighs (as a repository would hold them and
// apply them with `kubectl apply -f`). No Jest here: the benchmark imports it too.

/** The routers that weigh a route object of the user's. */
export type MeshRouter = 'gateway-api' | 'ingress-nginx' | 'istio';

/** The stable Deployment `web`: `replicas` pods labelled app=web (and tier=front, which the Service does not select). */
export function userDeployment(ns: string, replicas: number, image = 'registry.invalid/web:1.0.0'): unknown {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: ns, labels: { app: 'web' } },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web', tier: 'front' } },
        spec: { containers: [{ name: 'app', image, ports: [{ containerPort: 8080 }] }] },
      },
    },
  };
}

/** Service `web`: port 80 to the pods' 8080. */
export function userService(ns: string): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: ns },
    spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
  };
}

/** The route object `web` each mesh router weighs, sending everything to Service `web`. */
export const USER_ROUTES: Record<MeshRouter, (ns: string) => unknown> = {
  'gateway-api': (ns) => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'web', namespace: ns },
    spec: {
      parentRefs: [{ name: 'public' }],
      hostnames: ['shop.example.com'],
      rules: [{ backendRefs: [{ name: 'web', port: 80 }] }],
    },
  }),
  'ingress-nginx': (ns) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: ns, annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } },
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          host: 'shop.example.com',
          http: {
            paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }],
          },
        },
      ],
    },
  }),
  istio: (ns) => ({
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: 'web', namespace: ns },
    spec: {
      hosts: ['shop.example.com'],
      gateways: ['public'],
      http: [{ timeout: '5s', route: [{ destination: { host: 'web', port: { number: 80 } } }] }],
    },
  }),
};
