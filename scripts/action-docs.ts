// Everything generated from action.yml: each action's metadata module and the input/output
// tables in the READMEs. `npm run docs` writes them; a test fails when they drift.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { STAND_INS } from '../packages/pipeline/src/stand-ins/index.js';

interface ActionYml {
  name?: string;
  description?: string;
  inputs?: Record<string, { description?: string; required?: boolean; default?: unknown }>;
  outputs?: Record<string, { description?: string }>;
}

/** The names of the actions under actions/. */
export function actionNames(root: string): string[] {
  return readdirSync(join(root, 'actions'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'actions', d.name, 'action.yml')))
    .map((d) => d.name)
    .sort();
}

/** Reads one action.yml, failing on a missing description (every input and output needs one). */
export function readActionYml(root: string, name: string): ActionYml {
  const path = join(root, 'actions', name, 'action.yml');
  const doc = parse(readFileSync(path, 'utf8')) as ActionYml;
  const missing = [
    ...Object.entries(doc.inputs ?? {})
      .filter(([, v]) => !v?.description)
      .map(([k]) => `input '${k}'`),
    ...Object.entries(doc.outputs ?? {})
      .filter(([, v]) => !v?.description)
      .map(([k]) => `output '${k}'`),
  ];
  if (!doc.description) missing.unshift('the action');
  if (missing.length) throw new Error(`${path}: no description for ${missing.join(', ')}`);
  return doc;
}

/** The TypeScript module the action imports its metadata from. */
export function renderMetadataModule(name: string, doc: ActionYml): string {
  const metadata = {
    name,
    description: doc.description,
    inputs: Object.fromEntries(
      Object.entries(doc.inputs ?? {}).map(([k, v]) => [
        k,
        {
          description: v.description,
          required: v.required === true,
          ...(v.default !== undefined ? { default: String(v.default) } : {}),
        },
      ]),
    ),
    outputs: Object.fromEntries(Object.entries(doc.outputs ?? {}).map(([k, v]) => [k, { description: v.description }])),
  };
  return `// Generated from action.yml by \`npm run docs\`; do not edit.\nimport type { ActionMetadata } from '@slipway/action-kit/lite';\n\n/** ${name}'s inputs and outputs as declared in action.yml. */\nexport const metadata: ActionMetadata = ${JSON.stringify(metadata, null, 2)};\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').trim();
}

/** The Markdown inputs table. */
export function renderInputsTable(doc: ActionYml): string {
  const rows = Object.entries(doc.inputs ?? {}).map(
    ([k, v]) =>
      `| \`${k}\` | ${v.default === undefined || v.default === '' ? '' : `\`${cell(String(v.default))}\``} | ${v.required ? 'yes' : 'no'} | ${cell(v.description ?? '')} |`,
  );
  return ['| input | default | required | description |', '|---|---|---|---|', ...rows].join('\n');
}

/** The Markdown outputs table. */
export function renderOutputsTable(doc: ActionYml): string {
  const rows = Object.entries(doc.outputs ?? {}).map(([k, v]) => `| \`${k}\` | ${cell(v.description ?? '')} |`);
  return ['| output | description |', '|---|---|', ...rows].join('\n');
}

/** Replaces the text between `<!-- KEY:start -->` and `<!-- KEY:end -->`; the markers must exist. */
export function replaceBlock(text: string, key: string, content: string, file: string): string {
  const start = `<!-- ${key}:start -->`;
  const end = `<!-- ${key}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${file}: markers ${start} … ${end} are missing`);
  return `${text.slice(0, i + start.length)}\n${content}\n${text.slice(j)}`;
}

/** Every generated file's path and expected content. */
export function renderAll(root: string): Map<string, string> {
  const out = new Map<string, string>();
  let readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const name of actionNames(root)) {
    const doc = readActionYml(root, name);
    out.set(join('actions', name, 'src', 'metadata.generated.ts'), renderMetadataModule(name, doc));
    const readmePath = join('actions', name, 'README.md');
    let actionReadme = readFileSync(join(root, readmePath), 'utf8');
    actionReadme = replaceBlock(actionReadme, 'inputs', renderInputsTable(doc), readmePath);
    actionReadme = replaceBlock(actionReadme, 'outputs', renderOutputsTable(doc), readmePath);
    out.set(readmePath, actionReadme);
    if (readme.includes(`<!-- ${name}:inputs:start -->`)) {
      readme = replaceBlock(readme, `${name}:inputs`, renderInputsTable(doc), 'README.md');
      readme = replaceBlock(readme, `${name}:outputs`, renderOutputsTable(doc), 'README.md');
    }
  }
  out.set('README.md', readme);
  out.set(join('packages', 'cli', 'src', 'templates.generated.ts'), renderTemplatesModule(root));
  const workflowsDoc = join('docs', 'workflows.md');
  const standIns = [
    '| action | what `slipway pipeline` runs instead |',
    '|---|---|',
    ...STAND_INS.map((s) => `| \`${s.uses}\` | ${cell(s.description)} |`),
  ];
  out.set(
    workflowsDoc,
    replaceBlock(readFileSync(join(root, workflowsDoc), 'utf8'), 'stand-ins', standIns.join('\n'), workflowsDoc),
  );
  return out;
}

/** The starter templates as a module, for `slipway init` (a bundle carries no loose files). */
function renderTemplatesModule(root: string): string {
  const dir = join(root, 'workflows-templates');
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .map((f) => f.slice(0, -'.yml'.length))
    .sort();
  const entries = names.map(
    (n) => `  ${JSON.stringify(n)}: ${JSON.stringify(readFileSync(join(dir, `${n}.yml`), 'utf8'))},`,
  );
  return `// Generated from workflows-templates/ by scripts/gen-docs.ts (npm run docs): do not edit.\n\n/** Each starter template's workflow, by name. */\nexport const TEMPLATES: Readonly<Record<string, string>> = {\n${entries.join('\n')}\n};\n`;
}
