// A real Kubernetes control plane: test/k8s/start.sh starts etcd, kube-apiserver,
// kube-controller-manager, kube-scheduler and kwok (simulated nodes) on free loopback ports from
// the binaries test/k8s/build.sh built (test/setup.sh runs it); stop() ends every one of them.
// Free of Jest, so that benchmarks can start one too (cluster.ts re-exports it for the tests).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The Kubernetes release the binaries are built from: build.sh's pinned default. */
export const K8S_VERSION = /K8S_VERSION="\$\{K8S_VERSION:-([\d.]+)\}"/.exec(
  readFileSync(join(HERE, 'build.sh'), 'utf8'),
)![1]!;

/** Where build.sh keeps the binaries. */
export const K8S_BIN = join(process.env.SLIPWAY_TEST_TOOLS ?? '/opt/slipway-test-tools', `k8s-${K8S_VERSION}`, 'bin');

/** A running control plane. */
export interface Cluster {
  /** Its temp folder (certificates, data, logs). */
  dir: string;
  kubeconfig: string;
  /** The kubectl built with it. */
  kubectl: string;
  /** https://127.0.0.1:<port> */
  apiserver: string;
  /** The environment a kubectl call against it needs. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile('bash', [join(HERE, 'start.sh'), ...args], { env, maxBuffer: 1 << 24 }, (err, stdout, stderr) =>
      err ? reject(new Error(`start.sh ${args[0]} failed: ${err.message}\n${stderr.slice(-3000)}`)) : resolve(stdout),
    ),
  );
}

/** Starts a control plane (about 10 s) with `nodes` simulated Ready nodes. */
export async function startCluster(nodes = 2): Promise<Cluster> {
  const env = { ...process.env, K8S_BIN, K8S_NODES: String(nodes) };
  const out = await run(['up'], env);
  const vars = Object.fromEntries(
    out
      .split('\n')
      .map((l) => /^(K8S_\w+|KUBECONFIG)=(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
  const dir = vars.K8S_DIR!;
  let stopped = false;
  return {
    dir,
    kubeconfig: vars.KUBECONFIG!,
    kubectl: join(K8S_BIN, 'kubectl'),
    apiserver: vars.K8S_APISERVER!,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', KUBECONFIG: vars.KUBECONFIG! },
    async stop() {
      if (stopped) return;
      stopped = true;
      await run(['down', dir], env);
    },
  };
}
