/** A line that holds at least one keyword, and the entries whose keywords it holds. */
export interface KeywordLine {
  /** Offsets of the line in the text (end excludes the newline). */
  start: number;
  end: number;
  /** 0-based number of the line within the text. */
  index: number;
  /** Indexes of the entries hit, in ascending order. */
  hits: number[];
}

let lowering: Map<string, number[]> | undefined;

/** Every character code whose lower case is `ch`, by trying all 65,536 (about 15 ms, so done once). */
export function codesLoweringToByScan(ch: string): number[] {
  if (!lowering) {
    lowering = new Map();
    for (let c = 0; c < 0x10000; c++) {
      const lower = String.fromCharCode(c).toLowerCase();
      if (lower.length !== 1) continue;
      const list = lowering.get(lower);
      if (list) list.push(c);
      else lowering.set(lower, [c]);
    }
  }
  return lowering.get(ch) ?? [];
}

/** The one character outside ASCII whose lower case is in it: the Kelvin sign, for `k`. */
const KELVIN = 0x212a;

/**
 * The character codes whose lower case is `ch` (`K`, `k` and the Kelvin sign for `k`). Keywords are
 * nearly all ASCII, which needs no scan (prefilter.test.ts checks it against the scan for every
 * ASCII character); the scan is for the rest.
 */
export function codesLoweringTo(ch: string): number[] {
  const code = ch.charCodeAt(0);
  if (ch.length !== 1 || code >= 0x80) return codesLoweringToByScan(ch);
  const upper = ch.toUpperCase().charCodeAt(0);
  if (ch.toLowerCase() !== ch) return [];
  const codes = upper === code ? [code] : [upper, code];
  return ch === 'k' ? [...codes, KELVIN] : codes;
}

/**
 * Finds, in one pass over the text, which entries' keywords occur on each line, however many
 * entries there are: an Aho-Corasick automaton, compiled to a dense table (a DFA), reads every
 * character once. Matching ignores case. Lines once every entry is hit are skipped to their end.
 *
 * The loop does three lookups per character and one comparison: states are numbered so that
 * those with outputs come last, and a newline leads to a state of its own after them, so one
 * `row >= firstMarked` test finds both a keyword's end and a line's.
 */
export class KeywordPrefilter {
  /** Character code to its class (0: a character in no keyword). */
  private readonly classOf: Uint8Array | Uint16Array;
  /** Rows of the table are 2^shift wide, so a state's row starts at state << shift. */
  private readonly shift: number;
  /** The automaton: the next state's row = delta[row + class] (rows, not state numbers, save a multiply). */
  private readonly delta: Int32Array;
  /** For each state, the entries whose keywords end there (directly or through a suffix), or undefined. */
  private readonly outputs: (number[] | undefined)[];
  /** The first row of a state with outputs; the newline's row is the last. */
  private readonly firstMarked: number;
  private readonly newlineRow: number;
  private readonly entryCount: number;
  /** Entries in all (the size of the per-line mark table). */
  private readonly marks: number;

  /** `keywords[i]` are entry i's keywords; empty strings are ignored. */
  constructor(keywords: readonly (readonly string[])[]) {
    this.marks = keywords.length;
    // Entries without keywords can never be hit: only the others count towards "all hit".
    this.entryCount = keywords.filter((list) => list.some((k) => k !== '')).length;
    const classByChar = new Map<string, number>();
    const words: { chars: string; entry: number }[] = [];
    keywords.forEach((list, entry) => {
      for (const kw of list) {
        if (kw === '') continue;
        const chars = kw.toLowerCase();
        // Code units, not code points: the scan reads the text with charCodeAt.
        for (const ch of chars.split('')) if (!classByChar.has(ch)) classByChar.set(ch, classByChar.size + 1);
        words.push({ chars, entry });
      }
    });
    // One more class for the newline, which ends every match (a keyword holding one never matches in a line).
    const newline = classByChar.size + 1;
    const classes = newline + 1;
    this.shift = Math.ceil(Math.log2(classes));
    const classOf = classes <= 0x100 ? new Uint8Array(0x10000) : new Uint16Array(0x10000);
    for (const [ch, cls] of classByChar) for (const c of codesLoweringTo(ch)) classOf[c] = cls;
    classOf[10] = newline;
    this.classOf = classOf;

    // The trie, with transitions per class (-1: none yet).
    const goto: number[][] = [new Array<number>(classes).fill(-1)];
    const own: Set<number>[] = [new Set()];
    for (const { chars, entry } of words) {
      if (chars.includes('\n')) continue;
      let s = 0;
      for (let i = 0; i < chars.length; i++) {
        const cls = classOf[chars.charCodeAt(i)]!;
        let next = goto[s]![cls]!;
        if (next < 0) {
          next = goto.length;
          goto.push(new Array<number>(classes).fill(-1));
          own.push(new Set());
          goto[s]![cls] = next;
        }
        s = next;
      }
      own[s]!.add(entry);
    }

    // Breadth-first: each state's failure link, outputs merged along it, and missing transitions
    // filled in from the failure state, which makes the table a DFA.
    const fail = new Int32Array(goto.length);
    const order: number[] = [];
    for (let cls = 0; cls < classes; cls++) {
      const next = goto[0]![cls]!;
      if (next < 0) goto[0]![cls] = 0;
      else order.push(next);
    }
    for (let q = 0; q < order.length; q++) {
      const s = order[q]!;
      for (const e of own[fail[s]!]!) own[s]!.add(e);
      for (let cls = 0; cls < classes; cls++) {
        const next = goto[s]![cls]!;
        const viaFail = goto[fail[s]!]![cls]!;
        if (next < 0) goto[s]![cls] = viaFail;
        else {
          fail[next] = viaFail;
          order.push(next);
        }
      }
    }
    // Renumber: the root first, states without outputs, then those with, then the newline's
    // state, which moves on like the root.
    const plain = goto.map((_, s) => s).filter((s) => s === 0 || own[s]!.size === 0);
    const marked = goto.map((_, s) => s).filter((s) => s !== 0 && own[s]!.size > 0);
    const number = new Int32Array(goto.length);
    [...plain, ...marked].forEach((s, n) => (number[s] = n));
    const states = goto.length + 1;
    const newlineState = goto.length;
    this.firstMarked = plain.length << this.shift;
    this.newlineRow = newlineState << this.shift;
    this.delta = new Int32Array(states << this.shift);
    const fill = (state: number, row: readonly number[]): void =>
      row.forEach((next, cls) => {
        this.delta[(state << this.shift) + cls] = (cls === newline ? newlineState : number[next]!) << this.shift;
      });
    goto.forEach((row, s) => fill(number[s]!, row));
    fill(newlineState, goto[0]!);
    this.outputs = new Array<number[] | undefined>(states).fill(undefined);
    own.forEach((set, s) => {
      if (set.size) this.outputs[number[s]!] = [...set].sort((a, b) => a - b);
    });
  }

  /** The lines of the text that hold keywords, in order, each with the entries hit. */
  lines(text: string): KeywordLine[] {
    const { classOf, shift, delta, outputs, firstMarked, newlineRow, entryCount } = this;
    const found: KeywordLine[] = [];
    const mark = new Int32Array(this.marks);
    let hits: number[] = [];
    let row = 0;
    let index = 0;
    let start = 0;
    const length = text.length;
    for (let i = 0; i < length; i++) {
      row = delta[row + classOf[text.charCodeAt(i)]!]!;
      if (row < firstMarked) continue;
      if (row === newlineRow) {
        if (hits.length) {
          found.push({ start, end: i, index, hits: hits.sort((a, b) => a - b) });
          hits = [];
        }
        index++;
        start = i + 1;
        continue;
      }
      for (const e of outputs[row >> shift]!) {
        if (mark[e] === index + 1) continue;
        mark[e] = index + 1;
        hits.push(e);
      }
      if (hits.length === entryCount) {
        // Nothing left to find on this line: jump to its newline.
        const nl = text.indexOf('\n', i);
        i = (nl < 0 ? length : nl) - 1;
      }
    }
    if (hits.length) found.push({ start, end: length, index, hits: hits.sort((a, b) => a - b) });
    return found;
  }
}
