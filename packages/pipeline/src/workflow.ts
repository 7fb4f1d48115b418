// A workflow file as the executor reads it: its jobs and steps, and the inputs, secrets and outputs
// a call (or a dispatch) declares, with the values given to it checked and typed as GitHub does.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { UserError } from '@slipway/action-kit/lite';

export interface Step {
  id?: string;
  name?: string;
  if?: unknown;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  shell?: string;
  'working-directory'?: string;
  'continue-on-error'?: unknown;
  'timeout-minutes'?: unknown;
}

export interface Job {
  name?: string;
  needs?: string | string[];
  if?: unknown;
  'runs-on'?: unknown;
  environment?: unknown;
  strategy?: { matrix?: unknown; 'fail-fast'?: unknown; 'max-parallel'?: unknown };
  env?: Record<string, unknown>;
  defaults?: { run?: { shell?: string; 'working-directory'?: string } };
  outputs?: Record<string, unknown>;
  steps?: Step[];
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: 'inherit' | Record<string, unknown>;
  'timeout-minutes'?: unknown;
  'continue-on-error'?: unknown;
}

export interface InputDeclaration {
  type?: string;
  required?: boolean;
  default?: unknown;
  description?: string;
  options?: unknown[];
}

export interface Workflow {
  file: string;
  name?: string;
  env?: Record<string, unknown>;
  jobs: Record<string, Job>;
  inputs: Record<string, InputDeclaration>;
  secrets: Record<string, { required?: boolean }>;
  outputs: Record<string, { value?: unknown }>;
}

/** Reads a workflow file; a file that is not a workflow is the user's to fix. */
export function loadWorkflow(file: string, shown = file): Workflow {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserError(
      `cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`,
      { file: shown },
      'Name a workflow file, such as .github/workflows/slipway-release.yml.',
    );
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new UserError(`is not valid YAML: ${(err as Error).message.split('\n')[0]}`, { file: shown });
  }
  const w = doc as Record<string, unknown> | null;
  if (!w || typeof w !== 'object' || !w.jobs || typeof w.jobs !== 'object' || Array.isArray(w.jobs))
    throw new UserError('is not a workflow: it has no jobs: mapping.', { file: shown });
  const on = (w.on ?? w.true) as Record<string, Record<string, unknown> | null> | string | string[] | undefined;
  const trigger = (name: string): Record<string, unknown> =>
    on && typeof on === 'object' && !Array.isArray(on) ? (on[name] ?? {}) : {};
  const call = trigger('workflow_call');
  const dispatch = trigger('workflow_dispatch');
  for (const [id, job] of Object.entries(w.jobs as Record<string, unknown>))
    if (!job || typeof job !== 'object' || Array.isArray(job))
      throw new UserError(`has a job ${id} that is not a mapping.`, { file: shown });
  return {
    file,
    ...(typeof w.name === 'string' ? { name: w.name } : {}),
    ...(w.env && typeof w.env === 'object' ? { env: w.env as Record<string, unknown> } : {}),
    jobs: w.jobs as Record<string, Job>,
    inputs: { ...((dispatch.inputs ?? {}) as object), ...((call.inputs ?? {}) as object) } as Record<
      string,
      InputDeclaration
    >,
    secrets: (call.secrets ?? {}) as Record<string, { required?: boolean }>,
    outputs: (call.outputs ?? {}) as Record<string, { value?: unknown }>,
  };
}

/**
 * The `inputs` context of a run: every declared input, given or defaulted, typed as declared. A
 * value given from the command line is a string and is converted; one given by a calling job has
 * its expression's type and must match. Unknown inputs and missing required ones are refused.
 */
export function typedInputs(
  workflow: Workflow,
  given: Record<string, unknown>,
  shown: string,
  fromCommandLine: boolean,
): Record<string, unknown> {
  const declared = workflow.inputs;
  for (const name of Object.keys(given))
    if (!(name in declared))
      throw new UserError(
        `has no input '${name}'.`,
        { file: shown },
        Object.keys(declared).length
          ? `Its inputs: ${Object.keys(declared).join(', ')}.`
          : 'It declares no inputs (on.workflow_call.inputs or on.workflow_dispatch.inputs).',
      );
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(declared)) {
    const type = spec?.type ?? 'string';
    const has = name in given && given[name] !== undefined;
    if (!has && spec?.required && spec.default === undefined)
      throw new UserError(
        `needs input '${name}'${spec.description ? ` (${spec.description.replace(/\.$/, '')})` : ''}.`,
        { file: shown },
        fromCommandLine ? `Pass --input ${name}=VALUE.` : `Give it in the calling job's with:.`,
      );
    let value = has ? given[name] : spec?.default;
    if (value === undefined) value = type === 'boolean' ? false : type === 'number' ? 0 : '';
    if (type === 'boolean') {
      if (typeof value === 'string' && (fromCommandLine || !has) && /^(true|false)$/i.test(value))
        value = value.toLowerCase() === 'true';
      if (typeof value !== 'boolean')
        throw new UserError(`input '${name}' is a boolean; '${String(value).slice(0, 80)}' is not.`, {
          file: shown,
        });
    } else if (type === 'number') {
      if (typeof value === 'string' && (fromCommandLine || !has) && value.trim() !== '' && Number.isFinite(+value))
        value = Number(value);
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new UserError(`input '${name}' is a number; '${String(value).slice(0, 80)}' is not.`, { file: shown });
    } else if (type === 'choice') {
      value = String(value);
      if (Array.isArray(spec.options) && !spec.options.map(String).includes(value as string))
        throw new UserError(
          `input '${name}' is one of ${spec.options.join(', ')}; '${String(value).slice(0, 80)}' is not.`,
          {
            file: shown,
          },
        );
    } else if (typeof value === 'object' && value !== null) {
      throw new UserError(`input '${name}' is a string; it was given ${JSON.stringify(value).slice(0, 80)}.`, {
        file: shown,
      });
    } else {
      value = String(value);
    }
    out[name] = value;
  }
  return out;
}
