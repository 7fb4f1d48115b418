import { joinRel, type DetectContext } from '../context.js';
import type { Framework } from '../types.js';
import { nearestVersion } from '../version-files.js';
import { JAVA_SOURCES } from './java-version.js';
import { capture, stripBlocks, wrapperOr } from './shared.js';
import { folderName, type Detector } from './types.js';

const BUILD_FILES = ['build.gradle.kts', 'build.gradle'];
const SETTINGS_FILES = ['settings.gradle.kts', 'settings.gradle'];

async function firstFile(
  ctx: DetectContext,
  dir: string,
  names: string[],
): Promise<{ path: string; text: string } | undefined> {
  for (const name of names) {
    if (!ctx.has(dir, name)) continue;
    const path = joinRel(dir, name);
    const text = await ctx.text(path);
    if (text !== undefined) return { path, text: stripBlocks(text, '/*', '*/').replace(/(^|\s)\/\/.*$/gm, '$1') };
  }
  return undefined;
}

/** Gradle builds, Groovy and Kotlin DSL, multi-project settings, toolchains. */
export const gradleDetector: Detector = {
  name: 'gradle',
  priority: 50,
  applies: (ctx, dir) => [...BUILD_FILES, ...SETTINGS_FILES].some((n) => ctx.has(dir, n)),

  async workspace(ctx, dir) {
    const settings = await firstFile(ctx, dir, SETTINGS_FILES);
    if (!settings) return undefined;
    const members: string[] = [];
    for (const m of settings.text.matchAll(/\binclude\s*\(?([^)\n]*)\)?/g)) {
      for (const q of m[1]!.matchAll(/["']:?([^"']+)["']/g)) members.push(q[1]!.replace(/:/g, '/'));
    }
    if (members.length === 0) return undefined;
    return { tool: 'gradle', members, rootIsProject: await ctx.exists(joinRel(dir, 'src')) };
  },

  async project(ctx, { dir }) {
    const build = await firstFile(ctx, dir, BUILD_FILES);
    if (!build) return undefined;
    const pinned = await nearestVersion(ctx, dir, JAVA_SOURCES);
    const declared =
      capture(build.text, /JavaLanguageVersion\.of\(\s*(\d+)\s*\)/) ??
      capture(build.text, /jvmToolchain\(\s*(\d+)\s*\)/) ??
      capture(build.text, /sourceCompatibility\s*=\s*(?:JavaVersion\.VERSION_)?['"]?([\d._]+)/)?.replace(/_/g, '.');
    const version =
      pinned ?? (declared ? { value: declared.replace(/^1\.(?=\d+$)/, ''), source: build.path } : undefined);
    const frameworks: Framework[] = [];
    const boot = /org\.springframework\.boot['"]?\)?\s*version\s*['"]([^'"\n]+)['"]/.exec(build.text);
    if (boot || /org\.springframework\.boot/.test(build.text))
      frameworks.push({ name: 'spring-boot', version: boot?.[1] ?? null, source: build.path });
    const gradle = wrapperOr(ctx, dir, 'gradlew', 'gradle');
    const settingsHere = SETTINGS_FILES.some((n) => ctx.has(dir, n));
    return {
      name:
        (settingsHere
          ? capture((await firstFile(ctx, dir, SETTINGS_FILES))?.text, /rootProject\.name\s*=\s*['"]([^'"\n]+)['"]/)
          : undefined) ?? folderName(dir, ctx.rootName),
      manifest: build.path,
      runtime: { name: 'java', version: version?.value ?? null, source: version?.source ?? null },
      packageManager: {
        name: 'gradle',
        version: null,
        lockfile: ctx.has(dir, 'gradle.lockfile') ? joinRel(dir, 'gradle.lockfile') : null,
        source: build.path,
      },
      frameworks,
      commands: {
        install: `${gradle} dependencies`,
        build: `${gradle} build -x test`,
        test: `${gradle} test`,
        start:
          frameworks.length > 0
            ? 'java -jar build/libs/*.jar'
            : /\bapplication\b/.test(build.text)
              ? `${gradle} run`
              : null,
      },
      warnings: [],
    };
  },
};
