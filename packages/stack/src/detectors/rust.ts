import { joinRel } from '../context.js';
import { compileGlobs } from '../globs.js';
import { CargoTomlSchema, RUST_FRAMEWORK_DEPS, RustToolchainSchema } from '../manifests/schemas.js';
import type { Framework } from '../types.js';
import { nearestVersion, type VersionSource } from '../version-files.js';
import { folderName, type Detector } from './types.js';

const toolchainFile: VersionSource = async (ctx, dir) => {
  if (ctx.has(dir, 'rust-toolchain.toml')) {
    const path = joinRel(dir, 'rust-toolchain.toml');
    const doc = await ctx.toml(path, RustToolchainSchema);
    if (doc?.toolchain?.channel) return { value: doc.toolchain.channel, source: `${path}#toolchain.channel` };
  }
  if (ctx.has(dir, 'rust-toolchain')) {
    const path = joinRel(dir, 'rust-toolchain');
    const text = ((await ctx.text(path)) ?? '').trim();
    const channel =
      /channel\s*=\s*"([^"\n]+)"/.exec(text)?.[1] ?? (text.includes('\n') || text.includes('=') ? undefined : text);
    if (channel) return { value: channel, source: path };
  }
  return undefined;
};

/** Rust crates and Cargo workspaces; rust-toolchain(.toml) before `rust-version`. */
export const rustDetector: Detector = {
  name: 'rust',
  priority: 40,
  applies: (ctx, dir) => ctx.has(dir, 'Cargo.toml'),

  async workspace(ctx, dir) {
    if (!ctx.has(dir, 'Cargo.toml')) return undefined;
    const path = joinRel(dir, 'Cargo.toml');
    const cargo = await ctx.toml(path, CargoTomlSchema);
    const members = cargo?.workspace?.members;
    if (!members) return undefined;
    const exclude = cargo?.workspace?.exclude ?? [];
    const excluded = compileGlobs(exclude, (message) => ctx.warn(`${path}: workspace.exclude ${message}`, path));
    return {
      tool: 'cargo-workspace',
      members: members.filter((m) => !excluded(m)).concat(exclude.map((e) => `!${e}`)),
      rootIsProject: cargo?.package !== undefined,
    };
  },

  async project(ctx, { dir, workspaceRoot }) {
    const manifest = joinRel(dir, 'Cargo.toml');
    const cargo = await ctx.toml(manifest, CargoTomlSchema);
    if (!cargo?.package) return undefined;
    const rootCargo = workspaceRoot ? await ctx.toml(joinRel(workspaceRoot, 'Cargo.toml'), CargoTomlSchema) : undefined;
    const pinned = await nearestVersion(ctx, dir, [toolchainFile]);
    const own = typeof cargo.package['rust-version'] === 'string' ? cargo.package['rust-version'] : undefined;
    const inherited = rootCargo?.workspace?.package?.['rust-version'];
    const version =
      pinned ??
      (own
        ? { value: own, source: `${manifest}#package.rust-version` }
        : inherited
          ? { value: inherited, source: `${joinRel(workspaceRoot!, 'Cargo.toml')}#workspace.package.rust-version` }
          : undefined);
    const lockDir = ctx.has(dir, 'Cargo.lock')
      ? dir
      : workspaceRoot && ctx.has(workspaceRoot, 'Cargo.lock')
        ? workspaceRoot
        : undefined;
    const locked = lockDir !== undefined ? ' --locked' : '';
    const frameworks: Framework[] = [];
    for (const [dep, name] of RUST_FRAMEWORK_DEPS) {
      const spec = cargo.dependencies?.[dep] as string | { version?: string } | undefined;
      if (spec !== undefined)
        frameworks.push({
          name,
          version: typeof spec === 'string' ? spec : (spec.version ?? null),
          source: `${manifest}#dependencies.${dep}`,
        });
    }
    const hasBinary = cargo.bin !== undefined || (await ctx.exists(joinRel(dir, 'src/main.rs')));
    return {
      name: cargo.package.name || folderName(dir, ctx.rootName),
      manifest,
      runtime: { name: 'rust', version: version?.value ?? null, source: version?.source ?? null },
      packageManager: {
        name: 'cargo',
        version: null,
        lockfile: lockDir !== undefined ? joinRel(lockDir, 'Cargo.lock') : null,
        source: manifest,
      },
      frameworks,
      commands: {
        install: `cargo fetch${locked}`,
        build: `cargo build --release${locked}`,
        test: `cargo test${locked}`,
        start: hasBinary ? `cargo run --release${locked}` : null,
      },
      warnings: [],
    };
  },
};
