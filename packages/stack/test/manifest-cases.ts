// Every kind of manifest a detector reads, with each field it reads: the table the hostile tests
// plant wrong-typed values into. Written by hand from the detectors, not derived from the schemas,
// so that a field a schema forgets is a failing test rather than a silent hole.
import { stringify as toml } from 'smol-toml';
import { stringify as yaml } from 'yaml';

/** The kinds of value a wrong-typed field is given. */
export type ValueKind = 'string' | 'object' | 'number' | 'null' | 'list' | 'bool';

/** One value of each kind; the string also tries to smuggle a workflow command. */
export const WRONG_VALUES: Record<ValueKind, unknown> = {
  string: 'x\n::warning title=INJECTED::y',
  object: { k: 1 },
  number: 42,
  null: null,
  list: [1, {}],
  bool: true,
};

/** A field path: object keys and list indexes. */
export type FieldPath = (string | number)[];

/** A field a detector reads, and the kinds of value it may rightly hold (those are not planted). */
export interface FieldCase {
  path: FieldPath;
  accepts?: ValueKind[];
}

/** One kind of manifest: where it goes, what it needs beside it, a valid base, and its fields. */
export interface ManifestCase {
  /** The manifest's path in the test tree. */
  file: string;
  format: 'json' | 'toml' | 'yaml';
  /** A valid document the wrong value is planted into. */
  base: Record<string, unknown>;
  /** Files the manifest needs beside it to be read at all. */
  companions?: Record<string, string>;
  fields: FieldCase[];
}

/** Fields that hold a list, or a table of lists: no value of the planted kinds is right for them. */
const plain = (...keys: string[]): FieldCase[] => keys.map((k) => ({ path: k.split('.') }));
/** Fields that hold a string. */
const strings = (...keys: string[]): FieldCase[] =>
  keys.map((k) => ({ path: k.split('.'), accepts: ['string'] as ValueKind[] }));
/** Fields that hold a table: any object is one, whatever keys it has. */
const tables = (...keys: string[]): FieldCase[] =>
  keys.map((k) => ({ path: k.split('.'), accepts: ['object'] as ValueKind[] }));

/** Every manifest kind any detector reads. */
export const MANIFEST_CASES: ManifestCase[] = [
  {
    file: 'app/package.json',
    format: 'json',
    base: { name: 'app', scripts: { build: 'tsc' }, dependencies: { next: '14.0.0' }, workspaces: { packages: [] } },
    fields: [
      ...strings('name', 'packageManager', 'scripts.build', 'scripts.test', 'scripts.start'),
      ...strings('dependencies.next', 'devDependencies.vite', 'engines.node', 'volta.node'),
      ...plain('workspaces.packages'),
      ...tables('scripts', 'dependencies', 'devDependencies', 'engines', 'volta'),
      { path: ['workspaces'], accepts: ['object'] },
    ],
  },
  {
    file: 'app/lerna.json',
    format: 'json',
    base: { packages: ['packages/*'] },
    companions: { 'app/package.json': '{"name":"app"}' },
    fields: plain('packages'),
  },
  {
    file: 'app/rush.json',
    format: 'json',
    base: { projects: [{ packageName: 'a', projectFolder: 'apps/a' }] },
    companions: { 'app/package.json': '{"name":"app"}' },
    fields: [
      { path: ['projects'] },
      { path: ['projects', 0], accepts: ['object'] },
      { path: ['projects', 0, 'projectFolder'], accepts: ['string'] },
    ],
  },
  {
    file: 'app/pnpm-workspace.yaml',
    format: 'yaml',
    base: { packages: ['packages/*'] },
    companions: { 'app/package.json': '{"name":"app"}' },
    fields: [{ path: ['packages'] }, { path: ['packages', 0], accepts: ['string'] }],
  },
  {
    file: 'app/deno.json',
    format: 'json',
    base: { name: 'app', tasks: { build: 'deno run build.ts' } },
    fields: [...strings('name'), { path: ['tasks'], accepts: ['object'] }],
  },
  {
    file: 'app/global.json',
    format: 'json',
    base: { sdk: { version: '8.0.100' } },
    companions: { 'app/App.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n' },
    fields: [...tables('sdk'), ...strings('sdk.version')],
  },
  {
    file: 'app/composer.json',
    format: 'json',
    base: { name: 'acme/app', require: { php: '^8.2' } },
    fields: [
      ...strings('name', 'require.php', 'config.platform.php'),
      ...tables('require', 'require-dev', 'config', 'config.platform', 'scripts'),
      { path: ['require', 'laravel/framework'], accepts: ['string'] },
      { path: ['require-dev', 'phpunit/phpunit'], accepts: ['string'] },
      { path: ['scripts', 'test'], accepts: ['string'] },
    ],
  },
  {
    file: 'app/composer.lock',
    format: 'json',
    base: { packages: [{ name: 'laravel/framework', version: 'v11.0.0' }] },
    companions: { 'app/composer.json': '{"name":"acme/app"}' },
    fields: [
      { path: ['packages'] },
      { path: ['packages', 0], accepts: ['object'] },
      { path: ['packages', 0, 'name'], accepts: ['string'] },
      { path: ['packages', 0, 'version'], accepts: ['string'] },
    ],
  },
  {
    file: 'app/pyproject.toml',
    format: 'toml',
    base: { project: { name: 'app', dependencies: ['flask'] } },
    fields: [
      ...strings('project.name', 'project.requires-python', 'tool.poetry.name'),
      ...plain('project.dependencies'),
      ...plain('project.optional-dependencies', 'dependency-groups', 'tool.poetry.dependencies', 'tool.poetry.group'),
      ...tables('project', 'tool', 'tool.poetry', 'build-system', 'tool.pdm', 'tool.uv'),
    ],
  },
  {
    file: 'app/Pipfile',
    format: 'toml',
    base: { packages: { flask: '*' }, requires: { python_version: '3.12' } },
    fields: [
      ...tables('packages', 'dev-packages', 'requires'),
      ...strings('requires.python_version', 'requires.python_full_version'),
    ],
  },
  {
    file: 'app/Cargo.toml',
    format: 'toml',
    base: { package: { name: 'app' }, workspace: { members: [] } },
    fields: [
      ...strings('package.name', 'workspace.package.rust-version'),
      ...plain('workspace.members', 'workspace.exclude'),
      ...tables('package', 'workspace', 'workspace.package', 'dependencies'),
      { path: ['package', 'rust-version'], accepts: ['string', 'object'] },
      { path: ['dependencies', 'axum'], accepts: ['string', 'object'] },
      { path: ['bin'], accepts: ['list'] },
    ],
  },
  {
    file: 'app/rust-toolchain.toml',
    format: 'toml',
    base: { toolchain: { channel: '1.80' } },
    companions: { 'app/Cargo.toml': '[package]\nname = "app"\n' },
    fields: [...tables('toolchain'), ...strings('toolchain.channel')],
  },
  {
    file: 'app/mise.toml',
    format: 'toml',
    base: { tools: { node: '20' } },
    companions: { 'app/package.json': '{"name":"app"}' },
    fields: [...tables('tools'), { path: ['tools', 'node'], accepts: ['string', 'number', 'object', 'list'] }],
  },
];

/** A copy of the base document with the value at the path (TOML has no null: those cases are skipped). */
export function plant(base: Record<string, unknown>, path: FieldPath, value: unknown): Record<string, unknown> {
  const doc = structuredClone(base);
  let parent: Record<string | number, unknown> = doc;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const next = parent[key];
    if (typeof next !== 'object' || next === null) parent[key] = typeof path[i + 1] === 'number' ? [] : {};
    parent = parent[key] as Record<string | number, unknown>;
  }
  parent[path[path.length - 1]!] = value;
  return doc;
}

/** The document as text in its format. */
export function serialise(format: ManifestCase['format'], doc: unknown): string {
  if (format === 'json') return JSON.stringify(doc, null, 2);
  if (format === 'yaml') return yaml(doc);
  return toml(doc as Record<string, unknown>);
}
