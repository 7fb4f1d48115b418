// The kubernetes provider talks to the cluster through kubectl, the client every runner that
// deploys to Kubernetes already has and whose kubeconfig (client certificates, tokens, the EKS,
// GKE and AKS exec plugins) `azure/k8s-set-context`, `aws eks update-kubeconfig` and
// `google-github-actions/get-gke-credentials` set up. Every change is a server-side apply with
// field manager `slipway`, so other managers' fields are left alone.
import { UserError, type Exec } from '@slipway/action-kit/lite';
import { collectionPath, defaultSpawn, statusText, viaProxy, ProxyStartError, type Spawn } from './api-proxy.js';

/** slipway's field manager for server-side apply: the objects it applies whole (the canary) and a route's rules. */
export const FIELD_MANAGER = 'slipway';
/**
 * The managers of slipway's partial changes to the stable Deployment. A manager's apply is its
 * whole intent for the object (fields it owned and leaves out are removed), so each partial
 * change has a manager of its own whose intent is exactly those fields: the image slipway
 * promotes, the size the replicas router sets.
 */
export const IMAGE_MANAGER = 'slipway-image';
export const REPLICAS_MANAGER = 'slipway-replicas';

/** How to reach the cluster. */
export interface KubectlOptions {
  exec: Exec;
  /** The kubectl binary (a name on PATH or a path). */
  binary: string;
  /** The kubeconfig context; empty: the current one. */
  context: string;
  namespace: string;
  /** The environment kubectl runs with (KUBECONFIG, the cloud credentials its exec plugins read). */
  env: Record<string, string>;
  /** How long one call may take. */
  timeoutMs: number;
  /** Whether a manifest input is given: the input an invalid object is blamed on. */
  manifest?: boolean;
  /** Starts the short-lived `kubectl proxy` a server-side apply goes through; node's spawn by default. */
  spawn?: Spawn;
}

/** An apply that another field manager's fields stand in the way of. */
export interface Conflict {
  field: string;
  manager: string;
}

/** Where the minimal RBAC Role for the provider is written down. */
const RBAC_DOC = 'docs/kubernetes.md#rbac';

/** kubectl with the context and namespace of a deploy; every failure is said in the user's terms. */
export class Kubectl {
  constructor(private readonly o: KubectlOptions) {}

  /** The object, or undefined when it does not exist. */
  async get<T>(kind: string, name: string): Promise<T | undefined> {
    const out = await this.run(['get', kind, name, '--ignore-not-found', '-o', 'json']);
    return out.trim() === '' ? undefined : (JSON.parse(out) as T);
  }

  /** The objects of a kind whose labels match a selector (`app=web,slipway.dev/track=canary`). */
  async list<T>(kind: string, selector: string): Promise<T[]> {
    const out = await this.run(['get', kind, '-l', selector, '-o', 'json']);
    return (JSON.parse(out) as { items: T[] }).items;
  }

  /**
   * Server-side applies an object as field manager `slipway`: exactly the fields it has, whoever
   * created the object and however (see api-proxy.ts for why not `kubectl apply --server-side`).
   * With `force`, fields another manager owns are taken over (for the fields slipway manages by
   * name: a route's weights, the stable's image on promotion); without it a conflict is the
   * user's to settle, and the error names each field and its manager.
   */
  async apply<T extends ApplyObject>(object: T, options: { force?: boolean; manager?: string } = {}): Promise<T> {
    const namespace = object.metadata.namespace ?? this.o.namespace;
    const query = `fieldManager=${encodeURIComponent(options.manager ?? FIELD_MANAGER)}${options.force ? '&force=true' : ''}`;
    const path = `${collectionPath(object.apiVersion, object.kind, namespace)}/${encodeURIComponent(object.metadata.name)}?${query}`;
    let answer;
    try {
      answer = await viaProxy({
        spawn: this.o.spawn ?? defaultSpawn,
        binary: this.o.binary,
        globalArgs: this.o.context ? ['--context', this.o.context] : [],
        env: this.o.env,
        method: 'PATCH',
        path,
        contentType: 'application/apply-patch+yaml',
        body: JSON.stringify({ ...object, metadata: { ...object.metadata, namespace } }),
        timeoutMs: this.o.timeoutMs,
      });
    } catch (err) {
      const message = (err as Error).message;
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw cannotRun(this.o.binary, message);
      if (err instanceof ProxyStartError) throw explain(message, ['apply'], this.o);
      if (/did not answer within/.test(message)) throw timedOut('apply', this.o.timeoutMs);
      throw new Error(`the server-side apply of ${object.kind} ${object.metadata.name} failed: ${message}`);
    }
    if (answer.status >= 200 && answer.status < 300) return JSON.parse(answer.body) as T;
    throw explain(statusText(answer), ['apply', `${object.kind}/${object.metadata.name}`], this.o);
  }

  /** Deletes an object; one already gone is fine. */
  async delete(kind: string, name: string): Promise<void> {
    await this.run(['delete', kind, name, '--ignore-not-found', '--wait=false']);
  }

  /** Runs kubectl with the deploy's context and namespace, returning its output; failures become errors that say what to do. */
  async run(args: string[], input?: string): Promise<string> {
    const full = [...(this.o.context ? ['--context', this.o.context] : []), '--namespace', this.o.namespace, ...args];
    let result;
    try {
      result = await this.o.exec(this.o.binary, full, {
        env: this.o.env,
        ignoreReturnCode: true,
        silent: true,
        timeoutMs: this.o.timeoutMs,
        ...(input !== undefined ? { input } : {}),
      });
    } catch (err) {
      if (/ENOENT|Unable to locate executable|not found/i.test((err as Error).message))
        throw cannotRun(this.o.binary, (err as Error).message);
      throw err;
    }
    if (result.timedOut) throw timedOut(args[0] ?? '', this.o.timeoutMs);
    if (result.exitCode === 0) return result.stdout;
    throw explain(result.stderr.trim() || result.stdout.trim(), args, this.o);
  }
}

/** What an apply needs of an object: where it lives in the API. */
export interface ApplyObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
}

function cannotRun(binary: string, message: string): UserError {
  return new UserError(
    `kubectl ('${binary}') could not be run: ${message}.`,
    { input: 'kubectl' },
    'Install kubectl on the runner (GitHub-hosted runners have it), or give its path in the kubectl input.',
  );
}

function timedOut(what: string, timeoutMs: number): UserError {
  return new UserError(
    `kubectl ${what} did not finish within ${Math.round(timeoutMs / 1000)} s.`,
    { input: 'kube-context' },
    'Check that the cluster answers from the runner (kubectl cluster-info) and that the API server is not overloaded.',
  );
}

/** The conflicts an apply reported: `conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas`. */
export function parseConflicts(stderr: string): Conflict[] {
  const out: Conflict[] = [];
  // `conflict with "m" using v: .field` for one field; `conflicts with "m" using v:` then `- .field` lines for several.
  let manager = 'another manager';
  for (const line of stderr.split('\n')) {
    for (const m of line.matchAll(/conflicts? with "([^"]+)"(?: using [^:\n]+)?:\s*(\.\S+)?/g)) {
      manager = m[1]!;
      if (m[2]) out.push({ manager, field: m[2] });
    }
    const item = /^-\s*(\.\S+)$/.exec(line.trim());
    if (item && !out.some((c) => c.field === item[1] && c.manager === manager)) out.push({ manager, field: item[1]! });
  }
  return out;
}

/** A kubectl failure as an error the user can act on; anything unknown stays an internal error with kubectl's words. */
function explain(message: string, args: string[], o: KubectlOptions): Error {
  const said = message.split('\n').slice(0, 6).join(' ').slice(0, 600);
  const conflicts = parseConflicts(message);
  if (/Apply failed with \d+ conflicts?/.test(message) && conflicts.length)
    return new UserError(
      `another field manager owns what slipway would change: ${conflicts.map((c) => `${c.field} (${c.manager})`).join(', ')}.`,
      { input: 'deployment' },
      'Let slipway manage those fields (stop setting them from the other tool, or remove them there), or apply the change yourself; slipway never takes over fields it does not manage.',
    );
  const forbidden = /cannot (\w+) resource "([^"]+)"(?: in API group "([^"]*)")?/.exec(message);
  if (/\(Forbidden\)/.test(message) && forbidden)
    return new UserError(
      `the cluster refused: ${said}`,
      { input: 'namespace' },
      `Grant the deploying identity ${forbidden[1]} on ${forbidden[2]}${forbidden[3] ? ` (API group ${forbidden[3]})` : ''} in namespace ${o.namespace}: the minimal Role is in ${RBAC_DOC}.`,
    );
  if (/context was not found|no context exists with the name|context "[^"]*" does not exist/i.test(message))
    return new UserError(
      `'${o.context}' is not a context of the kubeconfig: ${said}`,
      { input: 'kube-context' },
      'Name a context from kubectl config get-contexts, or leave kube-context empty for the current one.',
    );
  if (
    /Unable to connect to the server|connection refused|no such host|i\/o timeout|no configuration has been provided|x509:|tls: |Unauthorized|You must be logged in/i.test(
      message,
    )
  )
    return new UserError(
      `kubectl cannot reach or log in to the cluster: ${said}`,
      { input: 'kube-context' },
      'Set up the kubeconfig before this step (azure/k8s-set-context, aws eks update-kubeconfig, google-github-actions/get-gke-credentials) so KUBECONFIG points at it, and check the runner can reach the API server.',
    );
  // An object the API server's validation refuses: what slipway derived from the user's (their Deployment, manifest or route).
  if (/\(Invalid\)/.test(message))
    return new UserError(
      `the cluster refused ${args[1] ?? 'an object'} as invalid: ${said}`,
      { input: o.manifest ? 'manifest' : 'deployment' },
      'The message names the field: slipway applies your objects as they are, with only the image, the size and the route weights changed, so the field is one of yours.',
    );
  if (/namespaces? "[^"]+" not found/.test(message))
    return new UserError(
      `namespace '${o.namespace}' does not exist in the cluster.`,
      { input: 'namespace' },
      'Create the namespace, or name an existing one.',
    );
  return new Error(`kubectl ${args.slice(0, 2).join(' ')} failed: ${said}`);
}
