// Lockfiles of the wrong shape, one per format and field kind: each must be refused with a
// LockfileError naming the file, never a TypeError from deep inside a parser.

/** Base name → text. */
export const WRONG_SHAPES: [string, string][] = [
  ['package-lock.json', '{"packages": "x"}'],
  ['package-lock.json', '{"packages": {"node_modules/a": {"version": 1}}}'],
  ['package-lock.json', '{"dependencies": {"a": {"version": "1.0.0", "dependencies": []}}}'],
  ['package-lock.json', '[]'],
  ['package-lock.json', 'null'],
  ['bun.lock', '{"packages": {"a": "a@1.0.0"}}'],
  ['pnpm-lock.yaml', 'packages: [1, 2]\n'],
  ['pnpm-lock.yaml', "packages:\n  /a/1.0.0:\n    resolution: 'sha'\n"],
  ['yarn.lock', '__metadata:\n  version: 8\n\n"a@npm:1":\n  version: [1]\n'],
  ['Cargo.lock', 'package = "x"\n'],
  ['Cargo.lock', '[[package]]\nname = 3\nversion = "1"\nsource = "x"\n'],
  ['poetry.lock', '[[package]]\nname = "a"\nversion = "1"\nfiles = "x"\n'],
  ['uv.lock', '[[package]]\nname = "a"\nversion = "1"\nsource = "registry"\n'],
  ['Pipfile.lock', '{"default": {"a": "1.0"}}'],
  ['Pipfile.lock', '{"default": {"a": {"version": "==1", "hashes": "sha256:x"}}}'],
  ['composer.lock', '{"packages": {"name": "a"}}'],
  ['composer.lock', '{"packages": [{"name": "a", "version": 2}]}'],
];
