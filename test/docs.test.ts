// The examples in docs/*.md and actions/*/README.md must be real. Every YAML block parses; every
// slipway action or reusable workflow a block uses gets only the inputs (and secrets) it declares
// and every one it requires; a whole workflow passes GitHub's own parser; every `slipway <command>`
// line in a shell block names a command and flags that exist; every relative link leads somewhere.
// The architecture diagram's solid arrows are the package.json dependencies, and getting-started
// shows the vps-haproxy template and an HAProxy configuration that HAProxy accepts. The last
// describe feeds each checker a wrong example, so that none of them passes on nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { LineCounter, parse, parseAllDocuments, visit } from 'yaml';
import * as registry from '../packages/cli/src/registry.js';
import { REPO, makeTree, needsTool, removeTree } from './harness.js';

const read = (path: string): string => readFileSync(join(REPO, path), 'utf8');
// Short names for commands (`slipway deploy`), where the CLI has them.
const ALIASES = (registry as { ALIASES?: Readonly<Record<string, string>> }).ALIASES ?? {};
const ACTION_NAMES = readdirSync(join(REPO, 'actions')).filter((n) => !n.startsWith('.'));
const DOC_FILES = [
  ...readdirSync(join(REPO, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  ...ACTION_NAMES.map((n) => `actions/${n}/README.md`),
].sort();

/** A fenced block: its language, its text (the fence's indentation removed) and the line it starts on. */
interface Block {
  lang: string;
  text: string;
  line: number;
}

/** The fenced code blocks of a Markdown text, including those indented inside list items. */
function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\S*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]!); j++) body.push(lines[j]!.slice(indent));
    blocks.push({ lang: open[2]!, text: `${body.join('\n')}\n`, line: i + 2 });
    i = j;
  }
  return blocks;
}

/** What the checkers need of an action or a reusable workflow: its inputs and secrets. */
interface Interface {
  inputs: Record<string, { required?: boolean; default?: unknown }>;
  secrets?: Record<string, { required?: boolean }>;
}

/** The interface of a slipway action (by name) or reusable workflow (by file); undefined when there is none. */
type Resolver = (kind: 'action' | 'workflow', name: string) => Interface | undefined;

const repoResolver: Resolver = (kind, name) => {
  try {
    if (kind === 'action') return { inputs: {}, ...(parse(read(`actions/${name}/action.yml`)) as Partial<Interface>) };
    const call = (parse(read(`.github/workflows/${name}`)) as { on?: { workflow_call?: Partial<Interface> } }).on
      ?.workflow_call;
    return call ? { inputs: call.inputs ?? {}, secrets: call.secrets ?? {} } : undefined;
  } catch {
    return undefined;
  }
};

/** The slipway action or reusable workflow a `uses:` names, whatever the owner and ref. */
function slipwayTarget(uses: string): { kind: 'action' | 'workflow'; name: string } | undefined {
  const action = /^(?:\.\/actions\/|[\w.-]+\/slipway\/actions\/)([\w-]+)(?:@\S+)?$/.exec(uses);
  if (action && (uses.startsWith('./') || uses.includes('@'))) return { kind: 'action', name: action[1]! };
  const workflow =
    /^(?:\.\/\.github\/workflows\/(?=slipway-)|[\w.-]+\/slipway\/\.github\/workflows\/)([\w.-]+\.ya?ml)(?:@\S+)?$/.exec(
      uses,
    );
  return workflow ? { kind: 'workflow', name: workflow[1]! } : undefined;
}

/** Problems with one `uses:` mapping: unknown target, undeclared `with:`/`secrets:` keys, missing required ones. */
function checkUse(step: Record<string, unknown>, resolve: Resolver): string[] {
  const target = slipwayTarget(step.uses as string);
  if (!target) return [];
  const meta = resolve(target.kind, target.name);
  if (!meta) return [`${step.uses}: no such slipway ${target.kind}`];
  const problems: string[] = [];
  const given = (step.with ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(given))
    if (!(key in meta.inputs)) problems.push(`${step.uses}: with: ${key} is not one of its inputs`);
  for (const [key, spec] of Object.entries(meta.inputs))
    if (spec?.required && spec.default === undefined && !(key in given))
      problems.push(`${step.uses}: required input ${key} is not given`);
  if (target.kind === 'workflow' && step.secrets !== 'inherit') {
    const secrets = (step.secrets ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(secrets))
      if (!(key in (meta.secrets ?? {}))) problems.push(`${step.uses}: secrets: ${key} is not one it declares`);
    for (const [key, spec] of Object.entries(meta.secrets ?? {}))
      if (spec?.required && !(key in secrets)) problems.push(`${step.uses}: required secret ${key} is not given`);
  }
  return problems;
}

/** Problems with a YAML block: parse errors, and every slipway `uses:` in it, each with its line in `file`. */
function checkYaml(block: Block, where: string, resolve: Resolver = repoResolver): string[] {
  const lineCounter = new LineCounter();
  const problems: string[] = [];
  const at = (offset: number | undefined): string =>
    `${where}:${block.line - 1 + lineCounter.linePos(offset ?? 0).line}`;
  for (const doc of parseAllDocuments(block.text, { lineCounter })) {
    for (const error of doc.errors) problems.push(`${at(error.pos[0])}: ${error.message.split('\n')[0]}`);
    if (doc.errors.length) continue;
    visit(doc, {
      Map(_, map) {
        if (typeof map.get('uses') !== 'string') return;
        const step = map.toJSON() as Record<string, unknown>;
        for (const problem of checkUse(step, resolve)) problems.push(`${at(map.range?.[0])}: ${problem}`);
      },
    });
  }
  return problems;
}

/** Every error GitHub's own parser reports for a whole workflow, slipway's reusable workflows it calls read too. */
async function githubParserErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (!parsed.value) return errors;
  const provider = {
    getFileContent: (ref: { path: string }) =>
      Promise.resolve({ name: ref.path, content: read(ref.path.replace(/^\.\//, '')) }),
  };
  const template = await convertWorkflowTemplate(parsed.context, parsed.value, provider, {
    fetchReusableWorkflowDepth: 1,
  });
  return [...errors, ...(template.errors ?? []).map((e) => e.Message)];
}

/** A command's flags and whether it takes a positional argument. */
interface CommandShape {
  flags: string[];
  positional: boolean;
}

/** The flags of each slipway command: action.yml's inputs for actions, the command's own metadata otherwise. */
async function commandShapes(): Promise<Map<string, CommandShape>> {
  const shapes = new Map<string, CommandShape>();
  for (const [name, load] of Object.entries(registry.ACTIONS)) {
    if (ACTION_NAMES.includes(name)) {
      shapes.set(name, { flags: Object.keys(repoResolver('action', name)!.inputs), positional: false });
    } else {
      const command = await load();
      shapes.set(name, { flags: Object.keys(command.metadata.inputs), positional: !!command.commandLine?.positional });
    }
  }
  for (const [short, name] of Object.entries(ALIASES)) if (shapes.has(name)) shapes.set(short, shapes.get(name)!);
  return shapes;
}

/** Splits a shell line into commands (at unquoted `&&`, `||`, `;`, `|`) of words; an unquoted `#` ends the line. */
function shellCommands(line: string): string[][] {
  const commands: string[][] = [[]];
  let word: string | undefined;
  const end = (): void => {
    if (word !== undefined) commands.at(-1)!.push(word);
    word = undefined;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'" || c === '"') {
      const close = line.indexOf(c, i + 1);
      word = (word ?? '') + line.slice(i + 1, close < 0 ? undefined : close);
      i = close < 0 ? line.length : close;
    } else if (c === '\\' && i + 1 < line.length) word = (word ?? '') + line[++i];
    else if (/\s/.test(c)) end();
    else if (c === '#' && word === undefined) break;
    else if (c === ';' || c === '|' || c === '&') {
      end();
      if (line[i + 1] === c) i++;
      commands.push([]);
    } else word = (word ?? '') + c;
  }
  end();
  return commands.filter((c) => c.length > 0);
}

/** Problems with the `slipway …` (or `node …/dist/cli/index.js …`) commands of a shell block. */
function checkShell(block: Block, where: string, shapes: Map<string, CommandShape>): string[] {
  const problems: string[] = [];
  const lines = block.text.replace(/\\\n/g, ' ').split('\n');
  lines.forEach((raw, index) => {
    for (let words of shellCommands(raw.replace(/^\s*\$\s+/, ''))) {
      while (words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!)) words = words.slice(1);
      let rest: string[];
      if (words[0] === 'slipway') rest = words.slice(1);
      else if (words[0] === 'node' && /(^|\/)dist\/cli\/index\.js$/.test(words[1] ?? '')) rest = words.slice(2);
      else continue;
      const [command, ...args] = rest;
      const found =
        command === undefined
          ? ['slipway without a command']
          : command === '--help' || command === '-h'
            ? []
            : !shapes.has(command)
              ? [`slipway ${command}: no such command`]
              : checkArgs(command, args, shapes.get(command)!);
      problems.push(...found.map((p) => `${where}:${block.line + index}: ${p}`));
    }
  });
  return problems;
}

/** Checks a command's arguments as the CLI's parseFlags reads them. */
function checkArgs(command: string, args: string[], shape: CommandShape): string[] {
  const problems: string[] = [];
  let positional = shape.positional;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json' || arg === '--help' || arg === '-h') continue;
    if (arg.startsWith('--')) {
      const name = arg.slice(2).split('=')[0]!;
      if (!shape.flags.includes(name)) {
        problems.push(`slipway ${command}: no flag --${name}`);
        // Its value, if it has one, is not a second problem.
        if (!arg.includes('=') && !args[i + 1]?.startsWith('-')) i++;
      } else if (!arg.includes('=') && args[++i] === undefined)
        problems.push(`slipway ${command}: --${name} needs a value`);
    } else if (positional && !arg.startsWith('-')) positional = false;
    else problems.push(`slipway ${command}: unexpected argument '${arg}'`);
  }
  return problems;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes. */
const anchorOf = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- _]/gu, '')
    .replace(/ /g, '-');

/** Relative links of a Markdown file (outside code) whose file or heading does not exist. */
function brokenLinks(file: string, markdown: string, readFile: (path: string) => string | undefined): string[] {
  const prose = (text: string): string => text.replace(/```[\s\S]*?```/g, '');
  const problems: string[] = [];
  for (const [, link] of prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:/.test(link!)) continue;
    const [path, anchor] = link!.split('#') as [string, string | undefined];
    const target = path ? posix.normalize(posix.join(posix.dirname(file), path)) : file;
    const text = readFile(target);
    if (text === undefined) problems.push(`${file}: ${link}: no such file`);
    else if (anchor && target.endsWith('.md')) {
      const headings = [...prose(text).matchAll(/^#+ (.*)$/gm)].map((m) => anchorOf(m[1]!));
      if (!headings.includes(anchor)) problems.push(`${file}: ${link}: no such heading`);
    }
  }
  return problems;
}

/** The text of a file or folder of the repository (a folder reads as empty); undefined when there is none. */
function readIfThere(path: string): string | undefined {
  if (!existsSync(join(REPO, path))) return undefined;
  return statSync(join(REPO, path)).isDirectory() ? '' : read(path);
}

/** Every package and action by its workspace name, and the @slipway/ dependencies its package.json declares. */
function declaredDependencies(): Map<string, string[]> {
  const deps = new Map<string, string[]>();
  for (const top of ['packages', 'actions'])
    for (const dir of readdirSync(join(REPO, top))) {
      const pkg = JSON.parse(read(`${top}/${dir}/package.json`)) as { name: string; dependencies?: object };
      deps.set(
        pkg.name,
        Object.keys(pkg.dependencies ?? {}).filter((d) => d.startsWith('@slipway/')),
      );
    }
  return deps;
}

/** The solid arrows of a mermaid flowchart as `from -> to` package names; a box stands for its members. */
function solidArrows(mermaid: string, packages: ReadonlySet<string>): { arrows: string[]; problems: string[] } {
  const members = new Map<string, string[]>();
  const stack: string[] = [];
  const arrows: string[] = [];
  const problems: string[] = [];
  const named = (id: string): string[] => {
    const inside = members.get(id);
    if (inside) return inside.flatMap(named);
    const name = `@slipway/${id.replace(/_/g, '-')}`;
    if (packages.has(name)) return [name];
    problems.push(`solid arrow from or to ${id}, which is not a package, an action or a box of them`);
    return [];
  };
  for (const raw of mermaid.split('\n')) {
    const line = raw.trim();
    const box = /^subgraph\s+(\w+)/.exec(line);
    if (box) {
      members.set(box[1]!, []);
      stack.push(box[1]!);
    } else if (line === 'end') stack.pop();
    else if (/-->/.test(line) && !/-\./.test(line)) {
      const [from, to] = line.replace(/\|[^|]*\|/, '').split('-->') as [string, string];
      const ends = (side: string): string[] => side.split('&').flatMap((id) => named(id.trim()));
      for (const a of ends(from)) for (const b of ends(to)) arrows.push(`${a} -> ${b}`);
    } else {
      const node = /^(\w+)\s*(\[|\(|$)/.exec(line);
      if (node && stack.length && !/^(flowchart|graph|direction)$/.test(node[1]!))
        members.get(stack.at(-1)!)!.push(node[1]!);
    }
  }
  return { arrows: arrows.sort(), problems };
}

/** The diagram's arrows against the declared dependencies: what is missing and what is extra. */
function compareArrows(mermaid: string, deps: Map<string, string[]>): string[] {
  const { arrows, problems } = solidArrows(mermaid, new Set(deps.keys()));
  const expected = [...deps].flatMap(([from, tos]) => tos.map((to) => `${from} -> ${to}`)).sort();
  return [
    ...problems,
    ...expected.filter((a) => !arrows.includes(a)).map((a) => `missing: ${a}`),
    ...arrows.filter((a) => !expected.includes(a)).map((a) => `not in package.json: ${a}`),
  ];
}

/** Lines of `shown` that differ from `template` other than the pinned commit and the keys it may change. */
function templateDrift(shown: string, template: string, changeable: readonly string[]): string[] {
  const norm = (text: string): string[] =>
    text
      .trim()
      .replace(/@[0-9a-f]{40}\b/g, '@<sha>')
      .split('\n');
  const key = (line: string): string => line.trim().split(':')[0]!;
  const a = norm(template);
  const b = norm(shown);
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if (a[i] !== b[i] && !(a[i] && b[i] && key(a[i]!) === key(b[i]!) && changeable.includes(key(a[i]!))))
      out.push(`line ${i + 1}: template '${a[i] ?? ''}', shown '${b[i] ?? ''}'`);
  return out;
}

/** `haproxy -c` on a configuration; the exit code and what it said. */
function haproxyCheck(config: string): { status: number | null; output: string } {
  const dir = makeTree({ 'haproxy.cfg': config }, 'slipway-docs-');
  try {
    const r = spawnSync('haproxy', ['-c', '-f', join(dir, 'haproxy.cfg')], { encoding: 'utf8' });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    removeTree(dir);
  }
}

const blocksOf = (file: string): Block[] => fencedBlocks(read(file));
const isYaml = (b: Block): boolean => b.lang === 'yaml' || b.lang === 'yml';
const isShell = (b: Block): boolean => ['sh', 'bash', 'shell', 'console'].includes(b.lang);

describe('examples in the docs and the action READMEs', () => {
  it('are found: YAML blocks, slipway uses and slipway commands (the checks below would pass on nothing)', () => {
    const all = DOC_FILES.flatMap(blocksOf);
    expect(DOC_FILES).toEqual(expect.arrayContaining(['docs/getting-started.md', 'actions/deploy-canary/README.md']));
    expect(all.filter(isYaml).length).toBeGreaterThan(20);
    expect(all.filter(isYaml).filter((b) => /slipway\/actions\//.test(b.text)).length).toBeGreaterThan(10);
    expect(all.filter(isShell).filter((b) => /^\s*slipway /m.test(b.text)).length).toBeGreaterThan(3);
  });

  it.each(DOC_FILES)(
    '%s: every YAML block parses; every slipway action or workflow it uses gets its inputs',
    (file) => {
      expect(
        blocksOf(file)
          .filter(isYaml)
          .flatMap((b) => checkYaml(b, file)),
      ).toStrictEqual([]);
    },
  );

  it.each(DOC_FILES)("%s: every whole workflow passes GitHub's own parser", async (file) => {
    const workflows = blocksOf(file).filter((b) => isYaml(b) && /^jobs:/m.test(b.text));
    const errors = await Promise.all(
      workflows.map(async (b) => (await githubParserErrors(file, b.text)).map((e) => `${file}:${b.line}: ${e}`)),
    );
    expect(errors.flat()).toStrictEqual([]);
  });

  it.each(DOC_FILES)('%s: every relative link leads to a file that exists, and to a heading in it', (file) => {
    expect(brokenLinks(file, read(file), readIfThere)).toStrictEqual([]);
  });

  it.each(DOC_FILES)('%s: every slipway command line names a command and flags that exist', async (file) => {
    const shapes = await commandShapes();
    expect(
      blocksOf(file)
        .filter(isShell)
        .flatMap((b) => checkShell(b, file, shapes)),
    ).toStrictEqual([]);
  });
});

describe('docs/architecture.md', () => {
  it("has one mermaid diagram, whose solid arrows are the package.json files' @slipway/ dependencies", () => {
    const diagrams = blocksOf('docs/architecture.md').filter((b) => b.lang === 'mermaid');
    expect(diagrams).toHaveLength(1);
    expect(compareArrows(diagrams[0]!.text, declaredDependencies())).toStrictEqual([]);
  });
});

describe('docs/getting-started.md', () => {
  const blocks = blocksOf('docs/getting-started.md');
  const template = read('workflows-templates/vps-haproxy.yml');
  const shown = blocks.find((b) => isYaml(b) && b.text.includes('slipway-release.yml@'));

  it('shows the vps-haproxy template as slipway init writes it, but for the branch it says to change', () => {
    expect(shown).toBeDefined();
    expect(templateDrift(shown!.text, template, ['branches'])).toStrictEqual([]);
  });

  needsTool('haproxy').it(
    "has an HAProxy configuration that haproxy -c accepts, with the template's socket and backend slots",
    () => {
      const configs = blocks.filter((b) => b.lang === 'haproxy');
      expect(configs).toHaveLength(1);
      const config = configs[0]!.text;
      const check = haproxyCheck(config);
      const alerts = check.output.split('\n').filter((l) => /ALERT/.test(l));
      expect({ status: check.status, alerts }).toStrictEqual({ status: 0, alerts: [] });
      expect(check.output).toMatch(/Configuration file is valid/);
      const { with: inputs } = (parse(template) as { jobs: { release: { with: Record<string, string> } } }).jobs
        .release;
      expect(config).toMatch(new RegExp(`stats socket ${inputs['haproxy-socket']} .*level admin`));
      expect(config).toMatch(/^\s*mode http$/m);
      const backend = new RegExp(`^backend ${inputs['haproxy-backend']}\\n((?:[ \\t].*\\n)*)`, 'm').exec(config);
      expect(backend?.[1]).toMatch(/^\s*server stable \S+ weight 0 disabled$/m);
      expect(backend?.[1]).toMatch(/^\s*server canary \S+ weight 0 disabled$/m);
    },
  );
});

describe('the checkers catch what they are meant to catch', () => {
  const block = (text: string, lang = 'yaml'): Block => ({ lang, text, line: 10 });

  it('a YAML block that does not parse', () => {
    expect(checkYaml(block('steps:\n  - uses: [unclosed\n'), 'x.md')).toHaveLength(1);
  });

  it('an unknown action, an input it does not have, a required input left out, on the line of the step', () => {
    const steps = [
      'steps:',
      '  - uses: slipway/slipway/actions/deploy-canery@v1',
      '  - uses: ./actions/rollback',
      '    with:',
      '      too: previous',
      '  - uses: acme/slipway/actions/verify-health@0123456789abcdef0123456789abcdef01234567',
      '    with: { url: https://example.com }',
      '  - uses: actions/checkout@v4',
      '    with: { anything: 1 }',
      '',
    ].join('\n');
    expect(checkYaml(block(steps), 'x.md')).toStrictEqual([
      'x.md:11: slipway/slipway/actions/deploy-canery@v1: no such slipway action',
      'x.md:12: ./actions/rollback: with: too is not one of its inputs',
    ]);
    const strict: Resolver = (kind, name) =>
      kind === 'action' && name === 'verify-health' ? { inputs: { url: {}, needed: { required: true } } } : undefined;
    expect(checkYaml(block(steps.split('\n').slice(5).join('\n')), 'x.md', strict)).toStrictEqual([
      'x.md:10: acme/slipway/actions/verify-health@0123456789abcdef0123456789abcdef01234567: required input needed is not given',
    ]);
  });

  it('a reusable workflow called without its required input, or with a secret it does not declare', () => {
    const call = [
      'jobs:',
      '  release:',
      '    uses: slipway/slipway/.github/workflows/slipway-release.yml@v1',
      '    with: { provider: haproxy }',
      '    secrets: { token: x }',
      '',
    ].join('\n');
    expect(checkYaml(block(call), 'x.md')).toStrictEqual([
      'x.md:12: slipway/slipway/.github/workflows/slipway-release.yml@v1: required input environment is not given',
      'x.md:12: slipway/slipway/.github/workflows/slipway-release.yml@v1: secrets: token is not one it declares',
    ]);
  });

  it("a workflow GitHub's parser refuses", async () => {
    const call = 'on: push\njobs:\n  r:\n    uses: slipway/slipway/.github/workflows/slipway-rollback.yml@v1\n';
    expect(await githubParserErrors('x.yml', call)).toStrictEqual([
      expect.stringMatching(/Input environment is required, but not provided/),
    ]);
  });

  it('an unknown command, an unknown flag, a flag without its value, a second positional argument', async () => {
    const shapes = await commandShapes();
    const lines = [
      '# slipway nothing: a comment',
      'slipway status --json',
      'slipway deploy-canery --environment x',
      'cd app && slipway rollback --too previous',
      'slipway audit --since',
      'SECRET=1 node ~/slipway/dist/cli/index.js pipeline a.yml b.yml --input x=1',
      "slipway init --template 'vps-haproxy' && echo 'slipway nothing'",
      '',
    ].join('\n');
    expect(checkShell(block(lines, 'sh'), 'x.md', shapes)).toStrictEqual([
      'x.md:12: slipway deploy-canery: no such command',
      'x.md:13: slipway rollback: no flag --too',
      'x.md:14: slipway audit: --since needs a value',
      "x.md:15: slipway pipeline: unexpected argument 'b.yml'",
    ]);
  });

  it('an arrow the package.json files do not have, one they have that is not drawn, a box expanded', () => {
    const deps = new Map([
      ['@slipway/a', ['@slipway/b']],
      ['@slipway/b', []],
      ['@slipway/c-action', ['@slipway/a', '@slipway/b']],
    ]);
    const diagram = (edges: string): string =>
      `flowchart TB\n  subgraph box ["x"]\n    a["a"]\n    b\n  end\n  c_action["c"]\n${edges}`;
    expect(compareArrows(diagram('  a --> b\n  c_action --> box\n  a -. "runs" .-> c_action\n'), deps)).toStrictEqual(
      [],
    );
    expect(compareArrows(diagram('  a & c_action --> b\n  b --> a\n  dist --> a\n'), deps)).toStrictEqual([
      'solid arrow from or to dist, which is not a package, an action or a box of them',
      'missing: @slipway/c-action -> @slipway/a',
      'not in package.json: @slipway/b -> @slipway/a',
    ]);
  });

  it('a link to a file that is not there, or to a heading that is not', () => {
    const files: Record<string, string> = { 'docs/b.md': '# Roll back by hand\n## `slipway status`: built\n' };
    const links =
      '[a](b.md#roll-back-by-hand) [b](b.md#slipway-status-built) [c](c.md) [d](b.md#nope) [e](https://x#y)';
    expect(brokenLinks('docs/a.md', links, (path) => files[path])).toStrictEqual([
      'docs/a.md: c.md: no such file',
      'docs/a.md: b.md#nope: no such heading',
    ]);
  });

  it('a template shown with a line changed that the page does not say to change', () => {
    const template =
      'on:\n  push:\n    branches: [$default-branch]\n    uses: a/b@0123456789abcdef0123456789abcdef01234567\n';
    expect(templateDrift(template.replace('$default-branch', 'main'), template, ['branches'])).toStrictEqual([]);
    expect(templateDrift(template.replace('push', 'pull_request'), template, ['branches'])).toHaveLength(1);
  });

  needsTool('haproxy').it('an HAProxy configuration that haproxy -c refuses', () => {
    expect(haproxyCheck('backend app\n  balnce roundrobin\n').status).not.toBe(0);
  });
});
