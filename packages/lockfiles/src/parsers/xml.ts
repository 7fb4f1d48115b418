// A small XML reader for the build files the lockfile parsers read (pom.xml, packages.config,
// Directory.Packages.props, gradle/verification-metadata.xml): elements, attributes and text, with
// the line each element starts on. Tool-written and well-formed, they need no more; a full parser
// would give no lines. Entities declared in a DOCTYPE are never expanded, so a file cannot grow
// itself (no "billion laughs"); only XML's five and character references are decoded.
import { LockfileError } from '../types.js';
import { LineIndex } from '../util.js';

/** One element: its local name (namespace prefix dropped), attributes, child elements and text. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The text directly inside the element, entities decoded, not trimmed. */
  text: string;
  /** 1-based line of the start tag. */
  line: number;
}

const NAME = /[^\s/>=<"']+/y;
const ATTR = /\s+([^\s/>=<"']+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*(\/?)>/y;
const CLOSE = /<\/([^\s/>=<"']+)\s*>/y;
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9A-Fa-f]{1,6}));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Parses a whole XML document into its root element, or throws a LockfileError with the line. */
export function parseXml(source: string, file: string): XmlElement {
  const text = source.replace(/^\uFEFF/, '');
  const lines = new LineIndex(text);
  function fail(what: string, at: number): never {
    throw new LockfileError(`not valid XML: ${what}`, file, lines.lineAt(at));
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt < 0 ? text.length : lt);
    const top = stack[stack.length - 1];
    if (top) top.text += decode(chunk);
    else if (chunk.trim() !== '') fail('text outside the root element', i + chunk.search(/\S/));
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) i = skipPast(text, '-->', lt + 4, () => fail('a comment is never closed', lt));
    else if (text.startsWith('<![CDATA[', lt)) {
      const end = skipPast(text, ']]>', lt + 9, () => fail('a CDATA section is never closed', lt));
      if (!top) fail('a CDATA section outside the root element', lt);
      top.text += text.slice(lt + 9, end - 3);
      i = end;
    } else if (text.startsWith('<?', lt)) i = skipPast(text, '?>', lt + 2, () => fail('<? is never closed', lt));
    else if (text.startsWith('<!', lt)) i = skipDeclaration(text, lt, () => fail('<! is never closed', lt));
    else if (text.startsWith('</', lt)) {
      CLOSE.lastIndex = lt;
      const m = CLOSE.exec(text);
      if (!m) fail('a malformed end tag', lt);
      const open = stack.pop();
      if (!open) fail(`</${m[1]}> closes nothing`, lt);
      if (localName(m[1]!) !== open.name)
        fail(`<${open.name}> opened on line ${open.line} is closed by </${m[1]}>`, lt);
      i = CLOSE.lastIndex;
    } else {
      const element = startTag(text, lt, lines, fail);
      if (top) top.children.push(element.el);
      else if (root) fail('a second root element', lt);
      else root = element.el;
      if (!element.selfClosing) stack.push(element.el);
      i = element.end;
    }
  }
  const open = stack.pop();
  if (open) fail(`<${open.name}> opened on line ${open.line} is never closed`, text.length);
  if (!root) fail('no root element', 0);
  return root;
}

function startTag(
  text: string,
  lt: number,
  lines: LineIndex,
  fail: (what: string, at: number) => never,
): { el: XmlElement; selfClosing: boolean; end: number } {
  NAME.lastIndex = lt + 1;
  const name = NAME.exec(text);
  if (!name) fail('a malformed tag', lt);
  const attrs: Record<string, string> = {};
  let at = NAME.lastIndex;
  for (;;) {
    ATTR.lastIndex = at;
    const a = ATTR.exec(text);
    if (!a) break;
    attrs[localName(a[1]!)] = decode(a[2] ?? a[3] ?? '');
    at = ATTR.lastIndex;
  }
  TAG_END.lastIndex = at;
  const end = TAG_END.exec(text);
  if (!end) fail(`the tag <${name[0]}> is malformed or never closed`, lt);
  return {
    el: { name: localName(name[0]), attrs, children: [], text: '', line: lines.lineAt(lt) },
    selfClosing: end[1] === '/',
    end: TAG_END.lastIndex,
  };
}

/** The offset just past `close`, searching from `from`. */
function skipPast(text: string, close: string, from: number, missing: () => never): number {
  const end = text.indexOf(close, from);
  return end < 0 ? missing() : end + close.length;
}

/** Skips `<!DOCTYPE …>`, whose internal subset in brackets may hold `>`. */
function skipDeclaration(text: string, lt: number, missing: () => never): number {
  let depth = 0;
  for (let i = lt + 2; i < text.length; i++) {
    const c = text[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return i + 1;
  }
  return missing();
}

function localName(qualified: string): string {
  return qualified.slice(qualified.indexOf(':') + 1);
}

function decode(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(ENTITY, (whole, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named) return NAMED[named]!;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The first child element with a local name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** Every child element with a local name. */
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el?.children.filter((c) => c.name === name) ?? [];
}

/** The trimmed text of the first child with a local name, or undefined when absent or empty. */
export function childText(el: XmlElement | undefined, name: string): string | undefined {
  const text = child(el, name)?.text.trim();
  return text === '' ? undefined : text;
}
