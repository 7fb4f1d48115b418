import { joinRel } from '../context.js';
import type { Framework } from '../types.js';
import { nearestVersion } from '../version-files.js';
import {
  BUILD_FILES,
  SETTINGS_FILES,
  gradleRoot,
  gradleScript,
  isBuildLogic,
  rootProjectName,
  settingsProjects,
} from './gradle-build.js';
import { declaredJava } from './gradle-toolchain.js';
import { GRADLE_WRAPPER, JAVA_SOURCES, wrapperVersion } from './java-version.js';
import { wrapperOr } from './shared.js';
import { folderName, type Detector } from './types.js';

/**
 * Gradle builds, Groovy and Kotlin DSL. The folder with the settings script is the build's root
 * and a project itself (`./gradlew build` there builds them all); its subprojects inherit the
 * Java toolchain its build script declares, and every project reports the Gradle version the
 * root's wrapper downloads.
 */
export const gradleDetector: Detector = {
  name: 'gradle',
  priority: 50,
  applies: (ctx, dir) => [...BUILD_FILES, ...SETTINGS_FILES].some((n) => ctx.has(dir, n)),

  async workspace(ctx, dir) {
    const settings = await gradleScript(ctx, dir, SETTINGS_FILES);
    if (!settings) return undefined;
    const members = settingsProjects(settings.text);
    if (members.length === 0) return undefined;
    return { tool: 'gradle', members, rootIsProject: true };
  },

  async project(ctx, { dir }) {
    if (await isBuildLogic(ctx, dir)) return undefined;
    const build = await gradleScript(ctx, dir, BUILD_FILES);
    const settings = await gradleScript(ctx, dir, SETTINGS_FILES);
    const manifest = build ?? settings;
    if (!manifest) return undefined;
    const root = gradleRoot(ctx, dir);
    const rootBuild = root === dir ? undefined : await gradleScript(ctx, root, BUILD_FILES);
    const lookIn = [dir, root];
    const version =
      (await nearestVersion(ctx, dir, JAVA_SOURCES)) ??
      (build && (await declaredJava(ctx, build, lookIn))) ??
      (rootBuild && (await declaredJava(ctx, rootBuild, lookIn)));
    const frameworks: Framework[] = [];
    const buildText = build?.text ?? '';
    // A plugin declared `apply false` is only made available to subprojects, not used here.
    if (build && /org\.springframework\.boot/.test(buildText.replace(/^.*\bapply[ \t(]*false.*$/gm, ''))) {
      // The version is often declared once at the root (`apply false`) or in pluginManagement.
      const rootSettings = root === dir ? undefined : await gradleScript(ctx, root, SETTINGS_FILES);
      const version = [build, rootBuild, settings, rootSettings]
        .map((s) => s && /org\.springframework\.boot['"]?\)?\s*version\s*['"]([^'"\n]+)['"]/.exec(s.text)?.[1])
        .find((v) => v !== undefined);
      frameworks.push({ name: 'spring-boot', version: version ?? null, source: build.path });
    }
    const gradle = wrapperOr(ctx, dir, 'gradlew', 'gradle');
    const wrapperDir = ctx.findUp(dir, 'gradlew');
    const tool = await wrapperVersion(ctx, wrapperDir === undefined ? [root] : [wrapperDir, root], GRADLE_WRAPPER);
    return {
      name: rootProjectName(settings?.text) ?? folderName(dir, ctx.rootName),
      manifest: manifest.path,
      runtime: { name: 'java', version: version?.value ?? null, source: version?.source ?? null },
      packageManager: {
        name: 'gradle',
        version: tool?.value ?? null,
        lockfile: ctx.has(dir, 'gradle.lockfile') ? joinRel(dir, 'gradle.lockfile') : null,
        source: tool?.source ?? manifest.path,
      },
      frameworks,
      commands: {
        install: `${gradle} dependencies`,
        build: `${gradle} build -x test`,
        test: `${gradle} test`,
        start:
          frameworks.length > 0
            ? 'java -jar build/libs/*.jar'
            : /\bapplication\b/.test(buildText)
              ? `${gradle} run`
              : null,
      },
      warnings: [],
    };
  },
};
