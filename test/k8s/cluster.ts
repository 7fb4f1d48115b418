// A real Kubernetes control plane for a test file: test/k8s/start.sh starts etcd, kube-apiserver,
// kube-controller-manager, kube-scheduler and kwok (simulated nodes) on free loopback ports from
// the binaries test/k8s/build.sh built (test/setup.sh runs it); stop() ends every one of them.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { REPO } from '../harness.js';

const HERE = join(REPO, 'test', 'k8s');

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

/**
 * `describe` when the control plane's binaries are built; otherwise a loud skip, except under
 * CI=true, where the tests run and fail (test/setup.sh builds them).
 */
export function needsCluster(): { describe: typeof describe | typeof describe.skip; it: typeof it | typeof it.skip } {
  if (existsSync(join(K8S_BIN, 'kube-apiserver')) || process.env.CI) return { describe, it };
  process.stderr.write(
    `\n*** SKIPPED LOUDLY: the Kubernetes ${K8S_VERSION} control plane is not built here (${K8S_BIN}), so the ` +
      `tests against it do not run. Run 'bash test/setup.sh' (as root) to build it; under CI=true these tests fail instead. ***\n\n`,
  );
  return { describe: describe.skip, it: it.skip };
}
