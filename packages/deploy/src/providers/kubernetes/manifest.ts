// The `manifest` input: the user's own Deployment (and Service) YAML, the one their repository
// holds. With it, the canary is derived from the manifest rather than from what the cluster runs,
// so a change to the manifest (an environment variable, resources, a probe) ships with the
// release and is judged with it; promotion applies the manifest's Deployment (with the release's
// image) and its Service, and a first deploy creates them from it. Other documents in the file are
// not slipway's to apply: they are named in the error when nothing usable is found, else ignored.
import { readUserFile, UserError } from '@slipway/action-kit/lite';
import { parseAllDocuments } from 'yaml';
import type { Deployment } from './objects.js';
import type { Service } from './target.js';

/** A manifest is a few objects; anything far larger is not one. */
const MAX_BYTES = 4 * 1024 * 1024;

/** What slipway takes from the manifest. */
export interface Manifest {
  deployment: Deployment;
  /** The Service named like the Deployment, when the manifest has one. */
  service?: Service;
}

/** Reads the Deployment named `name` (and its Service) from the manifest file at `path`. */
export function readManifest(path: string, name: string, namespace: string): Manifest {
  const text = readUserFile(path, {
    maxBytes: MAX_BYTES,
    subject: { input: 'manifest' },
    what: 'The manifest',
  }).toString('utf8');
  const docs = parseAllDocuments(text, { prettyErrors: true, uniqueKeys: true });
  const found: { kind: string; name: string; object: Record<string, unknown>; line: number }[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const problem = doc.errors[0];
    if (problem)
      throw new UserError(
        `is not valid YAML: ${problem.message.split('\n')[0]}.`,
        { file: path, line: problem.linePos?.[0].line ?? 1 },
        'Fix the YAML (the manifest is the Deployment and Service you would kubectl apply).',
      );
    const object = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (object === null || object === undefined) continue;
    const line = doc.contents?.range ? lineOf(text, doc.contents.range[0]) : 1;
    if (typeof object !== 'object' || Array.isArray(object))
      throw new UserError(
        'holds a document that is not a Kubernetes object.',
        { file: path, line },
        'Each document is one object with apiVersion, kind and metadata.name.',
      );
    const o = object as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
    if (typeof o.kind !== 'string' || typeof o.metadata?.name !== 'string')
      throw new UserError(
        'holds an object without a kind or metadata.name.',
        { file: path, line },
        'Each document is one object with apiVersion, kind and metadata.name.',
      );
    if (o.metadata.namespace !== undefined && o.metadata.namespace !== namespace)
      throw new UserError(
        `puts ${o.kind} ${o.metadata.name} in namespace '${String(o.metadata.namespace).slice(0, 63)}', but the namespace input is '${namespace}'.`,
        { file: path, line },
        'Leave metadata.namespace out of the manifest (slipway applies it to the namespace input), or make them agree.',
      );
    found.push({ kind: o.kind, name: o.metadata.name, object: object as Record<string, unknown>, line });
  }
  const deployment = found.find((f) => f.kind === 'Deployment' && f.name === name);
  if (!deployment)
    throw new UserError(
      `has no Deployment named ${name} (it has ${found.map((f) => `${f.kind} ${f.name}`).join(', ') || 'no objects'}).`,
      { input: 'manifest' },
      'Name the Deployment the manifest holds in the deployment input, or add it to the manifest.',
    );
  const d = deployment.object as unknown as Deployment;
  const containers = d.spec?.template?.spec?.containers;
  if (d.apiVersion !== 'apps/v1' || !Array.isArray(containers) || containers.length === 0 || !d.spec.selector)
    throw new UserError(
      `has a Deployment ${name} without apiVersion apps/v1, a selector and at least one container.`,
      { file: path, line: deployment.line },
      'Give the complete Deployment, as kubectl apply would take it.',
    );
  const service = found.find((f) => f.kind === 'Service' && f.name === name)?.object as Service | undefined;
  return { deployment: d, ...(service ? { service } : {}) };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
