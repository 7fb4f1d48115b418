import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { actionsExec, type UserError } from '@slipway/action-kit/lite';
import { userError } from '../../../test/matchers.js';
import { closedPort } from '../../../test/harness.js';
import { needsCluster, startCluster, type Cluster } from '../../../test/k8s/cluster.js';
import { FIELD_MANAGER, Kubectl } from '../src/providers/kubernetes/kubectl.js';
import { canaryDeployment, TRACK_LABEL, type Deployment } from '../src/providers/kubernetes/objects.js';
import { rolloutOf, type DeploymentState, type PodState, type Rollout } from '../src/providers/kubernetes/rollout.js';

const { describe, it } = needsCluster();

/** The user's stable Deployment, applied client-side the way most repositories do (`kubectl apply -f`). */
const STABLE = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
  spec: {
    replicas: 3,
    progressDeadlineSeconds: 30,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'app', image: 'registry.invalid/web:1.0.0', ports: [{ containerPort: 8080 }] }] },
    },
  },
};

describe('kubectl against a real API server', () => {
  let cluster: Cluster;
  let kubectl: Kubectl;
  const as = (o: Partial<ConstructorParameters<typeof Kubectl>[0]> = {}): Kubectl =>
    new Kubectl({
      exec: actionsExec,
      binary: cluster.kubectl,
      context: '',
      namespace: 'shop',
      env: cluster.env,
      timeoutMs: 30_000,
      ...o,
    });
  const k = (...args: string[]): string =>
    execFileSync(cluster.kubectl, args, { env: cluster.env, encoding: 'utf8', input: '' });

  beforeAll(async () => {
    cluster = await startCluster();
    kubectl = as();
    k('create', 'namespace', 'shop');
    execFileSync(cluster.kubectl, ['apply', '-f', '-'], { env: cluster.env, input: JSON.stringify(STABLE) });
    k('-n', 'shop', 'rollout', 'status', 'deploy/web', '--timeout=60s');
  }, 120_000);
  afterAll(() => cluster?.stop(), 30_000);

  it('reads an object, and undefined for one that does not exist', async () => {
    const web = await kubectl.get<Deployment>('deployment', 'web');
    expect(web?.spec.template.spec.containers[0]!.image).toBe('registry.invalid/web:1.0.0');
    expect(await kubectl.get('deployment', 'nope')).toBeUndefined();
  });

  it('applies the canary server-side as field manager slipway, and its pods become ready', async () => {
    const stable = (await kubectl.get<Deployment>('deployment', 'web'))!;
    const applied = await kubectl.apply(
      canaryDeployment(stable, { id: '1.1.0-abc', image: 'registry.invalid/web:1.1.0', replicas: 1 }),
    );
    expect(applied.metadata.name).toBe('web-canary');
    // kubectl hides managedFields unless asked.
    const fields = JSON.parse(k('-n', 'shop', 'get', 'deploy/web-canary', '--show-managed-fields', '-o', 'json')) as {
      metadata: { managedFields: { manager: string; operation: string }[] };
    };
    expect(fields.metadata.managedFields.map((f) => `${f.manager}/${f.operation}`)).toContain(`${FIELD_MANAGER}/Apply`);
    k('-n', 'shop', 'rollout', 'status', 'deploy/web-canary', '--timeout=60s');
    const pods = await kubectl.list<{ metadata: { labels: Record<string, string> } }>('pods', `${TRACK_LABEL}=canary`);
    expect(pods.length).toBe(1);
    // The stable Deployment's pods and the canary's stay apart: each is counted by its own.
    expect((await kubectl.get<{ status: { readyReplicas: number } }>('deployment', 'web'))!.status.readyReplicas).toBe(
      3,
    );
  });

  it("names the field and its manager when an apply would take over another manager's field", async () => {
    // spec.replicas of web belongs to kubectl's client-side apply.
    const change = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 5 } };
    await expect(kubectl.apply(change)).rejects.toThrow(
      userError(
        'deployment',
        /another field manager owns what slipway would change: \.spec\.replicas \(kubectl-client-side-apply\)/,
      ),
    );
    expect((await kubectl.get<Deployment>('deployment', 'web'))!.spec.replicas).toBe(3);
  });

  it('takes a field over from another server-side manager only when forced', async () => {
    // Another tool (an autoscaler, a person) sets the canary's replicas with its own server-side apply.
    const replicas = (n: number) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web-canary' },
      spec: { replicas: n },
    });
    execFileSync(
      cluster.kubectl,
      ['-n', 'shop', 'apply', '--server-side', '--force-conflicts', '--field-manager=someone-else', '-f', '-'],
      { env: cluster.env, input: JSON.stringify(replicas(2)) },
    );
    // slipway's apply is always its whole intent for the object: the canary as it wants it, at 1 pod.
    const stable = (await kubectl.get<Deployment>('deployment', 'web'))!;
    const canary = canaryDeployment(stable, { id: '1.1.0-abc', image: 'registry.invalid/web:1.1.0', replicas: 1 });
    await expect(kubectl.apply(canary)).rejects.toThrow(userError('deployment', /\.spec\.replicas \(someone-else\)/));
    expect((await kubectl.get<Deployment>('deployment', 'web-canary'))!.spec.replicas).toBe(2);
    await kubectl.apply(canary, { force: true });
    const after = (await kubectl.get<Deployment>('deployment', 'web-canary'))!;
    expect(after.spec.replicas).toBe(1);
    // The rest of the canary, which slipway applied before, is still there.
    expect(after.spec.template.spec.containers[0]!.image).toBe('registry.invalid/web:1.1.0');
  });

  it("changes only the fields applied on the user's client-side-applied object, and takes them over when forced", async () => {
    const web = async () => (await kubectl.get<Deployment>('deployment', 'other'))!;
    execFileSync(cluster.kubectl, ['apply', '-f', '-'], {
      env: cluster.env,
      input: JSON.stringify({ ...STABLE, metadata: { ...STABLE.metadata, name: 'other', labels: { app: 'other' } } }),
    });
    const image = (tag: string) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'other' },
      spec: { template: { spec: { containers: [{ name: 'app', image: `registry.invalid/web:${tag}` }] } } },
    });
    await expect(kubectl.apply(image('2.0.0'))).rejects.toThrow(
      userError('deployment', /\.spec\.template\.spec\.containers\[name="app"\]\.image \(kubectl-client-side-apply\)/),
    );
    await kubectl.apply(image('2.0.0'), { force: true });
    const after = await web();
    expect(after.spec.template.spec.containers[0]!.image).toBe('registry.invalid/web:2.0.0');
    // kubectl apply --server-side would have moved these to slipway and dropped them; they stay the user's.
    expect(after.spec.replicas).toBe(3);
    expect(after.spec.template.spec.containers[0]!.ports).toStrictEqual([{ containerPort: 8080, protocol: 'TCP' }]);
    expect(after.metadata.labels).toStrictEqual({ app: 'other' });
    const owners = JSON.parse(k('-n', 'shop', 'get', 'deploy/other', '--show-managed-fields', '-o', 'json')) as {
      metadata: { managedFields: { manager: string; operation: string }[] };
    };
    expect(owners.metadata.managedFields.map((f) => `${f.manager}/${f.operation}`).sort()).toStrictEqual(
      ['kube-controller-manager/Update', 'kubectl-client-side-apply/Update', `${FIELD_MANAGER}/Apply`].sort(),
    );
  });

  it('says which permission is missing when the identity may not do it, and where the minimal Role is', async () => {
    k('-n', 'shop', 'create', 'serviceaccount', 'reader');
    const token = k('-n', 'shop', 'create', 'token', 'reader').trim();
    const config = join(cluster.dir, 'reader.kubeconfig');
    writeFileSync(config, readConfig(cluster.kubeconfig).replace(/token: .*/, `token: ${token}`));
    const reader = as({ env: { ...cluster.env, KUBECONFIG: config } });
    await expect(reader.get('deployment', 'web')).rejects.toThrow(
      userError('namespace', /cluster refused: .*cannot get resource "deployments" in API group "apps"/),
    );
    const err = (await reader.get('deployment', 'web').catch((e: unknown) => e)) as UserError;
    expect(err.hint).toBe(
      'Grant the deploying identity get on deployments (API group apps) in namespace shop: the minimal Role is in docs/kubernetes.md#rbac.',
    );
  });

  it('says the cluster cannot be reached, and names kube-context, when the API server does not answer', async () => {
    const config = join(cluster.dir, 'closed.kubeconfig');
    writeFileSync(
      config,
      readConfig(cluster.kubeconfig).replace(/server: .*/, `server: https://127.0.0.1:${await closedPort()}`),
    );
    await expect(as({ env: { ...cluster.env, KUBECONFIG: config } }).get('deployment', 'web')).rejects.toThrow(
      userError('kube-context', /kubectl cannot reach or log in to the cluster: .*connection refused/),
    );
  });

  it('names an unknown context', async () => {
    await expect(as({ context: 'prod-eu' }).get('deployment', 'web')).rejects.toThrow(
      userError('kube-context', /'prod-eu' is not a context of the kubeconfig/),
    );
  });

  it('names a namespace that does not exist', async () => {
    const missing = as({ namespace: 'nowhere' });
    await expect(missing.apply({ ...STABLE, metadata: { ...STABLE.metadata, namespace: 'nowhere' } })).rejects.toThrow(
      userError('namespace', /namespace 'nowhere' does not exist in the cluster/),
    );
  });

  it('names the kubectl input when the binary cannot be run', async () => {
    await expect(as({ binary: join(cluster.dir, 'no-kubectl') }).get('deployment', 'web')).rejects.toThrow(
      userError('kubectl', /could not be run/),
    );
  });

  /** A stable Deployment of its own (own labels, so canaries of different tests never share pods). */
  const stableNamed = (name: string, deadline = 10): Deployment =>
    ({
      ...STABLE,
      metadata: { name, namespace: 'shop', labels: { app: name } },
      spec: {
        ...STABLE.spec,
        replicas: 1,
        progressDeadlineSeconds: deadline,
        selector: { matchLabels: { app: name } },
        template: { ...STABLE.spec.template, metadata: { labels: { app: name } } },
      },
    }) as Deployment;

  /** Applies a canary whose pods kwok treats as the annotations say, and waits until its rollout is no longer progressing. */
  async function canaryRollout(name: string, annotations: Record<string, string>): Promise<Rollout> {
    const canary = canaryDeployment(stableNamed(name), {
      id: `${name}-1`,
      image: 'registry.invalid/web:2.0.0',
      replicas: 1,
    });
    canary.spec.template.metadata!.annotations = { ...canary.spec.template.metadata!.annotations, ...annotations };
    await kubectl.apply(canary);
    const deadline = Date.now() + 90_000;
    for (;;) {
      const d = (await kubectl.get<DeploymentState>('deployment', canary.metadata.name))!;
      const pods = await kubectl.list<PodState>('pods', `app=${name},${TRACK_LABEL}=canary`);
      const r = rolloutOf(d, pods);
      if (r.state !== 'progressing' || Date.now() > deadline) return r;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  it('reads a canary that becomes ready as ready', async () => {
    expect(await canaryRollout('fine', {})).toStrictEqual({ state: 'ready' });
  }, 120_000);

  it.each([
    ['an image that cannot be pulled', {}, /1 pod ImagePullBackOff \(kwok \(slipway test\): ImagePullBackOff\)/],
    ['a crash loop', { 'slipway.test/unready-reason': 'CrashLoopBackOff' }, /1 pod CrashLoopBackOff/],
    [
      'a failing readiness probe',
      { 'slipway.test/unready-reason': 'Running' },
      /1 pod running but not ready \(readiness probe failing\)/,
    ],
  ])(
    "fails a canary that never becomes ready after its progress deadline, with its pods' reason: %s",
    async (_what, reason, expected) => {
      const name = `stuck-${Object.keys(reason).length ? String(Object.values(reason)[0]).toLowerCase() : 'pull'}`;
      const r = await canaryRollout(name, { 'slipway.test/unready': 'true', ...reason });
      expect(r.state).toBe('failed');
      if (r.state !== 'failed') return;
      expect(r.reason).toMatch(
        new RegExp(`^Deployment ${name}-canary did not become ready within its progressDeadlineSeconds \\(10 s\\): `),
      );
      expect(r.reason).toMatch(expected);
    },
    120_000,
  );
});

const readConfig = (path: string): string => readFileSync(path, 'utf8');
