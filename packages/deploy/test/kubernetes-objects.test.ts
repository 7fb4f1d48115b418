import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { userError } from '../../../test/matchers.js';
import {
  canaryDeployment,
  intentOf,
  replicaSplit,
  splitWeight,
  TRACK_LABEL,
  type Deployment,
} from '../src/providers/kubernetes/objects.js';
import { weightedRoute, type HTTPRoute } from '../src/providers/kubernetes/gateway-api.js';
import { parseConflicts } from '../src/providers/kubernetes/kubectl.js';
import { imageDigest, imageReleaseId, imageVersion } from '../src/providers/kubernetes/target.js';
import { podReasons, rolloutOf, type DeploymentState, type PodState } from '../src/providers/kubernetes/rollout.js';

/** A stable Deployment as `kubectl get -o json` returns it, server fields included. */
const STABLE: Deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'shop',
    uid: '0b6f…',
    resourceVersion: '4711',
    generation: 3,
    labels: { app: 'web', team: 'checkout' },
    annotations: { 'deployment.kubernetes.io/revision': '3', owner: 'checkout' },
    managedFields: [{ manager: 'kubectl-client-side-apply' }],
  },
  spec: {
    replicas: 4,
    progressDeadlineSeconds: 120,
    strategy: { type: 'RollingUpdate' },
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' }, annotations: { 'prometheus.io/scrape': 'true' } },
      spec: {
        serviceAccountName: 'web',
        containers: [
          { name: 'app', image: 'ghcr.io/acme/web:1.0.0', ports: [{ containerPort: 8080 }] },
          { name: 'proxy', image: 'envoyproxy/envoy:v1.31.0' },
        ],
      },
    },
  },
  status: { replicas: 4, readyReplicas: 4 },
};

describe('canaryDeployment', () => {
  it("is the stable Deployment with the release's image, its own name, and the track label on it, its selector and its pods", () => {
    const canary = canaryDeployment(STABLE, { id: '1.1.0-abc', image: 'ghcr.io/acme/web:1.1.0', replicas: 1 });
    expect(canary.metadata).toStrictEqual({
      name: 'web-canary',
      namespace: 'shop',
      labels: { app: 'web', team: 'checkout', [TRACK_LABEL]: 'canary' },
      annotations: { owner: 'checkout', 'slipway.dev/release': '1.1.0-abc' },
    });
    expect(canary.spec.replicas).toBe(1);
    expect(canary.spec.selector).toStrictEqual({ matchLabels: { app: 'web', [TRACK_LABEL]: 'canary' } });
    expect(canary.spec.template.metadata!.labels).toStrictEqual({ app: 'web', [TRACK_LABEL]: 'canary' });
    expect(canary.spec.template.spec.containers.map((c) => c.image)).toStrictEqual([
      'ghcr.io/acme/web:1.1.0',
      'envoyproxy/envoy:v1.31.0',
    ]);
    // What the user set comes along; what the server keeps does not.
    expect(canary.spec.progressDeadlineSeconds).toBe(120);
    expect(canary.spec.template.spec.serviceAccountName).toBe('web');
    expect(canary).not.toHaveProperty('status');
    expect(JSON.stringify(canary)).not.toMatch(/resourceVersion|managedFields|uid|deployment\.kubernetes\.io/);
    // The stable object itself is untouched.
    expect(STABLE.spec.template.spec.containers[0]!.image).toBe('ghcr.io/acme/web:1.0.0');
  });

  it('sets the image of the container it is told, and names the containers when it has no such one', () => {
    const canary = canaryDeployment(STABLE, {
      id: 'r',
      image: 'envoyproxy/envoy:v1.32.0',
      container: 'proxy',
      replicas: 1,
    });
    expect(canary.spec.template.spec.containers.map((c) => c.image)).toStrictEqual([
      'ghcr.io/acme/web:1.0.0',
      'envoyproxy/envoy:v1.32.0',
    ]);
    expect(() => canaryDeployment(STABLE, { id: 'r', image: 'x', container: 'sidecar', replicas: 1 })).toThrow(
      userError('container', /'sidecar' is not a container of Deployment web \(it has app, proxy\)/),
    );
  });
});

describe('replicaSplit', () => {
  it('gives each side its share of the pods, at least one for a canary above 0 and a stable below 100', () => {
    expect(replicaSplit(10, 0)).toStrictEqual({ stable: 10, canary: 0 });
    expect(replicaSplit(10, 10)).toStrictEqual({ stable: 9, canary: 1 });
    expect(replicaSplit(10, 50)).toStrictEqual({ stable: 5, canary: 5 });
    expect(replicaSplit(10, 100)).toStrictEqual({ stable: 0, canary: 10 });
    expect(replicaSplit(4, 1)).toStrictEqual({ stable: 3, canary: 1 });
    expect(replicaSplit(1, 10)).toStrictEqual({ stable: 1, canary: 1 });
  });

  it('never leaves a side empty between 0 and 100, never runs more than one extra pod, and comes closest to the weight', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 99 }), (total, weight) => {
        const split = replicaSplit(total, weight);
        expect(split.stable).toBeGreaterThanOrEqual(1);
        expect(split.canary).toBeGreaterThanOrEqual(1);
        expect(split.stable + split.canary).toBeLessThanOrEqual(Math.max(total, 2));
        if (total >= 2) {
          // No other split of the same pods is closer to the weight asked for, within the bounds.
          for (let c = 1; c < total; c++)
            expect(Math.abs(splitWeight(split) - weight)).toBeLessThanOrEqual(
              Math.abs((100 * c) / total - weight) + 100 / total,
            );
        }
      }),
    );
  });
});

describe('rolloutOf and podReasons', () => {
  const pod = (name: string, status: PodState['status']): PodState => ({ metadata: { name }, status });
  const pulling = (name: string) =>
    pod(name, {
      phase: 'Pending',
      conditions: [
        { type: 'PodScheduled', status: 'True' },
        { type: 'Ready', status: 'False' },
      ],
      containerStatuses: [
        { name: 'app', ready: false, state: { waiting: { reason: 'ErrImagePull', message: 'pull access denied' } } },
      ],
    });

  it('groups the reasons of pods that are not ready, and leaves ready pods out', () => {
    const pods = [
      pulling('a'),
      pulling('b'),
      pod('c', {
        phase: 'Pending',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message: '0/3 nodes are available: 3 Insufficient cpu.',
          },
        ],
      }),
      pod('d', { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] }),
      pod('e', {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'False' }],
        containerStatuses: [{ name: 'app', restartCount: 4, state: { terminated: { reason: 'Error', exitCode: 1 } } }],
      }),
    ];
    expect(podReasons(pods)).toBe(
      '2 pods ErrImagePull (pull access denied), 1 pod Unschedulable (0/3 nodes are available: 3 Insufficient cpu.), 1 pod Error (exit code 1)',
    );
  });

  it('says how far a rollout has come while it progresses', () => {
    const d = (status: DeploymentState['status'], generation = 2): DeploymentState => ({
      metadata: { name: 'web-canary', generation },
      spec: { replicas: 3 },
      status,
    });
    expect(rolloutOf(d({ observedGeneration: 1 }), [])).toStrictEqual({
      state: 'progressing',
      detail: 'waiting for the new spec to be seen',
    });
    expect(rolloutOf(d({ observedGeneration: 2, updatedReplicas: 1 }), [pulling('a')])).toStrictEqual({
      state: 'progressing',
      detail: '1 of 3 pods updated (1 pod ErrImagePull (pull access denied))',
    });
    expect(rolloutOf(d({ observedGeneration: 2, replicas: 4, updatedReplicas: 3 }), [])).toStrictEqual({
      state: 'progressing',
      detail: '1 old pods still terminating',
    });
    expect(
      rolloutOf(d({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 2 }), []),
    ).toStrictEqual({
      state: 'progressing',
      detail: '2 of 3 pods ready',
    });
    expect(
      rolloutOf(d({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }), []),
    ).toStrictEqual({ state: 'ready' });
  });
});

describe('weightedRoute (gateway-api)', () => {
  const route: HTTPRoute = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'web', namespace: 'shop', resourceVersion: '12' },
    spec: {
      parentRefs: [{ name: 'public' }],
      hostnames: ['shop.example.com'],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/' } }],
          backendRefs: [
            { group: '', kind: 'Service', name: 'web', port: 80, weight: 1 },
            { name: 'sidecar-mirror', port: 81 },
          ],
        },
        { matches: [{ path: { type: 'PathPrefix', value: '/static' } }], backendRefs: [{ name: 'cdn', port: 80 }] },
      ],
    },
  };
  const services = { stable: { name: 'web', port: 80 }, canary: { name: 'web-canary', port: 8080 } };

  it('puts the canary beside the stable backend in each rule that sends to it, and leaves every other rule and backend as read', () => {
    const applied = weightedRoute(route, { ...services, weight: 10 });
    expect(applied.metadata).toStrictEqual({ name: 'web', namespace: 'shop' });
    // Only the rules: the list is atomic in the Gateway API's CRD, so it is applied whole.
    expect(Object.keys(applied.spec)).toStrictEqual(['rules']);
    expect(applied.spec.rules![0]!.backendRefs).toStrictEqual([
      { group: '', kind: 'Service', name: 'web', port: 80, weight: 90 },
      { group: '', kind: 'Service', name: 'web-canary', port: 8080, weight: 10 },
      { name: 'sidecar-mirror', port: 81 },
    ]);
    expect(applied.spec.rules![0]!.matches).toStrictEqual(route.spec.rules![0]!.matches);
    expect(applied.spec.rules![1]).toStrictEqual(route.spec.rules![1]);
  });

  it('moves the weight on a route that already has the canary, and drops the canary backend when told', () => {
    const at50 = weightedRoute(weightedRoute(route, { ...services, weight: 10 }) as HTTPRoute, {
      ...services,
      weight: 50,
    });
    expect(at50.spec.rules![0]!.backendRefs!.map((b) => [b.name, b.weight])).toStrictEqual([
      ['web', 50],
      ['web-canary', 50],
      ['sidecar-mirror', undefined],
    ]);
    const dropped = weightedRoute(at50, { ...services, weight: 0, dropCanary: true });
    expect(dropped.spec.rules![0]!.backendRefs!.map((b) => [b.name, b.weight])).toStrictEqual([
      ['web', 100],
      ['sidecar-mirror', undefined],
    ]);
  });

  it('names the route input when no rule sends to the stable Service', () => {
    expect(() => weightedRoute(route, { ...services, stable: { name: 'api', port: 80 }, weight: 10 })).toThrow(
      userError(
        'route',
        /HTTPRoute web sends no traffic to Service api \(its rules send to web, sidecar-mirror, cdn\)/,
      ),
    );
  });
});

describe('parseConflicts', () => {
  it('reads one conflict, several of one manager, and several managers, as the API server words them', () => {
    expect(
      parseConflicts(
        'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas',
      ),
    ).toStrictEqual([{ manager: 'kubectl-client-side-apply', field: '.spec.replicas' }]);
    expect(
      parseConflicts(
        'Apply failed with 2 conflicts: conflicts with "keda" using apps/v1:\n- .spec.replicas\n- .spec.template.spec.containers[name="app"].image',
      ),
    ).toStrictEqual([
      { manager: 'keda', field: '.spec.replicas' },
      { manager: 'keda', field: '.spec.template.spec.containers[name="app"].image' },
    ]);
    expect(
      parseConflicts(
        'Apply failed with 2 conflicts: conflicts with "a" using apps/v1:\n- .spec.replicas\nconflicts with "b" using apps/v1:\n- .spec.paused',
      ),
    ).toStrictEqual([
      { manager: 'a', field: '.spec.replicas' },
      { manager: 'b', field: '.spec.paused' },
    ]);
  });
});

describe('a release of an image', () => {
  const DIGEST = `sha256:${'ab'.repeat(32)}`;
  it('is named by its tag, or its digest, or latest, plus 12 hex of its digest', () => {
    expect(imageVersion('ghcr.io/acme/web:1.4.2')).toBe('1.4.2');
    expect(imageVersion('localhost:5000/web:2.0.0-rc.1')).toBe('2.0.0-rc.1');
    // A registry port is not a tag.
    expect(imageVersion('localhost:5000/web')).toBe('latest');
    expect(imageVersion(`ghcr.io/acme/web@${DIGEST}`)).toBe('abababababab');
    expect(imageVersion(`ghcr.io/acme/web:1.4.2@${DIGEST}`)).toBe('1.4.2');
    // A pinned image is its own digest; any other is told apart by a digest of its reference.
    expect(imageDigest(`ghcr.io/acme/web:1.4.2@${DIGEST}`)).toBe(DIGEST);
    expect(imageDigest('ghcr.io/acme/web:1.4.2')).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(imageReleaseId(`ghcr.io/acme/web:1.4.2@${DIGEST}`, '1.4.2')).toBe('1.4.2-abababababab');
    expect(imageReleaseId('ghcr.io/acme/web:1.4.2', '1.4.2')).not.toBe(
      imageReleaseId('ghcr.io/other/web:1.4.2', '1.4.2'),
    );
  });

  it('keeps the same id for the same reference, so a deploy of what runs is a no-op', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,10}(\/[a-z0-9]{1,10}){0,2}:[\w][\w.-]{0,20}$/), (image) => {
        expect(imageReleaseId(image, imageVersion(image))).toBe(imageReleaseId(image, imageVersion(image)));
        expect(imageReleaseId(image, imageVersion(image))).toMatch(/-[0-9a-f]{12}$/);
      }),
    );
  });
});

describe('intentOf', () => {
  it('reads an object slipway applied back as its apply configuration: no status, no server metadata', () => {
    const live = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'web-canary',
        uid: 'u',
        resourceVersion: '9',
        generation: 2,
        creationTimestamp: 't',
        managedFields: [],
        annotations: { 'deployment.kubernetes.io/revision': '1', 'slipway.dev/release': 'r' },
      },
      spec: { replicas: 1 },
      status: { readyReplicas: 1 },
    };
    expect(intentOf(live)).toStrictEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web-canary', annotations: { 'slipway.dev/release': 'r' } },
      spec: { replicas: 1 },
    });
  });
});
