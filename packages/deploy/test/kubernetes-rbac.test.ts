// The minimal RBAC Role of docs/kubernetes.md, tested as written there: a token bound to it alone
// deploys (first release, canaries on each router) and rolls back; a Role without one of its
// permissions fails with an error naming the verb and resource and pointing to the Role.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { parse } from 'yaml';
import { makeTree, REPO, removeTree, runBundleAsync } from '../../../test/harness.js';
import { needsCluster, startCluster, type Cluster } from '../../../test/k8s/cluster.js';
import { installCrd } from '../../../test/k8s/crds.js';
import { userError } from '../../../test/matchers.js';
import { deployCanary, parseSteps, rollback, type DeployOutcome } from '../src/index.js';
import { createKubernetesHost } from '../src/providers/kubernetes/host.js';
import { scenarioPlan, scenarioSeams } from './scenario-harness.js';

const { describe, it } = needsCluster();

interface Role {
  apiVersion: string;
  kind: 'Role';
  metadata: { name: string; namespace: string };
  rules: { apiGroups: string[]; resources: string[]; verbs: string[] }[];
}

/** The Role as docs/kubernetes.md writes it: the first yaml block under "## RBAC". */
function documentedRole(): Role {
  return parse(roleBlock('docs/kubernetes.md', '## RBAC')) as Role;
}

function roleBlock(file: string, heading: string): string {
  const doc = readFileSync(join(REPO, file), 'utf8');
  const section = doc.slice(doc.indexOf(heading));
  return /```yaml\n([\s\S]*?)```/.exec(section.slice(section.indexOf('kind: Role') - 200))![1]!;
}

const NS = 'shop';

describe('the minimal RBAC Role of docs/kubernetes.md', () => {
  let cluster: Cluster;
  let root = '';
  let server: Server;
  let url = '';
  const k = (...args: string[]): string =>
    execFileSync(cluster.kubectl, args, { env: cluster.env, encoding: 'utf8', input: '' });
  const apply = (object: unknown): void =>
    void execFileSync(cluster.kubectl, ['apply', '-f', '-'], { env: cluster.env, input: JSON.stringify(object) });

  /** A kubeconfig whose only identity is a token of service account `name`, bound to `role`. */
  function identity(name: string, role: Role): Record<string, string> {
    k('-n', NS, 'create', 'serviceaccount', name);
    apply({ ...role, metadata: { name, namespace: NS } });
    apply({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name, namespace: NS },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      subjects: [{ kind: 'ServiceAccount', name, namespace: NS }],
    });
    const token = k('-n', NS, 'create', 'token', name, '--duration=2h').trim();
    const config = join(cluster.dir, `${name}.kubeconfig`);
    writeFileSync(config, readFileSync(cluster.kubeconfig, 'utf8').replace(/token: .*/, `token: ${token}`));
    return { ...cluster.env, KUBECONFIG: config };
  }

  /** The user's stable Deployment `name`, its Service and, for a mesh router, its route, made by the admin. */
  function userObjects(name: string, route?: unknown): void {
    apply({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: NS },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: { containers: [{ name: 'app', image: `registry.invalid/${name}:1.0.0` }] },
        },
      },
    });
    apply({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: NS },
      spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }] },
    });
    if (route) apply(route);
  }

  const context = (name: string, env: Record<string, string>, settings: Record<string, string>) => ({
    stateDir: join(root, name),
    environment: 'prod',
    settings: { namespace: NS, deployment: name, 'canary-url': url, ...settings },
    workspace: root,
    env,
  });

  const deploy = (name: string, image: string, env: Record<string, string>, settings: Record<string, string> = {}) => {
    const c = context(name, env, { image, ...settings });
    return deployCanary(
      scenarioPlan(
        { provider: 'kubernetes', stateDir: c.stateDir, settings: c.settings },
        {
          artifact: '',
          version: '',
          steps: parseSteps('50'),
          stepAnalysisMs: 1000,
          readyTimeoutMs: 60_000,
          startCommand: '',
        },
      ),
      scenarioSeams({ env, host: createKubernetesHost(c) }),
    );
  };

  let deployer: Record<string, string>;

  beforeAll(async () => {
    cluster = await startCluster();
    root = makeTree({});
    server = createServer((_q, r) => r.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    await installCrd(cluster, 'gateway-api');
    await installCrd(cluster, 'istio');
    k('create', 'namespace', NS);
    deployer = identity('deployer', documentedRole());
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
    await new Promise((r) => server?.close(r));
    if (root) removeTree(root);
  }, 30_000);

  it("is the Role deploy-canary's README shows", () => {
    expect(roleBlock('actions/deploy-canary/README.md', '## Kubernetes')).toBe(
      roleBlock('docs/kubernetes.md', '## RBAC'),
    );
  });

  it('is what a token needs for a first deploy, a promoted canary and a rollback with the replicas router', async () => {
    // The token may do nothing else: it cannot even list namespaces.
    expect(() =>
      execFileSync(cluster.kubectl, ['get', 'namespaces'], { env: deployer, encoding: 'utf8', stdio: 'pipe' }),
    ).toThrow(/forbidden/);
    const first = await deploy('web', 'registry.invalid/web:1.0.0', deployer, { 'container-port': '8080' });
    expect(first.result).toBe('promoted');
    const second = await deploy('web', 'registry.invalid/web:2.0.0', deployer);
    expect(second).toMatchObject({ result: 'promoted', previousReleaseId: first.releaseId });
    const c = context('web', deployer, {});
    const back = await rollback(
      {
        provider: 'kubernetes',
        environment: 'prod',
        stateDir: c.stateDir,
        workspace: root,
        settings: c.settings,
        to: 'previous',
        reason: 'rbac test',
        runId: `rollback-${Date.now()}`,
        owner: 'test',
        healthPath: '/healthz',
        readyTimeoutMs: 30_000,
        drainMs: 0,
      },
      scenarioSeams({ env: deployer, host: createKubernetesHost(c) }),
    );
    expect(back).toMatchObject({ result: 'rolled-back', restoredRelease: first.releaseId });
  }, 180_000);

  it.each([
    [
      'gateway-api',
      'gw',
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: { name: 'gw', namespace: NS },
        spec: { parentRefs: [{ name: 'public' }], rules: [{ backendRefs: [{ name: 'gw', port: 80 }] }] },
      },
    ],
    [
      'ingress-nginx',
      'ing',
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'ing', namespace: NS },
        spec: {
          ingressClassName: 'nginx',
          rules: [
            {
              host: 'ing.example.com',
              http: {
                paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'ing', port: { number: 80 } } } }],
              },
            },
          ],
        },
      },
    ],
    [
      'istio',
      'mesh',
      {
        apiVersion: 'networking.istio.io/v1',
        kind: 'VirtualService',
        metadata: { name: 'mesh', namespace: NS },
        spec: { hosts: ['mesh.example.com'], http: [{ route: [{ destination: { host: 'mesh' } }] }] },
      },
    ],
  ])(
    'is what a token needs to promote a canary with the %s router',
    async (router, name, route) => {
      userObjects(name, route);
      k('-n', NS, 'rollout', 'status', `deploy/${name}`, '--timeout=60s');
      const out: DeployOutcome = await deploy(name, `registry.invalid/${name}:2.0.0`, deployer, {
        router,
        route: name,
      });
      expect(out).toMatchObject({ result: 'promoted', weight: 100 });
    },
    180_000,
  );

  it('is what the action bundles need: dist/deploy-canary deploys twice, dist/rollback rolls back', async () => {
    const workspace = makeTree({});
    const stateDir = join(root, 'bundled-state');
    const common = {
      provider: 'kubernetes',
      namespace: NS,
      deployment: 'bundled',
      kubectl: cluster.kubectl,
      'state-dir': stateDir,
    };
    const env = { KUBECONFIG: deployer.KUBECONFIG!, SLIPWAY_TEST_RUN: process.env.SLIPWAY_TEST_RUN ?? '' };
    const deployed = (image: string) =>
      runBundleAsync(
        'deploy-canary',
        { ...common, image, 'canary-url': url, 'container-port': '8080', steps: '50', 'step-analysis': '1s' },
        { workspace, env },
      );
    try {
      const first = await deployed('registry.invalid/bundled:1.0.0');
      expect(first.stderr).toBe('');
      expect(first.outputs).toMatchObject({ result: 'promoted', weight: '100' });
      const second = await deployed('registry.invalid/bundled:2.0.0');
      expect(second.outputs).toMatchObject({ result: 'promoted', 'previous-release-id': first.outputs['release-id'] });
      expect(second.summary).toMatch(/\| 1 \| 50% \|/);
      const back = await runBundleAsync('rollback', { ...common, verify: 'false' }, { workspace, env });
      expect(back.outputs).toMatchObject({ result: 'rolled-back', 'restored-release': first.outputs['release-id'] });
      const image = k(
        '-n',
        NS,
        'get',
        'deployment',
        'bundled',
        '-o',
        'jsonpath={.spec.template.spec.containers[0].image}',
      );
      expect(image).toBe('registry.invalid/bundled:1.0.0');
    } finally {
      removeTree(workspace);
    }
  }, 240_000);

  it('without one of its permissions, fails naming the verb and resource, and where the Role is', async () => {
    const role = documentedRole();
    const narrow = identity('narrow', {
      ...role,
      rules: role.rules.map((r) =>
        r.resources.includes('httproutes') ? { ...r, verbs: r.verbs.filter((v) => v !== 'patch') } : r,
      ),
    });
    userObjects('gw2', {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'gw2', namespace: NS },
      spec: { parentRefs: [{ name: 'public' }], rules: [{ backendRefs: [{ name: 'gw2', port: 80 }] }] },
    });
    k('-n', NS, 'rollout', 'status', 'deploy/gw2', '--timeout=60s');
    const failed = deploy('gw2', 'registry.invalid/gw2:2.0.0', narrow, { router: 'gateway-api', route: 'gw2' });
    await expect(failed).rejects.toThrow(
      userError(
        'namespace',
        /cluster refused: .*cannot patch resource "httproutes" in API group "gateway\.networking\.k8s\.io"/,
      ),
    );
    const err = (await failed.catch((e: unknown) => e)) as { hint?: string };
    expect(err.hint).toMatch(/Grant the deploying identity patch on httproutes .*docs\/kubernetes\.md#rbac/);
    // No traffic moved: the route still sends everything to the stable Service.
    const routed = JSON.parse(k('-n', NS, 'get', 'httproute', 'gw2', '-o', 'json')) as {
      spec: { rules: { backendRefs: { name: string }[] }[] };
    };
    expect(routed.spec.rules[0]!.backendRefs.map((b) => b.name)).toStrictEqual(['gw2']);
  }, 180_000);
});
