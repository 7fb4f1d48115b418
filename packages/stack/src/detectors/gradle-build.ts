import { posix } from 'node:path';
import { joinRel, parentOf, type DetectContext } from '../context.js';
import { capture, stripBlocks } from './shared.js';

/** Build scripts, Kotlin DSL first. */
export const BUILD_FILES = ['build.gradle.kts', 'build.gradle'];
/** Settings scripts: the folder holding one is the root of a Gradle build. */
export const SETTINGS_FILES = ['settings.gradle.kts', 'settings.gradle'];

/** A Gradle script's path and its text without comments. */
export interface GradleScript {
  path: string;
  text: string;
}

/** The first of the named scripts a folder has, comments removed. */
export async function gradleScript(
  ctx: DetectContext,
  dir: string,
  names: readonly string[],
): Promise<GradleScript | undefined> {
  for (const name of names) {
    if (!ctx.has(dir, name)) continue;
    const path = joinRel(dir, name);
    const text = await ctx.text(path);
    if (text !== undefined) return { path, text: stripComments(text) };
  }
  return undefined;
}

/** Removes block comments and line comments (a `//` inside a URL such as `https://` is kept). */
function stripComments(text: string): string {
  return stripBlocks(text, '/*', '*/').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

/** The root of the Gradle build a folder belongs to: the nearest folder at or above it with a settings script. */
export function gradleRoot(ctx: DetectContext, dir: string): string {
  for (let d: string | undefined = dir; d !== undefined; d = parentOf(d))
    if (SETTINGS_FILES.some((n) => ctx.has(d!, n))) return d;
  return dir;
}

/**
 * True for a build's own build logic rather than a project: its `buildSrc`, or a build that a
 * settings script above includes in `pluginManagement { includeBuild(…) }` (convention plugins).
 */
export async function isBuildLogic(ctx: DetectContext, dir: string): Promise<boolean> {
  const parent = parentOf(dir);
  if (parent === undefined) return false;
  if (
    dir.slice(dir.lastIndexOf('/') + 1) === 'buildSrc' &&
    [...BUILD_FILES, ...SETTINGS_FILES].some((n) => ctx.has(parent, n))
  )
    return true;
  for (let d: string | undefined = parent; d !== undefined; d = parentOf(d)) {
    const settings = await gradleScript(ctx, d, SETTINGS_FILES);
    if (!settings) continue;
    const block = braceBlock(settings.text, /\bpluginManagement\s*\{/);
    for (const m of block?.matchAll(/\bincludeBuild\s*\(?\s*["']([^"'\n]+)["']/g) ?? [])
      if (posix.normalize(joinRel(d, m[1]!)).replace(/\/+$/, '') === dir) return true;
  }
  return false;
}

/** The text inside the braces that follow the first match of `opener` (which ends at its `{`). */
function braceBlock(text: string, opener: RegExp): string | undefined {
  const m = opener.exec(text);
  if (!m) return undefined;
  const start = m.index + m[0].length;
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(start, i);
  }
  return text.slice(start);
}

/**
 * The project folders a settings script includes, relative to its folder: `include("a", ":b:c")`
 * (across lines too) and Groovy `include 'a', 'b'`, with `project(":a").projectDir = file("x")`
 * moving a project. `includeBuild` names a separate build, not a project of this one.
 */
export function settingsProjects(settings: string): string[] {
  const moved = new Map<string, string>();
  for (const m of settings.matchAll(
    /project\(\s*["']:?([^"'\n]+)["']\s*\)\.projectDir\s*=\s*(?:file\(\s*|(?:new\s+)?File\(\s*(?:settingsDir|rootDir)\s*,\s*)["']([^"'\n]+)["']/g,
  ))
    moved.set(m[1]!.replace(/:/g, '/'), m[2]!.replace(/^\.\//, '').replace(/\/+$/, ''));
  const members: string[] = [];
  const include = /\binclude(?![\w$])[ \t]*(\()?/g;
  for (let m = include.exec(settings); m; m = include.exec(settings)) {
    const start = m.index + m[0].length;
    // A call runs to its closing parenthesis; Groovy's bare form to the end of the line, or on
    // after a trailing comma. The next include is looked for after it: one pass over the file.
    const close = m[1] ? settings.indexOf(')', start) : groovyArgsEnd(settings, start);
    const end = close < 0 ? settings.length : close;
    for (const q of settings.slice(start, end).matchAll(/["']:?([^"'\n]+)["']/g)) {
      const name = q[1]!.replace(/:/g, '/');
      members.push(moved.get(name) ?? name);
    }
    include.lastIndex = end;
  }
  return members;
}

function groovyArgsEnd(text: string, from: number): number {
  let at = from;
  for (;;) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    if (!/,\s*$/.test(text.slice(at, nl))) return nl;
    at = nl + 1;
  }
}

/** `rootProject.name` from a settings script. */
export function rootProjectName(settings: string | undefined): string | undefined {
  return capture(settings, /rootProject\.name\s*=\s*['"]([^'"\n]+)['"]/);
}
