import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';

/** One key of a mapping after aliases and merge keys (`<<:`) are followed. */
export interface Entry {
  key: string;
  keyNode: Node;
  value: Node | undefined;
}

/** Merge chains deeper than this are treated as absent (a loop of aliases ends here). */
const MAX_DEPTH = 16;

/**
 * A parsed workflow with lookups that follow anchors, aliases and merge keys, as GitHub does,
 * so a context hidden behind `*alias` or `<<: *defaults` is seen where it is used.
 */
export class YamlTree {
  readonly doc: Document;
  readonly lc = new LineCounter();

  constructor(readonly source: string) {
    this.doc = parseDocument(source, { lineCounter: this.lc, uniqueKeys: false, merge: true });
  }

  /** The node an alias stands for (the node itself otherwise). */
  node(n: unknown): Node | undefined {
    let cur = n;
    for (let i = 0; i < MAX_DEPTH && isAlias(cur); i++) cur = cur.resolve(this.doc);
    return isAlias(cur) ? undefined : (cur as Node | undefined);
  }

  /** A mapping's keys in order, merged keys first and overridden by the mapping's own. */
  entries(map: unknown, depth = 0): Entry[] {
    const m = this.node(map);
    if (!isMap(m) || depth > MAX_DEPTH) return [];
    const own: Entry[] = [];
    const merged: Entry[] = [];
    for (const pair of m.items) {
      const k = this.node(pair.key);
      if (!isScalar(k)) continue;
      if (k.value === '<<' || typeof k.value === 'symbol') {
        const from = this.node(pair.value);
        for (const src of isSeq(from) ? from.items : [from]) merged.push(...this.entries(src, depth + 1));
        continue;
      }
      own.push({ key: String(k.value), keyNode: k, value: this.node(pair.value) });
    }
    if (!merged.length) return own;
    const ownKeys = new Set(own.map((e) => e.key));
    return [...merged.filter((e) => !ownKeys.has(e.key)), ...own];
  }

  /** The value under `key`, or undefined. */
  get(map: unknown, key: string): Node | undefined {
    const m = this.node(map);
    if (!isMap(m)) return undefined;
    const found = this.entries(m).filter((e) => e.key === key);
    return found[found.length - 1]?.value;
  }

  /** The items of a sequence, aliases followed. */
  items(seq: unknown): Node[] {
    const s = this.node(seq);
    return isSeq(s) ? s.items.map((i) => this.node(i)).filter((i): i is Node => i !== undefined) : [];
  }

  /** A scalar's value as text (numbers and booleans too); undefined for anything else. */
  text(node: unknown): string | undefined {
    const n = this.node(node);
    return isScalar(n) && n.value !== null ? String(n.value) : undefined;
  }

  /** A scalar's value only when YAML reads it as a string. */
  str(node: unknown): string | undefined {
    const n = this.node(node);
    return isScalar(n) && typeof n.value === 'string' ? n.value : undefined;
  }

  /** Every string scalar under a node (keys excluded), for expression scans. */
  strings(node: unknown, depth = 0): Array<{ value: string; node: Node }> {
    const n = this.node(node);
    if (!n || depth > 64) return [];
    if (isScalar(n)) return typeof n.value === 'string' ? [{ value: n.value, node: n }] : [];
    if (isMap(n)) return this.entries(n).flatMap((e) => this.strings(e.value, depth + 1));
    if (isSeq(n)) return this.items(n).flatMap((i) => this.strings(i, depth + 1));
    return [];
  }

  /** The 1-based line a node starts on. */
  line(node: unknown): number {
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    return range ? this.lc.linePos(range[0]).line : 1;
  }

  /** The line of `needle` inside a node's source text (a block scalar spans lines), else the node's line. */
  lineOf(node: unknown, needle: string): number {
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (!range) return 1;
    const at = this.source.slice(range[0], range[1]).indexOf(needle);
    return this.lc.linePos(at >= 0 ? range[0] + at : range[0]).line;
  }
}

/**
 * The first key that a mapping repeats, with its line. The yaml library's own check compares every
 * key with every other (a 100,000-job file took minutes); a Set per mapping is linear.
 */
export function duplicateKey(tree: YamlTree): { key: string; line: number } | undefined {
  let found: { key: string; line: number } | undefined;
  visit(tree.doc, {
    Map(_key, map) {
      const keys = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || typeof pair.key.value === 'symbol') continue;
        const key = String(pair.key.value);
        if (keys.has(key)) {
          found = { key, line: tree.line(pair.key) };
          return visit.BREAK;
        }
        keys.add(key);
      }
      return undefined;
    },
  });
  return found;
}
