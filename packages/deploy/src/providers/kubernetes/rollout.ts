// Where a Deployment's rollout stands, read the way `kubectl rollout status` reads it, with the
// reason its pods give when it is stuck: what a canary that never becomes Ready is aborted with.

/** The parts of a Deployment's status this reads. */
export interface DeploymentState {
  metadata: { name: string; generation?: number };
  spec: { replicas?: number; progressDeadlineSeconds?: number };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
  };
}

/** The parts of a pod this reads. */
export interface PodState {
  metadata: { name: string };
  status?: {
    phase?: string;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
    containerStatuses?: {
      name: string;
      ready?: boolean;
      restartCount?: number;
      state?: {
        waiting?: { reason?: string; message?: string };
        terminated?: { reason?: string; exitCode?: number };
        running?: unknown;
      };
    }[];
  };
}

export type Rollout =
  { state: 'ready' } | { state: 'progressing'; detail: string } | { state: 'failed'; reason: string };

/** The rollout of a Deployment, given its pods (those of its selector). */
export function rolloutOf(d: DeploymentState, pods: readonly PodState[]): Rollout {
  const s = d.status ?? {};
  const want = d.spec.replicas ?? 1;
  const stuck = s.conditions?.find((c) => c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded');
  if (stuck) {
    const why = podReasons(pods);
    return {
      state: 'failed',
      reason: `Deployment ${d.metadata.name} did not become ready within its progressDeadlineSeconds (${d.spec.progressDeadlineSeconds ?? 600} s)${why ? `: ${why}` : ''}`,
    };
  }
  if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0))
    return { state: 'progressing', detail: 'waiting for the new spec to be seen' };
  const updated = s.updatedReplicas ?? 0;
  if (updated < want) return { state: 'progressing', detail: `${updated} of ${want} pods updated${suffix(pods)}` };
  if ((s.replicas ?? 0) > updated)
    return { state: 'progressing', detail: `${(s.replicas ?? 0) - updated} old pods still terminating` };
  const available = s.availableReplicas ?? 0;
  if (available < updated)
    return { state: 'progressing', detail: `${available} of ${updated} pods ready${suffix(pods)}` };
  return { state: 'ready' };
}

function suffix(pods: readonly PodState[]): string {
  const why = podReasons(pods);
  return why ? ` (${why})` : '';
}

/**
 * Why pods are not ready, grouped: `2 pods ImagePullBackOff (Back-off pulling image "x")`,
 * `1 pod CrashLoopBackOff (3 restarts)`, `1 pod running but not ready (readiness probe failing)`,
 * `1 pod Unschedulable (0/3 nodes are available…)`. Empty when every pod is ready.
 */
export function podReasons(pods: readonly PodState[]): string {
  const groups = new Map<string, { count: number; detail: string }>();
  const add = (reason: string, detail = ''): void => {
    const g = groups.get(reason);
    if (g) g.count++;
    else groups.set(reason, { count: 1, detail });
  };
  for (const pod of pods) {
    const st = pod.status ?? {};
    const ready = st.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
    if (ready) continue;
    const scheduled = st.conditions?.find((c) => c.type === 'PodScheduled');
    if (scheduled?.status === 'False') {
      add(scheduled.reason ?? 'not scheduled', scheduled.message ?? '');
      continue;
    }
    const containers = st.containerStatuses ?? [];
    const waiting = containers.find((c) => c.state?.waiting?.reason && c.state.waiting.reason !== 'ContainerCreating');
    const terminated = containers.find((c) => c.state?.terminated);
    if (waiting) {
      const restarts = waiting.restartCount ? `${waiting.restartCount} restarts` : '';
      add(waiting.state!.waiting!.reason!, [waiting.state!.waiting!.message, restarts].filter(Boolean).join('; '));
    } else if (terminated) {
      const t = terminated.state!.terminated!;
      add(t.reason ?? 'terminated', t.exitCode !== undefined ? `exit code ${t.exitCode}` : '');
    } else if (st.phase === 'Running') add('running but not ready', 'readiness probe failing');
    else add(st.phase ?? 'pending', '');
  }
  return [...groups]
    .map(
      ([reason, g]) => `${g.count} pod${g.count === 1 ? '' : 's'} ${reason}${g.detail ? ` (${clip(g.detail)})` : ''}`,
    )
    .join(', ');
}

function clip(text: string): string {
  const line = text.split('\n')[0]!;
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}
