// Installs a CRD of test/k8s/crds/ on a test control plane and waits until it is served (no Jest
// here: the benchmark uses it too).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The CRDs the router tests use: file under test/k8s/crds/ and the CRD's name. */
export const CRDS = {
  'gateway-api': ['gateway-api-v1.6.1-httproutes.yaml', 'httproutes.gateway.networking.k8s.io'],
  istio: ['istio-virtualservice.yaml', 'virtualservices.networking.istio.io'],
} as const;

/** Applies the CRD and waits for its Established condition (which the API server sets a moment after creating it). */
export async function installCrd(
  cluster: { kubectl: string; env: Record<string, string> },
  which: keyof typeof CRDS,
): Promise<void> {
  const [file, name] = CRDS[which];
  const k = (...args: string[]): string =>
    execFileSync(cluster.kubectl, args, {
      env: cluster.env,
      encoding: 'utf8',
      input: '',
      stdio: 'pipe',
      maxBuffer: 1 << 26,
    });
  k('apply', '--server-side', '-f', join(HERE, 'crds', file));
  for (let i = 0; ; i++) {
    // Not a jsonpath filter: kubectl fails one on a CRD whose conditions are not set yet.
    const crd = JSON.parse(k('get', 'crd', name, '-o', 'json')) as {
      status?: { conditions?: { type: string; status: string }[] | null };
    };
    if (crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')) return;
    if (i > 300) throw new Error(`CRD ${name} was not established within 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
