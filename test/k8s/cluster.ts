// A real Kubernetes control plane for a test file: test/k8s/start.sh starts etcd, kube-apiserver,
// kube-controller-manager, kube-scheduler and kwok (simulated nodes) on free loopback ports from
// the binaries test/k8s/build.sh built (test/setup.sh runs it); stop() ends every one of them.
// The control plane itself lives in control-plane.ts (no Jest there); needsCluster is Jest's side.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { K8S_BIN, K8S_VERSION } from './control-plane.js';

export { K8S_BIN, K8S_VERSION, startCluster, type Cluster } from './control-plane.js';

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
