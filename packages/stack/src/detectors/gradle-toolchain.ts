import { joinRel, type DetectContext, type Found } from '../context.js';
import { treeFile } from '../version-files.js';
import type { GradleScript } from './gradle-build.js';

/**
 * Where a build script says which Java it compiles for, strongest first: the toolchain
 * (`languageVersion.set(JavaLanguageVersion.of(17))`, `languageVersion = …`, Kotlin's
 * `jvmToolchain(17)`), the compiler's `options.release`, then `sourceCompatibility` and
 * `targetCompatibility` (`JavaVersion.VERSION_17`, `'11'`, `1.8`).
 */
const DECLARATIONS: readonly RegExp[] = [
  /JavaLanguageVersion\.of\(/g,
  /\bjvmToolchain\(/g,
  /\boptions\.release(?:\.set\(|[ \t]*=[ \t]*)/g,
  /\bsourceCompatibility(?:\.set\(|[ \t]*=?[ \t]*)/g,
  /\btargetCompatibility(?:\.set\(|[ \t]*=?[ \t]*)/g,
];

/** Declarations of one kind tried per script; a real script has one or two. */
const MAX_TRIES = 20;

/** Expressions nested deeper than this are not unwrapped; no real one comes close. */
const MAX_DEPTH = 8;

/**
 * The Java version a Gradle build script declares, with where the number itself is written: the
 * script, the version catalog (`libs.versions.java.get()`) or gradle.properties (`property("javaVersion")`,
 * a bare Groovy property, `"${javaVersion}"`). Lookups go to the project's folder, then the build's root.
 */
export async function declaredJava(
  ctx: DetectContext,
  script: GradleScript,
  dirs: readonly string[],
): Promise<Found | undefined> {
  for (const re of DECLARATIONS) {
    let tries = 0;
    for (const m of script.text.matchAll(re)) {
      // Each try may scan the script for a variable: a hostile one must not make that quadratic.
      if (++tries > MAX_TRIES) break;
      const start = (m.index ?? 0) + m[0].length;
      const arg = m[0].endsWith('(') ? callArgument(script.text, start) : lineRest(script.text, start);
      const found = await resolve(ctx, script, dirs, arg, 0);
      if (found) return found;
    }
  }
  return undefined;
}

/** The text up to the parenthesis that closes the one just opened, or undefined when unbalanced. */
function callArgument(text: string, from: number): string | undefined {
  let depth = 1;
  for (let i = from; i < text.length && i < from + 300; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return text.slice(from, i);
  }
  return undefined;
}

function lineRest(text: string, from: number): string {
  const nl = text.indexOf('\n', from);
  return text.slice(from, nl < 0 ? text.length : nl).replace(/[;}]\s*$/, '');
}

async function resolve(
  ctx: DetectContext,
  script: GradleScript,
  dirs: readonly string[],
  raw: string | undefined,
  depth: number,
): Promise<Found | undefined> {
  if (raw === undefined || depth > MAX_DEPTH) return undefined;
  const expr = raw
    .trim()
    .replace(/(?:\.(?:get|toInt|toInteger|toString|asInt)\(\)|\s+as\s+(?:String|Integer|Int))+$/, '')
    .trim();
  const literal = javaLiteral(expr);
  if (literal) return { value: literal, source: script.path };
  const wrapped =
    /^(?:JavaLanguageVersion\.of|JavaVersion\.toVersion|Integer\.(?:parseInt|valueOf)|String\.valueOf)\(([\s\S]*)\)$/.exec(
      expr,
    );
  if (wrapped) return resolve(ctx, script, dirs, wrapped[1], depth + 1);
  const catalog = /^libs\.versions\.([\w.]+)$/.exec(expr);
  if (catalog) return catalogVersion(ctx, dirs, catalog[1]!);
  const property =
    /^(?:(?:project|rootProject)\.)?(?:property|findProperty|providers\.gradleProperty)\(\s*["']([\w.-]+)["']\s*\)$/.exec(
      expr,
    )?.[1] ??
    /^(?:(?:project|rootProject)\.)?(?:properties|extra|ext)\[\s*["']([\w.-]+)["']\s*\]$/.exec(expr)?.[1] ??
    /^"\$\{?([\w.]+)\}?"$/.exec(expr)?.[1] ??
    /^(?:(?:project|rootProject)\.(?:ext\.)?)?([A-Za-z_]\w*)$/.exec(expr)?.[1];
  if (property === undefined) return undefined;
  // A value set in the script itself (`val javaVersion = 21`, `def jdk = '17'`, `ext.jdk = 17`) …
  const local = new RegExp(
    `(?:\\b(?:val|var|def)\\s+|\\bext\\.|\\bextra\\[\\s*["'])${escape(property)}(?:["']\\s*\\])?(?:\\s*:\\s*\\w+)?\\s*=\\s*([^\\n;]+)`,
  ).exec(script.text)?.[1];
  const inScript = local === undefined ? undefined : await resolve(ctx, script, dirs, local, depth + 1);
  if (inScript) return inScript;
  // … else gradle.properties, the project's then the root build's.
  return gradleProperty(ctx, dirs, property);
}

/** A Java version written out: `17`, `"21"`, `'1.8'`, `JavaVersion.VERSION_1_8`, `JavaVersion.VERSION_17`. */
function javaLiteral(expr: string): string | undefined {
  const enumMatch = /^JavaVersion\.VERSION_(\d+(?:_\d+)?)$/.exec(expr)?.[1];
  const plain = enumMatch?.replace(/_/g, '.') ?? /^(["']?)(\d+(?:\.\d+)*)\1$/.exec(expr)?.[2];
  // 1.8 is Java 8: the numbering before Java 9.
  return plain?.replace(/^1\.(?=\d+$)/, '');
}

async function catalogVersion(
  ctx: DetectContext,
  dirs: readonly string[],
  accessor: string,
): Promise<Found | undefined> {
  // Gradle turns `-`, `_` and `.` in an alias into the same accessor segments.
  const wanted = accessor.toLowerCase();
  for (const dir of new Set(dirs)) {
    const file = await treeFile(ctx, joinRel(dir, 'gradle/libs.versions.toml'));
    if (!('text' in file)) continue;
    let inVersions = false;
    for (const line of file.text.split(/\r?\n/)) {
      const table = /^\s*\[\s*([\w.-]+)\s*\]/.exec(line);
      if (table) {
        inVersions = table[1] === 'versions';
        continue;
      }
      if (!inVersions) continue;
      const m =
        /^\s*["']?([\w.-]+)["']?\s*=\s*(?:["']([^"']*)["']|\{[^}]*?\b(?:strictly|require|prefer)\s*=\s*["']([^"']*)["'])/.exec(
          line,
        );
      if (!m || m[1]!.toLowerCase().replace(/[-_]/g, '.') !== wanted) continue;
      const value = javaLiteral(m[2] ?? m[3] ?? '');
      return value ? { value, source: `${file.path}#versions.${m[1]}` } : undefined;
    }
  }
  return undefined;
}

async function gradleProperty(ctx: DetectContext, dirs: readonly string[], name: string): Promise<Found | undefined> {
  for (const dir of new Set(dirs)) {
    const file = await treeFile(ctx, joinRel(dir, 'gradle.properties'));
    if (!('text' in file)) continue;
    const raw = new RegExp(`^[ \\t]*${escape(name)}[ \\t]*[=:][ \\t]*(.*?)[ \\t]*$`, 'm').exec(file.text)?.[1];
    const value = raw === undefined ? undefined : javaLiteral(raw);
    if (value) return { value, source: `${file.path}#${name}` };
  }
  return undefined;
}

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
