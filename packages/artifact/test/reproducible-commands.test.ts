// The build commands build-artifact puts in place of the stack's so that Maven jars and Rust
// binaries come out the same wherever they are built (real builds: real-builds-jvm-rust.test.ts).
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from '@jest/globals';
import { RecordingLogger } from '@slipway/action-kit/lite';
import { detectStack, type Project } from '@slipway/stack';
import { makeTree, removeTree } from '../../../test/harness.js';
import { packagingPlan } from '../src/index.js';

const trees: string[] = [];
afterAll(() => trees.forEach(removeTree));

/** The project detect-stack finds in these files (the one at `path`). */
async function detected(files: Record<string, string>, path = '.'): Promise<Project> {
  const root = makeTree(files);
  trees.push(root);
  const stack = await detectStack({ root, logger: new RecordingLogger() });
  return stack.projects.find((p) => p.path === path)!;
}

const pom = (artifactId: string, extra = ''): string =>
  `<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId><artifactId>${artifactId}</artifactId><version>1.0.0</version>${extra}</project>\n`;
const MAVEN = { 'pom.xml': pom('greet'), 'src/main/java/com/example/Greet.java': 'class Greet {}\n' };
const MAVEN_MODULES = {
  'pom.xml': pom('parent', '<packaging>pom</packaging><modules><module>api</module></modules>'),
  mvnw: '#!/bin/sh\n',
  'api/pom.xml': pom('api'),
};
const CARGO_TOML = '[package]\nname = "greet"\nversion = "1.0.0"\nedition = "2021"\n';
const CARGO_BIN = { 'Cargo.toml': CARGO_TOML, 'Cargo.lock': 'version = 4\n', 'src/main.rs': 'fn main() {}\n' };

/** 2024-01-02T03:04:05Z */
const EPOCH = 1_704_164_645;
const HOME = { HOME: '/home/runner' };
const REMAP =
  'CARGO_BUILD_RUSTFLAGS="${CARGO_BUILD_RUSTFLAGS:+$CARGO_BUILD_RUSTFLAGS }--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"';

type Context = { sourceDateEpoch: number; env: NodeJS.ProcessEnv } | undefined;

describe('packagingPlan: reproducible build commands', () => {
  it.each<[string, Record<string, string>, string, Context, ((build: string) => string) | undefined]>([
    [
      'Maven: jar entries take the source date',
      MAVEN,
      '.',
      { sourceDateEpoch: EPOCH, env: HOME },
      (build) => `${build} -Dproject.build.outputTimestamp=2024-01-02T03:04:05Z`,
    ],
    [
      'a Maven module built through the wrapper',
      MAVEN_MODULES,
      'api',
      { sourceDateEpoch: 1_262_304_000, env: HOME },
      (build) => `${build} -Dproject.build.outputTimestamp=2010-01-01T00:00:00Z`,
    ],
    [
      'Maven, a source date before zip times begin (1980), which maven-archiver refuses: left as it is',
      MAVEN,
      '.',
      { sourceDateEpoch: 0, env: HOME },
      undefined,
    ],
    [
      'Maven, a source date past 2099: left as it is',
      MAVEN,
      '.',
      { sourceDateEpoch: 4_102_444_800, env: HOME },
      undefined,
    ],
    ['Maven, the plan without a build context', MAVEN, '.', undefined, undefined],
    [
      'Gradle keeps its own command',
      { 'build.gradle': "plugins { id 'java' }\n", 'src/main/java/Greet.java': 'class Greet {}\n' },
      '.',
      { sourceDateEpoch: EPOCH, env: HOME },
      undefined,
    ],
    [
      'a cargo binary: CARGO_HOME remapped',
      CARGO_BIN,
      '.',
      { sourceDateEpoch: EPOCH, env: HOME },
      (build) => `${REMAP} ${build}`,
    ],
    [
      'cargo, a CARGO_HOME with a space (CARGO_BUILD_RUSTFLAGS splits on it): left as it is',
      CARGO_BIN,
      '.',
      { sourceDateEpoch: EPOCH, env: { HOME: '/home/runner', CARGO_HOME: '/opt/my cargo' } },
      undefined,
    ],
    [
      'cargo, a HOME with a space and no CARGO_HOME: left as it is',
      CARGO_BIN,
      '.',
      { sourceDateEpoch: EPOCH, env: { HOME: '/Users/Jane Doe' } },
      undefined,
    ],
    [
      'a cargo library: the stack command',
      { 'Cargo.toml': CARGO_TOML, 'src/lib.rs': 'pub fn f() {}\n' },
      '.',
      { sourceDateEpoch: EPOCH, env: HOME },
      undefined,
    ],
  ])('%s', async (_name, files, path, context, expected) => {
    const project = await detected(files, path);
    expect(project.commands.build).toBeTruthy();
    expect(packagingPlan(project, context).command).toBe(expected?.(project.commands.build!));
  });

  it.each<[string, NodeJS.ProcessEnv, string]>([
    ['the default CARGO_HOME', { HOME: '/home/runner' }, '--remap-path-prefix=/home/runner/.cargo=/cargo'],
    [
      "the job's CARGO_HOME",
      { HOME: '/home/runner', CARGO_HOME: '/srv/cargo' },
      '--remap-path-prefix=/srv/cargo=/cargo',
    ],
    [
      "the job's own CARGO_BUILD_RUSTFLAGS, kept first",
      { HOME: '/home/runner', CARGO_BUILD_RUSTFLAGS: '-C target-cpu=x86-64-v2' },
      '-C target-cpu=x86-64-v2 --remap-path-prefix=/home/runner/.cargo=/cargo',
    ],
  ])('the shell hands cargo the flags: %s', async (_name, env, flags) => {
    const cargo = await detected(CARGO_BIN);
    const printing = { ...cargo, commands: { ...cargo.commands, build: 'printenv CARGO_BUILD_RUSTFLAGS' } };
    const command = packagingPlan(printing, { sourceDateEpoch: EPOCH, env }).command!;
    const run = spawnSync('sh', ['-c', command], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
    expect(run.stdout).toBe(`${flags}\n`);
  });
});
