import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4006:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(8016);
const utils = __nccwpck_require__(4059);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 5595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 8265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(5595);
const utils = __nccwpck_require__(4059);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 8016:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(1781);
const parse = __nccwpck_require__(8265);
const utils = __nccwpck_require__(4059);
const constants = __nccwpck_require__(5595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 1781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(4059);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(5595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 4059:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(5595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var net = __nccwpck_require__(9278);
var tls = __nccwpck_require__(4756);
var http = __nccwpck_require__(8611);
var https = __nccwpck_require__(5692);
var events = __nccwpck_require__(4434);
var assert = __nccwpck_require__(2613);
var util = __nccwpck_require__(9023);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
__webpack_unused_export__ = debug; // for test


/***/ }),

/***/ 4284:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _slipway_action_kit__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5644);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8512);


await (0,_slipway_action_kit__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)('detect-stack', _main_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .e);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8512:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 13 modules
var lite = __nccwpck_require__(3669);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/error.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function getLineColFromPtr(string, ptr) {
    let lines = string.slice(0, ptr).split(/\r?\n/);
    return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
    let lines = string.split(/\r?\n/);
    let codeblock = '';
    let numberLen = (Math.log10(line + 1) | 0) + 1;
    for (let i = line - 1; i <= line + 1; i++) {
        let l = lines[i - 1];
        if (!l)
            continue;
        codeblock += i.toString().padEnd(numberLen, ' ');
        codeblock += ':  ';
        codeblock += l;
        codeblock += '\n';
        if (i === line) {
            codeblock += ' '.repeat(numberLen + column + 2);
            codeblock += '^\n';
        }
    }
    return codeblock;
}
class TomlError extends Error {
    line;
    column;
    codeblock;
    constructor(message, options) {
        const [line, column] = getLineColFromPtr(options.toml, options.ptr);
        const codeblock = makeCodeBlock(options.toml, line, column);
        super(`Invalid TOML document: ${message}\n\n${codeblock}`, options);
        this.line = line;
        this.column = column;
        this.codeblock = codeblock;
    }
    /** @internal */
    static x(message, ctx, ptr) {
        throw new TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/primitive.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

/** @internal */
function parseString(ctx) {
    let startPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p++);
    let first = c;
    let isLiteral = c === 0x27; /* ' */
    let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
    if (isMultiline) {
        // Trim initial newline
        if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 0xa /* \n */)
            ctx.p++;
        else if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)
            ctx.p += 2;
    }
    // For the record: it is not worth it to use a fast-path for literal strings using `indexOf`.
    // Doing a char-by-char iteration ends up dispatching less instructions, for the same wall-clock runtime.
    let parsed = '';
    let sliceStart = ctx.p;
    // states:
    //   0 - decoding
    //   1 - decoding escape
    //   2 - whitespace escape (no newline encountered yet, must fail on non-whitespace)
    //   3 - whitespace escape (newline encountered, allowed to transition back to normal decode)
    let state = 0;
    for (; ctx.p < ctx.s.length; ctx.p++) {
        c = ctx.s.charCodeAt(ctx.p);
        // Deal with newlines first, since that simplifies control character checking and handling across all states
        if (isMultiline && (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */))) {
            state = state && 3;
        }
        // Control characters are banned in TOML, so we throw an error if we encounter them
        else if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in strings', ctx);
        }
        // The string might terminate while we're parsing through a newline escape.
        // It must have encountered a newline; otherwise, it'll simply fail in another branch.
        else if ((!state || state === 3) && c === first && (!isMultiline || (ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first))) {
            if (isMultiline) {
                // If the string ends with 4-5 quotes, then the first 1-2 are part of the string
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
            }
            // If we're in a newline escape still, then there's nothing to add.
            if (!state) {
                // Avoid a useless concat operation if the string can be used as-is.
                let s = ctx.s.slice(sliceStart, ctx.p);
                parsed = parsed ? parsed + s : s;
            }
            ctx.p += isMultiline ? 3 : 1;
            return parsed;
        }
        // Baseline state; keep moving forward unless an escape sequence starts
        else if (!state) {
            if (!isLiteral && c === 0x5c /* \ */) {
                parsed += ctx.s.slice(sliceStart, (sliceStart = ctx.p));
                state = 1;
            }
        }
        else if (state === 1) {
            if (c === 0x78 /* x */ || c === 0x75 /* u */ || c === 0x55 /* U */) { // Unicode escape
                let errPtr = ctx.p++ - 1;
                let value = 0;
                let len = c === 0x78 /* x */ ? 2 : c === 0x75 /* u */ ? 4 : 8;
                for (let j = 0; j < len; j++, ctx.p++) {
                    let hex = ctx.s.charCodeAt(ctx.p);
                    let digit = 
                    /* 0-9 */ hex >= 0x30 && hex <= 0x39 ? hex - 0x30 :
                        /* A-F */ hex >= 0x41 && hex <= 0x46 ? hex - 0x41 + 10 :
                            /* a-f */ hex >= 0x61 && hex <= 0x66 ? hex - 0x61 + 10 : -1;
                    if (digit < 0)
                        TomlError.x('invalid non-hex character in unicode escape', ctx);
                    value = (value << 4) | digit;
                }
                // Because JS does bitwise on signed 32bit integers, all 0xfzzzzzzz values are actually seen as negative
                if (value < 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
                    TomlError.x('invalid unicode escape', ctx, errPtr);
                }
                parsed += String.fromCodePoint(value);
                sliceStart = ctx.p--;
                state = 0;
            }
            // Newline escape sequence. We only need to care about spaces and tabs; newlines are dealt with earlier
            else if (isMultiline && (c === 0x20 || c === 0x9 /* \t */)) {
                state = 2;
            }
            // Basic escape sequence
            else {
                if (c === 0x62 /* b */)
                    parsed += '\b';
                else if (c === 0x74 /* t */)
                    parsed += '\t';
                else if (c === 0x6e /* n */)
                    parsed += '\n';
                else if (c === 0x66 /* f */)
                    parsed += '\f';
                else if (c === 0x72 /* r */)
                    parsed += '\r';
                else if (c === 0x65 /* e */)
                    parsed += '\x1b';
                else if (c === 0x22 /* " */)
                    parsed += '"';
                else if (c === 0x5c /* \ */)
                    parsed += '\\';
                else
                    TomlError.x('unrecognised escape sequence', ctx);
                sliceStart = ctx.p + 1;
                state = 0;
            }
        }
        // Newline escape continuation: keep moving forward until the first non-whitespace char
        else if (c !== 0x20 && c !== 0x9 /* \t */) {
            if (state === 2)
                TomlError.x('invalid escape: only line-ending whitespace may be escaped', ctx, sliceStart);
            // State cannot be zero, or we'd have branched earlier already.
            // If it's a backslash, immediately transition to the escape state so it can be processed.
            state = !isLiteral && c === 0x5c /* \ */ ? 1 : 0;
            sliceStart = ctx.p;
        }
    }
    TomlError.x('unfinished string', ctx, startPtr);
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/date.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
class TomlDate extends Date {
    #hasDate = false;
    #hasTime = false;
    #offset = null;
    constructor(date, fasttype, unsafeDelim) {
        let hasDate = true;
        let hasTime = true;
        let offset = 'Z';
        let c;
        if (typeof date === 'string') {
            if (fasttype)
                prep: {
                    // Date-time
                    if (fasttype < 3) {
                        if (+date.slice(11, 13) > 23) {
                            date = '';
                            break prep;
                        }
                        // Local
                        if (fasttype === 2) {
                            offset = null;
                            date += 'Z';
                        }
                        // Offset; keep track of offset if not Z
                        else if ((c = date.charCodeAt(date.length - 1)) !== 0x5a /* Z */ && c !== 0x7a /* z */) {
                            offset = date.slice(date.length - 6);
                        }
                        if (unsafeDelim)
                            date = date.slice(0, 10) + 'T' + date.slice(11);
                    }
                    // Time
                    else if (fasttype === 4) {
                        date = +date.slice(0, 2) > 23 ? '' : `0000-01-01T${date}Z`;
                    }
                    hasDate = fasttype !== 4;
                    hasTime = fasttype !== 3;
                }
            else {
                let match = date.match(DATE_TIME_RE);
                if (match) {
                    if (!match[1]) {
                        hasDate = false;
                        date = `0000-01-01T${date}`;
                    }
                    hasTime = !!match[2];
                    // Make sure to use T instead of a space. Breaks in case of extreme values otherwise.
                    hasTime && date[10] === ' ' && (date = date.replace(' ', 'T'));
                    // Do not allow rollover hours.
                    if (match[2] && +match[2] > 23) {
                        date = '';
                    }
                    else {
                        offset = match[3] || null;
                        if (!offset && hasTime)
                            date += 'Z';
                    }
                }
                else {
                    date = '';
                }
            }
        }
        super(date);
        if (!isNaN(this.getTime())) {
            this.#hasDate = hasDate;
            this.#hasTime = hasTime;
            this.#offset = offset;
        }
    }
    isDateTime() {
        return this.#hasDate && this.#hasTime;
    }
    isLocal() {
        return !this.#hasDate || !this.#hasTime || !this.#offset;
    }
    isDate() {
        return this.#hasDate && !this.#hasTime;
    }
    isTime() {
        return this.#hasTime && !this.#hasDate;
    }
    isValid() {
        return this.#hasDate || this.#hasTime;
    }
    toISOString() {
        let iso = super.toISOString();
        // Local Date
        if (this.isDate())
            return iso.slice(0, 10);
        // Local Time
        if (this.isTime())
            return iso.slice(11, 23);
        // Local DateTime
        if (this.#offset === null)
            return iso.slice(0, -1);
        // Offset DateTime
        if (this.#offset === 'Z' || this.#offset === 'z')
            return iso;
        // This part is quite annoying: JS strips the original timezone from the ISO string representation
        // Instead of using a "modified" date and "Z", we restore the representation "as authored"
        let offset = (+(this.#offset.slice(1, 3)) * 60) + +(this.#offset.slice(4, 6));
        offset = this.#offset[0] === '-' ? offset : -offset;
        let offsetDate = new Date(this.getTime() - (offset * 60e3));
        return offsetDate.toISOString().slice(0, -1) + this.#offset;
    }
    static wrapAsOffsetDateTime(jsDate, offset = 'Z') {
        let date = new TomlDate(jsDate);
        date.#offset = offset;
        return date;
    }
    static wrapAsLocalDateTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#offset = null;
        return date;
    }
    static wrapAsLocalDate(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasTime = false;
        date.#offset = null;
        return date;
    }
    static wrapAsLocalTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasDate = false;
        date.#offset = null;
        return date;
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/extract.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




function isDigit(char, base = 10) {
    return base === 16
        ? (char > 0x2f && char < 0x3a) || (char > 0x40 && char < 0x47) || (char > 0x60 && char < 0x67)
        : (char > 0x2f && char < 0x30 + base);
}
function isEndOfValue(char, delim) {
    // Whitespace -- we're permissive on `\r` for performance; it'll be dealt with later anyway
    return char === 0x20 || char === 0x9 /* \t */ || char === 0xa /* \n */ || char === 0xd /* \r */ ||
        // Structure end or next value delimiter
        (delim && (char === delim || char === 0x2c /* , */)) ||
        // Comment
        char === 0x23; /* # */
}
/** @internal */
function extractValue(ctx, end) {
    let errPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p);
    // Structs
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
        ctx.d-- || TomlError.x('document contains excessively nested structures. aborting.', ctx);
        let value = c === 0x5b /* [ */
            ? parseArray(ctx)
            : parseInlineTable(ctx);
        ctx.d++;
        return value;
    }
    // Strings
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
        return parseString(ctx);
    }
    // Booleans
    // We can fast-path because the first character is enough to know the only possible value
    if (c === 0x74 /* t */) { // Only possible valid value is `true`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x72 || ctx.s.charCodeAt(++ctx.p) !== 0x75 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, true;
    }
    if (c === 0x66 /* f */) { // Only possible valid value is `false`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6c || ctx.s.charCodeAt(++ctx.p) !== 0x73 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, false;
    }
    if (c === 0x2b /* + */ || c === 0x2d /* - */) {
        return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 0x2c - c, end);
    }
    // Rough heuristic, but `parseDate` falls back to number parsing if it's a false positive.
    // e.g.: `a = 1\n-------------- = 1` would match this heuristic, but gracefully fallback to numbers.
    if (ctx.s.charCodeAt(ctx.p + 4) === 0x2d /* - */ && ctx.s.charCodeAt(ctx.p + 7) === 0x2d /* - */) {
        return parseDate(ctx, c, end);
    }
    // Same logic as above; `parseTime` falls back to number parsing if it's a false positive.
    if (ctx.s.charCodeAt(ctx.p + 2) === 0x3a /* : */) {
        return parseTime(ctx, c, end);
    }
    return parseNumber(ctx, ctx.p, c, 0, end);
}
// State:
// 0: init
// 1: integer
// 2: fractional dot
// 3: fractional
// 4: exponent letter
// 5: exponent
// 6: exponent sign
// 7: exponent with sign
// >9: underscore; see below
//     -> 12: was integer
//     -> 14: was fractional
//     -> 16: was exponent
// states 2-5, 14, 16 are ONLY permitted iif base === 10
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
    let c = startChr;
    let state = 0;
    let hasUnderscores = false;
    // (+/-)inf
    if (c === 0x69 /* i */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x6e || ctx.s.charCodeAt(++ctx.p) !== 0x66)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, (sign || 1) / 0;
    }
    // (+/-)nan
    if (c === 0x6e /* n */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6e)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, NaN;
    }
    // Leading zero
    // Only allowed cases: `0<EOV>`, `0.(...)`, `0e(...)`, `0x(...)`, `0b(...)`, `0o(...)`
    // FWIW, `0e(...)` is a stupid case, but it's not banned per-se so we have to parse it
    if (c === 0x30 /* 0 */) {
        if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
            return ctx.bi === true ? 0n : 0; // note: conveniently deals with `-0`
        if (!sign) {
            if (c === 0x78 /* x */)
                return parseIntegerBaseN(ctx, startPtr, 16, endChr);
            else if (c === 0x62 /* b */)
                return parseIntegerBaseN(ctx, startPtr, 2, endChr);
            else if (c === 0x6f /* o */)
                return parseIntegerBaseN(ctx, startPtr, 8, endChr);
        }
        if (c === 0x2e /* . */)
            state = 2;
        else if (c === 0x65 /* e */ || c === 0x45 /* E */)
            state = 4;
        else
            TomlError.x('illegal leading zero', ctx, startPtr);
    }
    // If the 1st char is not a digit by now, then it's not a valid TOML value at all
    else if (!isDigit(c))
        TomlError.x('invalid value', ctx, startPtr);
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (!state)
            state = 1; // Detects single-digit numbers we can use a fast parse path for
        // The way the states are numbered is not random: underscores are always permitted in odd-numbered states and
        // never permitted in even-numbered ones.
        if (c === 0x5f /* _ */) {
            if (!(state & 1))
                TomlError.x('illegal underscore', ctx);
            state += 11; // 11 is a marker that makes the state even and greater than 9; see the numbering + rationale above
            hasUnderscores = true;
        }
        // Transition to fractional part.
        else if (state === 1 && c === 0x2e /* . */)
            state = 2;
        // Transition to exponent part.
        else if ((state === 1 || state === 3) && (c === 0x65 /* e */ || c === 0x45 /* E */))
            state = 4;
        // + and - are permitted in state 4 only (handled before entering the function for state 0)
        else if (state === 4 && (c === 0x2b /* + */ || c === 0x2d /* - */)) {
            state = 6;
        }
        // All special cases have been handled; only digits are allowed here
        else if (!isDigit(c))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear state flags
        else if (state > 9)
            state -= 11;
        else if (!(state & 1))
            state++;
    }
    // Single-char number; we can fast-path these very easily.
    if (!state) {
        let val = (startChr - 0x30 /* 0 */) * (sign || 1);
        return ctx.bi === true ? BigInt(val) : val;
    }
    // Even-numbered states absolutely require a digit next; not even end of value is permitted
    if (!(state & 1))
        TomlError.x('unfinished numeric value', ctx, startPtr);
    let str = ctx.s.slice(startPtr, ctx.p);
    if (hasUnderscores)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return state > 1
        ? parseFloat(str)
        : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
    let c, underscore = 1;
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (c === 0x5f /* _ */) {
            if (underscore & 1)
                TomlError.x('illegal underscore', ctx);
            underscore = 3;
        }
        // We only need to check if the number is a valid digit, nothing else is permitted
        else if (!isDigit(c, base))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear underscore flag
        else if (underscore & 1)
            underscore--;
    }
    // Trailing underscore is not allowed
    if (underscore & 1)
        TomlError.x('unfinished numeric value', ctx);
    let str = ctx.s.slice(startPtr + 2, ctx.p);
    if (underscore)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
    if (ctx.bi !== true)
        int: {
            let val = parseInt(str, base);
            if (!Number.isSafeInteger(val)) {
                if (ctx.bi)
                    break int;
                TomlError.x('integer value cannot be represented losslessly', ctx, startPtr);
            }
            return val;
        }
    return base === 10 ? BigInt(str) : BigInt((base === 2 ? '0b' : base === 8 ? '0o' : '0x') + str);
}
function parseDate(ctx, c, endChr) {
    let startPtr = ctx.p++, unsafeSeparator;
    if (!isDigit(c) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++))) {
        return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
    }
    ctx.p += 5;
    if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
        TomlError.x('invalid date-time: date part is malformed', ctx, startPtr);
    if (ctx.p >= ctx.s.length || (((c = ctx.s.charCodeAt(ctx.p)) !== 0x20 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 0x54 /* T */ && c !== 0x74 /* t */)) {
        let t = ctx.s.slice(startPtr, ctx.p);
        return readDate(ctx, t, 3, false, startPtr);
    }
    if (ctx.s.charCodeAt(ctx.p += 3) !== 0x3a /* : */)
        TomlError.x('invalid date-time: time part is malformed', ctx, startPtr);
    if (ctx.s.charCodeAt(ctx.p += 3) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    if (c = ctx.s.charCodeAt(ctx.p)) {
        if (c === 0x5a /* Z */ || c === 0x7a /* z */) {
            let t = ctx.s.slice(startPtr, ++ctx.p);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, '[+00:00]');
        }
        if (c === 0x2b /* + */ || c === 0x2d /* - */) {
            // Temporal's ZonedDateTime is weird asf when it comes to dealing with traditional offsets...
            // It's 1.2x faster to allocate a new string to pass to ZDT than use Instant.toZonedDateTimeISO
            let t = ctx.s.slice(startPtr, ctx.p += 6);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, !ctx.ld && ('[' + ctx.s.slice(ctx.p - 6, ctx.p) + ']'));
        }
    }
    let t = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
    let start = ctx.p;
    if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
        return parseNumber(ctx, --ctx.p, c, 0, endChr);
    }
    if (ctx.s.charCodeAt(ctx.p += 4) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    let t = ctx.s.slice(start, ctx.p);
    return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
    if (ctx.ld) {
        let date = new TomlDate(str, type, unsafeDelim);
        if (!date.isValid())
            TomlError.x('invalid date', ctx, errPtr);
        return date;
    }
    try {
        if (temporalSuffix)
            str += temporalSuffix;
        switch (type) {
            case 1: return Temporal.ZonedDateTime.from(str);
            case 2: return Temporal.PlainDateTime.from(str);
            case 3: return Temporal.PlainDate.from(str);
            case 4: return Temporal.PlainTime.from(str);
        }
    }
    catch (e) {
        TomlError.x(e instanceof Error ? e.message : '' + e, ctx, errPtr);
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/util.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

/** @internal */
function skipComment(ctx) {
    for (; ctx.p < ctx.s.length; ctx.p++) {
        let c = ctx.s.charCodeAt(ctx.p);
        if (c === 0xa /* \n */)
            break;
        if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */) {
            ctx.p++;
            break;
        }
        if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in comments', ctx);
        }
    }
}
/** @internal */
function skipVoid(ctx, banNewLines, banComments) {
    let c;
    while (ctx.p < ctx.s.length) {
        while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 0x20 ||
            c === 0x9 /* \t */ ||
            (!banNewLines &&
                (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)))))
            ctx.p++;
        if (banComments || c !== 0x23 /* # */)
            break;
        skipComment(ctx);
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/struct.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




/** @internal */
function parseKey(ctx, end = 0x3d /* = */) {
    // States:
    // 0: before first char
    // 1: parsing bare key
    // 2: after key component
    let startPtr;
    let state = 0;
    let parsed = [];
    let sliceStart;
    let c = ctx.s.charCodeAt(startPtr = ctx.p);
    do {
        // End of key
        if (c === end) {
            if (!state)
                TomlError.x('unexpected end of key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            return ctx.p++, parsed;
        }
        // Dotted key separator
        else if (c === 0x2e /* . */) {
            if (!state)
                TomlError.x('illegal empty bare key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            state = 0;
        }
        // Quoted key
        else if (!state && (c === 0x22 /* " */ || c === 0x27 /* ' */)) {
            if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
                TomlError.x('illegal quoted key: multiline strings are not allowed', ctx);
            parsed.push(parseString(ctx));
            state = 2;
            ctx.p--;
        }
        // Whitespace; no-op in state 0 and 2, end of bare key in state 1
        else if (c === 0x20 || c === 0x9 /* \t */) {
            if (state === 1) {
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
                state = 2;
            }
        }
        // If state is post-key, no character is allowed; otherwise ensure it's a bare-key component
        else if (state === 2 || (c < 0x30 && c !== 0x2d /* - */) || (c > 0x39 && c < 0x41) || (c > 0x5a && c < 0x61 && c !== 0x5f /* _ */) || c > 0x7a) {
            TomlError.x('illegal character in key', ctx);
        }
        // Illegal character
        else if (!state) {
            state = 1;
            sliceStart = ctx.p;
        }
    } while (c = ctx.s.charCodeAt(++ctx.p));
    TomlError.x('incomplete key-value: cannot find end of key', ctx, startPtr);
}
/** @internal */
function parseInlineTable(ctx) {
    let startPtr = ctx.p++;
    let res = Object.create(null);
    let seen = new Set();
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x7d /* } */) {
            ctx.p++;
            return res;
        }
        let k;
        let t = res;
        let hasOwn = false;
        let errPtr = ctx.p;
        let key = parseKey(ctx);
        for (let i = 0; i < key.length; i++) {
            if (i)
                t = hasOwn ? t[k] : (t[k] = Object.create(null));
            k = key[i];
            if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== 'object' || seen.has(t[k]))) {
                TomlError.x('trying to redefine an already defined value', ctx, errPtr);
            }
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor')) {
                t = ctx.uk !== 1 && TomlError.x('document contains an unsafe property', ctx, errPtr);
                break;
            }
            if (!hasOwn && unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
            }
        }
        if (hasOwn) {
            TomlError.x('trying to redefine an already defined value', ctx, errPtr);
        }
        skipVoid(ctx, true, true);
        let value = extractValue(ctx, 0x7d /* } */);
        if (t && typeof (t[k] = value) === 'object')
            seen.add(value);
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x7d /* } */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished table', ctx, startPtr);
}
/** @internal */
function parseArray(ctx) {
    let startPtr = ctx.p++;
    let res = [];
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x5d /* ] */) {
            ctx.p++;
            return res;
        }
        res.push(extractValue(ctx, 0x5d /* ] */));
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x5d /* ] */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished array', ctx, startPtr);
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/parse.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




function peekTable(ctx, key, table, meta, type) {
    let t = table;
    let m = meta;
    let k;
    let hasOwn = false;
    let state;
    for (let i = 0; i < key.length; i++) {
        if (i) {
            t = hasOwn ? t[k] : (t[k] = Object.create(null));
            m = (state = m[k]).c;
            if (type === 0 /* Type.DOTTED */ && (state.t === 1 /* Type.EXPLICIT */ || state.t === 2 /* Type.ARRAY */)) {
                return null;
            }
            if (state.t === 2 /* Type.ARRAY */) {
                let l = t.length - 1;
                t = t[l];
                m = m[l].c;
            }
        }
        k = key[i];
        if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 /* Type.DOTTED */ && m[k]?.d) {
            return null;
        }
        if (!hasOwn) {
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor'))
                return false;
            if (unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
                Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
            }
            m[k] = {
                t: i < key.length - 1 && type === 2 /* Type.ARRAY */
                    ? 3 /* Type.ARRAY_DOTTED */ : type,
                d: false,
                i: 0,
                c: Object.create(null),
            };
        }
    }
    state = m[k];
    if (state.t !== type && !(type === 1 /* Type.EXPLICIT */ && state.t === 3 /* Type.ARRAY_DOTTED */)) {
        // Bad key type!
        return null;
    }
    if (type === 2 /* Type.ARRAY */) {
        if (!state.d) {
            state.d = true;
            t[k] = [];
        }
        t[k].push(t = Object.create(null));
        state.c[state.i++] = (state = { t: 1 /* Type.EXPLICIT */, d: false, i: 0, c: Object.create(null) });
    }
    if (state.d) {
        // Redefining a table!
        return null;
    }
    state.d = true;
    if (type === 1 /* Type.EXPLICIT */) {
        t = hasOwn ? t[k] : (t[k] = Object.create(null));
    }
    else if (type === 0 /* Type.DOTTED */ && hasOwn) {
        return null;
    }
    return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
    if (peek === null || ctx.uk === 2)
        TomlError.x(peek === null
            ? 'trying to redefine an already defined table or value'
            : 'document contains an unsafe property', ctx, ptr);
}
function parse(toml, options = {}) {
    let ctx = {
        s: toml,
        p: 0,
        d: options.maxDepth ?? 1000,
        bi: options.integersAsBigInt ?? false,
        ld: options.useLegacyDate ?? true,
        uk: options.unsafeKeyBehaviour === 'throw' ? 2 : options.unsafeKeyBehaviour === 'drop' ? 1 : 0,
    };
    let res = Object.create(null);
    let meta = Object.create(null);
    let tmp;
    let skipping = false;
    let tbl = res;
    let m = meta;
    // BOM is allowed, skip.
    // JS is UTF-16, so we have to check for the UTF-16 BOM instead of the UTF-8 BOM sequence!
    if (toml.charCodeAt(0) === 0xfeff)
        ctx.p++;
    skipVoid(ctx);
    while (ctx.p < toml.length) {
        if (toml.charCodeAt(ctx.p) === 0x5b /* [ */) {
            let isTableArray = toml.charCodeAt(++ctx.p) === 0x5b; /* [ */
            tmp = ctx.p += +isTableArray;
            skipping = false;
            let k = parseKey(ctx, 0x5d /* ] */);
            if (isTableArray) {
                if (toml.charCodeAt(ctx.p) !== 0x5d /* ] */) {
                    TomlError.x('expected end of table array declaration', ctx);
                }
                ctx.p++;
            }
            let p = peekTable(ctx, k, res, meta, isTableArray ? 2 /* Type.ARRAY */ : 1 /* Type.EXPLICIT */);
            if (!p) {
                validateTablePeek(ctx, p, tmp);
                skipping = true;
            }
            else {
                m = p[2];
                tbl = p[1];
            }
        }
        else {
            tmp = ctx.p;
            let k = parseKey(ctx);
            let p = peekTable(ctx, k, tbl, m, 0 /* Type.DOTTED */);
            if (!p && !skipping)
                validateTablePeek(ctx, p, tmp);
            skipVoid(ctx, true, true);
            let v = extractValue(ctx, void 0);
            if (p && !skipping)
                p[1][p[0]] = v;
        }
        skipVoid(ctx, true);
        if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 0xa /* \n */ && (tmp !== 0xd /* \r */ || toml.charCodeAt(ctx.p + 1) !== 0xa /* \n */)) {
            TomlError.x('each key-value declaration must be followed by an end-of-line', ctx);
        }
        skipVoid(ctx);
    }
    return res;
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/stringify.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let BARE_KEY = /^[a-z0-9-_]+$/i;
let HAS_WELLFORMED = !!(''.isWellFormed);
function extendedTypeOf(obj) {
    let type = typeof obj;
    if (type === 'object') {
        if (Array.isArray(obj))
            return 'array';
        if (typeof obj.getUTCDate === 'function' && obj instanceof Date)
            return 'date';
        if (globalThis.Temporal) {
            if (obj.until) {
                if (obj instanceof Temporal.ZonedDateTime)
                    return 'temporal/tz+uc';
                if (obj instanceof Temporal.PlainDateTime || obj instanceof Temporal.PlainDate)
                    return 'temporal/uc';
                if (obj instanceof Temporal.PlainTime || obj instanceof Temporal.Instant)
                    return 'temporal';
                if (obj instanceof Temporal.PlainYearMonth)
                    return 'temporal/x';
            }
            else if ((obj.toPlainDate && obj instanceof Temporal.PlainMonthDay) ||
                (obj.negated && obj instanceof Temporal.Duration)) {
                return 'temporal/x';
            }
        }
    }
    return type;
}
function isArrayOfTables(obj) {
    for (let i = 0; i < obj.length; i++) {
        if (extendedTypeOf(obj[i]) !== 'object')
            return false;
    }
    return obj.length != 0;
}
function formatWellFormedStringUnchecked(s) {
    return JSON.stringify(s).replaceAll('\x7f', '\\u007f');
}
function formatString(s) {
    return formatWellFormedStringUnchecked(HAS_WELLFORMED ? s.toWellFormed() : s);
}
function formatKey(s) {
    if (BARE_KEY.test(s))
        return s;
    if (HAS_WELLFORMED && !s.isWellFormed())
        throw new RangeError('key contains illegal lone surrogates');
    return formatWellFormedStringUnchecked(s);
}
function stringifyValue(val, type, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    switch (type) {
        // @ts-expect-error -- intentional fallthrough case
        case 'number':
            if (isNaN(val))
                return 'nan';
            if (val === Infinity)
                return 'inf';
            if (val === -Infinity)
                return '-inf';
            if (Number.isInteger(val) && (numberAsFloat || !Number.isSafeInteger(val)))
                return val.toFixed(1);
        case 'bigint':
        case 'boolean':
        case 'temporal':
            return val.toString();
        case 'string':
            return formatString(val);
        case 'date':
            if (isNaN(val.getTime()))
                throw new TypeError('cannot serialize invalid date');
            return val.toISOString();
        case 'object':
            return stringifyInlineTable(val, depth, numberAsFloat, strictTemporal);
        case 'array':
            return stringifyArray(val, depth, numberAsFloat, strictTemporal);
        // @ts-expect-error -- intentional fallthrough case
        case 'temporal/tz+uc':
            if (strictTemporal) {
                let tz = val.timeZoneId;
                let tzc = tz.charCodeAt(0);
                if (
                // Classic offset
                tzc !== 0x2b /* + */ && tzc !== 0x2d /* - */ &&
                    (
                    // Fast pre-check pass; see below for the actually accepted values
                    (tzc !== 0x55 /* U */ && tzc !== 0x47 /* G */ && tzc !== 0x5a /* Z */ && tzc !== 0x45 /* E */) ||
                        (
                        // UTC and its aliases; Temporal implementations don't all canonicalise unfortunately
                        tz !== 'UTC' && tz !== 'UCT' && tz !== 'Universal' && tz !== 'Zulu' &&
                            // GMT is a TZ but it's for all intents and purposes equivalent to UTC. Safe to downgrade.
                            !tz.startsWith('GMT') && tz !== 'Greenwich' &&
                            // Etc/* are all safe to downgrade to offset (either UTC, GMT, or offset)
                            !tz.startsWith('Etc/')))) {
                    throw new TypeError('Temporal objects with an IANA timezone are not allowed in Temporal strict mode');
                }
            }
        case 'temporal/uc':
            if (strictTemporal && val.calendarId !== 'iso8601')
                throw new TypeError('Temporal objects with a non-default calendar are not allowed in Temporal strict mode');
            return val.toString({
                calendarName: 'never',
                timeZoneName: 'never',
            });
        case 'temporal/x':
            throw new TypeError('Unsupported ' + val[Symbol.toStringTag]);
    }
}
function stringifyInlineTable(obj, depth, numberAsFloat, strictTemporal) {
    let keys = Object.keys(obj);
    if (keys.length === 0)
        return '{}';
    let res = '{ ';
    for (let i = 0; i < keys.length; i++) {
        let k = keys[i];
        if (i)
            res += ', ';
        res += formatKey(k) + ' = ' + stringifyValue(obj[k], extendedTypeOf(obj[k]), depth - 1, numberAsFloat, strictTemporal);
    }
    return res + ' }';
}
function stringifyArray(array, depth, numberAsFloat, strictTemporal) {
    if (array.length === 0)
        return '[]';
    let res = '[ ';
    for (let i = 0; i < array.length; i++) {
        if (i)
            res += ', ';
        if (array[i] === null || array[i] === void 0) {
            throw new TypeError('arrays cannot contain null or undefined values');
        }
        res += stringifyValue(array[i], extendedTypeOf(array[i]), depth - 1, numberAsFloat, strictTemporal);
    }
    return res + ' ]';
}
function stringifyArrayTable(array, key, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    let res = '';
    for (let i = 0; i < array.length; i++) {
        res += `${res && '\n'}[[${key}]]\n`;
        res += stringifyTable(0, array[i], key, depth, numberAsFloat, strictTemporal);
    }
    return res;
}
function stringifyTable(tableKey, obj, prefix, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    let preamble = '';
    let tables = '';
    let keys = Object.keys(obj);
    for (let i = 0; i < keys.length; i++) {
        let k = keys[i];
        if (obj[k] !== null && obj[k] !== void 0) {
            let type = extendedTypeOf(obj[k]);
            if (type === 'symbol' || type === 'function') {
                throw new TypeError(`cannot serialize values of type '${type}'`);
            }
            let key = formatKey(k);
            if (type === 'array' && isArrayOfTables(obj[k])) {
                tables += (tables && '\n') + stringifyArrayTable(obj[k], prefix ? `${prefix}.${key}` : key, depth - 1, numberAsFloat, strictTemporal);
            }
            else if (type === 'object') {
                let tblKey = prefix ? `${prefix}.${key}` : key;
                tables += (tables && '\n') + stringifyTable(tblKey, obj[k], tblKey, depth - 1, numberAsFloat, strictTemporal);
            }
            else {
                preamble += key;
                preamble += ' = ';
                preamble += stringifyValue(obj[k], type, depth, numberAsFloat, strictTemporal);
                preamble += '\n';
            }
        }
    }
    if (tableKey && (preamble || !tables)) // Create table only if necessary
        preamble = preamble ? `[${tableKey}]\n${preamble}` : `[${tableKey}]`;
    return preamble && tables
        ? `${preamble}\n${tables}`
        : preamble || tables;
}
function stringify(obj, { maxDepth = 1000, numbersAsFloat = false, strictTemporal = false } = {}) {
    if (extendedTypeOf(obj) !== 'object') {
        throw new TypeError('stringify can only be called with an object');
    }
    let str = stringifyTable(0, obj, '', maxDepth, numbersAsFloat, strictTemporal);
    if (str[str.length - 1] !== '\n')
        return str + '\n';
    return str;
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/index.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */





/** @deprecated use `import * as ... from 'smol-toml'` instead */
/* harmony default export */ const dist = ({ parse: parse, stringify: stringify, TomlDate: TomlDate, TomlError: TomlError });

;// CONCATENATED MODULE: ./node_modules/valibot/dist/index.mjs
//#region src/storages/globalConfig/globalConfig.ts
let store$4;
const DEFAULT_CONFIG = {
	lang: void 0,
	message: void 0,
	abortEarly: void 0,
	abortPipeEarly: void 0
};
/**
* Sets the global configuration.
*
* @param config The configuration.
*/
function setGlobalConfig(config$1) {
	store$4 = {
		...store$4,
		...config$1
	};
}
/**
* Returns the global configuration.
*
* @param config The config to merge.
*
* @returns The configuration.
*/
/* @__NO_SIDE_EFFECTS__ */
function getGlobalConfig(config$1) {
	if (!config$1 && !store$4) return DEFAULT_CONFIG;
	return {
		lang: config$1?.lang ?? store$4?.lang,
		message: config$1?.message,
		abortEarly: config$1?.abortEarly ?? store$4?.abortEarly,
		abortPipeEarly: config$1?.abortPipeEarly ?? store$4?.abortPipeEarly
	};
}
/**
* Deletes the global configuration.
*/
function deleteGlobalConfig() {
	store$4 = void 0;
}

//#endregion
//#region src/storages/globalMessage/globalMessage.ts
let store$3;
/**
* Sets a global error message.
*
* @param message The error message.
* @param lang The language of the message.
*/
function setGlobalMessage(message$1, lang) {
	if (!store$3) store$3 = /* @__PURE__ */ new Map();
	store$3.set(lang, message$1);
}
/**
* Returns a global error message.
*
* @param lang The language of the message.
*
* @returns The error message.
*/
/* @__NO_SIDE_EFFECTS__ */
function getGlobalMessage(lang) {
	return store$3?.get(lang);
}
/**
* Deletes a global error message.
*
* @param lang The language of the message.
*/
function deleteGlobalMessage(lang) {
	store$3?.delete(lang);
}

//#endregion
//#region src/storages/schemaMessage/schemaMessage.ts
let store$2;
/**
* Sets a schema error message.
*
* @param message The error message.
* @param lang The language of the message.
*/
function setSchemaMessage(message$1, lang) {
	if (!store$2) store$2 = /* @__PURE__ */ new Map();
	store$2.set(lang, message$1);
}
/**
* Returns a schema error message.
*
* @param lang The language of the message.
*
* @returns The error message.
*/
/* @__NO_SIDE_EFFECTS__ */
function getSchemaMessage(lang) {
	return store$2?.get(lang);
}
/**
* Deletes a schema error message.
*
* @param lang The language of the message.
*/
function deleteSchemaMessage(lang) {
	store$2?.delete(lang);
}

//#endregion
//#region src/storages/specificMessage/specificMessage.ts
let store$1;
/**
* Sets a specific error message.
*
* @param reference The identifier reference.
* @param message The error message.
* @param lang The language of the message.
*/
function setSpecificMessage(reference, message$1, lang) {
	if (!store$1) store$1 = /* @__PURE__ */ new Map();
	if (!store$1.get(reference)) store$1.set(reference, /* @__PURE__ */ new Map());
	store$1.get(reference).set(lang, message$1);
}
/**
* Returns a specific error message.
*
* @param reference The identifier reference.
* @param lang The language of the message.
*
* @returns The error message.
*/
/* @__NO_SIDE_EFFECTS__ */
function getSpecificMessage(reference, lang) {
	return store$1?.get(reference)?.get(lang);
}
/**
* Deletes a specific error message.
*
* @param reference The identifier reference.
* @param lang The language of the message.
*/
function deleteSpecificMessage(reference, lang) {
	store$1?.get(reference)?.delete(lang);
}

//#endregion
//#region src/utils/_stringify/_stringify.ts
/**
* Stringifies an unknown input to a literal or type string.
*
* @param input The unknown input.
*
* @returns A literal or type string.
*
* @internal
*/
/* @__NO_SIDE_EFFECTS__ */
function _stringify(input) {
	const type = typeof input;
	if (type === "string") return `"${input}"`;
	if (type === "number" || type === "bigint" || type === "boolean") return `${input}`;
	if (type === "object" || type === "function") return (input && Object.getPrototypeOf(input)?.constructor?.name) ?? "null";
	return type;
}

//#endregion
//#region src/utils/_addIssue/_addIssue.ts
/**
* Adds an issue to the dataset.
*
* @param context The issue context.
* @param label The issue label.
* @param dataset The input dataset.
* @param config The configuration.
* @param other The optional props.
*
* @internal
*/
function _addIssue(context, label, dataset, config$1, other) {
	const input = other && "input" in other ? other.input : dataset.value;
	const expected = other?.expected ?? context.expects ?? null;
	const received = other?.received ?? /* @__PURE__ */ _stringify(input);
	const issue = {
		kind: context.kind,
		type: context.type,
		input,
		expected,
		received,
		message: `Invalid ${label}: ${expected ? `Expected ${expected} but r` : "R"}eceived ${received}`,
		requirement: context.requirement,
		path: other?.path,
		issues: other?.issues,
		lang: config$1.lang,
		abortEarly: config$1.abortEarly,
		abortPipeEarly: config$1.abortPipeEarly
	};
	const isSchema = context.kind === "schema";
	const message$1 = other?.message ?? context.message ?? /* @__PURE__ */ getSpecificMessage(context.reference, issue.lang) ?? (isSchema ? /* @__PURE__ */ getSchemaMessage(issue.lang) : null) ?? config$1.message ?? /* @__PURE__ */ getGlobalMessage(issue.lang);
	if (message$1 !== void 0) issue.message = typeof message$1 === "function" ? message$1(issue) : message$1;
	if (isSchema) dataset.typed = false;
	if (dataset.issues) dataset.issues.push(issue);
	else dataset.issues = [issue];
}

//#endregion
//#region src/utils/_cloneDataset/_cloneDataset.ts
/**
* Creates a shallow copy of a dataset.
*
* Hint: The `value` is copied by reference, but the `issues` array, its issues
* and their `path` arrays are cloned to avoid reusing mutable dataset state
* across multiple runs. Mutating a returned object or array value can
* therefore affect later cache hits that reuse the same cached output.
*
* @param dataset The output dataset.
*
* @returns The copied output dataset.
*/
/* @__NO_SIDE_EFFECTS__ */
function _cloneDataset(dataset) {
	return {
		typed: dataset.typed,
		value: dataset.value,
		issues: dataset.issues?.map((issue) => ({
			...issue,
			path: issue.path && [...issue.path]
		}))
	};
}

//#endregion
//#region src/utils/_formatCase/_formatCase.ts
/**
* Splits a string into lowercase words and rejoins them with the given
* separator and capitalization rules.
*
* Words are separated by `_`, `-` and ASCII whitespace, as well as by case
* and acronym boundaries. Whether the first or subsequent words are
* capitalized is controlled by `capFirst` and `capRest`.
*
* Hint: Implemented in a single pass that emits directly to the result
* string to avoid an intermediate `string[]` allocation. ASCII chars are
* classified via char codes to skip `.toLowerCase()` and `.toUpperCase()`
* method calls in the common case.
*
* Hint: Digits are treated as a separate character class, so `item2Name`
* yields `item2` and `name` rather than `item`, `2` and `name`.
*
* @param input The input string.
* @param separator The string inserted between words.
* @param capFirst Whether to capitalize the first word.
* @param capRest Whether to capitalize subsequent words.
*
* @returns The formatted string.
*
* @internal
*/
/* @__NO_SIDE_EFFECTS__ */
function _formatCase(input, separator, capFirst, capRest) {
	let result = "";
	let firstWord = true;
	let start = 0;
	let prev = 0;
	let prevPrev = 0;
	const flush = (end) => {
		if (end > start) {
			let word = input.slice(start, end).toLowerCase();
			if (firstWord ? capFirst : capRest) {
				const firstCode = word.charCodeAt(0);
				if (firstCode >= 97 && firstCode <= 122) word = String.fromCharCode(firstCode - 32) + word.slice(1);
				else {
					const charLen = firstCode >= 55296 && firstCode <= 56319 ? 2 : 1;
					word = word.slice(0, charLen).toUpperCase() + word.slice(charLen);
				}
			}
			result += firstWord ? word : separator + word;
			firstWord = false;
		}
	};
	for (let index = 0; index < input.length; index++) {
		const code = input.charCodeAt(index);
		let type;
		if (code === 32 || code === 9 || code === 10 || code === 11 || code === 12 || code === 13 || code === 45 || code === 95) {
			flush(index);
			start = index + 1;
			type = 0;
		} else if (code < 128) type = code >= 65 && code <= 90 ? 1 : code >= 97 && code <= 122 ? 2 : 3;
		else {
			const char = input[index];
			const charLower = char.toLowerCase();
			type = charLower === char.toUpperCase() ? 3 : char === charLower ? 2 : 1;
		}
		if (type === 1 && (prev === 2 || prev === 3) && index > start) {
			flush(index);
			start = index;
		} else if (type === 2 && prev === 1 && prevPrev === 1 && index - 1 > start) {
			flush(index - 1);
			start = index - 1;
		}
		prevPrev = prev;
		prev = type;
	}
	flush(input.length);
	return result;
}

//#endregion
//#region src/utils/_getByteCount/_getByteCount.ts
let textEncoder;
/**
* Returns the byte count of the input.
*
* @param input The input to be measured.
*
* @returns The byte count.
*
* @internal
*/
/* @__NO_SIDE_EFFECTS__ */
function _getByteCount(input) {
	if (!textEncoder) textEncoder = new TextEncoder();
	return textEncoder.encode(input).length;
}

//#endregion
//#region src/utils/_getCodePointCount/_getCodePointCount.ts
/**
* Returns the code point count of the input.
*
* @param input The input to be measured.
*
* @returns The code point count.
*
* @internal
*/
/* @__NO_SIDE_EFFECTS__ */
function _getCodePointCount(input) {
	let count = input.length;
	const lengthMinus1 = input.length - 1;
	for (let i = 0; i < lengthMinus1;) if (input.codePointAt(i) <= 65535) i++;
	else {
		i += 2;
		count--;
	}
	return count;
}

//#endregion
//#region src/utils/_getGraphemeCount/_getGraphemeCount.ts
let segmenter;
/**
* Returns the grapheme count of the input.
*
* @param input The input to be measured.
*
* @returns The grapheme count.
*
* @internal
*/
/* @__NO_SIDE_EFFECTS__ */
function _getGraphemeCount(input) {
	if (!segmenter) segmenter = new Intl.Segmenter();
	const segments = segmenter.segment(input);
	let count = 0;
	for (const _ of segments) count++;
	return count;
}

//#endregion
//#region src/utils/_getLastMetadata/_getLastMetadata.ts
/**
* Returns the last top-level value of a given metadata type from a schema
* using a breadth-first search that starts with the last item in the pipeline.
*
* @param schema The schema to search.
* @param type The metadata type.
*
* @returns The value, if any.
*
* @internal
*/
/* @__NO_SIDE_EFFECTS__ */
function _getLastMetadata(schema, type) {
	if ("pipe" in schema) {
		const nestedSchemas = [];
		for (let index = schema.pipe.length - 1; index >= 0; index--) {
			const item = schema.pipe[index];
			if (item.kind === "schema" && "pipe" in item) nestedSchemas.push(item);
			else if (item.kind === "metadata" && item.type === type) return item[type];
		}
		for (const nestedSchema of nestedSchemas) {
			const result = /* @__PURE__ */ _getLastMetadata(nestedSchema, type);
			if (result !== void 0) return result;
		}
	}
}

//#endregion
//#region src/utils/_getWordCount/_getWordCount.ts
let store;
/**
* Returns the word count of the input.
*
* @param locales The locales to be used.
* @param input The input to be measured.
*
* @returns The word count.
*
* @internal
*/
/* @__NO_SIDE_EFFECTS__ */
function _getWordCount(locales, input) {
	if (!store) store = /* @__PURE__ */ new Map();
	const key = String(locales);
	let segmenter$1 = store.get(key);
	if (!segmenter$1) {
		segmenter$1 = new Intl.Segmenter(locales, { granularity: "word" });
		store.set(key, segmenter$1);
	}
	const segments = segmenter$1.segment(input);
	let count = 0;
	for (const segment of segments) if (segment.isWordLike) count++;
	return count;
}

//#endregion
//#region src/utils/_isLuhnAlgo/_isLuhnAlgo.ts
/**
* Non-digit regex.
*/
const NON_DIGIT_REGEX = /\D/gu;
/**
* Checks whether a string with numbers corresponds to the luhn algorithm.
*
* @param input The input to be checked.
*
* @returns Whether input is valid.
*
* @internal
*/
/* @__NO_SIDE_EFFECTS__ */
function _isLuhnAlgo(input) {
	const number$1 = input.replace(NON_DIGIT_REGEX, "");
	let length$1 = number$1.length;
	let bit = 1;
	let sum = 0;
	while (length$1) {
		const value$1 = +number$1[--length$1];
		bit ^= 1;
		sum += bit ? [
			0,
			2,
			4,
			6,
			8,
			1,
			3,
			5,
			7,
			9
		][value$1] : value$1;
	}
	return sum % 10 === 0;
}

//#endregion
//#region src/utils/_isSameValueZero/_isSameValueZero.ts
/**
* Compares two values using the SameValueZero algorithm, which treats `NaN`
* as equal to itself unlike `===`.
*
* @param value1 The first value.
* @param value2 The second value.
*
* @returns Whether the values are equal.
*
* @internal
*/
/* @__NO_SIDE_EFFECTS__ */
function _isSameValueZero(value1, value2) {
	return value1 === value2 || Number.isNaN(value1) && Number.isNaN(value2);
}

//#endregion
//#region src/utils/_isValidObjectKey/_isValidObjectKey.ts
/**
* Disallows inherited object properties and prevents object prototype
* pollution by disallowing certain keys.
*
* @param object The object to check.
* @param key The key to check.
*
* @returns Whether the key is allowed.
*
* @internal
*/
/* @__NO_SIDE_EFFECTS__ */
function _isValidObjectKey(object$1, key) {
	return Object.prototype.hasOwnProperty.call(object$1, key) && key !== "__proto__" && key !== "prototype" && key !== "constructor";
}

//#endregion
//#region src/utils/_isValueMatch/_isValueMatch.ts
/**
* Checks whether a value matches a value action requirement.
*
* @param requirement The value action requirement.
* @param value The value to check.
*
* @returns Whether the value matches the requirement.
*
* @internal
*/
/* @__NO_SIDE_EFFECTS__ */
function _isValueMatch(requirement, value$1) {
	return Number.isNaN(requirement) && Number.isNaN(value$1) || requirement <= value$1 && requirement >= value$1;
}

//#endregion
//#region src/utils/_joinExpects/_joinExpects.ts
/**
* Joins multiple `expects` values with the given separator.
*
* @param values The `expects` values.
* @param separator The separator.
*
* @returns The joined `expects` property.
*
* @internal
*/
/* @__NO_SIDE_EFFECTS__ */
function _joinExpects(values$1, separator) {
	const list = [...new Set(values$1)];
	if (list.length > 1) return `(${list.join(` ${separator} `)})`;
	return list[0] ?? "never";
}

//#endregion
//#region src/utils/_standardSchema/_standardSchema.ts
/**
* Eagerly creates and attaches the Standard Schema properties of a schema.
*
* Hint: The contextual `this` type includes the standard properties that are
* attached before the schema is returned.
*
* @param schema The schema to attach standard properties to.
*
* @returns The schema with standard properties attached.
*
* @internal
*/
function _standardSchema(schema) {
	schema["~standard"] = {
		version: 1,
		vendor: "valibot",
		validate: (value$1) => schema["~run"]({ value: value$1 }, /* @__PURE__ */ getGlobalConfig())
	};
	return schema;
}

//#endregion
//#region src/utils/entriesFromList/entriesFromList.ts
/**
* Creates an object entries definition from a list of keys and a schema.
*
* @param list A list of keys.
* @param schema The schema of the keys.
*
* @returns The object entries.
*/
/* @__NO_SIDE_EFFECTS__ */
function entriesFromList(list, schema) {
	const entries$1 = {};
	for (const key of list) entries$1[key] = schema;
	return entries$1;
}

//#endregion
//#region src/utils/entriesFromObjects/entriesFromObjects.ts
/* @__NO_SIDE_EFFECTS__ */
function entriesFromObjects(schemas) {
	const entries$1 = {};
	for (const schema of schemas) Object.assign(entries$1, schema.entries);
	return entries$1;
}

//#endregion
//#region src/utils/getDotPath/getDotPath.ts
/* @__NO_SIDE_EFFECTS__ */
function getDotPath(issue) {
	if (issue.path) {
		let key = "";
		for (const item of issue.path) if (typeof item.key === "string" || typeof item.key === "number") if (key) key += `.${item.key}`;
		else key += item.key;
		else return null;
		return key;
	}
	return null;
}

//#endregion
//#region src/utils/isOfKind/isOfKind.ts
/**
* A generic type guard to check the kind of an object.
*
* @param kind The kind to check for.
* @param object The object to check.
*
* @returns Whether it matches.
*/
/* @__NO_SIDE_EFFECTS__ */
function isOfKind(kind, object$1) {
	return object$1.kind === kind;
}

//#endregion
//#region src/utils/isOfType/isOfType.ts
/**
* A generic type guard to check the type of an object.
*
* @param type The type to check for.
* @param object The object to check.
*
* @returns Whether it matches.
*/
/* @__NO_SIDE_EFFECTS__ */
function isOfType(type, object$1) {
	return object$1.type === type;
}

//#endregion
//#region src/utils/ValiError/ValiError.ts
/**
* A Valibot error with useful information.
*/
var ValiError = class extends Error {
	/**
	* Creates a Valibot error with useful information.
	*
	* @param issues The error issues.
	*/
	constructor(issues) {
		super(issues[0].message);
		this.name = "ValiError";
		this.issues = issues;
	}
};

//#endregion
//#region src/utils/isValiError/isValiError.ts
/**
* A type guard to check if an error is a ValiError.
*
* @param error The error to check.
*
* @returns Whether its a ValiError.
*/
/* @__NO_SIDE_EFFECTS__ */
function isValiError(error) {
	return error instanceof ValiError;
}

//#endregion
//#region src/actions/args/args.ts
/* @__NO_SIDE_EFFECTS__ */
function args(schema) {
	return {
		kind: "transformation",
		type: "args",
		reference: args,
		async: false,
		schema,
		"~run"(dataset, config$1) {
			const func = dataset.value;
			dataset.value = (...args_) => {
				const argsDataset = this.schema["~run"]({ value: args_ }, config$1);
				if (argsDataset.issues) throw new ValiError(argsDataset.issues);
				return func(...argsDataset.value);
			};
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/args/argsAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function argsAsync(schema) {
	return {
		kind: "transformation",
		type: "args",
		reference: argsAsync,
		async: false,
		schema,
		"~run"(dataset, config$1) {
			const func = dataset.value;
			dataset.value = async (...args$1) => {
				const argsDataset = await schema["~run"]({ value: args$1 }, config$1);
				if (argsDataset.issues) throw new ValiError(argsDataset.issues);
				return func(...argsDataset.value);
			};
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/await/awaitAsync.ts
/**
* Creates an await transformation action.
*
* @returns An await action.
*/
/* @__NO_SIDE_EFFECTS__ */
function awaitAsync() {
	return {
		kind: "transformation",
		type: "await",
		reference: awaitAsync,
		async: true,
		async "~run"(dataset) {
			dataset.value = await dataset.value;
			return dataset;
		}
	};
}

//#endregion
//#region src/regex.ts
/**
* [Base64](https://en.wikipedia.org/wiki/Base64) regex.
*/
const BASE64_REGEX = /^(?:[\da-z+/]{4})*(?:[\da-z+/]{2}==|[\da-z+/]{3}=)?$/iu;
/**
* [BIC](https://en.wikipedia.org/wiki/ISO_9362) regex.
*/
const BIC_REGEX = /^[A-Z]{6}(?!00)[\dA-Z]{2}(?:[\dA-Z]{3})?$/u;
/**
* [Cuid2](https://github.com/paralleldrive/cuid2) regex.
*/
const CUID2_REGEX = /^[a-z][\da-z]*$/u;
/**
* [Decimal](https://en.wikipedia.org/wiki/Decimal) regex.
*/
const DECIMAL_REGEX = /^[+-]?(?:\d*\.)?\d+$/u;
/**
* [Digits](https://en.wikipedia.org/wiki/Numerical_digit) regex.
*/
const DIGITS_REGEX = /^\d+$/u;
/**
* [Domain name](https://en.wikipedia.org/wiki/Domain_name) regex.
*
* Hint: We decided against the `i` flag for better JSON Schema compatibility.
* ASCII-only validation. Internationalized domain names (IDNs) are not
* supported, including Punycode-encoded labels.
*/
const DOMAIN_REGEX = /^(?=.{1,253}$)(?:(?![Xx][Nn]--)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/u;
/**
* [Email address](https://en.wikipedia.org/wiki/Email_address) regex.
*
* Hint: We decided against the `i` flag to avoid matching non-ASCII characters.
*/
const EMAIL_REGEX = /^[\w+-]+(?:\.[\w+-]+)*@[\da-zA-Z]+(?:[.-][\da-zA-Z]+)*\.[a-zA-Z]{2,}$/u;
/**
* Emoji regex from [emoji-regex-xs](https://github.com/slevithan/emoji-regex-xs) v1.0.0 (MIT license).
*
* Hint: We decided against the newer `/^\p{RGI_Emoji}+$/v` regex because it is
* not supported in older runtimes and does not match all emoji.
*/
const EMOJI_REGEX = /^(?:[\u{1F1E6}-\u{1F1FF}]{2}|\u{1F3F4}[\u{E0061}-\u{E007A}]{2}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,3}\u{E007F}|(?:\p{Emoji}\uFE0F\u20E3?|\p{Emoji_Modifier_Base}\p{Emoji_Modifier}?|(?![\p{Emoji_Modifier_Base}\u{1F1E6}-\u{1F1FF}])\p{Emoji_Presentation})(?:\u200D(?:\p{Emoji}\uFE0F\u20E3?|\p{Emoji_Modifier_Base}\p{Emoji_Modifier}?|(?![\p{Emoji_Modifier_Base}\u{1F1E6}-\u{1F1FF}])\p{Emoji_Presentation}))*)+$/u;
/**
* [Hexadecimal](https://en.wikipedia.org/wiki/Hexadecimal) regex.
*
* Hint: We decided against the `i` flag for better JSON Schema compatibility.
*/
const HEXADECIMAL_REGEX = /^(?:0[hx])?[\da-fA-F]+$/u;
/**
* [Hex color](https://en.wikipedia.org/wiki/Web_colors#Hex_triplet) regex.
*
* Hint: We decided against the `i` flag for better JSON Schema compatibility.
*/
const HEX_COLOR_REGEX = /^#(?:[\da-fA-F]{3,4}|[\da-fA-F]{6}|[\da-fA-F]{8})$/u;
/**
* [IMEI](https://en.wikipedia.org/wiki/International_Mobile_Equipment_Identity) regex.
*/
const IMEI_REGEX = /^\d{15}$|^\d{2}-\d{6}-\d{6}-\d$/u;
/**
* [IPv4](https://en.wikipedia.org/wiki/IPv4) regex.
*/
const IPV4_REGEX = /^(?:(?:[1-9]|1\d|2[0-4])?\d|25[0-5])(?:\.(?:(?:[1-9]|1\d|2[0-4])?\d|25[0-5])){3}$/u;
/**
* [IPv6](https://en.wikipedia.org/wiki/IPv6) regex.
*/
const IPV6_REGEX = /^(?:(?:[\da-f]{1,4}:){7}[\da-f]{1,4}|(?:[\da-f]{1,4}:){1,7}:|(?:[\da-f]{1,4}:){1,6}:[\da-f]{1,4}|(?:[\da-f]{1,4}:){1,5}(?::[\da-f]{1,4}){1,2}|(?:[\da-f]{1,4}:){1,4}(?::[\da-f]{1,4}){1,3}|(?:[\da-f]{1,4}:){1,3}(?::[\da-f]{1,4}){1,4}|(?:[\da-f]{1,4}:){1,2}(?::[\da-f]{1,4}){1,5}|[\da-f]{1,4}:(?::[\da-f]{1,4}){1,6}|:(?:(?::[\da-f]{1,4}){1,7}|:)|fe80:(?::[\da-f]{0,4}){0,4}%[\da-z]+|::(?:f{4}(?::0{1,4})?:)?(?:(?:25[0-5]|(?:2[0-4]|1?\d)?\d)\.){3}(?:25[0-5]|(?:2[0-4]|1?\d)?\d)|(?:[\da-f]{1,4}:){1,4}:(?:(?:25[0-5]|(?:2[0-4]|1?\d)?\d)\.){3}(?:25[0-5]|(?:2[0-4]|1?\d)?\d))$/iu;
/**
* [IP](https://en.wikipedia.org/wiki/IP_address) regex.
*/
const IP_REGEX = /^(?:(?:[1-9]|1\d|2[0-4])?\d|25[0-5])(?:\.(?:(?:[1-9]|1\d|2[0-4])?\d|25[0-5])){3}$|^(?:(?:[\da-f]{1,4}:){7}[\da-f]{1,4}|(?:[\da-f]{1,4}:){1,7}:|(?:[\da-f]{1,4}:){1,6}:[\da-f]{1,4}|(?:[\da-f]{1,4}:){1,5}(?::[\da-f]{1,4}){1,2}|(?:[\da-f]{1,4}:){1,4}(?::[\da-f]{1,4}){1,3}|(?:[\da-f]{1,4}:){1,3}(?::[\da-f]{1,4}){1,4}|(?:[\da-f]{1,4}:){1,2}(?::[\da-f]{1,4}){1,5}|[\da-f]{1,4}:(?::[\da-f]{1,4}){1,6}|:(?:(?::[\da-f]{1,4}){1,7}|:)|fe80:(?::[\da-f]{0,4}){0,4}%[\da-z]+|::(?:f{4}(?::0{1,4})?:)?(?:(?:25[0-5]|(?:2[0-4]|1?\d)?\d)\.){3}(?:25[0-5]|(?:2[0-4]|1?\d)?\d)|(?:[\da-f]{1,4}:){1,4}:(?:(?:25[0-5]|(?:2[0-4]|1?\d)?\d)\.){3}(?:25[0-5]|(?:2[0-4]|1?\d)?\d))$/iu;
/**
* [ISO 8601](https://en.wikipedia.org/wiki/ISO_8601) date regex.
*/
const ISO_DATE_REGEX = /^\d{4}-(?:0[1-9]|1[0-2])-(?:[12]\d|0[1-9]|3[01])$/u;
/**
* [ISO 8601](https://en.wikipedia.org/wiki/ISO_8601) date-time regex.
*/
const ISO_DATE_TIME_REGEX = /^\d{4}-(?:0[1-9]|1[0-2])-(?:[12]\d|0[1-9]|3[01])[T ](?:0\d|1\d|2[0-3]):[0-5]\d$/u;
/**
* [ISO 8601](https://en.wikipedia.org/wiki/ISO_8601) date-time with seconds regex.
*/
const ISO_DATE_TIME_SECOND_REGEX = /^\d{4}-(?:0[1-9]|1[0-2])-(?:[12]\d|0[1-9]|3[01])[T ](?:0\d|1\d|2[0-3])(?::[0-5]\d){2}$/u;
/**
* [ISO 8601](https://en.wikipedia.org/wiki/ISO_8601) time regex.
*/
const ISO_TIME_REGEX = /^(?:0\d|1\d|2[0-3]):[0-5]\d$/u;
/**
* [ISO 8601](https://en.wikipedia.org/wiki/ISO_8601) time with seconds regex.
*/
const ISO_TIME_SECOND_REGEX = /^(?:0\d|1\d|2[0-3])(?::[0-5]\d){2}$/u;
/**
* [ISO 8601](https://en.wikipedia.org/wiki/ISO_8601) timestamp regex. Allows a
* space as a date/time separator and an optional space before the UTC offset.
*/
const ISO_TIMESTAMP_REGEX = /^\d{4}-(?:0[1-9]|1[0-2])-(?:[12]\d|0[1-9]|3[01])[T ](?:0\d|1\d|2[0-3])(?::[0-5]\d){2}(?:\.\d{1,9})?(?:Z| ?[+-](?:0\d|1\d|2[0-3])(?::?[0-5]\d)?)$/u;
/**
* [ISO 8601](https://en.wikipedia.org/wiki/ISO_8601) week regex.
*/
const ISO_WEEK_REGEX = /^\d{4}-W(?:0[1-9]|[1-4]\d|5[0-3])$/u;
/**
* [JWS compact serialization](https://datatracker.ietf.org/doc/html/rfc7515#section-3.1)
* regex.
*
* Hint: Empty payload and signature segments are allowed because the
* Base64URL-encoded representation of an empty octet sequence is an empty
* string.
*/
const JWS_COMPACT_REGEX = /^(?:[\w-]{2,3}|(?:[\w-]{4})+(?:[\w-]{2,3})?)\.(?:[\w-]{2,3}|(?:[\w-]{4})+(?:[\w-]{2,3})?)?\.(?:[\w-]{2,3}|(?:[\w-]{4})+(?:[\w-]{2,3})?)?$/u;
/**
* [ISRC](https://en.wikipedia.org/wiki/International_Standard_Recording_Code) regex.
*/
const ISRC_REGEX = /^(?:[A-Z]{2}[A-Z\d]{3}\d{7}|[A-Z]{2}-[A-Z\d]{3}-\d{2}-\d{5})$/u;
/**
* [KSUID](https://github.com/segmentio/ksuid) regex.
*/
const KSUID_REGEX = /^[a-zA-Z0-9]{27}$/u;
/**
* [MAC](https://en.wikipedia.org/wiki/MAC_address) 48 bit regex.
*
* Hint: We decided against the `i` flag for better JSON Schema compatibility.
*/
const MAC48_REGEX = /^(?:[\da-fA-F]{2}:){5}[\da-fA-F]{2}$|^(?:[\da-fA-F]{2}-){5}[\da-fA-F]{2}$|^(?:[\da-fA-F]{4}\.){2}[\da-fA-F]{4}$/u;
/**
* [MAC](https://en.wikipedia.org/wiki/MAC_address) 64 bit regex.
*
* Hint: We decided against the `i` flag for better JSON Schema compatibility.
*/
const MAC64_REGEX = /^(?:[\da-fA-F]{2}:){7}[\da-fA-F]{2}$|^(?:[\da-fA-F]{2}-){7}[\da-fA-F]{2}$|^(?:[\da-fA-F]{4}\.){3}[\da-fA-F]{4}$|^(?:[\da-fA-F]{4}:){3}[\da-fA-F]{4}$/u;
/**
* [MAC](https://en.wikipedia.org/wiki/MAC_address) regex.
*
* Hint: We decided against the `i` flag for better JSON Schema compatibility.
*/
const MAC_REGEX = /^(?:[\da-fA-F]{2}:){5}[\da-fA-F]{2}$|^(?:[\da-fA-F]{2}-){5}[\da-fA-F]{2}$|^(?:[\da-fA-F]{4}\.){2}[\da-fA-F]{4}$|^(?:[\da-fA-F]{2}:){7}[\da-fA-F]{2}$|^(?:[\da-fA-F]{2}-){7}[\da-fA-F]{2}$|^(?:[\da-fA-F]{4}\.){3}[\da-fA-F]{4}$|^(?:[\da-fA-F]{4}:){3}[\da-fA-F]{4}$/u;
/**
* [Nano ID](https://github.com/ai/nanoid) regex.
*/
const NANO_ID_REGEX = /^[\w-]+$/u;
/**
* [Octal](https://en.wikipedia.org/wiki/Octal) regex.
*/
const OCTAL_REGEX = /^(?:0o)?[0-7]+$/u;
/**
* [RFC 5322 email address](https://datatracker.ietf.org/doc/html/rfc5322#section-3.4.1) regex.
*
* Hint: This regex was taken from the [HTML Living Standard Specification](https://html.spec.whatwg.org/multipage/input.html#valid-e-mail-address) and does not perfectly represent RFC 5322.
*/
const RFC_EMAIL_REGEX = /^[a-zA-Z0-9.!#$%&'*+\/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
/**
* [Slug](https://en.wikipedia.org/wiki/Clean_URL#Slug) regex.
*/
const SLUG_REGEX = /^[\da-z]+(?:[-_][\da-z]+)*$/u;
/**
* [ULID](https://github.com/ulid/spec) regex.
*
* Hint: We decided against the `i` flag for better JSON Schema compatibility.
* Hint: The first character is restricted to `[0-7]` because the 48-bit
* timestamp cannot exceed 2^48-1, making the maximum valid ULID
* `7ZZZZZZZZZZZZZZZZZZZZZZZZZ` in Crockford's Base32 encoding.
*/
const ULID_REGEX = /^[0-7][\da-hjkmnp-tv-zA-HJKMNP-TV-Z]{25}$/u;
/**
* [UUID](https://en.wikipedia.org/wiki/Universally_unique_identifier) regex.
*/
const UUID_REGEX = /^[\da-f]{8}(?:-[\da-f]{4}){3}-[\da-f]{12}$/iu;

//#endregion
//#region src/actions/base64/base64.ts
/* @__NO_SIDE_EFFECTS__ */
function base64(message$1) {
	return {
		kind: "validation",
		type: "base64",
		reference: base64,
		async: false,
		expects: null,
		requirement: BASE64_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "Base64", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/bic/bic.ts
/* @__NO_SIDE_EFFECTS__ */
function bic(message$1) {
	return {
		kind: "validation",
		type: "bic",
		reference: bic,
		async: false,
		expects: null,
		requirement: BIC_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "BIC", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/brand/brand.ts
/**
* Creates a brand transformation action.
*
* @param name The brand name.
*
* @returns A brand action.
*/
/* @__NO_SIDE_EFFECTS__ */
function brand(name) {
	return {
		kind: "transformation",
		type: "brand",
		reference: brand,
		async: false,
		name,
		"~run"(dataset) {
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/bytes/bytes.ts
/* @__NO_SIDE_EFFECTS__ */
function bytes(requirement, message$1) {
	return {
		kind: "validation",
		type: "bytes",
		reference: bytes,
		async: false,
		expects: `${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed) {
				const length$1 = /* @__PURE__ */ _getByteCount(dataset.value);
				if (length$1 !== this.requirement) _addIssue(this, "bytes", dataset, config$1, { received: `${length$1}` });
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/check/check.ts
/* @__NO_SIDE_EFFECTS__ */
function check(requirement, message$1) {
	return {
		kind: "validation",
		type: "check",
		reference: check,
		async: false,
		expects: null,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "input", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/check/checkAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function checkAsync(requirement, message$1) {
	return {
		kind: "validation",
		type: "check",
		reference: checkAsync,
		async: true,
		expects: null,
		requirement,
		message: message$1,
		async "~run"(dataset, config$1) {
			if (dataset.typed && !await this.requirement(dataset.value)) _addIssue(this, "input", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/checkItems/checkItems.ts
/* @__NO_SIDE_EFFECTS__ */
function checkItems(requirement, message$1) {
	return {
		kind: "validation",
		type: "check_items",
		reference: checkItems,
		async: false,
		expects: null,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed) for (let index = 0; index < dataset.value.length; index++) {
				const item = dataset.value[index];
				if (!this.requirement(item, index, dataset.value)) _addIssue(this, "item", dataset, config$1, {
					input: item,
					path: [{
						type: "array",
						origin: "value",
						input: dataset.value,
						key: index,
						value: item
					}]
				});
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/checkItems/checkItemsAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function checkItemsAsync(requirement, message$1) {
	return {
		kind: "validation",
		type: "check_items",
		reference: checkItemsAsync,
		async: true,
		expects: null,
		requirement,
		message: message$1,
		async "~run"(dataset, config$1) {
			if (dataset.typed) {
				const requirementResults = await Promise.all(dataset.value.map(this.requirement));
				for (let index = 0; index < dataset.value.length; index++) if (!requirementResults[index]) {
					const item = dataset.value[index];
					_addIssue(this, "item", dataset, config$1, {
						input: item,
						path: [{
							type: "array",
							origin: "value",
							input: dataset.value,
							key: index,
							value: item
						}]
					});
				}
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/codePoints/codePoints.ts
/* @__NO_SIDE_EFFECTS__ */
function codePoints(requirement, message$1) {
	return {
		kind: "validation",
		type: "code_points",
		reference: codePoints,
		async: false,
		expects: `${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed) {
				const count = /* @__PURE__ */ _getCodePointCount(dataset.value);
				if (count !== this.requirement) _addIssue(this, "code points", dataset, config$1, { received: `${count}` });
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/creditCard/creditCard.ts
/**
* Credit card regex.
*/
const CREDIT_CARD_REGEX = /^(?:\d{13,19}|\d{4}(?: \d{3,6}){2,4}|\d{4}(?:-\d{3,6}){2,4})$/u;
/**
* Sanitize regex.
*/
const SANITIZE_REGEX = /[- ]/gu;
/**
* Provider regex list.
*/
const PROVIDER_REGEX_LIST = (/* unused pure expression or super */ null && ([
	/^3[47]\d{13}$/u,
	/^3(?:0[0-5]|[68]\d)\d{11,13}$/u,
	/^6(?:011|5\d{2})\d{12,15}$/u,
	/^(?:2131|1800|35\d{3})\d{11}$/u,
	/^(?:5[1-5]\d{2}|222\d|22[3-9]\d|2[3-6]\d{2}|27[01]\d|2720)\d{12}$/u,
	/^(?:6[27]\d{14,17}|81\d{14,17})$/u,
	/^4\d{12}(?:\d{3,6})?$/u
]));
/* @__NO_SIDE_EFFECTS__ */
function creditCard(message$1) {
	return {
		kind: "validation",
		type: "credit_card",
		reference: creditCard,
		async: false,
		expects: null,
		requirement(input) {
			let sanitized;
			return CREDIT_CARD_REGEX.test(input) && (sanitized = input.replace(SANITIZE_REGEX, "")) && PROVIDER_REGEX_LIST.some((regex$1) => regex$1.test(sanitized)) && /* @__PURE__ */ _isLuhnAlgo(sanitized);
		},
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "credit card", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/cuid2/cuid2.ts
/* @__NO_SIDE_EFFECTS__ */
function cuid2(message$1) {
	return {
		kind: "validation",
		type: "cuid2",
		reference: cuid2,
		async: false,
		expects: null,
		requirement: CUID2_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "Cuid2", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/decimal/decimal.ts
/* @__NO_SIDE_EFFECTS__ */
function decimal(message$1) {
	return {
		kind: "validation",
		type: "decimal",
		reference: decimal,
		async: false,
		expects: null,
		requirement: DECIMAL_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "decimal", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/description/description.ts
/**
* Creates a description metadata action.
*
* @param description_ The description text.
*
* @returns A description action.
*/
/* @__NO_SIDE_EFFECTS__ */
function description(description_) {
	return {
		kind: "metadata",
		type: "description",
		reference: description,
		description: description_
	};
}

//#endregion
//#region src/actions/digits/digits.ts
/* @__NO_SIDE_EFFECTS__ */
function digits(message$1) {
	return {
		kind: "validation",
		type: "digits",
		reference: digits,
		async: false,
		expects: null,
		requirement: DIGITS_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "digits", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/domain/domain.ts
/* @__NO_SIDE_EFFECTS__ */
function domain(message$1) {
	return {
		kind: "validation",
		type: "domain",
		reference: domain,
		expects: null,
		async: false,
		requirement: DOMAIN_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "domain", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/email/email.ts
/* @__NO_SIDE_EFFECTS__ */
function email(message$1) {
	return {
		kind: "validation",
		type: "email",
		reference: email,
		expects: null,
		async: false,
		requirement: EMAIL_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "email", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/emoji/emoji.ts
/* @__NO_SIDE_EFFECTS__ */
function emoji(message$1) {
	return {
		kind: "validation",
		type: "emoji",
		reference: emoji,
		async: false,
		expects: null,
		requirement: EMOJI_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "emoji", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/empty/empty.ts
/* @__NO_SIDE_EFFECTS__ */
function empty(message$1) {
	return {
		kind: "validation",
		type: "empty",
		reference: empty,
		async: false,
		expects: "0",
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && dataset.value.length > 0) _addIssue(this, "length", dataset, config$1, { received: `${dataset.value.length}` });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/endsWith/endsWith.ts
/* @__NO_SIDE_EFFECTS__ */
function endsWith(requirement, message$1) {
	return {
		kind: "validation",
		type: "ends_with",
		reference: endsWith,
		async: false,
		expects: `"${requirement}"`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !dataset.value.endsWith(this.requirement)) _addIssue(this, "end", dataset, config$1, { received: `"${dataset.value.slice(-this.requirement.length)}"` });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/entries/entries.ts
/* @__NO_SIDE_EFFECTS__ */
function entries(requirement, message$1) {
	return {
		kind: "validation",
		type: "entries",
		reference: entries,
		async: false,
		expects: `${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (!dataset.typed) return dataset;
			const count = Object.keys(dataset.value).length;
			if (dataset.typed && count !== this.requirement) _addIssue(this, "entries", dataset, config$1, { received: `${count}` });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/everyItem/everyItem.ts
/* @__NO_SIDE_EFFECTS__ */
function everyItem(requirement, message$1) {
	return {
		kind: "validation",
		type: "every_item",
		reference: everyItem,
		async: false,
		expects: null,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !dataset.value.every(this.requirement)) _addIssue(this, "item", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/examples/examples.ts
/**
* Creates an examples metadata action.
*
* @param examples_ The examples.
*
* @returns An examples action.
*
* @beta
*/
/* @__NO_SIDE_EFFECTS__ */
function examples(examples_) {
	return {
		kind: "metadata",
		type: "examples",
		reference: examples,
		examples: examples_
	};
}

//#endregion
//#region src/actions/excludes/excludes.ts
/* @__NO_SIDE_EFFECTS__ */
function excludes(requirement, message$1) {
	const received = /* @__PURE__ */ _stringify(requirement);
	return {
		kind: "validation",
		type: "excludes",
		reference: excludes,
		async: false,
		expects: `!${received}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && dataset.value.includes(this.requirement)) _addIssue(this, "content", dataset, config$1, { received });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/filterItems/filterItems.ts
/* @__NO_SIDE_EFFECTS__ */
function filterItems(operation) {
	return {
		kind: "transformation",
		type: "filter_items",
		reference: filterItems,
		async: false,
		operation,
		"~run"(dataset) {
			dataset.value = dataset.value.filter(this.operation);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/findItem/findItem.ts
/* @__NO_SIDE_EFFECTS__ */
function findItem(operation) {
	return {
		kind: "transformation",
		type: "find_item",
		reference: findItem,
		async: false,
		operation,
		"~run"(dataset) {
			dataset.value = dataset.value.find(this.operation);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/finite/finite.ts
/* @__NO_SIDE_EFFECTS__ */
function finite(message$1) {
	return {
		kind: "validation",
		type: "finite",
		reference: finite,
		async: false,
		expects: null,
		requirement: Number.isFinite,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "finite", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/flavor/flavor.ts
/**
* Creates a flavor transformation action.
*
* @param name The flavor name.
*
* @returns A flavor action.
*
* @beta
*/
/* @__NO_SIDE_EFFECTS__ */
function flavor(name) {
	return {
		kind: "transformation",
		type: "flavor",
		reference: flavor,
		async: false,
		name,
		"~run"(dataset) {
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/graphemes/graphemes.ts
/* @__NO_SIDE_EFFECTS__ */
function graphemes(requirement, message$1) {
	return {
		kind: "validation",
		type: "graphemes",
		reference: graphemes,
		async: false,
		expects: `${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed) {
				const count = /* @__PURE__ */ _getGraphemeCount(dataset.value);
				if (count !== this.requirement) _addIssue(this, "graphemes", dataset, config$1, { received: `${count}` });
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/gtValue/gtValue.ts
/* @__NO_SIDE_EFFECTS__ */
function gtValue(requirement, message$1) {
	return {
		kind: "validation",
		type: "gt_value",
		reference: gtValue,
		async: false,
		expects: `>${requirement instanceof Date ? requirement.toJSON() : /* @__PURE__ */ _stringify(requirement)}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !(dataset.value > this.requirement)) _addIssue(this, "value", dataset, config$1, { received: dataset.value instanceof Date ? dataset.value.toJSON() : /* @__PURE__ */ _stringify(dataset.value) });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/guard/guard.ts
/* @__NO_SIDE_EFFECTS__ */
function guard(requirement, message$1) {
	return {
		kind: "transformation",
		type: "guard",
		reference: guard,
		async: false,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement(dataset.value)) {
				_addIssue(this, "input", dataset, config$1);
				dataset.typed = false;
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/hash/hash.ts
/**
* Hash lengths object.
*/
const HASH_LENGTHS = {
	md4: 32,
	md5: 32,
	sha1: 40,
	sha256: 64,
	sha384: 96,
	sha512: 128,
	ripemd128: 32,
	ripemd160: 40,
	tiger128: 32,
	tiger160: 40,
	tiger192: 48,
	crc32: 8,
	crc32b: 8,
	adler32: 8
};
/* @__NO_SIDE_EFFECTS__ */
function hash(types, message$1) {
	return {
		kind: "validation",
		type: "hash",
		reference: hash,
		expects: null,
		async: false,
		requirement: RegExp(types.map((type) => `^[a-fA-F0-9]{${HASH_LENGTHS[type]}}$`).join("|"), "u"),
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "hash", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/hexadecimal/hexadecimal.ts
/* @__NO_SIDE_EFFECTS__ */
function hexadecimal(message$1) {
	return {
		kind: "validation",
		type: "hexadecimal",
		reference: hexadecimal,
		async: false,
		expects: null,
		requirement: HEXADECIMAL_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "hexadecimal", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/hexColor/hexColor.ts
/* @__NO_SIDE_EFFECTS__ */
function hexColor(message$1) {
	return {
		kind: "validation",
		type: "hex_color",
		reference: hexColor,
		async: false,
		expects: null,
		requirement: HEX_COLOR_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "hex color", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/imei/imei.ts
/* @__NO_SIDE_EFFECTS__ */
function imei(message$1) {
	return {
		kind: "validation",
		type: "imei",
		reference: imei,
		async: false,
		expects: null,
		requirement(input) {
			return IMEI_REGEX.test(input) && /* @__PURE__ */ _isLuhnAlgo(input);
		},
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "IMEI", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/includes/includes.ts
/* @__NO_SIDE_EFFECTS__ */
function includes(requirement, message$1) {
	const expects = /* @__PURE__ */ _stringify(requirement);
	return {
		kind: "validation",
		type: "includes",
		reference: includes,
		async: false,
		expects,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !dataset.value.includes(this.requirement)) _addIssue(this, "content", dataset, config$1, { received: `!${expects}` });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/integer/integer.ts
/* @__NO_SIDE_EFFECTS__ */
function integer(message$1) {
	return {
		kind: "validation",
		type: "integer",
		reference: integer,
		async: false,
		expects: null,
		requirement: Number.isInteger,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "integer", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/ip/ip.ts
/* @__NO_SIDE_EFFECTS__ */
function ip(message$1) {
	return {
		kind: "validation",
		type: "ip",
		reference: ip,
		async: false,
		expects: null,
		requirement: IP_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "IP", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/ipv4/ipv4.ts
/* @__NO_SIDE_EFFECTS__ */
function ipv4(message$1) {
	return {
		kind: "validation",
		type: "ipv4",
		reference: ipv4,
		async: false,
		expects: null,
		requirement: IPV4_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "IPv4", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/ipv6/ipv6.ts
/* @__NO_SIDE_EFFECTS__ */
function ipv6(message$1) {
	return {
		kind: "validation",
		type: "ipv6",
		reference: ipv6,
		async: false,
		expects: null,
		requirement: IPV6_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "IPv6", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/isbn/utils/_isIsbn10.ts
/**
* [Validates an ISBN-10](https://en.wikipedia.org/wiki/ISBN#ISBN-10_check_digits).
*
* @param input The input value.
*
* @returns `true` if the input is a valid ISBN-10, `false` otherwise.
*
* @internal
*/
function _isIsbn10(input) {
	const digits$1 = input.split("").map((c) => c === "X" ? 10 : parseInt(c));
	let sum = 0;
	for (let i = 0; i < 10; i++) sum += digits$1[i] * (10 - i);
	return sum % 11 === 0;
}

//#endregion
//#region src/actions/isbn/utils/_isIsbn13.ts
/**
* [Validates an ISBN-13](https://en.wikipedia.org/wiki/ISBN#ISBN-13_check_digit_calculation).
*
* @param input The input value.
*
* @returns `true` if the input is a valid ISBN-13, `false` otherwise.
*
* @internal
*/
function _isIsbn13(input) {
	const digits$1 = input.split("").map((c) => parseInt(c));
	let sum = 0;
	for (let i = 0; i < 13; i++) sum += digits$1[i] * (i % 2 === 0 ? 1 : 3);
	return sum % 10 === 0;
}

//#endregion
//#region src/actions/isbn/isbn.ts
/**
* ISBN separator regex.
*/
const ISBN_SEPARATOR_REGEX = /[- ]/gu;
/**
* ISBN-10 detection regex.
*/
const ISBN_10_DETECTION_REGEX = /^\d{9}[\dX]$/u;
/**
* ISBN-13 detection regex.
*/
const ISBN_13_DETECTION_REGEX = /^\d{13}$/u;
/* @__NO_SIDE_EFFECTS__ */
function isbn(message$1) {
	return {
		kind: "validation",
		type: "isbn",
		reference: isbn,
		async: false,
		expects: null,
		requirement(input) {
			const replacedInput = input.replace(ISBN_SEPARATOR_REGEX, "");
			if (ISBN_10_DETECTION_REGEX.test(replacedInput)) return _isIsbn10(replacedInput);
			else if (ISBN_13_DETECTION_REGEX.test(replacedInput)) return _isIsbn13(replacedInput);
			return false;
		},
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "ISBN", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/isrc/isrc.ts
/* @__NO_SIDE_EFFECTS__ */
function isrc(message$1) {
	return {
		kind: "validation",
		type: "isrc",
		reference: isrc,
		async: false,
		expects: null,
		requirement: ISRC_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "ISRC", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/isoDate/isoDate.ts
/* @__NO_SIDE_EFFECTS__ */
function isoDate(message$1) {
	return {
		kind: "validation",
		type: "iso_date",
		reference: isoDate,
		async: false,
		expects: null,
		requirement: ISO_DATE_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "date", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/isoDateTime/isoDateTime.ts
/* @__NO_SIDE_EFFECTS__ */
function isoDateTime(message$1) {
	return {
		kind: "validation",
		type: "iso_date_time",
		reference: isoDateTime,
		async: false,
		expects: null,
		requirement: ISO_DATE_TIME_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "date-time", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/isoDateTimeSecond/isoDateTimeSecond.ts
/* @__NO_SIDE_EFFECTS__ */
function isoDateTimeSecond(message$1) {
	return {
		kind: "validation",
		type: "iso_date_time_second",
		reference: isoDateTimeSecond,
		async: false,
		expects: null,
		requirement: ISO_DATE_TIME_SECOND_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "date-time-second", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/isoTime/isoTime.ts
/* @__NO_SIDE_EFFECTS__ */
function isoTime(message$1) {
	return {
		kind: "validation",
		type: "iso_time",
		reference: isoTime,
		async: false,
		expects: null,
		requirement: ISO_TIME_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "time", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/isoTimeSecond/isoTimeSecond.ts
/* @__NO_SIDE_EFFECTS__ */
function isoTimeSecond(message$1) {
	return {
		kind: "validation",
		type: "iso_time_second",
		reference: isoTimeSecond,
		async: false,
		expects: null,
		requirement: ISO_TIME_SECOND_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "time-second", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/isoTimestamp/isoTimestamp.ts
/* @__NO_SIDE_EFFECTS__ */
function isoTimestamp(message$1) {
	return {
		kind: "validation",
		type: "iso_timestamp",
		reference: isoTimestamp,
		async: false,
		expects: null,
		requirement: ISO_TIMESTAMP_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "timestamp", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/isoWeek/isoWeek.ts
/* @__NO_SIDE_EFFECTS__ */
function isoWeek(message$1) {
	return {
		kind: "validation",
		type: "iso_week",
		reference: isoWeek,
		async: false,
		expects: null,
		requirement: ISO_WEEK_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "week", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/jwsCompact/jwsCompact.ts
/* @__NO_SIDE_EFFECTS__ */
function jwsCompact(message$1) {
	return {
		kind: "validation",
		type: "jws_compact",
		reference: jwsCompact,
		async: false,
		expects: null,
		requirement: JWS_COMPACT_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "JWS compact", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/ksuid/ksuid.ts
/* @__NO_SIDE_EFFECTS__ */
function ksuid(message$1) {
	return {
		kind: "validation",
		type: "ksuid",
		reference: ksuid,
		async: false,
		expects: null,
		requirement: KSUID_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "KSUID", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/length/length.ts
/* @__NO_SIDE_EFFECTS__ */
function dist_length(requirement, message$1) {
	return {
		kind: "validation",
		type: "length",
		reference: dist_length,
		async: false,
		expects: `${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && dataset.value.length !== this.requirement) _addIssue(this, "length", dataset, config$1, { received: `${dataset.value.length}` });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/ltValue/ltValue.ts
/* @__NO_SIDE_EFFECTS__ */
function ltValue(requirement, message$1) {
	return {
		kind: "validation",
		type: "lt_value",
		reference: ltValue,
		async: false,
		expects: `<${requirement instanceof Date ? requirement.toJSON() : /* @__PURE__ */ _stringify(requirement)}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !(dataset.value < this.requirement)) _addIssue(this, "value", dataset, config$1, { received: dataset.value instanceof Date ? dataset.value.toJSON() : /* @__PURE__ */ _stringify(dataset.value) });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/mac/mac.ts
/* @__NO_SIDE_EFFECTS__ */
function mac(message$1) {
	return {
		kind: "validation",
		type: "mac",
		reference: mac,
		async: false,
		expects: null,
		requirement: MAC_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "MAC", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/mac48/mac48.ts
/* @__NO_SIDE_EFFECTS__ */
function mac48(message$1) {
	return {
		kind: "validation",
		type: "mac48",
		reference: mac48,
		async: false,
		expects: null,
		requirement: MAC48_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "48-bit MAC", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/mac64/mac64.ts
/* @__NO_SIDE_EFFECTS__ */
function mac64(message$1) {
	return {
		kind: "validation",
		type: "mac64",
		reference: mac64,
		async: false,
		expects: null,
		requirement: MAC64_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "64-bit MAC", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/mapItems/mapItems.ts
/* @__NO_SIDE_EFFECTS__ */
function mapItems(operation) {
	return {
		kind: "transformation",
		type: "map_items",
		reference: mapItems,
		async: false,
		operation,
		"~run"(dataset) {
			dataset.value = dataset.value.map(this.operation);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/maxBytes/maxBytes.ts
/* @__NO_SIDE_EFFECTS__ */
function maxBytes(requirement, message$1) {
	return {
		kind: "validation",
		type: "max_bytes",
		reference: maxBytes,
		async: false,
		expects: `<=${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed) {
				const length$1 = /* @__PURE__ */ _getByteCount(dataset.value);
				if (length$1 > this.requirement) _addIssue(this, "bytes", dataset, config$1, { received: `${length$1}` });
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/maxCodePoints/maxCodePoints.ts
/* @__NO_SIDE_EFFECTS__ */
function maxCodePoints(requirement, message$1) {
	return {
		kind: "validation",
		type: "max_code_points",
		reference: maxCodePoints,
		async: false,
		expects: `<=${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed) {
				const count = /* @__PURE__ */ _getCodePointCount(dataset.value);
				if (count > this.requirement) _addIssue(this, "code points", dataset, config$1, { received: `${count}` });
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/maxEntries/maxEntries.ts
/* @__NO_SIDE_EFFECTS__ */
function maxEntries(requirement, message$1) {
	return {
		kind: "validation",
		type: "max_entries",
		reference: maxEntries,
		async: false,
		expects: `<=${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (!dataset.typed) return dataset;
			const count = Object.keys(dataset.value).length;
			if (dataset.typed && count > this.requirement) _addIssue(this, "entries", dataset, config$1, { received: `${count}` });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/maxGraphemes/maxGraphemes.ts
/* @__NO_SIDE_EFFECTS__ */
function maxGraphemes(requirement, message$1) {
	return {
		kind: "validation",
		type: "max_graphemes",
		reference: maxGraphemes,
		async: false,
		expects: `<=${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed) {
				const count = /* @__PURE__ */ _getGraphemeCount(dataset.value);
				if (count > this.requirement) _addIssue(this, "graphemes", dataset, config$1, { received: `${count}` });
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/maxLength/maxLength.ts
/* @__NO_SIDE_EFFECTS__ */
function maxLength(requirement, message$1) {
	return {
		kind: "validation",
		type: "max_length",
		reference: maxLength,
		async: false,
		expects: `<=${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && dataset.value.length > this.requirement) _addIssue(this, "length", dataset, config$1, { received: `${dataset.value.length}` });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/maxSize/maxSize.ts
/* @__NO_SIDE_EFFECTS__ */
function maxSize(requirement, message$1) {
	return {
		kind: "validation",
		type: "max_size",
		reference: maxSize,
		async: false,
		expects: `<=${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && dataset.value.size > this.requirement) _addIssue(this, "size", dataset, config$1, { received: `${dataset.value.size}` });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/maxValue/maxValue.ts
/* @__NO_SIDE_EFFECTS__ */
function maxValue(requirement, message$1) {
	return {
		kind: "validation",
		type: "max_value",
		reference: maxValue,
		async: false,
		expects: `<=${requirement instanceof Date ? requirement.toJSON() : /* @__PURE__ */ _stringify(requirement)}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !(dataset.value <= this.requirement)) _addIssue(this, "value", dataset, config$1, { received: dataset.value instanceof Date ? dataset.value.toJSON() : /* @__PURE__ */ _stringify(dataset.value) });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/maxWords/maxWords.ts
/* @__NO_SIDE_EFFECTS__ */
function maxWords(locales, requirement, message$1) {
	return {
		kind: "validation",
		type: "max_words",
		reference: maxWords,
		async: false,
		expects: `<=${requirement}`,
		locales,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed) {
				const count = /* @__PURE__ */ _getWordCount(this.locales, dataset.value);
				if (count > this.requirement) _addIssue(this, "words", dataset, config$1, { received: `${count}` });
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/metadata/metadata.ts
/**
* Creates a custom metadata action.
*
* @param metadata_ The metadata object.
*
* @returns A metadata action.
*/
/* @__NO_SIDE_EFFECTS__ */
function metadata(metadata_) {
	return {
		kind: "metadata",
		type: "metadata",
		reference: metadata,
		metadata: metadata_
	};
}

//#endregion
//#region src/actions/mimeType/mimeType.ts
/* @__NO_SIDE_EFFECTS__ */
function mimeType(requirement, message$1) {
	return {
		kind: "validation",
		type: "mime_type",
		reference: mimeType,
		async: false,
		expects: /* @__PURE__ */ _joinExpects(requirement.map((option) => `"${option}"`), "|"),
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.includes(dataset.value.type)) _addIssue(this, "MIME type", dataset, config$1, { received: `"${dataset.value.type}"` });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/minBytes/minBytes.ts
/* @__NO_SIDE_EFFECTS__ */
function minBytes(requirement, message$1) {
	return {
		kind: "validation",
		type: "min_bytes",
		reference: minBytes,
		async: false,
		expects: `>=${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed) {
				const length$1 = /* @__PURE__ */ _getByteCount(dataset.value);
				if (length$1 < this.requirement) _addIssue(this, "bytes", dataset, config$1, { received: `${length$1}` });
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/minCodePoints/minCodePoints.ts
/* @__NO_SIDE_EFFECTS__ */
function minCodePoints(requirement, message$1) {
	return {
		kind: "validation",
		type: "min_code_points",
		reference: minCodePoints,
		async: false,
		expects: `>=${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed) {
				const count = /* @__PURE__ */ _getCodePointCount(dataset.value);
				if (count < this.requirement) _addIssue(this, "code points", dataset, config$1, { received: `${count}` });
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/minEntries/minEntries.ts
/* @__NO_SIDE_EFFECTS__ */
function minEntries(requirement, message$1) {
	return {
		kind: "validation",
		type: "min_entries",
		reference: minEntries,
		async: false,
		expects: `>=${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (!dataset.typed) return dataset;
			const count = Object.keys(dataset.value).length;
			if (dataset.typed && count < this.requirement) _addIssue(this, "entries", dataset, config$1, { received: `${count}` });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/minGraphemes/minGraphemes.ts
/* @__NO_SIDE_EFFECTS__ */
function minGraphemes(requirement, message$1) {
	return {
		kind: "validation",
		type: "min_graphemes",
		reference: minGraphemes,
		async: false,
		expects: `>=${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed) {
				const count = /* @__PURE__ */ _getGraphemeCount(dataset.value);
				if (count < this.requirement) _addIssue(this, "graphemes", dataset, config$1, { received: `${count}` });
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/minLength/minLength.ts
/* @__NO_SIDE_EFFECTS__ */
function minLength(requirement, message$1) {
	return {
		kind: "validation",
		type: "min_length",
		reference: minLength,
		async: false,
		expects: `>=${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && dataset.value.length < this.requirement) _addIssue(this, "length", dataset, config$1, { received: `${dataset.value.length}` });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/minSize/minSize.ts
/* @__NO_SIDE_EFFECTS__ */
function minSize(requirement, message$1) {
	return {
		kind: "validation",
		type: "min_size",
		reference: minSize,
		async: false,
		expects: `>=${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && dataset.value.size < this.requirement) _addIssue(this, "size", dataset, config$1, { received: `${dataset.value.size}` });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/minValue/minValue.ts
/* @__NO_SIDE_EFFECTS__ */
function minValue(requirement, message$1) {
	return {
		kind: "validation",
		type: "min_value",
		reference: minValue,
		async: false,
		expects: `>=${requirement instanceof Date ? requirement.toJSON() : /* @__PURE__ */ _stringify(requirement)}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !(dataset.value >= this.requirement)) _addIssue(this, "value", dataset, config$1, { received: dataset.value instanceof Date ? dataset.value.toJSON() : /* @__PURE__ */ _stringify(dataset.value) });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/minWords/minWords.ts
/* @__NO_SIDE_EFFECTS__ */
function minWords(locales, requirement, message$1) {
	return {
		kind: "validation",
		type: "min_words",
		reference: minWords,
		async: false,
		expects: `>=${requirement}`,
		locales,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed) {
				const count = /* @__PURE__ */ _getWordCount(this.locales, dataset.value);
				if (count < this.requirement) _addIssue(this, "words", dataset, config$1, { received: `${count}` });
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/multipleOf/multipleOf.ts
/* @__NO_SIDE_EFFECTS__ */
function multipleOf(requirement, message$1) {
	return {
		kind: "validation",
		type: "multiple_of",
		reference: multipleOf,
		async: false,
		expects: `%${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && dataset.value % this.requirement != 0) _addIssue(this, "multiple", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/nanoid/nanoid.ts
/* @__NO_SIDE_EFFECTS__ */
function nanoid(message$1) {
	return {
		kind: "validation",
		type: "nanoid",
		reference: nanoid,
		async: false,
		expects: null,
		requirement: NANO_ID_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "Nano ID", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/nonEmpty/nonEmpty.ts
/* @__NO_SIDE_EFFECTS__ */
function nonEmpty(message$1) {
	return {
		kind: "validation",
		type: "non_empty",
		reference: nonEmpty,
		async: false,
		expects: "!0",
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && dataset.value.length === 0) _addIssue(this, "length", dataset, config$1, { received: "0" });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/normalize/normalize.ts
/* @__NO_SIDE_EFFECTS__ */
function normalize(form) {
	return {
		kind: "transformation",
		type: "normalize",
		reference: normalize,
		async: false,
		form,
		"~run"(dataset) {
			dataset.value = dataset.value.normalize(this.form);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/notBytes/notBytes.ts
/* @__NO_SIDE_EFFECTS__ */
function notBytes(requirement, message$1) {
	return {
		kind: "validation",
		type: "not_bytes",
		reference: notBytes,
		async: false,
		expects: `!${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed) {
				const length$1 = /* @__PURE__ */ _getByteCount(dataset.value);
				if (length$1 === this.requirement) _addIssue(this, "bytes", dataset, config$1, { received: `${length$1}` });
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/notCodePoints/notCodePoints.ts
/* @__NO_SIDE_EFFECTS__ */
function notCodePoints(requirement, message$1) {
	return {
		kind: "validation",
		type: "not_code_points",
		reference: notCodePoints,
		async: false,
		expects: `!${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed) {
				const count = /* @__PURE__ */ _getCodePointCount(dataset.value);
				if (count === this.requirement) _addIssue(this, "code points", dataset, config$1, { received: `${count}` });
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/notEntries/notEntries.ts
/* @__NO_SIDE_EFFECTS__ */
function notEntries(requirement, message$1) {
	return {
		kind: "validation",
		type: "not_entries",
		reference: notEntries,
		async: false,
		expects: `!${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (!dataset.typed) return dataset;
			const count = Object.keys(dataset.value).length;
			if (dataset.typed && count === this.requirement) _addIssue(this, "entries", dataset, config$1, { received: `${count}` });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/notGraphemes/notGraphemes.ts
/* @__NO_SIDE_EFFECTS__ */
function notGraphemes(requirement, message$1) {
	return {
		kind: "validation",
		type: "not_graphemes",
		reference: notGraphemes,
		async: false,
		expects: `!${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed) {
				const count = /* @__PURE__ */ _getGraphemeCount(dataset.value);
				if (count === this.requirement) _addIssue(this, "graphemes", dataset, config$1, { received: `${count}` });
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/notLength/notLength.ts
/* @__NO_SIDE_EFFECTS__ */
function notLength(requirement, message$1) {
	return {
		kind: "validation",
		type: "not_length",
		reference: notLength,
		async: false,
		expects: `!${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && dataset.value.length === this.requirement) _addIssue(this, "length", dataset, config$1, { received: `${dataset.value.length}` });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/notSize/notSize.ts
/* @__NO_SIDE_EFFECTS__ */
function notSize(requirement, message$1) {
	return {
		kind: "validation",
		type: "not_size",
		reference: notSize,
		async: false,
		expects: `!${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && dataset.value.size === this.requirement) _addIssue(this, "size", dataset, config$1, { received: `${dataset.value.size}` });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/notValue/notValue.ts
/* @__NO_SIDE_EFFECTS__ */
function notValue(requirement, message$1) {
	return {
		kind: "validation",
		type: "not_value",
		reference: notValue,
		async: false,
		expects: requirement instanceof Date ? `!${requirement.toJSON()}` : `!${/* @__PURE__ */ _stringify(requirement)}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && /* @__PURE__ */ _isValueMatch(this.requirement, dataset.value)) _addIssue(this, "value", dataset, config$1, { received: dataset.value instanceof Date ? dataset.value.toJSON() : /* @__PURE__ */ _stringify(dataset.value) });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/notValues/notValues.ts
/* @__NO_SIDE_EFFECTS__ */
function notValues(requirement, message$1) {
	return {
		kind: "validation",
		type: "not_values",
		reference: notValues,
		async: false,
		expects: `!${/* @__PURE__ */ _joinExpects(requirement.map((value$1) => value$1 instanceof Date ? value$1.toJSON() : /* @__PURE__ */ _stringify(value$1)), "|")}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && this.requirement.some((requirement$1) => /* @__PURE__ */ _isValueMatch(requirement$1, dataset.value))) _addIssue(this, "value", dataset, config$1, { received: dataset.value instanceof Date ? dataset.value.toJSON() : /* @__PURE__ */ _stringify(dataset.value) });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/notWords/notWords.ts
/* @__NO_SIDE_EFFECTS__ */
function notWords(locales, requirement, message$1) {
	return {
		kind: "validation",
		type: "not_words",
		reference: notWords,
		async: false,
		expects: `!${requirement}`,
		locales,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed) {
				const count = /* @__PURE__ */ _getWordCount(this.locales, dataset.value);
				if (count === this.requirement) _addIssue(this, "words", dataset, config$1, { received: `${count}` });
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/octal/octal.ts
/* @__NO_SIDE_EFFECTS__ */
function octal(message$1) {
	return {
		kind: "validation",
		type: "octal",
		reference: octal,
		async: false,
		expects: null,
		requirement: OCTAL_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "octal", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/parseBoolean/parseBoolean.ts
const TRUTHY = (/* unused pure expression or super */ null && ([
	true,
	1,
	"true",
	"1",
	"yes",
	"y",
	"on",
	"enabled"
]));
const FALSY = (/* unused pure expression or super */ null && ([
	false,
	0,
	"false",
	"0",
	"no",
	"n",
	"off",
	"disabled"
]));
/* @__NO_SIDE_EFFECTS__ */
function parseBoolean(config$1, message$1) {
	const normalize$1 = (v) => typeof v === "string" ? v.toLowerCase() : v;
	const truthyRaw = config$1?.truthy ?? TRUTHY;
	const falsyRaw = config$1?.falsy ?? FALSY;
	const truthy = config$1?.truthy ? config$1.truthy.map(normalize$1) : TRUTHY;
	const falsy = config$1?.falsy ? config$1.falsy.map(normalize$1) : FALSY;
	return {
		kind: "transformation",
		type: "parse_boolean",
		reference: parseBoolean,
		expects: /* @__PURE__ */ _joinExpects([...truthyRaw, ...falsyRaw].map(_stringify), "|"),
		config: config$1,
		message: message$1,
		async: false,
		"~run"(dataset, config$2) {
			const input = normalize$1(dataset.value);
			if (truthy.includes(input)) dataset.value = true;
			else if (falsy.includes(input)) dataset.value = false;
			else {
				_addIssue(this, "boolean", dataset, config$2);
				dataset.typed = false;
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/parseJson/parseJson.ts
/* @__NO_SIDE_EFFECTS__ */
function parseJson(config$1, message$1) {
	return {
		kind: "transformation",
		type: "parse_json",
		reference: parseJson,
		config: config$1,
		message: message$1,
		async: false,
		"~run"(dataset, config$2) {
			try {
				dataset.value = JSON.parse(dataset.value, this.config?.reviver);
			} catch (error) {
				if (error instanceof Error) {
					_addIssue(this, "JSON", dataset, config$2, { received: `"${error.message}"` });
					dataset.typed = false;
				} else throw error;
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/partialCheck/utils/_isPartiallyTyped/_isPartiallyTyped.ts
/**
* Checks if a dataset is partially typed.
*
* @param dataset The dataset to check.
* @param paths The paths to check.
*
* @returns Whether it is partially typed.
*
* @internal
*/
/* @__NO_SIDE_EFFECTS__ */
function _isPartiallyTyped(dataset, paths) {
	if (dataset.issues) for (const path of paths) for (const issue of dataset.issues) {
		let typed = false;
		const bound = Math.min(path.length, issue.path?.length ?? 0);
		for (let index = 0; index < bound; index++) if (path[index] !== issue.path[index].key && (path[index] !== "$" || issue.path[index].type !== "array")) {
			typed = true;
			break;
		}
		if (!typed) return false;
	}
	return true;
}

//#endregion
//#region src/actions/partialCheck/partialCheck.ts
/* @__NO_SIDE_EFFECTS__ */
function partialCheck(paths, requirement, message$1) {
	return {
		kind: "validation",
		type: "partial_check",
		reference: partialCheck,
		async: false,
		expects: null,
		paths,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if ((dataset.typed || /* @__PURE__ */ _isPartiallyTyped(dataset, paths)) && !this.requirement(dataset.value)) _addIssue(this, "input", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/partialCheck/partialCheckAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function partialCheckAsync(paths, requirement, message$1) {
	return {
		kind: "validation",
		type: "partial_check",
		reference: partialCheckAsync,
		async: true,
		expects: null,
		paths,
		requirement,
		message: message$1,
		async "~run"(dataset, config$1) {
			if ((dataset.typed || /* @__PURE__ */ _isPartiallyTyped(dataset, paths)) && !await this.requirement(dataset.value)) _addIssue(this, "input", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/rawCheck/rawCheck.ts
/**
* Creates a raw check validation action.
*
* @param action The validation action.
*
* @returns A raw check action.
*/
/* @__NO_SIDE_EFFECTS__ */
function rawCheck(action) {
	return {
		kind: "validation",
		type: "raw_check",
		reference: rawCheck,
		async: false,
		expects: null,
		"~run"(dataset, config$1) {
			action({
				dataset,
				config: config$1,
				addIssue: (info) => _addIssue(this, info?.label ?? "input", dataset, config$1, info)
			});
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/rawCheck/rawCheckAsync.ts
/**
* Creates a raw check validation action.
*
* @param action The validation action.
*
* @returns A raw check action.
*/
/* @__NO_SIDE_EFFECTS__ */
function rawCheckAsync(action) {
	return {
		kind: "validation",
		type: "raw_check",
		reference: rawCheckAsync,
		async: true,
		expects: null,
		async "~run"(dataset, config$1) {
			await action({
				dataset,
				config: config$1,
				addIssue: (info) => _addIssue(this, info?.label ?? "input", dataset, config$1, info)
			});
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/rawTransform/rawTransform.ts
/**
* Creates a raw transformation action.
*
* @param action The transformation action.
*
* @returns A raw transform action.
*/
/* @__NO_SIDE_EFFECTS__ */
function rawTransform(action) {
	return {
		kind: "transformation",
		type: "raw_transform",
		reference: rawTransform,
		async: false,
		"~run"(dataset, config$1) {
			const output = action({
				dataset,
				config: config$1,
				addIssue: (info) => _addIssue(this, info?.label ?? "input", dataset, config$1, info),
				NEVER: null
			});
			if (dataset.issues) dataset.typed = false;
			else dataset.value = output;
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/rawTransform/rawTransformAsync.ts
/**
* Creates a raw transformation action.
*
* @param action The transformation action.
*
* @returns A raw transform action.
*/
/* @__NO_SIDE_EFFECTS__ */
function rawTransformAsync(action) {
	return {
		kind: "transformation",
		type: "raw_transform",
		reference: rawTransformAsync,
		async: true,
		async "~run"(dataset, config$1) {
			const output = await action({
				dataset,
				config: config$1,
				addIssue: (info) => _addIssue(this, info?.label ?? "input", dataset, config$1, info),
				NEVER: null
			});
			if (dataset.issues) dataset.typed = false;
			else dataset.value = output;
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/readonly/readonly.ts
/* @__NO_SIDE_EFFECTS__ */
function readonly() {
	return {
		kind: "transformation",
		type: "readonly",
		reference: readonly,
		async: false,
		"~run"(dataset) {
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/reduceItems/reduceItems.ts
/* @__NO_SIDE_EFFECTS__ */
function reduceItems(operation, initial) {
	return {
		kind: "transformation",
		type: "reduce_items",
		reference: reduceItems,
		async: false,
		operation,
		initial,
		"~run"(dataset) {
			dataset.value = dataset.value.reduce(this.operation, this.initial);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/regex/regex.ts
/* @__NO_SIDE_EFFECTS__ */
function regex(requirement, message$1) {
	return {
		kind: "validation",
		type: "regex",
		reference: regex,
		async: false,
		expects: `${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "format", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/returns/returns.ts
/* @__NO_SIDE_EFFECTS__ */
function returns(schema) {
	return {
		kind: "transformation",
		type: "returns",
		reference: returns,
		async: false,
		schema,
		"~run"(dataset, config$1) {
			const func = dataset.value;
			dataset.value = (...args_) => {
				const returnsDataset = this.schema["~run"]({ value: func(...args_) }, config$1);
				if (returnsDataset.issues) throw new ValiError(returnsDataset.issues);
				return returnsDataset.value;
			};
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/returns/returnsAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function returnsAsync(schema) {
	return {
		kind: "transformation",
		type: "returns",
		reference: returnsAsync,
		async: false,
		schema,
		"~run"(dataset, config$1) {
			const func = dataset.value;
			dataset.value = async (...args_) => {
				const returnsDataset = await this.schema["~run"]({ value: await func(...args_) }, config$1);
				if (returnsDataset.issues) throw new ValiError(returnsDataset.issues);
				return returnsDataset.value;
			};
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/rfcEmail/rfcEmail.ts
/* @__NO_SIDE_EFFECTS__ */
function rfcEmail(message$1) {
	return {
		kind: "validation",
		type: "rfc_email",
		reference: rfcEmail,
		expects: null,
		async: false,
		requirement: RFC_EMAIL_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "email", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/safeInteger/safeInteger.ts
/* @__NO_SIDE_EFFECTS__ */
function safeInteger(message$1) {
	return {
		kind: "validation",
		type: "safe_integer",
		reference: safeInteger,
		async: false,
		expects: null,
		requirement: Number.isSafeInteger,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "safe integer", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/size/size.ts
/* @__NO_SIDE_EFFECTS__ */
function size(requirement, message$1) {
	return {
		kind: "validation",
		type: "size",
		reference: size,
		async: false,
		expects: `${requirement}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && dataset.value.size !== this.requirement) _addIssue(this, "size", dataset, config$1, { received: `${dataset.value.size}` });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/slug/slug.ts
/* @__NO_SIDE_EFFECTS__ */
function slug(message$1) {
	return {
		kind: "validation",
		type: "slug",
		reference: slug,
		async: false,
		expects: null,
		requirement: SLUG_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "slug", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/someItem/someItem.ts
/* @__NO_SIDE_EFFECTS__ */
function someItem(requirement, message$1) {
	return {
		kind: "validation",
		type: "some_item",
		reference: someItem,
		async: false,
		expects: null,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !dataset.value.some(this.requirement)) _addIssue(this, "item", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/sortItems/sortItems.ts
/* @__NO_SIDE_EFFECTS__ */
function sortItems(operation) {
	return {
		kind: "transformation",
		type: "sort_items",
		reference: sortItems,
		async: false,
		operation,
		"~run"(dataset) {
			dataset.value = dataset.value.sort(this.operation);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/startsWith/startsWith.ts
/* @__NO_SIDE_EFFECTS__ */
function startsWith(requirement, message$1) {
	return {
		kind: "validation",
		type: "starts_with",
		reference: startsWith,
		async: false,
		expects: `"${requirement}"`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !dataset.value.startsWith(this.requirement)) _addIssue(this, "start", dataset, config$1, { received: `"${dataset.value.slice(0, this.requirement.length)}"` });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/stringifyJson/stringifyJson.ts
/* @__NO_SIDE_EFFECTS__ */
function stringifyJson(config$1, message$1) {
	return {
		kind: "transformation",
		type: "stringify_json",
		reference: stringifyJson,
		message: message$1,
		config: config$1,
		async: false,
		"~run"(dataset, config$2) {
			try {
				const output = JSON.stringify(dataset.value, this.config?.replacer, this.config?.space);
				if (output === void 0) {
					_addIssue(this, "JSON", dataset, config$2);
					dataset.typed = false;
				} else dataset.value = output;
			} catch (error) {
				if (error instanceof Error) {
					_addIssue(this, "JSON", dataset, config$2, { received: `"${error.message}"` });
					dataset.typed = false;
				} else throw error;
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/title/title.ts
/**
* Creates a title metadata action.
*
* @param title_ The title text.
*
* @returns A title action.
*/
/* @__NO_SIDE_EFFECTS__ */
function title(title_) {
	return {
		kind: "metadata",
		type: "title",
		reference: title,
		title: title_
	};
}

//#endregion
//#region src/actions/toBigint/toBigint.ts
/* @__NO_SIDE_EFFECTS__ */
function toBigint(message$1) {
	return {
		kind: "transformation",
		type: "to_bigint",
		reference: toBigint,
		async: false,
		message: message$1,
		"~run"(dataset, config$1) {
			try {
				dataset.value = BigInt(dataset.value);
			} catch {
				_addIssue(this, "bigint", dataset, config$1);
				dataset.typed = false;
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/toBoolean/toBoolean.ts
/**
* Creates a to boolean transformation action.
*
* @returns A to boolean action.
*
* @beta
*/
/* @__NO_SIDE_EFFECTS__ */
function toBoolean() {
	return {
		kind: "transformation",
		type: "to_boolean",
		reference: toBoolean,
		async: false,
		"~run"(dataset) {
			dataset.value = Boolean(dataset.value);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/toCamelCase/toCamelCase.ts
/**
* Creates a to camel case transformation action.
*
* Words are separated by `_`, `-` and ASCII whitespace, as well as by case
* and acronym boundaries.
*
* Hint: Acronym runs are normalized to lowercase (e.g. `parseURLValue` →
* `parseUrlValue`) and digits stay attached to the preceding token (e.g.
* `item2Name` → `item2Name`).
*
* @returns A to camel case action.
*
* @beta
*/
/* @__NO_SIDE_EFFECTS__ */
function toCamelCase() {
	return {
		kind: "transformation",
		type: "to_camel_case",
		reference: toCamelCase,
		async: false,
		"~run"(dataset) {
			dataset.value = /* @__PURE__ */ _formatCase(dataset.value, "", false, true);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/toDate/toDate.ts
/* @__NO_SIDE_EFFECTS__ */
function toDate(message$1) {
	return {
		kind: "transformation",
		type: "to_date",
		reference: toDate,
		async: false,
		message: message$1,
		"~run"(dataset, config$1) {
			try {
				dataset.value = new Date(dataset.value);
				if (isNaN(dataset.value)) {
					_addIssue(this, "date", dataset, config$1, { received: "\"Invalid Date\"" });
					dataset.typed = false;
				}
			} catch {
				_addIssue(this, "date", dataset, config$1);
				dataset.typed = false;
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/toKebabCase/toKebabCase.ts
/**
* Creates a to kebab case transformation action.
*
* Words are separated by `_`, `-` and ASCII whitespace, as well as by case
* and acronym boundaries.
*
* Hint: Acronym runs are normalized to lowercase (e.g. `parseURLValue` →
* `parse-url-value`) and digits stay attached to the preceding token (e.g.
* `item2Name` → `item2-name`).
*
* @returns A to kebab case action.
*
* @beta
*/
/* @__NO_SIDE_EFFECTS__ */
function toKebabCase() {
	return {
		kind: "transformation",
		type: "to_kebab_case",
		reference: toKebabCase,
		async: false,
		"~run"(dataset) {
			dataset.value = /* @__PURE__ */ _formatCase(dataset.value, "-", false, false);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/toLowerCase/toLowerCase.ts
/**
* Creates a to lower case transformation action.
*
* @returns A to lower case action.
*/
/* @__NO_SIDE_EFFECTS__ */
function toLowerCase() {
	return {
		kind: "transformation",
		type: "to_lower_case",
		reference: toLowerCase,
		async: false,
		"~run"(dataset) {
			dataset.value = dataset.value.toLowerCase();
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/toMaxValue/toMaxValue.ts
/**
* Creates a to max value transformation action.
*
* @param requirement The maximum value.
*
* @returns A to max value action.
*/
/* @__NO_SIDE_EFFECTS__ */
function toMaxValue(requirement) {
	return {
		kind: "transformation",
		type: "to_max_value",
		reference: toMaxValue,
		async: false,
		requirement,
		"~run"(dataset) {
			dataset.value = dataset.value > this.requirement ? this.requirement : dataset.value;
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/toMinValue/toMinValue.ts
/**
* Creates a to min value transformation action.
*
* @param requirement The minimum value.
*
* @returns A to min value action.
*/
/* @__NO_SIDE_EFFECTS__ */
function toMinValue(requirement) {
	return {
		kind: "transformation",
		type: "to_min_value",
		reference: toMinValue,
		async: false,
		requirement,
		"~run"(dataset) {
			dataset.value = dataset.value < this.requirement ? this.requirement : dataset.value;
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/toNumber/toNumber.ts
/* @__NO_SIDE_EFFECTS__ */
function toNumber(message$1) {
	return {
		kind: "transformation",
		type: "to_number",
		reference: toNumber,
		async: false,
		message: message$1,
		"~run"(dataset, config$1) {
			try {
				dataset.value = Number(dataset.value);
				if (isNaN(dataset.value)) {
					_addIssue(this, "number", dataset, config$1);
					dataset.typed = false;
				}
			} catch {
				_addIssue(this, "number", dataset, config$1);
				dataset.typed = false;
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/toPascalCase/toPascalCase.ts
/**
* Creates a to pascal case transformation action.
*
* Words are separated by `_`, `-` and ASCII whitespace, as well as by case
* and acronym boundaries.
*
* Hint: Acronym runs are normalized to lowercase (e.g. `parseURLValue` →
* `ParseUrlValue`) and digits stay attached to the preceding token (e.g.
* `item2Name` → `Item2Name`).
*
* @returns A to pascal case action.
*
* @beta
*/
/* @__NO_SIDE_EFFECTS__ */
function toPascalCase() {
	return {
		kind: "transformation",
		type: "to_pascal_case",
		reference: toPascalCase,
		async: false,
		"~run"(dataset) {
			dataset.value = /* @__PURE__ */ _formatCase(dataset.value, "", true, true);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/toSnakeCase/toSnakeCase.ts
/**
* Creates a to snake case transformation action.
*
* Words are separated by `_`, `-` and ASCII whitespace, as well as by case
* and acronym boundaries.
*
* Hint: Acronym runs are normalized to lowercase (e.g. `parseURLValue` →
* `parse_url_value`) and digits stay attached to the preceding token (e.g.
* `item2Name` → `item2_name`).
*
* @returns A to snake case action.
*
* @beta
*/
/* @__NO_SIDE_EFFECTS__ */
function toSnakeCase() {
	return {
		kind: "transformation",
		type: "to_snake_case",
		reference: toSnakeCase,
		async: false,
		"~run"(dataset) {
			dataset.value = /* @__PURE__ */ _formatCase(dataset.value, "_", false, false);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/toString/toString.ts
/* @__NO_SIDE_EFFECTS__ */
function dist_toString(message$1) {
	return {
		kind: "transformation",
		type: "to_string",
		reference: dist_toString,
		async: false,
		message: message$1,
		"~run"(dataset, config$1) {
			try {
				dataset.value = String(dataset.value);
			} catch {
				_addIssue(this, "string", dataset, config$1);
				dataset.typed = false;
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/toUpperCase/toUpperCase.ts
/**
* Creates a to upper case transformation action.
*
* @returns A to upper case action.
*/
/* @__NO_SIDE_EFFECTS__ */
function toUpperCase() {
	return {
		kind: "transformation",
		type: "to_upper_case",
		reference: toUpperCase,
		async: false,
		"~run"(dataset) {
			dataset.value = dataset.value.toUpperCase();
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/transform/transform.ts
/**
* Creates a custom transformation action.
*
* @param operation The transformation operation.
*
* @returns A transform action.
*/
/* @__NO_SIDE_EFFECTS__ */
function transform(operation) {
	return {
		kind: "transformation",
		type: "transform",
		reference: transform,
		async: false,
		operation,
		"~run"(dataset) {
			dataset.value = this.operation(dataset.value);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/transform/transformAsync.ts
/**
* Creates a custom transformation action.
*
* @param operation The transformation operation.
*
* @returns A transform action.
*/
/* @__NO_SIDE_EFFECTS__ */
function transformAsync(operation) {
	return {
		kind: "transformation",
		type: "transform",
		reference: transformAsync,
		async: true,
		operation,
		async "~run"(dataset) {
			dataset.value = await this.operation(dataset.value);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/trim/trim.ts
/**
* Creates a trim transformation action.
*
* @returns A trim action.
*/
/* @__NO_SIDE_EFFECTS__ */
function trim() {
	return {
		kind: "transformation",
		type: "trim",
		reference: trim,
		async: false,
		"~run"(dataset) {
			dataset.value = dataset.value.trim();
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/trimEnd/trimEnd.ts
/**
* Creates a trim end transformation action.
*
* @returns A trim end action.
*/
/* @__NO_SIDE_EFFECTS__ */
function trimEnd() {
	return {
		kind: "transformation",
		type: "trim_end",
		reference: trimEnd,
		async: false,
		"~run"(dataset) {
			dataset.value = dataset.value.trimEnd();
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/trimStart/trimStart.ts
/**
* Creates a trim start transformation action.
*
* @returns A trim start action.
*/
/* @__NO_SIDE_EFFECTS__ */
function trimStart() {
	return {
		kind: "transformation",
		type: "trim_start",
		reference: trimStart,
		async: false,
		"~run"(dataset) {
			dataset.value = dataset.value.trimStart();
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/ulid/ulid.ts
/* @__NO_SIDE_EFFECTS__ */
function ulid(message$1) {
	return {
		kind: "validation",
		type: "ulid",
		reference: ulid,
		async: false,
		expects: null,
		requirement: ULID_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "ULID", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/url/url.ts
/* @__NO_SIDE_EFFECTS__ */
function url(message$1) {
	return {
		kind: "validation",
		type: "url",
		reference: url,
		async: false,
		expects: null,
		requirement(input) {
			try {
				if (URL.canParse) return URL.canParse(input);
				new URL(input);
				return true;
			} catch {
				return false;
			}
		},
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "URL", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/uuid/uuid.ts
/* @__NO_SIDE_EFFECTS__ */
function uuid(message$1) {
	return {
		kind: "validation",
		type: "uuid",
		reference: uuid,
		async: false,
		expects: null,
		requirement: UUID_REGEX,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "UUID", dataset, config$1);
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/value/value.ts
/* @__NO_SIDE_EFFECTS__ */
function value(requirement, message$1) {
	return {
		kind: "validation",
		type: "value",
		reference: value,
		async: false,
		expects: requirement instanceof Date ? requirement.toJSON() : /* @__PURE__ */ _stringify(requirement),
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !/* @__PURE__ */ _isValueMatch(this.requirement, dataset.value)) _addIssue(this, "value", dataset, config$1, { received: dataset.value instanceof Date ? dataset.value.toJSON() : /* @__PURE__ */ _stringify(dataset.value) });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/values/values.ts
/* @__NO_SIDE_EFFECTS__ */
function values(requirement, message$1) {
	return {
		kind: "validation",
		type: "values",
		reference: values,
		async: false,
		expects: `${/* @__PURE__ */ _joinExpects(requirement.map((value$1) => value$1 instanceof Date ? value$1.toJSON() : /* @__PURE__ */ _stringify(value$1)), "|")}`,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed && !this.requirement.some((requirement$1) => /* @__PURE__ */ _isValueMatch(requirement$1, dataset.value))) _addIssue(this, "value", dataset, config$1, { received: dataset.value instanceof Date ? dataset.value.toJSON() : /* @__PURE__ */ _stringify(dataset.value) });
			return dataset;
		}
	};
}

//#endregion
//#region src/actions/words/words.ts
/* @__NO_SIDE_EFFECTS__ */
function words(locales, requirement, message$1) {
	return {
		kind: "validation",
		type: "words",
		reference: words,
		async: false,
		expects: `${requirement}`,
		locales,
		requirement,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.typed) {
				const count = /* @__PURE__ */ _getWordCount(this.locales, dataset.value);
				if (count !== this.requirement) _addIssue(this, "words", dataset, config$1, { received: `${count}` });
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/const.ts
const ABORT_EARLY_CONFIG = { abortEarly: true };

//#endregion
//#region src/methods/assert/assert.ts
/**
* Checks if the input matches the schema. As this is an assertion function, it
* can be used as a type guard.
*
* @param schema The schema to be used.
* @param input The input to be tested.
*/
function assert(schema, input) {
	const issues = schema["~run"]({ value: input }, ABORT_EARLY_CONFIG).issues;
	if (issues) throw new ValiError(issues);
}

//#endregion
//#region src/methods/cache/_LruCache.ts
/**
* Efficient LRU cache using Map iteration order.
*/
var _LruCache = class {
	constructor(config$1) {
		this.refCount = 0;
		this.maxSize = config$1?.maxSize ?? 1e3;
		this.maxAge = config$1?.maxAge ?? Infinity;
		this.hasMaxAge = isFinite(this.maxAge);
	}
	/**
	* Stringifies an unknown input to a cache key component.
	*
	* @param input The unknown input.
	*
	* @returns A cache key component.
	*/
	stringify(input) {
		const type = typeof input;
		if (type === "string") return `"${input}"`;
		if (type === "number" || type === "boolean") return `${input}`;
		if (type === "bigint") return `${input}n`;
		if (type === "object" || type === "function") {
			if (input) {
				this.refIds ?? (this.refIds = /* @__PURE__ */ new WeakMap());
				let id = this.refIds.get(input);
				if (!id) {
					id = ++this.refCount;
					this.refIds.set(input, id);
				}
				return `#${id}`;
			}
			return "null";
		}
		return type;
	}
	/**
	* Creates a cache key from input and config.
	*
	* @param input The input value.
	* @param config The parse configuration.
	*
	* @returns The cache key.
	*/
	key(input, config$1 = {}) {
		return `${this.stringify(input)}|${this.stringify(config$1.lang)}|${this.stringify(config$1.message)}|${this.stringify(config$1.abortEarly)}|${this.stringify(config$1.abortPipeEarly)}`;
	}
	/**
	* Gets a value from the cache by key.
	*
	* @param key The cache key.
	*
	* @returns The cached value.
	*/
	get(key) {
		if (!this.store) return void 0;
		const entry = this.store.get(key);
		if (!entry) return void 0;
		if (this.hasMaxAge && Date.now() - entry[1] > this.maxAge) {
			this.store.delete(key);
			return;
		}
		this.store.delete(key);
		this.store.set(key, entry);
		return entry[0];
	}
	/**
	* Sets a value in the cache by key.
	*
	* @param key The cache key.
	* @param value The cached value.
	*/
	set(key, value$1) {
		this.store ?? (this.store = /* @__PURE__ */ new Map());
		this.store.delete(key);
		const timestamp = this.hasMaxAge ? Date.now() : 0;
		this.store.set(key, [value$1, timestamp]);
		if (this.store.size > this.maxSize) this.store.delete(this.store.keys().next().value);
	}
	/**
	* Clears all entries from the cache.
	*/
	clear() {
		this.store?.clear();
	}
};

//#endregion
//#region src/methods/cache/cache.ts
/* @__NO_SIDE_EFFECTS__ */
function cache(schema, config$1) {
	return _standardSchema({
		...schema,
		cacheConfig: config$1,
		cache: new _LruCache(config$1),
		"~run"(dataset, runConfig) {
			const key = this.cache.key(dataset.value, runConfig);
			let outputDataset = this.cache.get(key);
			if (!outputDataset) this.cache.set(key, outputDataset = schema["~run"](dataset, runConfig));
			return /* @__PURE__ */ _cloneDataset(outputDataset);
		}
	});
}

//#endregion
//#region src/methods/cache/cacheAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function cacheAsync(schema, config$1) {
	let activeRuns;
	return _standardSchema({
		...schema,
		async: true,
		cacheConfig: config$1,
		cache: new _LruCache(config$1),
		async "~run"(dataset, runConfig) {
			const key = this.cache.key(dataset.value, runConfig);
			const cached = this.cache.get(key);
			if (cached) return /* @__PURE__ */ _cloneDataset(cached);
			let promise$1 = activeRuns?.get(key);
			if (!promise$1) {
				activeRuns ?? (activeRuns = /* @__PURE__ */ new Map());
				promise$1 = Promise.resolve(schema["~run"](dataset, runConfig));
				activeRuns.set(key, promise$1);
			}
			try {
				const outputDataset = await promise$1;
				this.cache.set(key, outputDataset);
				return /* @__PURE__ */ _cloneDataset(outputDataset);
			} finally {
				activeRuns?.delete(key);
			}
		}
	});
}

//#endregion
//#region src/methods/config/config.ts
/**
* Changes the local configuration of a schema.
*
* @param schema The schema to configure.
* @param config The parse configuration.
*
* @returns The configured schema.
*/
/* @__NO_SIDE_EFFECTS__ */
function config(schema, config$1) {
	return _standardSchema({
		...schema,
		"~run"(dataset, config_) {
			return schema["~run"](dataset, {
				...config_,
				...config$1
			});
		}
	});
}

//#endregion
//#region src/methods/getFallback/getFallback.ts
/**
* Returns the fallback value of the schema.
*
* @param schema The schema to get it from.
* @param dataset The output dataset if available.
* @param config The config if available.
*
* @returns The fallback value.
*/
/* @__NO_SIDE_EFFECTS__ */
function getFallback(schema, dataset, config$1) {
	return typeof schema.fallback === "function" ? schema.fallback(dataset, config$1) : schema.fallback;
}

//#endregion
//#region src/methods/fallback/fallback.ts
/**
* Returns a fallback value as output if the input does not match the schema.
*
* @param schema The schema to catch.
* @param fallback The fallback value.
*
* @returns The passed schema.
*/
/* @__NO_SIDE_EFFECTS__ */
function fallback(schema, fallback$1) {
	return _standardSchema({
		...schema,
		fallback: fallback$1,
		"~run"(dataset, config$1) {
			const outputDataset = schema["~run"](dataset, config$1);
			return outputDataset.issues ? {
				typed: true,
				value: /* @__PURE__ */ getFallback(this, outputDataset, config$1)
			} : outputDataset;
		}
	});
}

//#endregion
//#region src/methods/fallback/fallbackAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function fallbackAsync(schema, fallback$1) {
	return _standardSchema({
		...schema,
		fallback: fallback$1,
		async: true,
		async "~run"(dataset, config$1) {
			const outputDataset = await schema["~run"](dataset, config$1);
			return outputDataset.issues ? {
				typed: true,
				value: await /* @__PURE__ */ getFallback(this, outputDataset, config$1)
			} : outputDataset;
		}
	});
}

//#endregion
//#region src/methods/flatten/flatten.ts
/* @__NO_SIDE_EFFECTS__ */
function flatten(issues) {
	const flatErrors = {};
	for (const issue of issues) if (issue.path) {
		const dotPath = /* @__PURE__ */ getDotPath(issue);
		if (dotPath) {
			if (!flatErrors.nested) flatErrors.nested = {};
			if (Object.prototype.hasOwnProperty.call(flatErrors.nested, dotPath)) flatErrors.nested[dotPath].push(issue.message);
			else flatErrors.nested[dotPath] = [issue.message];
		} else if (flatErrors.other) flatErrors.other.push(issue.message);
		else flatErrors.other = [issue.message];
	} else if (flatErrors.root) flatErrors.root.push(issue.message);
	else flatErrors.root = [issue.message];
	return flatErrors;
}

//#endregion
//#region src/methods/forward/forward.ts
/**
* Forwards the issues of the passed validation action.
*
* @param action The validation action.
* @param path The path to forward the issues to.
*
* @returns The modified action.
*/
/* @__NO_SIDE_EFFECTS__ */
function forward(action, path) {
	return {
		...action,
		"~run"(dataset, config$1) {
			const prevIssues = dataset.issues && [...dataset.issues];
			dataset = action["~run"](dataset, config$1);
			if (dataset.issues) {
				for (const issue of dataset.issues) if (!prevIssues?.includes(issue)) {
					let pathInput = dataset.value;
					for (const key of path) {
						const pathValue = pathInput[key];
						const pathItem = {
							type: "unknown",
							origin: "value",
							input: pathInput,
							key,
							value: pathValue
						};
						if (issue.path) issue.path.push(pathItem);
						else issue.path = [pathItem];
						if (!pathValue) break;
						pathInput = pathValue;
					}
				}
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/methods/forward/forwardAsync.ts
/**
* Forwards the issues of the passed validation action.
*
* @param action The validation action.
* @param path The path to forward the issues to.
*
* @returns The modified action.
*/
/* @__NO_SIDE_EFFECTS__ */
function forwardAsync(action, path) {
	return {
		...action,
		async: true,
		async "~run"(dataset, config$1) {
			const prevIssues = dataset.issues && [...dataset.issues];
			dataset = await action["~run"](dataset, config$1);
			if (dataset.issues) {
				for (const issue of dataset.issues) if (!prevIssues?.includes(issue)) {
					let pathInput = dataset.value;
					for (const key of path) {
						const pathValue = pathInput[key];
						const pathItem = {
							type: "unknown",
							origin: "value",
							input: pathInput,
							key,
							value: pathValue
						};
						if (issue.path) issue.path.push(pathItem);
						else issue.path = [pathItem];
						if (!pathValue) break;
						pathInput = pathValue;
					}
				}
			}
			return dataset;
		}
	};
}

//#endregion
//#region src/methods/getDefault/getDefault.ts
/**
* Returns the default value of the schema.
*
* @param schema The schema to get it from.
* @param dataset The input dataset if available.
* @param config The config if available.
*
* @returns The default value.
*/
/* @__NO_SIDE_EFFECTS__ */
function getDefault(schema, dataset, config$1) {
	return typeof schema.default === "function" ? schema.default(dataset, config$1) : schema.default;
}

//#endregion
//#region src/methods/getDefaults/getDefaults.ts
/**
* Returns the default values of the schema.
*
* Hint: The difference to `getDefault` is that for object and tuple schemas
* this function recursively returns the default values of the subschemas
* instead of `undefined`.
*
* @param schema The schema to get them from.
*
* @returns The default values.
*/
/* @__NO_SIDE_EFFECTS__ */
function getDefaults(schema) {
	if ("entries" in schema) {
		const object$1 = {};
		for (const key in schema.entries) object$1[key] = /* @__PURE__ */ getDefaults(schema.entries[key]);
		return object$1;
	}
	if ("items" in schema) return schema.items.map(getDefaults);
	return /* @__PURE__ */ getDefault(schema);
}

//#endregion
//#region src/methods/getDefaults/getDefaultsAsync.ts
/**
* Returns the default values of the schema.
*
* Hint: The difference to `getDefault` is that for object and tuple schemas
* this function recursively returns the default values of the subschemas
* instead of `undefined`.
*
* @param schema The schema to get them from.
*
* @returns The default values.
*/
/* @__NO_SIDE_EFFECTS__ */
async function getDefaultsAsync(schema) {
	if ("entries" in schema) return Object.fromEntries(await Promise.all(Object.entries(schema.entries).map(async ([key, value$1]) => [key, await /* @__PURE__ */ getDefaultsAsync(value$1)])));
	if ("items" in schema) return Promise.all(schema.items.map(getDefaultsAsync));
	return /* @__PURE__ */ getDefault(schema);
}

//#endregion
//#region src/methods/getDescription/getDescription.ts
/**
* Returns the description of the schema.
*
* If multiple descriptions are defined, the last one of the highest level is
* returned. If no description is defined, `undefined` is returned.
*
* @param schema The schema to get the description from.
*
* @returns The description, if any.
*
* @beta
*/
/* @__NO_SIDE_EFFECTS__ */
function getDescription(schema) {
	return /* @__PURE__ */ _getLastMetadata(schema, "description");
}

//#endregion
//#region src/methods/getExamples/getExamples.ts
/**
* Returns the examples of a schema.
*
* If multiple examples are defined, it concatenates them using depth-first
* search. If no examples are defined, an empty array is returned.
*
* @param schema The schema to get the examples from.
*
* @returns The examples, if any.
*
* @beta
*/
/* @__NO_SIDE_EFFECTS__ */
function getExamples(schema) {
	const examples$1 = [];
	function depthFirstCollect(schema$1) {
		if ("pipe" in schema$1) {
			for (const item of schema$1.pipe) if (item.kind === "schema" && "pipe" in item) depthFirstCollect(item);
			else if (item.kind === "metadata" && item.type === "examples") for (const example of item.examples) examples$1.push(example);
		}
	}
	depthFirstCollect(schema);
	return examples$1;
}

//#endregion
//#region src/methods/getFallbacks/getFallbacks.ts
/**
* Returns the fallback values of the schema.
*
* Hint: The difference to `getFallback` is that for object and tuple schemas
* this function recursively returns the fallback values of the subschemas
* instead of `undefined`.
*
* @param schema The schema to get them from.
*
* @returns The fallback values.
*/
/* @__NO_SIDE_EFFECTS__ */
function getFallbacks(schema) {
	if ("entries" in schema) {
		const object$1 = {};
		for (const key in schema.entries) object$1[key] = /* @__PURE__ */ getFallbacks(schema.entries[key]);
		return object$1;
	}
	if ("items" in schema) return schema.items.map(getFallbacks);
	return /* @__PURE__ */ getFallback(schema);
}

//#endregion
//#region src/methods/getFallbacks/getFallbacksAsync.ts
/**
* Returns the fallback values of the schema.
*
* Hint: The difference to `getFallback` is that for object and tuple schemas
* this function recursively returns the fallback values of the subschemas
* instead of `undefined`.
*
* @param schema The schema to get them from.
*
* @returns The fallback values.
*/
/* @__NO_SIDE_EFFECTS__ */
async function getFallbacksAsync(schema) {
	if ("entries" in schema) return Object.fromEntries(await Promise.all(Object.entries(schema.entries).map(async ([key, value$1]) => [key, await /* @__PURE__ */ getFallbacksAsync(value$1)])));
	if ("items" in schema) return Promise.all(schema.items.map(getFallbacksAsync));
	return /* @__PURE__ */ getFallback(schema);
}

//#endregion
//#region src/methods/getMetadata/getMetadata.ts
/**
* Returns the metadata of a schema.
*
* If multiple metadata are defined, it shallowly merges them using depth-first
* search. If no metadata is defined, an empty object is returned.
*
* @param schema Schema to get the metadata from.
*
* @returns The metadata, if any.
*
* @beta
*/
/* @__NO_SIDE_EFFECTS__ */
function getMetadata(schema) {
	const result = {};
	function depthFirstMerge(schema$1) {
		if ("pipe" in schema$1) {
			for (const item of schema$1.pipe) if (item.kind === "schema" && "pipe" in item) depthFirstMerge(item);
			else if (item.kind === "metadata" && item.type === "metadata") Object.assign(result, item.metadata);
		}
	}
	depthFirstMerge(schema);
	return result;
}

//#endregion
//#region src/methods/getTitle/getTitle.ts
/**
* Returns the title of the schema.
*
* If multiple titles are defined, the last one of the highest level is
* returned. If no title is defined, `undefined` is returned.
*
* @param schema The schema to get the title from.
*
* @returns The title, if any.
*
* @beta
*/
/* @__NO_SIDE_EFFECTS__ */
function getTitle(schema) {
	return /* @__PURE__ */ _getLastMetadata(schema, "title");
}

//#endregion
//#region src/methods/is/is.ts
/**
* Checks if the input matches the schema. By using a type predicate, this
* function can be used as a type guard.
*
* @param schema The schema to be used.
* @param input The input to be tested.
*
* @returns Whether the input matches the schema.
*/
/* @__NO_SIDE_EFFECTS__ */
function is(schema, input) {
	return !schema["~run"]({ value: input }, ABORT_EARLY_CONFIG).issues;
}

//#endregion
//#region src/schemas/any/any.ts
/**
* Creates an any schema.
*
* Hint: This schema function exists only for completeness and is not
* recommended in practice. Instead, `unknown` should be used to accept
* unknown data.
*
* @returns An any schema.
*/
/* @__NO_SIDE_EFFECTS__ */
function any() {
	return _standardSchema({
		kind: "schema",
		type: "any",
		reference: any,
		expects: "any",
		async: false,
		"~run"(dataset) {
			dataset.typed = true;
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/array/array.ts
/* @__NO_SIDE_EFFECTS__ */
function array(item, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "array",
		reference: array,
		expects: "Array",
		async: false,
		item,
		message: message$1,
		"~run"(dataset, config$1) {
			const input = dataset.value;
			if (Array.isArray(input)) {
				dataset.typed = true;
				dataset.value = [];
				for (let key = 0; key < input.length; key++) {
					const value$1 = input[key];
					const itemDataset = this.item["~run"]({ value: value$1 }, config$1);
					if (itemDataset.issues) {
						const pathItem = {
							type: "array",
							origin: "value",
							input,
							key,
							value: value$1
						};
						for (const issue of itemDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = itemDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!itemDataset.typed) dataset.typed = false;
					dataset.value.push(itemDataset.value);
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/array/arrayAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function arrayAsync(item, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "array",
		reference: arrayAsync,
		expects: "Array",
		async: true,
		item,
		message: message$1,
		async "~run"(dataset, config$1) {
			const input = dataset.value;
			if (Array.isArray(input)) {
				dataset.typed = true;
				dataset.value = [];
				const itemDatasets = await Promise.all(input.map((value$1) => this.item["~run"]({ value: value$1 }, config$1)));
				for (let key = 0; key < itemDatasets.length; key++) {
					const itemDataset = itemDatasets[key];
					if (itemDataset.issues) {
						const pathItem = {
							type: "array",
							origin: "value",
							input,
							key,
							value: input[key]
						};
						for (const issue of itemDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = itemDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!itemDataset.typed) dataset.typed = false;
					dataset.value.push(itemDataset.value);
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/bigint/bigint.ts
/* @__NO_SIDE_EFFECTS__ */
function bigint(message$1) {
	return _standardSchema({
		kind: "schema",
		type: "bigint",
		reference: bigint,
		expects: "bigint",
		async: false,
		message: message$1,
		"~run"(dataset, config$1) {
			if (typeof dataset.value === "bigint") dataset.typed = true;
			else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/blob/blob.ts
/* @__NO_SIDE_EFFECTS__ */
function blob(message$1) {
	return _standardSchema({
		kind: "schema",
		type: "blob",
		reference: blob,
		expects: "Blob",
		async: false,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.value instanceof Blob) dataset.typed = true;
			else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/boolean/boolean.ts
/* @__NO_SIDE_EFFECTS__ */
function dist_boolean(message$1) {
	return _standardSchema({
		kind: "schema",
		type: "boolean",
		reference: dist_boolean,
		expects: "boolean",
		async: false,
		message: message$1,
		"~run"(dataset, config$1) {
			if (typeof dataset.value === "boolean") dataset.typed = true;
			else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/custom/custom.ts
/* @__NO_SIDE_EFFECTS__ */
function custom(check$1, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "custom",
		reference: custom,
		expects: "unknown",
		async: false,
		check: check$1,
		message: message$1,
		"~run"(dataset, config$1) {
			if (this.check(dataset.value)) dataset.typed = true;
			else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/custom/customAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function customAsync(check$1, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "custom",
		reference: customAsync,
		expects: "unknown",
		async: true,
		check: check$1,
		message: message$1,
		async "~run"(dataset, config$1) {
			if (await this.check(dataset.value)) dataset.typed = true;
			else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/date/date.ts
/* @__NO_SIDE_EFFECTS__ */
function date(message$1) {
	return _standardSchema({
		kind: "schema",
		type: "date",
		reference: date,
		expects: "Date",
		async: false,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.value instanceof Date) if (!isNaN(dataset.value)) dataset.typed = true;
			else _addIssue(this, "type", dataset, config$1, { received: "\"Invalid Date\"" });
			else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/enum/enum.ts
/* @__NO_SIDE_EFFECTS__ */
function enum_(enum__, message$1) {
	const options = [];
	for (const key in enum__) if (`${+key}` !== key || typeof enum__[key] !== "string" || !Object.is(enum__[enum__[key]], +key)) options.push(enum__[key]);
	return _standardSchema({
		kind: "schema",
		type: "enum",
		reference: enum_,
		expects: /* @__PURE__ */ _joinExpects(options.map(_stringify), "|"),
		async: false,
		enum: enum__,
		options,
		message: message$1,
		"~run"(dataset, config$1) {
			if (this.options.includes(dataset.value)) dataset.typed = true;
			else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/exactOptional/exactOptional.ts
/* @__NO_SIDE_EFFECTS__ */
function exactOptional(wrapped, default_) {
	return _standardSchema({
		kind: "schema",
		type: "exact_optional",
		reference: exactOptional,
		expects: wrapped.expects,
		async: false,
		wrapped,
		default: default_,
		"~run"(dataset, config$1) {
			return this.wrapped["~run"](dataset, config$1);
		}
	});
}

//#endregion
//#region src/schemas/exactOptional/exactOptionalAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function exactOptionalAsync(wrapped, default_) {
	return _standardSchema({
		kind: "schema",
		type: "exact_optional",
		reference: exactOptionalAsync,
		expects: wrapped.expects,
		async: true,
		wrapped,
		default: default_,
		async "~run"(dataset, config$1) {
			return this.wrapped["~run"](dataset, config$1);
		}
	});
}

//#endregion
//#region src/schemas/file/file.ts
/* @__NO_SIDE_EFFECTS__ */
function file(message$1) {
	return _standardSchema({
		kind: "schema",
		type: "file",
		reference: file,
		expects: "File",
		async: false,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.value instanceof File) dataset.typed = true;
			else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/function/function.ts
/* @__NO_SIDE_EFFECTS__ */
function function_(message$1) {
	return _standardSchema({
		kind: "schema",
		type: "function",
		reference: function_,
		expects: "Function",
		async: false,
		message: message$1,
		"~run"(dataset, config$1) {
			if (typeof dataset.value === "function") dataset.typed = true;
			else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/instance/instance.ts
/* @__NO_SIDE_EFFECTS__ */
function instance(class_, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "instance",
		reference: instance,
		expects: class_.name,
		async: false,
		class: class_,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.value instanceof this.class) dataset.typed = true;
			else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/intersect/utils/_merge/_merge.ts
/**
* Merges two values into one single output.
*
* @param value1 First value.
* @param value2 Second value.
*
* @returns The merge dataset.
*
* @internal
*/
/* @__NO_SIDE_EFFECTS__ */
function _merge(value1, value2) {
	if (typeof value1 === typeof value2) {
		if (/* @__PURE__ */ _isSameValueZero(value1, value2) || value1 instanceof Date && value2 instanceof Date && /* @__PURE__ */ _isSameValueZero(+value1, +value2)) return { value: value1 };
		if (value1 && value2 && value1.constructor === Object && value2.constructor === Object) {
			const nextValue = {
				...value1,
				...value2
			};
			for (const key in value2) if (Object.prototype.hasOwnProperty.call(value1, key) && Object.prototype.hasOwnProperty.call(value2, key)) {
				const dataset = /* @__PURE__ */ _merge(value1[key], value2[key]);
				if (dataset.issue) return dataset;
				nextValue[key] = dataset.value;
			}
			return { value: nextValue };
		}
		if (Array.isArray(value1) && Array.isArray(value2)) {
			if (value1.length === value2.length) {
				const nextValue = [...value1];
				for (let index = 0; index < value1.length; index++) {
					const dataset = /* @__PURE__ */ _merge(value1[index], value2[index]);
					if (dataset.issue) return dataset;
					nextValue[index] = dataset.value;
				}
				return { value: nextValue };
			}
		}
	}
	return { issue: true };
}

//#endregion
//#region src/schemas/intersect/intersect.ts
/* @__NO_SIDE_EFFECTS__ */
function intersect(options, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "intersect",
		reference: intersect,
		expects: /* @__PURE__ */ _joinExpects(options.map((option) => option.expects), "&"),
		async: false,
		options,
		message: message$1,
		"~run"(dataset, config$1) {
			if (this.options.length) {
				const input = dataset.value;
				let outputs;
				dataset.typed = true;
				for (const schema of this.options) {
					const optionDataset = schema["~run"]({ value: input }, config$1);
					if (optionDataset.issues) {
						if (dataset.issues) for (const issue of optionDataset.issues) dataset.issues.push(issue);
						else dataset.issues = optionDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!optionDataset.typed) dataset.typed = false;
					if (dataset.typed) if (outputs) outputs.push(optionDataset.value);
					else outputs = [optionDataset.value];
				}
				if (dataset.typed) {
					dataset.value = outputs[0];
					for (let index = 1; index < outputs.length; index++) {
						const mergeDataset = /* @__PURE__ */ _merge(dataset.value, outputs[index]);
						if (mergeDataset.issue) {
							_addIssue(this, "type", dataset, config$1, { received: "unknown" });
							break;
						}
						dataset.value = mergeDataset.value;
					}
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/intersect/intersectAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function intersectAsync(options, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "intersect",
		reference: intersectAsync,
		expects: /* @__PURE__ */ _joinExpects(options.map((option) => option.expects), "&"),
		async: true,
		options,
		message: message$1,
		async "~run"(dataset, config$1) {
			if (this.options.length) {
				const input = dataset.value;
				let outputs;
				dataset.typed = true;
				const optionDatasets = await Promise.all(this.options.map((schema) => schema["~run"]({ value: input }, config$1)));
				for (const optionDataset of optionDatasets) {
					if (optionDataset.issues) {
						if (dataset.issues) for (const issue of optionDataset.issues) dataset.issues.push(issue);
						else dataset.issues = optionDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!optionDataset.typed) dataset.typed = false;
					if (dataset.typed) if (outputs) outputs.push(optionDataset.value);
					else outputs = [optionDataset.value];
				}
				if (dataset.typed) {
					dataset.value = outputs[0];
					for (let index = 1; index < outputs.length; index++) {
						const mergeDataset = /* @__PURE__ */ _merge(dataset.value, outputs[index]);
						if (mergeDataset.issue) {
							_addIssue(this, "type", dataset, config$1, { received: "unknown" });
							break;
						}
						dataset.value = mergeDataset.value;
					}
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/lazy/lazy.ts
/**
* Creates a lazy schema.
*
* @param getter The schema getter.
*
* @returns A lazy schema.
*/
/* @__NO_SIDE_EFFECTS__ */
function lazy(getter) {
	return _standardSchema({
		kind: "schema",
		type: "lazy",
		reference: lazy,
		expects: "unknown",
		async: false,
		getter,
		"~run"(dataset, config$1) {
			return this.getter(dataset.value)["~run"](dataset, config$1);
		}
	});
}

//#endregion
//#region src/schemas/lazy/lazyAsync.ts
/**
* Creates a lazy schema.
*
* @param getter The schema getter.
*
* @returns A lazy schema.
*/
/* @__NO_SIDE_EFFECTS__ */
function lazyAsync(getter) {
	return _standardSchema({
		kind: "schema",
		type: "lazy",
		reference: lazyAsync,
		expects: "unknown",
		async: true,
		getter,
		async "~run"(dataset, config$1) {
			return (await this.getter(dataset.value))["~run"](dataset, config$1);
		}
	});
}

//#endregion
//#region src/schemas/literal/literal.ts
/* @__NO_SIDE_EFFECTS__ */
function literal(literal_, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "literal",
		reference: literal,
		expects: /* @__PURE__ */ _stringify(literal_),
		async: false,
		literal: literal_,
		message: message$1,
		"~run"(dataset, config$1) {
			if (/* @__PURE__ */ _isSameValueZero(dataset.value, this.literal)) dataset.typed = true;
			else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/looseObject/looseObject.ts
/* @__NO_SIDE_EFFECTS__ */
function looseObject(entries$1, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "loose_object",
		reference: looseObject,
		expects: "Object",
		async: false,
		entries: entries$1,
		message: message$1,
		"~run"(dataset, config$1) {
			const input = dataset.value;
			if (input && typeof input === "object") {
				dataset.typed = true;
				dataset.value = {};
				for (const key in this.entries) {
					const valueSchema = this.entries[key];
					if (key in input || (valueSchema.type === "exact_optional" || valueSchema.type === "optional" || valueSchema.type === "nullish") && valueSchema.default !== void 0) {
						const value$1 = key in input ? input[key] : /* @__PURE__ */ getDefault(valueSchema);
						const valueDataset = valueSchema["~run"]({ value: value$1 }, config$1);
						if (valueDataset.issues) {
							const pathItem = {
								type: "object",
								origin: "value",
								input,
								key,
								value: value$1
							};
							for (const issue of valueDataset.issues) {
								if (issue.path) issue.path.unshift(pathItem);
								else issue.path = [pathItem];
								dataset.issues?.push(issue);
							}
							if (!dataset.issues) dataset.issues = valueDataset.issues;
							if (config$1.abortEarly) {
								dataset.typed = false;
								break;
							}
						}
						if (!valueDataset.typed) dataset.typed = false;
						dataset.value[key] = valueDataset.value;
					} else if (valueSchema.fallback !== void 0) dataset.value[key] = /* @__PURE__ */ getFallback(valueSchema);
					else if (valueSchema.type !== "exact_optional" && valueSchema.type !== "optional" && valueSchema.type !== "nullish") {
						_addIssue(this, "key", dataset, config$1, {
							input: void 0,
							expected: `"${key}"`,
							path: [{
								type: "object",
								origin: "key",
								input,
								key,
								value: input[key]
							}]
						});
						if (config$1.abortEarly) break;
					}
				}
				if (!dataset.issues || !config$1.abortEarly) {
					for (const key in input) if (/* @__PURE__ */ _isValidObjectKey(input, key) && !Object.prototype.hasOwnProperty.call(this.entries, key)) dataset.value[key] = input[key];
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/looseObject/looseObjectAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function looseObjectAsync(entries$1, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "loose_object",
		reference: looseObjectAsync,
		expects: "Object",
		async: true,
		entries: entries$1,
		message: message$1,
		async "~run"(dataset, config$1) {
			const input = dataset.value;
			if (input && typeof input === "object") {
				dataset.typed = true;
				dataset.value = {};
				const valueDatasets = await Promise.all(Object.entries(this.entries).map(async ([key, valueSchema]) => {
					if (key in input || (valueSchema.type === "exact_optional" || valueSchema.type === "optional" || valueSchema.type === "nullish") && valueSchema.default !== void 0) {
						const value$1 = key in input ? input[key] : await /* @__PURE__ */ getDefault(valueSchema);
						return [
							key,
							value$1,
							valueSchema,
							await valueSchema["~run"]({ value: value$1 }, config$1)
						];
					}
					return [
						key,
						input[key],
						valueSchema,
						null
					];
				}));
				for (const [key, value$1, valueSchema, valueDataset] of valueDatasets) if (valueDataset) {
					if (valueDataset.issues) {
						const pathItem = {
							type: "object",
							origin: "value",
							input,
							key,
							value: value$1
						};
						for (const issue of valueDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = valueDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!valueDataset.typed) dataset.typed = false;
					dataset.value[key] = valueDataset.value;
				} else if (valueSchema.fallback !== void 0) dataset.value[key] = await /* @__PURE__ */ getFallback(valueSchema);
				else if (valueSchema.type !== "exact_optional" && valueSchema.type !== "optional" && valueSchema.type !== "nullish") {
					_addIssue(this, "key", dataset, config$1, {
						input: void 0,
						expected: `"${key}"`,
						path: [{
							type: "object",
							origin: "key",
							input,
							key,
							value: value$1
						}]
					});
					if (config$1.abortEarly) break;
				}
				if (!dataset.issues || !config$1.abortEarly) {
					for (const key in input) if (/* @__PURE__ */ _isValidObjectKey(input, key) && !Object.prototype.hasOwnProperty.call(this.entries, key)) dataset.value[key] = input[key];
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/looseTuple/looseTuple.ts
/* @__NO_SIDE_EFFECTS__ */
function looseTuple(items, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "loose_tuple",
		reference: looseTuple,
		expects: "Array",
		async: false,
		items,
		message: message$1,
		"~run"(dataset, config$1) {
			const input = dataset.value;
			if (Array.isArray(input)) {
				dataset.typed = true;
				dataset.value = [];
				for (let key = 0; key < this.items.length; key++) {
					const value$1 = input[key];
					const itemDataset = this.items[key]["~run"]({ value: value$1 }, config$1);
					if (itemDataset.issues) {
						const pathItem = {
							type: "array",
							origin: "value",
							input,
							key,
							value: value$1
						};
						for (const issue of itemDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = itemDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!itemDataset.typed) dataset.typed = false;
					dataset.value.push(itemDataset.value);
				}
				if (!dataset.issues || !config$1.abortEarly) for (let key = this.items.length; key < input.length; key++) dataset.value.push(input[key]);
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/looseTuple/looseTupleAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function looseTupleAsync(items, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "loose_tuple",
		reference: looseTupleAsync,
		expects: "Array",
		async: true,
		items,
		message: message$1,
		async "~run"(dataset, config$1) {
			const input = dataset.value;
			if (Array.isArray(input)) {
				dataset.typed = true;
				dataset.value = [];
				const itemDatasets = await Promise.all(this.items.map(async (item, key) => {
					const value$1 = input[key];
					return [
						key,
						value$1,
						await item["~run"]({ value: value$1 }, config$1)
					];
				}));
				for (const [key, value$1, itemDataset] of itemDatasets) {
					if (itemDataset.issues) {
						const pathItem = {
							type: "array",
							origin: "value",
							input,
							key,
							value: value$1
						};
						for (const issue of itemDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = itemDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!itemDataset.typed) dataset.typed = false;
					dataset.value.push(itemDataset.value);
				}
				if (!dataset.issues || !config$1.abortEarly) for (let key = this.items.length; key < input.length; key++) dataset.value.push(input[key]);
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/map/map.ts
/* @__NO_SIDE_EFFECTS__ */
function map(key, value$1, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "map",
		reference: map,
		expects: "Map",
		async: false,
		key,
		value: value$1,
		message: message$1,
		"~run"(dataset, config$1) {
			const input = dataset.value;
			if (input instanceof Map) {
				dataset.typed = true;
				dataset.value = /* @__PURE__ */ new Map();
				for (const [inputKey, inputValue] of input) {
					const keyDataset = this.key["~run"]({ value: inputKey }, config$1);
					if (keyDataset.issues) {
						const pathItem = {
							type: "map",
							origin: "key",
							input,
							key: inputKey,
							value: inputValue
						};
						for (const issue of keyDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = keyDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					const valueDataset = this.value["~run"]({ value: inputValue }, config$1);
					if (valueDataset.issues) {
						const pathItem = {
							type: "map",
							origin: "value",
							input,
							key: inputKey,
							value: inputValue
						};
						for (const issue of valueDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = valueDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!keyDataset.typed || !valueDataset.typed) dataset.typed = false;
					dataset.value.set(keyDataset.value, valueDataset.value);
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/map/mapAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function mapAsync(key, value$1, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "map",
		reference: mapAsync,
		expects: "Map",
		async: true,
		key,
		value: value$1,
		message: message$1,
		async "~run"(dataset, config$1) {
			const input = dataset.value;
			if (input instanceof Map) {
				dataset.typed = true;
				dataset.value = /* @__PURE__ */ new Map();
				const datasets = await Promise.all([...input].map(([inputKey, inputValue]) => Promise.all([
					inputKey,
					inputValue,
					this.key["~run"]({ value: inputKey }, config$1),
					this.value["~run"]({ value: inputValue }, config$1)
				])));
				for (const [inputKey, inputValue, keyDataset, valueDataset] of datasets) {
					if (keyDataset.issues) {
						const pathItem = {
							type: "map",
							origin: "key",
							input,
							key: inputKey,
							value: inputValue
						};
						for (const issue of keyDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = keyDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (valueDataset.issues) {
						const pathItem = {
							type: "map",
							origin: "value",
							input,
							key: inputKey,
							value: inputValue
						};
						for (const issue of valueDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = valueDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!keyDataset.typed || !valueDataset.typed) dataset.typed = false;
					dataset.value.set(keyDataset.value, valueDataset.value);
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/nan/nan.ts
/* @__NO_SIDE_EFFECTS__ */
function nan(message$1) {
	return _standardSchema({
		kind: "schema",
		type: "nan",
		reference: nan,
		expects: "NaN",
		async: false,
		message: message$1,
		"~run"(dataset, config$1) {
			if (Number.isNaN(dataset.value)) dataset.typed = true;
			else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/never/never.ts
/* @__NO_SIDE_EFFECTS__ */
function never(message$1) {
	return _standardSchema({
		kind: "schema",
		type: "never",
		reference: never,
		expects: "never",
		async: false,
		message: message$1,
		"~run"(dataset, config$1) {
			_addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/nonNullable/nonNullable.ts
/* @__NO_SIDE_EFFECTS__ */
function nonNullable(wrapped, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "non_nullable",
		reference: nonNullable,
		expects: "!null",
		async: false,
		wrapped,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.value !== null) dataset = this.wrapped["~run"](dataset, config$1);
			if (dataset.value === null) _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/nonNullable/nonNullableAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function nonNullableAsync(wrapped, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "non_nullable",
		reference: nonNullableAsync,
		expects: "!null",
		async: true,
		wrapped,
		message: message$1,
		async "~run"(dataset, config$1) {
			if (dataset.value !== null) dataset = await this.wrapped["~run"](dataset, config$1);
			if (dataset.value === null) _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/nonNullish/nonNullish.ts
/* @__NO_SIDE_EFFECTS__ */
function nonNullish(wrapped, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "non_nullish",
		reference: nonNullish,
		expects: "(!null & !undefined)",
		async: false,
		wrapped,
		message: message$1,
		"~run"(dataset, config$1) {
			if (!(dataset.value === null || dataset.value === void 0)) dataset = this.wrapped["~run"](dataset, config$1);
			if (dataset.value === null || dataset.value === void 0) _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/nonNullish/nonNullishAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function nonNullishAsync(wrapped, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "non_nullish",
		reference: nonNullishAsync,
		expects: "(!null & !undefined)",
		async: true,
		wrapped,
		message: message$1,
		async "~run"(dataset, config$1) {
			if (!(dataset.value === null || dataset.value === void 0)) dataset = await this.wrapped["~run"](dataset, config$1);
			if (dataset.value === null || dataset.value === void 0) _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/nonOptional/nonOptional.ts
/* @__NO_SIDE_EFFECTS__ */
function nonOptional(wrapped, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "non_optional",
		reference: nonOptional,
		expects: "!undefined",
		async: false,
		wrapped,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.value !== void 0) dataset = this.wrapped["~run"](dataset, config$1);
			if (dataset.value === void 0) _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/nonOptional/nonOptionalAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function nonOptionalAsync(wrapped, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "non_optional",
		reference: nonOptionalAsync,
		expects: "!undefined",
		async: true,
		wrapped,
		message: message$1,
		async "~run"(dataset, config$1) {
			if (dataset.value !== void 0) dataset = await this.wrapped["~run"](dataset, config$1);
			if (dataset.value === void 0) _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/null/null.ts
/* @__NO_SIDE_EFFECTS__ */
function null_(message$1) {
	return _standardSchema({
		kind: "schema",
		type: "null",
		reference: null_,
		expects: "null",
		async: false,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.value === null) dataset.typed = true;
			else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/nullable/nullable.ts
/* @__NO_SIDE_EFFECTS__ */
function nullable(wrapped, default_) {
	return _standardSchema({
		kind: "schema",
		type: "nullable",
		reference: nullable,
		expects: `(${wrapped.expects} | null)`,
		async: false,
		wrapped,
		default: default_,
		"~run"(dataset, config$1) {
			if (dataset.value === null) {
				if (this.default !== void 0) dataset.value = /* @__PURE__ */ getDefault(this, dataset, config$1);
				if (dataset.value === null) {
					dataset.typed = true;
					return dataset;
				}
			}
			return this.wrapped["~run"](dataset, config$1);
		}
	});
}

//#endregion
//#region src/schemas/nullable/nullableAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function nullableAsync(wrapped, default_) {
	return _standardSchema({
		kind: "schema",
		type: "nullable",
		reference: nullableAsync,
		expects: `(${wrapped.expects} | null)`,
		async: true,
		wrapped,
		default: default_,
		async "~run"(dataset, config$1) {
			if (dataset.value === null) {
				if (this.default !== void 0) dataset.value = await /* @__PURE__ */ getDefault(this, dataset, config$1);
				if (dataset.value === null) {
					dataset.typed = true;
					return dataset;
				}
			}
			return this.wrapped["~run"](dataset, config$1);
		}
	});
}

//#endregion
//#region src/schemas/nullish/nullish.ts
/* @__NO_SIDE_EFFECTS__ */
function nullish(wrapped, default_) {
	return _standardSchema({
		kind: "schema",
		type: "nullish",
		reference: nullish,
		expects: `(${wrapped.expects} | null | undefined)`,
		async: false,
		wrapped,
		default: default_,
		"~run"(dataset, config$1) {
			if (dataset.value === null || dataset.value === void 0) {
				if (this.default !== void 0) dataset.value = /* @__PURE__ */ getDefault(this, dataset, config$1);
				if (dataset.value === null || dataset.value === void 0) {
					dataset.typed = true;
					return dataset;
				}
			}
			return this.wrapped["~run"](dataset, config$1);
		}
	});
}

//#endregion
//#region src/schemas/nullish/nullishAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function nullishAsync(wrapped, default_) {
	return _standardSchema({
		kind: "schema",
		type: "nullish",
		reference: nullishAsync,
		expects: `(${wrapped.expects} | null | undefined)`,
		async: true,
		wrapped,
		default: default_,
		async "~run"(dataset, config$1) {
			if (dataset.value === null || dataset.value === void 0) {
				if (this.default !== void 0) dataset.value = await /* @__PURE__ */ getDefault(this, dataset, config$1);
				if (dataset.value === null || dataset.value === void 0) {
					dataset.typed = true;
					return dataset;
				}
			}
			return this.wrapped["~run"](dataset, config$1);
		}
	});
}

//#endregion
//#region src/schemas/number/number.ts
/* @__NO_SIDE_EFFECTS__ */
function number(message$1) {
	return _standardSchema({
		kind: "schema",
		type: "number",
		reference: number,
		expects: "number",
		async: false,
		message: message$1,
		"~run"(dataset, config$1) {
			if (typeof dataset.value === "number" && !isNaN(dataset.value)) dataset.typed = true;
			else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/object/object.ts
/* @__NO_SIDE_EFFECTS__ */
function object(entries$1, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "object",
		reference: object,
		expects: "Object",
		async: false,
		entries: entries$1,
		message: message$1,
		"~run"(dataset, config$1) {
			const input = dataset.value;
			if (input && typeof input === "object") {
				dataset.typed = true;
				dataset.value = {};
				for (const key in this.entries) {
					const valueSchema = this.entries[key];
					if (key in input || (valueSchema.type === "exact_optional" || valueSchema.type === "optional" || valueSchema.type === "nullish") && valueSchema.default !== void 0) {
						const value$1 = key in input ? input[key] : /* @__PURE__ */ getDefault(valueSchema);
						const valueDataset = valueSchema["~run"]({ value: value$1 }, config$1);
						if (valueDataset.issues) {
							const pathItem = {
								type: "object",
								origin: "value",
								input,
								key,
								value: value$1
							};
							for (const issue of valueDataset.issues) {
								if (issue.path) issue.path.unshift(pathItem);
								else issue.path = [pathItem];
								dataset.issues?.push(issue);
							}
							if (!dataset.issues) dataset.issues = valueDataset.issues;
							if (config$1.abortEarly) {
								dataset.typed = false;
								break;
							}
						}
						if (!valueDataset.typed) dataset.typed = false;
						dataset.value[key] = valueDataset.value;
					} else if (valueSchema.fallback !== void 0) dataset.value[key] = /* @__PURE__ */ getFallback(valueSchema);
					else if (valueSchema.type !== "exact_optional" && valueSchema.type !== "optional" && valueSchema.type !== "nullish") {
						_addIssue(this, "key", dataset, config$1, {
							input: void 0,
							expected: `"${key}"`,
							path: [{
								type: "object",
								origin: "key",
								input,
								key,
								value: input[key]
							}]
						});
						if (config$1.abortEarly) break;
					}
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/object/objectAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function objectAsync(entries$1, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "object",
		reference: objectAsync,
		expects: "Object",
		async: true,
		entries: entries$1,
		message: message$1,
		async "~run"(dataset, config$1) {
			const input = dataset.value;
			if (input && typeof input === "object") {
				dataset.typed = true;
				dataset.value = {};
				const valueDatasets = await Promise.all(Object.entries(this.entries).map(async ([key, valueSchema]) => {
					if (key in input || (valueSchema.type === "exact_optional" || valueSchema.type === "optional" || valueSchema.type === "nullish") && valueSchema.default !== void 0) {
						const value$1 = key in input ? input[key] : await /* @__PURE__ */ getDefault(valueSchema);
						return [
							key,
							value$1,
							valueSchema,
							await valueSchema["~run"]({ value: value$1 }, config$1)
						];
					}
					return [
						key,
						input[key],
						valueSchema,
						null
					];
				}));
				for (const [key, value$1, valueSchema, valueDataset] of valueDatasets) if (valueDataset) {
					if (valueDataset.issues) {
						const pathItem = {
							type: "object",
							origin: "value",
							input,
							key,
							value: value$1
						};
						for (const issue of valueDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = valueDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!valueDataset.typed) dataset.typed = false;
					dataset.value[key] = valueDataset.value;
				} else if (valueSchema.fallback !== void 0) dataset.value[key] = await /* @__PURE__ */ getFallback(valueSchema);
				else if (valueSchema.type !== "exact_optional" && valueSchema.type !== "optional" && valueSchema.type !== "nullish") {
					_addIssue(this, "key", dataset, config$1, {
						input: void 0,
						expected: `"${key}"`,
						path: [{
							type: "object",
							origin: "key",
							input,
							key,
							value: value$1
						}]
					});
					if (config$1.abortEarly) break;
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/objectWithRest/objectWithRest.ts
/* @__NO_SIDE_EFFECTS__ */
function objectWithRest(entries$1, rest, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "object_with_rest",
		reference: objectWithRest,
		expects: "Object",
		async: false,
		entries: entries$1,
		rest,
		message: message$1,
		"~run"(dataset, config$1) {
			const input = dataset.value;
			if (input && typeof input === "object") {
				dataset.typed = true;
				dataset.value = {};
				for (const key in this.entries) {
					const valueSchema = this.entries[key];
					if (key in input || (valueSchema.type === "exact_optional" || valueSchema.type === "optional" || valueSchema.type === "nullish") && valueSchema.default !== void 0) {
						const value$1 = key in input ? input[key] : /* @__PURE__ */ getDefault(valueSchema);
						const valueDataset = valueSchema["~run"]({ value: value$1 }, config$1);
						if (valueDataset.issues) {
							const pathItem = {
								type: "object",
								origin: "value",
								input,
								key,
								value: value$1
							};
							for (const issue of valueDataset.issues) {
								if (issue.path) issue.path.unshift(pathItem);
								else issue.path = [pathItem];
								dataset.issues?.push(issue);
							}
							if (!dataset.issues) dataset.issues = valueDataset.issues;
							if (config$1.abortEarly) {
								dataset.typed = false;
								break;
							}
						}
						if (!valueDataset.typed) dataset.typed = false;
						dataset.value[key] = valueDataset.value;
					} else if (valueSchema.fallback !== void 0) dataset.value[key] = /* @__PURE__ */ getFallback(valueSchema);
					else if (valueSchema.type !== "exact_optional" && valueSchema.type !== "optional" && valueSchema.type !== "nullish") {
						_addIssue(this, "key", dataset, config$1, {
							input: void 0,
							expected: `"${key}"`,
							path: [{
								type: "object",
								origin: "key",
								input,
								key,
								value: input[key]
							}]
						});
						if (config$1.abortEarly) break;
					}
				}
				if (!dataset.issues || !config$1.abortEarly) {
					for (const key in input) if (/* @__PURE__ */ _isValidObjectKey(input, key) && !Object.prototype.hasOwnProperty.call(this.entries, key)) {
						const valueDataset = this.rest["~run"]({ value: input[key] }, config$1);
						if (valueDataset.issues) {
							const pathItem = {
								type: "object",
								origin: "value",
								input,
								key,
								value: input[key]
							};
							for (const issue of valueDataset.issues) {
								if (issue.path) issue.path.unshift(pathItem);
								else issue.path = [pathItem];
								dataset.issues?.push(issue);
							}
							if (!dataset.issues) dataset.issues = valueDataset.issues;
							if (config$1.abortEarly) {
								dataset.typed = false;
								break;
							}
						}
						if (!valueDataset.typed) dataset.typed = false;
						dataset.value[key] = valueDataset.value;
					}
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/objectWithRest/objectWithRestAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function objectWithRestAsync(entries$1, rest, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "object_with_rest",
		reference: objectWithRestAsync,
		expects: "Object",
		async: true,
		entries: entries$1,
		rest,
		message: message$1,
		async "~run"(dataset, config$1) {
			const input = dataset.value;
			if (input && typeof input === "object") {
				dataset.typed = true;
				dataset.value = {};
				const [normalDatasets, restDatasets] = await Promise.all([Promise.all(Object.entries(this.entries).map(async ([key, valueSchema]) => {
					if (key in input || (valueSchema.type === "exact_optional" || valueSchema.type === "optional" || valueSchema.type === "nullish") && valueSchema.default !== void 0) {
						const value$1 = key in input ? input[key] : await /* @__PURE__ */ getDefault(valueSchema);
						return [
							key,
							value$1,
							valueSchema,
							await valueSchema["~run"]({ value: value$1 }, config$1)
						];
					}
					return [
						key,
						input[key],
						valueSchema,
						null
					];
				})), Promise.all(Object.entries(input).filter(([key]) => /* @__PURE__ */ _isValidObjectKey(input, key) && !Object.prototype.hasOwnProperty.call(this.entries, key)).map(async ([key, value$1]) => [
					key,
					value$1,
					await this.rest["~run"]({ value: value$1 }, config$1)
				]))]);
				for (const [key, value$1, valueSchema, valueDataset] of normalDatasets) if (valueDataset) {
					if (valueDataset.issues) {
						const pathItem = {
							type: "object",
							origin: "value",
							input,
							key,
							value: value$1
						};
						for (const issue of valueDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = valueDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!valueDataset.typed) dataset.typed = false;
					dataset.value[key] = valueDataset.value;
				} else if (valueSchema.fallback !== void 0) dataset.value[key] = await /* @__PURE__ */ getFallback(valueSchema);
				else if (valueSchema.type !== "exact_optional" && valueSchema.type !== "optional" && valueSchema.type !== "nullish") {
					_addIssue(this, "key", dataset, config$1, {
						input: void 0,
						expected: `"${key}"`,
						path: [{
							type: "object",
							origin: "key",
							input,
							key,
							value: value$1
						}]
					});
					if (config$1.abortEarly) break;
				}
				if (!dataset.issues || !config$1.abortEarly) for (const [key, value$1, valueDataset] of restDatasets) {
					if (valueDataset.issues) {
						const pathItem = {
							type: "object",
							origin: "value",
							input,
							key,
							value: value$1
						};
						for (const issue of valueDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = valueDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!valueDataset.typed) dataset.typed = false;
					dataset.value[key] = valueDataset.value;
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/optional/optional.ts
/* @__NO_SIDE_EFFECTS__ */
function optional(wrapped, default_) {
	return _standardSchema({
		kind: "schema",
		type: "optional",
		reference: optional,
		expects: `(${wrapped.expects} | undefined)`,
		async: false,
		wrapped,
		default: default_,
		"~run"(dataset, config$1) {
			if (dataset.value === void 0) {
				if (this.default !== void 0) dataset.value = /* @__PURE__ */ getDefault(this, dataset, config$1);
				if (dataset.value === void 0) {
					dataset.typed = true;
					return dataset;
				}
			}
			return this.wrapped["~run"](dataset, config$1);
		}
	});
}

//#endregion
//#region src/schemas/optional/optionalAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function optionalAsync(wrapped, default_) {
	return _standardSchema({
		kind: "schema",
		type: "optional",
		reference: optionalAsync,
		expects: `(${wrapped.expects} | undefined)`,
		async: true,
		wrapped,
		default: default_,
		async "~run"(dataset, config$1) {
			if (dataset.value === void 0) {
				if (this.default !== void 0) dataset.value = await /* @__PURE__ */ getDefault(this, dataset, config$1);
				if (dataset.value === void 0) {
					dataset.typed = true;
					return dataset;
				}
			}
			return this.wrapped["~run"](dataset, config$1);
		}
	});
}

//#endregion
//#region src/schemas/picklist/picklist.ts
/* @__NO_SIDE_EFFECTS__ */
function picklist(options, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "picklist",
		reference: picklist,
		expects: /* @__PURE__ */ _joinExpects(options.map(_stringify), "|"),
		async: false,
		options,
		message: message$1,
		"~run"(dataset, config$1) {
			if (this.options.includes(dataset.value)) dataset.typed = true;
			else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/promise/promise.ts
/* @__NO_SIDE_EFFECTS__ */
function promise(message$1) {
	return _standardSchema({
		kind: "schema",
		type: "promise",
		reference: promise,
		expects: "Promise",
		async: false,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.value instanceof Promise) dataset.typed = true;
			else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/record/record.ts
/* @__NO_SIDE_EFFECTS__ */
function record(key, value$1, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "record",
		reference: record,
		expects: "Object",
		async: false,
		key,
		value: value$1,
		message: message$1,
		"~run"(dataset, config$1) {
			const input = dataset.value;
			if (input && typeof input === "object") {
				dataset.typed = true;
				dataset.value = {};
				for (const entryKey in input) if (/* @__PURE__ */ _isValidObjectKey(input, entryKey)) {
					const entryValue = input[entryKey];
					const keyDataset = this.key["~run"]({ value: entryKey }, config$1);
					if (keyDataset.issues) {
						const pathItem = {
							type: "object",
							origin: "key",
							input,
							key: entryKey,
							value: entryValue
						};
						for (const issue of keyDataset.issues) {
							issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = keyDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					const valueDataset = this.value["~run"]({ value: entryValue }, config$1);
					if (valueDataset.issues) {
						const pathItem = {
							type: "object",
							origin: "value",
							input,
							key: entryKey,
							value: entryValue
						};
						for (const issue of valueDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = valueDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!keyDataset.typed || !valueDataset.typed) dataset.typed = false;
					if (keyDataset.typed) dataset.value[keyDataset.value] = valueDataset.value;
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/record/recordAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function recordAsync(key, value$1, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "record",
		reference: recordAsync,
		expects: "Object",
		async: true,
		key,
		value: value$1,
		message: message$1,
		async "~run"(dataset, config$1) {
			const input = dataset.value;
			if (input && typeof input === "object") {
				dataset.typed = true;
				dataset.value = {};
				const datasets = await Promise.all(Object.entries(input).filter(([key$1]) => /* @__PURE__ */ _isValidObjectKey(input, key$1)).map(([entryKey, entryValue]) => Promise.all([
					entryKey,
					entryValue,
					this.key["~run"]({ value: entryKey }, config$1),
					this.value["~run"]({ value: entryValue }, config$1)
				])));
				for (const [entryKey, entryValue, keyDataset, valueDataset] of datasets) {
					if (keyDataset.issues) {
						const pathItem = {
							type: "object",
							origin: "key",
							input,
							key: entryKey,
							value: entryValue
						};
						for (const issue of keyDataset.issues) {
							issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = keyDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (valueDataset.issues) {
						const pathItem = {
							type: "object",
							origin: "value",
							input,
							key: entryKey,
							value: entryValue
						};
						for (const issue of valueDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = valueDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!keyDataset.typed || !valueDataset.typed) dataset.typed = false;
					if (keyDataset.typed) dataset.value[keyDataset.value] = valueDataset.value;
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/set/set.ts
/* @__NO_SIDE_EFFECTS__ */
function set(value$1, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "set",
		reference: set,
		expects: "Set",
		async: false,
		value: value$1,
		message: message$1,
		"~run"(dataset, config$1) {
			const input = dataset.value;
			if (input instanceof Set) {
				dataset.typed = true;
				dataset.value = /* @__PURE__ */ new Set();
				for (const inputValue of input) {
					const valueDataset = this.value["~run"]({ value: inputValue }, config$1);
					if (valueDataset.issues) {
						const pathItem = {
							type: "set",
							origin: "value",
							input,
							key: null,
							value: inputValue
						};
						for (const issue of valueDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = valueDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!valueDataset.typed) dataset.typed = false;
					dataset.value.add(valueDataset.value);
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/set/setAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function setAsync(value$1, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "set",
		reference: setAsync,
		expects: "Set",
		async: true,
		value: value$1,
		message: message$1,
		async "~run"(dataset, config$1) {
			const input = dataset.value;
			if (input instanceof Set) {
				dataset.typed = true;
				dataset.value = /* @__PURE__ */ new Set();
				const valueDatasets = await Promise.all([...input].map(async (inputValue) => [inputValue, await this.value["~run"]({ value: inputValue }, config$1)]));
				for (const [inputValue, valueDataset] of valueDatasets) {
					if (valueDataset.issues) {
						const pathItem = {
							type: "set",
							origin: "value",
							input,
							key: null,
							value: inputValue
						};
						for (const issue of valueDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = valueDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!valueDataset.typed) dataset.typed = false;
					dataset.value.add(valueDataset.value);
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/strictObject/strictObject.ts
/* @__NO_SIDE_EFFECTS__ */
function strictObject(entries$1, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "strict_object",
		reference: strictObject,
		expects: "Object",
		async: false,
		entries: entries$1,
		message: message$1,
		"~run"(dataset, config$1) {
			const input = dataset.value;
			if (input && typeof input === "object") {
				dataset.typed = true;
				dataset.value = {};
				for (const key in this.entries) {
					const valueSchema = this.entries[key];
					if (key in input || (valueSchema.type === "exact_optional" || valueSchema.type === "optional" || valueSchema.type === "nullish") && valueSchema.default !== void 0) {
						const value$1 = key in input ? input[key] : /* @__PURE__ */ getDefault(valueSchema);
						const valueDataset = valueSchema["~run"]({ value: value$1 }, config$1);
						if (valueDataset.issues) {
							const pathItem = {
								type: "object",
								origin: "value",
								input,
								key,
								value: value$1
							};
							for (const issue of valueDataset.issues) {
								if (issue.path) issue.path.unshift(pathItem);
								else issue.path = [pathItem];
								dataset.issues?.push(issue);
							}
							if (!dataset.issues) dataset.issues = valueDataset.issues;
							if (config$1.abortEarly) {
								dataset.typed = false;
								break;
							}
						}
						if (!valueDataset.typed) dataset.typed = false;
						dataset.value[key] = valueDataset.value;
					} else if (valueSchema.fallback !== void 0) dataset.value[key] = /* @__PURE__ */ getFallback(valueSchema);
					else if (valueSchema.type !== "exact_optional" && valueSchema.type !== "optional" && valueSchema.type !== "nullish") {
						_addIssue(this, "key", dataset, config$1, {
							input: void 0,
							expected: `"${key}"`,
							path: [{
								type: "object",
								origin: "key",
								input,
								key,
								value: input[key]
							}]
						});
						if (config$1.abortEarly) break;
					}
				}
				if (!dataset.issues || !config$1.abortEarly) {
					for (const key in input) if (!Object.prototype.hasOwnProperty.call(this.entries, key)) {
						_addIssue(this, "key", dataset, config$1, {
							input: key,
							expected: "never",
							path: [{
								type: "object",
								origin: "key",
								input,
								key,
								value: input[key]
							}]
						});
						break;
					}
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/strictObject/strictObjectAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function strictObjectAsync(entries$1, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "strict_object",
		reference: strictObjectAsync,
		expects: "Object",
		async: true,
		entries: entries$1,
		message: message$1,
		async "~run"(dataset, config$1) {
			const input = dataset.value;
			if (input && typeof input === "object") {
				dataset.typed = true;
				dataset.value = {};
				const valueDatasets = await Promise.all(Object.entries(this.entries).map(async ([key, valueSchema]) => {
					if (key in input || (valueSchema.type === "exact_optional" || valueSchema.type === "optional" || valueSchema.type === "nullish") && valueSchema.default !== void 0) {
						const value$1 = key in input ? input[key] : await /* @__PURE__ */ getDefault(valueSchema);
						return [
							key,
							value$1,
							valueSchema,
							await valueSchema["~run"]({ value: value$1 }, config$1)
						];
					}
					return [
						key,
						input[key],
						valueSchema,
						null
					];
				}));
				for (const [key, value$1, valueSchema, valueDataset] of valueDatasets) if (valueDataset) {
					if (valueDataset.issues) {
						const pathItem = {
							type: "object",
							origin: "value",
							input,
							key,
							value: value$1
						};
						for (const issue of valueDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = valueDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!valueDataset.typed) dataset.typed = false;
					dataset.value[key] = valueDataset.value;
				} else if (valueSchema.fallback !== void 0) dataset.value[key] = await /* @__PURE__ */ getFallback(valueSchema);
				else if (valueSchema.type !== "exact_optional" && valueSchema.type !== "optional" && valueSchema.type !== "nullish") {
					_addIssue(this, "key", dataset, config$1, {
						input: void 0,
						expected: `"${key}"`,
						path: [{
							type: "object",
							origin: "key",
							input,
							key,
							value: value$1
						}]
					});
					if (config$1.abortEarly) break;
				}
				if (!dataset.issues || !config$1.abortEarly) {
					for (const key in input) if (!Object.prototype.hasOwnProperty.call(this.entries, key)) {
						_addIssue(this, "key", dataset, config$1, {
							input: key,
							expected: "never",
							path: [{
								type: "object",
								origin: "key",
								input,
								key,
								value: input[key]
							}]
						});
						break;
					}
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/strictTuple/strictTuple.ts
/* @__NO_SIDE_EFFECTS__ */
function strictTuple(items, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "strict_tuple",
		reference: strictTuple,
		expects: "Array",
		async: false,
		items,
		message: message$1,
		"~run"(dataset, config$1) {
			const input = dataset.value;
			if (Array.isArray(input)) {
				dataset.typed = true;
				dataset.value = [];
				for (let key = 0; key < this.items.length; key++) {
					const value$1 = input[key];
					const itemDataset = this.items[key]["~run"]({ value: value$1 }, config$1);
					if (itemDataset.issues) {
						const pathItem = {
							type: "array",
							origin: "value",
							input,
							key,
							value: value$1
						};
						for (const issue of itemDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = itemDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!itemDataset.typed) dataset.typed = false;
					dataset.value.push(itemDataset.value);
				}
				if (!(dataset.issues && config$1.abortEarly) && this.items.length < input.length) _addIssue(this, "type", dataset, config$1, {
					input: input[this.items.length],
					expected: "never",
					path: [{
						type: "array",
						origin: "value",
						input,
						key: this.items.length,
						value: input[this.items.length]
					}]
				});
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/strictTuple/strictTupleAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function strictTupleAsync(items, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "strict_tuple",
		reference: strictTupleAsync,
		expects: "Array",
		async: true,
		items,
		message: message$1,
		async "~run"(dataset, config$1) {
			const input = dataset.value;
			if (Array.isArray(input)) {
				dataset.typed = true;
				dataset.value = [];
				const itemDatasets = await Promise.all(this.items.map(async (item, key) => {
					const value$1 = input[key];
					return [
						key,
						value$1,
						await item["~run"]({ value: value$1 }, config$1)
					];
				}));
				for (const [key, value$1, itemDataset] of itemDatasets) {
					if (itemDataset.issues) {
						const pathItem = {
							type: "array",
							origin: "value",
							input,
							key,
							value: value$1
						};
						for (const issue of itemDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = itemDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!itemDataset.typed) dataset.typed = false;
					dataset.value.push(itemDataset.value);
				}
				if (!(dataset.issues && config$1.abortEarly) && this.items.length < input.length) _addIssue(this, "type", dataset, config$1, {
					input: input[this.items.length],
					expected: "never",
					path: [{
						type: "array",
						origin: "value",
						input,
						key: this.items.length,
						value: input[this.items.length]
					}]
				});
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/string/string.ts
/* @__NO_SIDE_EFFECTS__ */
function string(message$1) {
	return _standardSchema({
		kind: "schema",
		type: "string",
		reference: string,
		expects: "string",
		async: false,
		message: message$1,
		"~run"(dataset, config$1) {
			if (typeof dataset.value === "string") dataset.typed = true;
			else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/symbol/symbol.ts
/* @__NO_SIDE_EFFECTS__ */
function symbol(message$1) {
	return _standardSchema({
		kind: "schema",
		type: "symbol",
		reference: symbol,
		expects: "symbol",
		async: false,
		message: message$1,
		"~run"(dataset, config$1) {
			if (typeof dataset.value === "symbol") dataset.typed = true;
			else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/tuple/tuple.ts
/* @__NO_SIDE_EFFECTS__ */
function tuple(items, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "tuple",
		reference: tuple,
		expects: "Array",
		async: false,
		items,
		message: message$1,
		"~run"(dataset, config$1) {
			const input = dataset.value;
			if (Array.isArray(input)) {
				dataset.typed = true;
				dataset.value = [];
				for (let key = 0; key < this.items.length; key++) {
					const value$1 = input[key];
					const itemDataset = this.items[key]["~run"]({ value: value$1 }, config$1);
					if (itemDataset.issues) {
						const pathItem = {
							type: "array",
							origin: "value",
							input,
							key,
							value: value$1
						};
						for (const issue of itemDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = itemDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!itemDataset.typed) dataset.typed = false;
					dataset.value.push(itemDataset.value);
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/tuple/tupleAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function tupleAsync(items, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "tuple",
		reference: tupleAsync,
		expects: "Array",
		async: true,
		items,
		message: message$1,
		async "~run"(dataset, config$1) {
			const input = dataset.value;
			if (Array.isArray(input)) {
				dataset.typed = true;
				dataset.value = [];
				const itemDatasets = await Promise.all(this.items.map(async (item, key) => {
					const value$1 = input[key];
					return [
						key,
						value$1,
						await item["~run"]({ value: value$1 }, config$1)
					];
				}));
				for (const [key, value$1, itemDataset] of itemDatasets) {
					if (itemDataset.issues) {
						const pathItem = {
							type: "array",
							origin: "value",
							input,
							key,
							value: value$1
						};
						for (const issue of itemDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = itemDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!itemDataset.typed) dataset.typed = false;
					dataset.value.push(itemDataset.value);
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/tupleWithRest/tupleWithRest.ts
/* @__NO_SIDE_EFFECTS__ */
function tupleWithRest(items, rest, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "tuple_with_rest",
		reference: tupleWithRest,
		expects: "Array",
		async: false,
		items,
		rest,
		message: message$1,
		"~run"(dataset, config$1) {
			const input = dataset.value;
			if (Array.isArray(input)) {
				dataset.typed = true;
				dataset.value = [];
				for (let key = 0; key < this.items.length; key++) {
					const value$1 = input[key];
					const itemDataset = this.items[key]["~run"]({ value: value$1 }, config$1);
					if (itemDataset.issues) {
						const pathItem = {
							type: "array",
							origin: "value",
							input,
							key,
							value: value$1
						};
						for (const issue of itemDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = itemDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!itemDataset.typed) dataset.typed = false;
					dataset.value.push(itemDataset.value);
				}
				if (!dataset.issues || !config$1.abortEarly) for (let key = this.items.length; key < input.length; key++) {
					const value$1 = input[key];
					const itemDataset = this.rest["~run"]({ value: value$1 }, config$1);
					if (itemDataset.issues) {
						const pathItem = {
							type: "array",
							origin: "value",
							input,
							key,
							value: value$1
						};
						for (const issue of itemDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = itemDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!itemDataset.typed) dataset.typed = false;
					dataset.value.push(itemDataset.value);
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/tupleWithRest/tupleWithRestAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function tupleWithRestAsync(items, rest, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "tuple_with_rest",
		reference: tupleWithRestAsync,
		expects: "Array",
		async: true,
		items,
		rest,
		message: message$1,
		async "~run"(dataset, config$1) {
			const input = dataset.value;
			if (Array.isArray(input)) {
				dataset.typed = true;
				dataset.value = [];
				const [normalDatasets, restDatasets] = await Promise.all([Promise.all(this.items.map(async (item, key) => {
					const value$1 = input[key];
					return [
						key,
						value$1,
						await item["~run"]({ value: value$1 }, config$1)
					];
				})), Promise.all(input.slice(this.items.length).map(async (value$1, key) => {
					return [
						key + this.items.length,
						value$1,
						await this.rest["~run"]({ value: value$1 }, config$1)
					];
				}))]);
				for (const [key, value$1, itemDataset] of normalDatasets) {
					if (itemDataset.issues) {
						const pathItem = {
							type: "array",
							origin: "value",
							input,
							key,
							value: value$1
						};
						for (const issue of itemDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = itemDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!itemDataset.typed) dataset.typed = false;
					dataset.value.push(itemDataset.value);
				}
				if (!dataset.issues || !config$1.abortEarly) for (const [key, value$1, itemDataset] of restDatasets) {
					if (itemDataset.issues) {
						const pathItem = {
							type: "array",
							origin: "value",
							input,
							key,
							value: value$1
						};
						for (const issue of itemDataset.issues) {
							if (issue.path) issue.path.unshift(pathItem);
							else issue.path = [pathItem];
							dataset.issues?.push(issue);
						}
						if (!dataset.issues) dataset.issues = itemDataset.issues;
						if (config$1.abortEarly) {
							dataset.typed = false;
							break;
						}
					}
					if (!itemDataset.typed) dataset.typed = false;
					dataset.value.push(itemDataset.value);
				}
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/undefined/undefined.ts
/* @__NO_SIDE_EFFECTS__ */
function undefined_(message$1) {
	return _standardSchema({
		kind: "schema",
		type: "undefined",
		reference: undefined_,
		expects: "undefined",
		async: false,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.value === void 0) dataset.typed = true;
			else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/undefinedable/undefinedable.ts
/* @__NO_SIDE_EFFECTS__ */
function undefinedable(wrapped, default_) {
	return _standardSchema({
		kind: "schema",
		type: "undefinedable",
		reference: undefinedable,
		expects: `(${wrapped.expects} | undefined)`,
		async: false,
		wrapped,
		default: default_,
		"~run"(dataset, config$1) {
			if (dataset.value === void 0) {
				if (this.default !== void 0) dataset.value = /* @__PURE__ */ getDefault(this, dataset, config$1);
				if (dataset.value === void 0) {
					dataset.typed = true;
					return dataset;
				}
			}
			return this.wrapped["~run"](dataset, config$1);
		}
	});
}

//#endregion
//#region src/schemas/undefinedable/undefinedableAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function undefinedableAsync(wrapped, default_) {
	return _standardSchema({
		kind: "schema",
		type: "undefinedable",
		reference: undefinedableAsync,
		expects: `(${wrapped.expects} | undefined)`,
		async: true,
		wrapped,
		default: default_,
		async "~run"(dataset, config$1) {
			if (dataset.value === void 0) {
				if (this.default !== void 0) dataset.value = await /* @__PURE__ */ getDefault(this, dataset, config$1);
				if (dataset.value === void 0) {
					dataset.typed = true;
					return dataset;
				}
			}
			return this.wrapped["~run"](dataset, config$1);
		}
	});
}

//#endregion
//#region src/schemas/union/utils/_subIssues/_subIssues.ts
/**
* Returns the sub issues of the provided datasets for the union issue.
*
* @param datasets The datasets.
*
* @returns The sub issues.
*
* @internal
*/
/* @__NO_SIDE_EFFECTS__ */
function _subIssues(datasets) {
	let issues;
	if (datasets) for (const dataset of datasets) if (issues) for (const issue of dataset.issues) issues.push(issue);
	else issues = dataset.issues;
	return issues;
}

//#endregion
//#region src/schemas/union/union.ts
/* @__NO_SIDE_EFFECTS__ */
function union(options, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "union",
		reference: union,
		expects: /* @__PURE__ */ _joinExpects(options.map((option) => option.expects), "|"),
		async: false,
		options,
		message: message$1,
		"~run"(dataset, config$1) {
			let validDataset;
			let typedDatasets;
			let untypedDatasets;
			for (const schema of this.options) {
				const optionDataset = schema["~run"]({ value: dataset.value }, config$1);
				if (optionDataset.typed) if (optionDataset.issues) if (typedDatasets) typedDatasets.push(optionDataset);
				else typedDatasets = [optionDataset];
				else {
					validDataset = optionDataset;
					break;
				}
				else if (untypedDatasets) untypedDatasets.push(optionDataset);
				else untypedDatasets = [optionDataset];
			}
			if (validDataset) return validDataset;
			if (typedDatasets) {
				if (typedDatasets.length === 1) return typedDatasets[0];
				_addIssue(this, "type", dataset, config$1, { issues: /* @__PURE__ */ _subIssues(typedDatasets) });
				dataset.typed = true;
			} else if (untypedDatasets?.length === 1) return untypedDatasets[0];
			else _addIssue(this, "type", dataset, config$1, { issues: /* @__PURE__ */ _subIssues(untypedDatasets) });
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/union/unionAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function unionAsync(options, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "union",
		reference: unionAsync,
		expects: /* @__PURE__ */ _joinExpects(options.map((option) => option.expects), "|"),
		async: true,
		options,
		message: message$1,
		async "~run"(dataset, config$1) {
			let validDataset;
			let typedDatasets;
			let untypedDatasets;
			for (const schema of this.options) {
				const optionDataset = await schema["~run"]({ value: dataset.value }, config$1);
				if (optionDataset.typed) if (optionDataset.issues) if (typedDatasets) typedDatasets.push(optionDataset);
				else typedDatasets = [optionDataset];
				else {
					validDataset = optionDataset;
					break;
				}
				else if (untypedDatasets) untypedDatasets.push(optionDataset);
				else untypedDatasets = [optionDataset];
			}
			if (validDataset) return validDataset;
			if (typedDatasets) {
				if (typedDatasets.length === 1) return typedDatasets[0];
				_addIssue(this, "type", dataset, config$1, { issues: /* @__PURE__ */ _subIssues(typedDatasets) });
				dataset.typed = true;
			} else if (untypedDatasets?.length === 1) return untypedDatasets[0];
			else _addIssue(this, "type", dataset, config$1, { issues: /* @__PURE__ */ _subIssues(untypedDatasets) });
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/unknown/unknown.ts
/**
* Creates a unknown schema.
*
* @returns A unknown schema.
*/
/* @__NO_SIDE_EFFECTS__ */
function unknown() {
	return _standardSchema({
		kind: "schema",
		type: "unknown",
		reference: unknown,
		expects: "unknown",
		async: false,
		"~run"(dataset) {
			dataset.typed = true;
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/variant/variant.ts
/* @__NO_SIDE_EFFECTS__ */
function variant(key, options, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "variant",
		reference: variant,
		expects: "Object",
		async: false,
		key,
		options,
		message: message$1,
		"~run"(dataset, config$1) {
			const input = dataset.value;
			if (input && typeof input === "object") {
				let outputDataset;
				let maxDiscriminatorPriority = 0;
				let invalidDiscriminatorKey = this.key;
				let expectedDiscriminators = [];
				const parseOptions = (variant$1, allKeys) => {
					for (const schema of variant$1.options) {
						if (schema.type === "variant") parseOptions(schema, new Set(allKeys).add(schema.key));
						else {
							let keysAreValid = true;
							let currentPriority = 0;
							for (const currentKey of allKeys) {
								const discriminatorSchema = schema.entries[currentKey];
								if (currentKey in input ? discriminatorSchema["~run"]({
									typed: false,
									value: input[currentKey]
								}, ABORT_EARLY_CONFIG).issues : discriminatorSchema.type !== "exact_optional" && discriminatorSchema.type !== "optional" && discriminatorSchema.type !== "nullish") {
									keysAreValid = false;
									if (invalidDiscriminatorKey !== currentKey && (maxDiscriminatorPriority < currentPriority || maxDiscriminatorPriority === currentPriority && currentKey in input && !(invalidDiscriminatorKey in input))) {
										maxDiscriminatorPriority = currentPriority;
										invalidDiscriminatorKey = currentKey;
										expectedDiscriminators = [];
									}
									if (invalidDiscriminatorKey === currentKey) expectedDiscriminators.push(schema.entries[currentKey].expects);
									break;
								}
								currentPriority++;
							}
							if (keysAreValid) {
								const optionDataset = schema["~run"]({ value: input }, config$1);
								if (!outputDataset || !outputDataset.typed && optionDataset.typed) outputDataset = optionDataset;
							}
						}
						if (outputDataset && !outputDataset.issues) break;
					}
				};
				parseOptions(this, new Set([this.key]));
				if (outputDataset) return outputDataset;
				_addIssue(this, "type", dataset, config$1, {
					input: input[invalidDiscriminatorKey],
					expected: /* @__PURE__ */ _joinExpects(expectedDiscriminators, "|"),
					path: [{
						type: "object",
						origin: "value",
						input,
						key: invalidDiscriminatorKey,
						value: input[invalidDiscriminatorKey]
					}]
				});
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/variant/variantAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function variantAsync(key, options, message$1) {
	return _standardSchema({
		kind: "schema",
		type: "variant",
		reference: variantAsync,
		expects: "Object",
		async: true,
		key,
		options,
		message: message$1,
		async "~run"(dataset, config$1) {
			const input = dataset.value;
			if (input && typeof input === "object") {
				let outputDataset;
				let maxDiscriminatorPriority = 0;
				let invalidDiscriminatorKey = this.key;
				let expectedDiscriminators = [];
				const parseOptions = async (variant$1, allKeys) => {
					for (const schema of variant$1.options) {
						if (schema.type === "variant") await parseOptions(schema, new Set(allKeys).add(schema.key));
						else {
							let keysAreValid = true;
							let currentPriority = 0;
							for (const currentKey of allKeys) {
								const discriminatorSchema = schema.entries[currentKey];
								if (currentKey in input ? (await discriminatorSchema["~run"]({
									typed: false,
									value: input[currentKey]
								}, ABORT_EARLY_CONFIG)).issues : discriminatorSchema.type !== "exact_optional" && discriminatorSchema.type !== "optional" && discriminatorSchema.type !== "nullish") {
									keysAreValid = false;
									if (invalidDiscriminatorKey !== currentKey && (maxDiscriminatorPriority < currentPriority || maxDiscriminatorPriority === currentPriority && currentKey in input && !(invalidDiscriminatorKey in input))) {
										maxDiscriminatorPriority = currentPriority;
										invalidDiscriminatorKey = currentKey;
										expectedDiscriminators = [];
									}
									if (invalidDiscriminatorKey === currentKey) expectedDiscriminators.push(schema.entries[currentKey].expects);
									break;
								}
								currentPriority++;
							}
							if (keysAreValid) {
								const optionDataset = await schema["~run"]({ value: input }, config$1);
								if (!outputDataset || !outputDataset.typed && optionDataset.typed) outputDataset = optionDataset;
							}
						}
						if (outputDataset && !outputDataset.issues) break;
					}
				};
				await parseOptions(this, new Set([this.key]));
				if (outputDataset) return outputDataset;
				_addIssue(this, "type", dataset, config$1, {
					input: input[invalidDiscriminatorKey],
					expected: /* @__PURE__ */ _joinExpects(expectedDiscriminators, "|"),
					path: [{
						type: "object",
						origin: "value",
						input,
						key: invalidDiscriminatorKey,
						value: input[invalidDiscriminatorKey]
					}]
				});
			} else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/schemas/void/void.ts
/* @__NO_SIDE_EFFECTS__ */
function void_(message$1) {
	return _standardSchema({
		kind: "schema",
		type: "void",
		reference: void_,
		expects: "void",
		async: false,
		message: message$1,
		"~run"(dataset, config$1) {
			if (dataset.value === void 0) dataset.typed = true;
			else _addIssue(this, "type", dataset, config$1);
			return dataset;
		}
	});
}

//#endregion
//#region src/methods/keyof/keyof.ts
/* @__NO_SIDE_EFFECTS__ */
function keyof(schema, message$1) {
	return /* @__PURE__ */ picklist(Object.keys(schema.entries), message$1);
}

//#endregion
//#region src/methods/message/message.ts
/**
* Changes the local message configuration of a schema.
*
* @param schema The schema to configure.
* @param message_ The error message.
*
* @returns The configured schema.
*/
/* @__NO_SIDE_EFFECTS__ */
function message(schema, message_) {
	return _standardSchema({
		...schema,
		"~run"(dataset, config$1) {
			return schema["~run"](dataset, {
				...config$1,
				message: message_
			});
		}
	});
}

//#endregion
//#region src/methods/omit/omit.ts
/**
* Creates a modified copy of an object schema that does not contain the
* selected entries.
*
* @param schema The schema to omit from.
* @param keys The selected entries.
*
* @returns An object schema.
*/
/* @__NO_SIDE_EFFECTS__ */
function omit(schema, keys) {
	const entries$1 = { ...schema.entries };
	for (const key of keys) delete entries$1[key];
	return _standardSchema({
		...schema,
		entries: entries$1
	});
}

//#endregion
//#region src/methods/parse/parse.ts
/**
* Parses an unknown input based on a schema.
*
* @param schema The schema to be used.
* @param input The input to be parsed.
* @param config The parse configuration.
*
* @returns The parsed input.
*/
function dist_parse(schema, input, config$1) {
	const dataset = schema["~run"]({ value: input }, /* @__PURE__ */ getGlobalConfig(config$1));
	if (dataset.issues) throw new ValiError(dataset.issues);
	return dataset.value;
}

//#endregion
//#region src/methods/parse/parseAsync.ts
/**
* Parses an unknown input based on a schema.
*
* @param schema The schema to be used.
* @param input The input to be parsed.
* @param config The parse configuration.
*
* @returns The parsed input.
*/
async function parseAsync(schema, input, config$1) {
	const dataset = await schema["~run"]({ value: input }, /* @__PURE__ */ getGlobalConfig(config$1));
	if (dataset.issues) throw new ValiError(dataset.issues);
	return dataset.value;
}

//#endregion
//#region src/methods/parser/parser.ts
/* @__NO_SIDE_EFFECTS__ */
function parser(schema, config$1) {
	const func = (input) => dist_parse(schema, input, config$1);
	func.schema = schema;
	func.config = config$1;
	return func;
}

//#endregion
//#region src/methods/parser/parserAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function parserAsync(schema, config$1) {
	const func = (input) => parseAsync(schema, input, config$1);
	func.schema = schema;
	func.config = config$1;
	return func;
}

//#endregion
//#region src/methods/partial/partial.ts
/* @__NO_SIDE_EFFECTS__ */
function partial(schema, keys) {
	const entries$1 = {};
	for (const key in schema.entries) entries$1[key] = !keys || keys.includes(key) ? /* @__PURE__ */ optional(schema.entries[key]) : schema.entries[key];
	return _standardSchema({
		...schema,
		entries: entries$1
	});
}

//#endregion
//#region src/methods/partial/partialAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function partialAsync(schema, keys) {
	const entries$1 = {};
	for (const key in schema.entries) entries$1[key] = !keys || keys.includes(key) ? /* @__PURE__ */ optionalAsync(schema.entries[key]) : schema.entries[key];
	return _standardSchema({
		...schema,
		entries: entries$1
	});
}

//#endregion
//#region src/methods/pick/pick.ts
/**
* Creates a modified copy of an object schema that contains only the selected
* entries.
*
* @param schema The schema to pick from.
* @param keys The selected entries.
*
* @returns An object schema.
*/
/* @__NO_SIDE_EFFECTS__ */
function pick(schema, keys) {
	const entries$1 = {};
	for (const key of keys) entries$1[key] = schema.entries[key];
	return _standardSchema({
		...schema,
		entries: entries$1
	});
}

//#endregion
//#region src/methods/pipe/pipe.ts
/* @__NO_SIDE_EFFECTS__ */
function pipe(...pipe$1) {
	return _standardSchema({
		...pipe$1[0],
		pipe: pipe$1,
		"~run"(dataset, config$1) {
			for (const item of pipe$1) if (item.kind !== "metadata") {
				if (dataset.issues && (item.kind === "schema" || item.kind === "transformation")) {
					dataset.typed = false;
					break;
				}
				if (!dataset.issues || !config$1.abortEarly && !config$1.abortPipeEarly) dataset = item["~run"](dataset, config$1);
			}
			return dataset;
		}
	});
}

//#endregion
//#region src/methods/pipe/pipeAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function pipeAsync(...pipe$1) {
	return _standardSchema({
		...pipe$1[0],
		pipe: pipe$1,
		async: true,
		async "~run"(dataset, config$1) {
			for (const item of pipe$1) if (item.kind !== "metadata") {
				if (dataset.issues && (item.kind === "schema" || item.kind === "transformation")) {
					dataset.typed = false;
					break;
				}
				if (!dataset.issues || !config$1.abortEarly && !config$1.abortPipeEarly) dataset = await item["~run"](dataset, config$1);
			}
			return dataset;
		}
	});
}

//#endregion
//#region src/methods/required/required.ts
/* @__NO_SIDE_EFFECTS__ */
function required(schema, arg2, arg3) {
	const keys = Array.isArray(arg2) ? arg2 : void 0;
	const message$1 = Array.isArray(arg2) ? arg3 : arg2;
	const entries$1 = {};
	for (const key in schema.entries) entries$1[key] = !keys || keys.includes(key) ? /* @__PURE__ */ nonOptional(schema.entries[key], message$1) : schema.entries[key];
	return _standardSchema({
		...schema,
		entries: entries$1
	});
}

//#endregion
//#region src/methods/required/requiredAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function requiredAsync(schema, arg2, arg3) {
	const keys = Array.isArray(arg2) ? arg2 : void 0;
	const message$1 = Array.isArray(arg2) ? arg3 : arg2;
	const entries$1 = {};
	for (const key in schema.entries) entries$1[key] = !keys || keys.includes(key) ? /* @__PURE__ */ nonOptionalAsync(schema.entries[key], message$1) : schema.entries[key];
	return _standardSchema({
		...schema,
		entries: entries$1
	});
}

//#endregion
//#region src/methods/safeParse/safeParse.ts
/**
* Parses an unknown input based on a schema.
*
* @param schema The schema to be used.
* @param input The input to be parsed.
* @param config The parse configuration.
*
* @returns The parse result.
*/
/* @__NO_SIDE_EFFECTS__ */
function safeParse(schema, input, config$1) {
	const dataset = schema["~run"]({ value: input }, /* @__PURE__ */ getGlobalConfig(config$1));
	return {
		typed: dataset.typed,
		success: !dataset.issues,
		output: dataset.value,
		issues: dataset.issues
	};
}

//#endregion
//#region src/methods/safeParse/safeParseAsync.ts
/**
* Parses an unknown input based on a schema.
*
* @param schema The schema to be used.
* @param input The input to be parsed.
* @param config The parse configuration.
*
* @returns The parse result.
*/
/* @__NO_SIDE_EFFECTS__ */
async function safeParseAsync(schema, input, config$1) {
	const dataset = await schema["~run"]({ value: input }, /* @__PURE__ */ getGlobalConfig(config$1));
	return {
		typed: dataset.typed,
		success: !dataset.issues,
		output: dataset.value,
		issues: dataset.issues
	};
}

//#endregion
//#region src/methods/safeParser/safeParser.ts
/* @__NO_SIDE_EFFECTS__ */
function safeParser(schema, config$1) {
	const func = (input) => /* @__PURE__ */ safeParse(schema, input, config$1);
	func.schema = schema;
	func.config = config$1;
	return func;
}

//#endregion
//#region src/methods/safeParser/safeParserAsync.ts
/* @__NO_SIDE_EFFECTS__ */
function safeParserAsync(schema, config$1) {
	const func = (input) => /* @__PURE__ */ safeParseAsync(schema, input, config$1);
	func.schema = schema;
	func.config = config$1;
	return func;
}

//#endregion
//#region src/methods/summarize/summarize.ts
/**
* Summarize the error messages of issues in a pretty-printable multi-line string.
*
* @param issues The list of issues.
*
* @returns A summary of the issues.
*
* @beta
*/
/* @__NO_SIDE_EFFECTS__ */
function summarize(issues) {
	let summary = "";
	for (const issue of issues) {
		if (summary) summary += "\n";
		summary += `× ${issue.message}`;
		const dotPath = /* @__PURE__ */ getDotPath(issue);
		if (dotPath) summary += `\n  → at ${dotPath}`;
	}
	return summary;
}

//#endregion
//#region src/methods/unwrap/unwrap.ts
/**
* Unwraps the wrapped schema.
*
* @param schema The schema to be unwrapped.
*
* @returns The unwrapped schema.
*/
/* @__NO_SIDE_EFFECTS__ */
function unwrap(schema) {
	return schema.wrapped;
}

//#endregion

;// CONCATENATED MODULE: ./packages/stack/src/manifests/shape.ts


const isTable = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);
/**
 * A JSON object or TOML/YAML table with the given fields; other keys pass through unread.
 * valibot's object schemas accept arrays, so a plain-object check comes first.
 */
function table(entries) {
    return pipe(custom(isTable, 'an object'), looseObject(entries));
}
/** A JSON object or TOML/YAML table whose every value has the given type. */
function tableOf(value) {
    return pipe(custom(isTable, 'an object'), record(string(), value));
}
/** An optional field. */
const opt = optional;
/** An optional string field, the most common kind. */
const optString = () => optional(string());
/** An optional list of strings. */
const optStrings = () => optional(array(string()));
/**
 * Checks a parsed document against its schema. Wrong-typed fields are removed from the document
 * (a list loses the bad items only) and the check runs again, so one mistake costs that field and
 * not the whole manifest; a document that is not an object at all is dropped. `text` is used to
 * find the line of each problem.
 */
function checkShape(schema, doc, text, described = 5) {
    const problems = [];
    let count = 0;
    let current = doc;
    // Removing a field can only remove issues; two rounds settle every schema used here, the
    // third is a guard.
    for (let round = 0; round < 3; round++) {
        const result = safeParse(schema, current, { abortEarly: false });
        if (result.success)
            return { value: result.output, problems, count };
        const paths = result.issues.flatMap((issue) => leafIssues(issue, []));
        count += paths.length;
        for (const { path, issue } of paths.slice(0, Math.max(0, described - problems.length)))
            problems.push(describe(issue, path, current, text));
        if (paths.some(({ path }) => path.length === 0))
            return { value: undefined, problems, count };
        current = prune(current, paths.map((p) => p.path));
    }
    return { value: undefined, problems, count };
}
/**
 * A union that failed reports its options' issues, with paths relative to the union's value; the
 * ones that went deeper (the value had the right type, a field inside it did not) name the field.
 */
function leafIssues(issue, prefix) {
    const path = [...prefix, ...(issue.path ?? []).map((p) => p.key)];
    if (issue.type === 'union' && issue.issues) {
        const deeper = issue.issues.filter((sub) => (sub.path?.length ?? 0) > 0);
        if (deeper.length > 0)
            return deeper.flatMap((sub) => leafIssues(sub, path));
    }
    return [{ path, issue }];
}
function prune(doc, paths) {
    const dropFromLists = new Map();
    for (const path of paths) {
        let parent = doc;
        for (const key of path.slice(0, -1))
            parent = parent?.[key];
        const last = path[path.length - 1];
        if (Array.isArray(parent) && typeof last === 'number') {
            const set = dropFromLists.get(parent) ?? new Set();
            set.add(last);
            dropFromLists.set(parent, set);
        }
        else if (parent && typeof parent === 'object') {
            delete parent[last];
        }
    }
    for (const [list, drop] of dropFromLists) {
        const kept = list.filter((_, i) => !drop.has(i));
        list.length = 0;
        list.push(...kept);
    }
    return doc;
}
function describe(issue, path, doc, text) {
    let value = doc;
    for (const key of path)
        value = value?.[key];
    const line = (0,lite/* fieldLine */.h0)(text, path);
    return {
        field: path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join(''),
        expected: expectedOf(issue),
        received: kindOf(value),
        ...(line ? { line } : {}),
    };
}
const EXPECTED = {
    Array: 'a list',
    Object: 'an object',
    unknown: 'an object',
    string: 'a string',
    number: 'a number',
    boolean: 'true or false',
};
function expectedOf(issue) {
    if (issue.type === 'custom')
        return 'an object';
    const parts = (issue.expected ?? 'unknown').replace(/^\(|\)$/g, '').split(' | ');
    return [...new Set(parts.map((p) => EXPECTED[p] ?? p))].join(' or ');
}
/** What a value is, in words, without echoing it: it may be huge or hold control characters. */
function kindOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (value instanceof Date)
        return 'a date';
    switch (typeof value) {
        case 'string':
            return 'a string';
        case 'number':
        case 'bigint':
            return 'a number';
        case 'boolean':
            return 'true or false';
        case 'object':
            return 'an object';
        default:
            return typeof value;
    }
}

;// CONCATENATED MODULE: ./packages/stack/src/printable.ts
// Warnings name folders and files of the repository, and a name may hold a newline followed by
// `::warning …`. Every warning is kept on one line, so that no log, summary or CLI that prints it
// line by line can be made to print a workflow command.
// Control characters are exactly what this pattern is for.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/g;
/** Text on one line: control characters, newlines included, are shown as escapes (`\n`, `\u001b`). */
function oneLine(text) {
    return text.replace(CONTROL, (c) => c === '\n'
        ? '\\n'
        : c === '\r'
            ? '\\r'
            : c === '\t'
                ? '\\t'
                : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

;// CONCATENATED MODULE: ./packages/stack/src/context.ts






/** Manifests larger than this are not read: no real one is, and a hostile tree must not cost memory. */
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
/** At most this many wrong-typed fields are named per file; a hostile one could have thousands. */
const MAX_SHAPE_WARNINGS = 5;
/**
 * What detectors see of the repository: which manifests each folder has, and cached, bounded,
 * forgiving readers for them. A file that does not parse becomes a warning with its line, and
 * the detector goes on without it.
 */
class DetectContext {
    root;
    inventory;
    logger;
    annotationPrefix;
    rootName;
    outer;
    texts = new Map();
    docs = new Map();
    seen = new Set();
    warnings = [];
    constructor(root, inventory, logger, 
    /** Prefix that makes a repository-relative path workspace-relative, for annotations. */
    annotationPrefix = '', 
    /** Name of the root folder, used as the name of a root project without one of its own. */
    rootName = 'root', 
    /** The folders above the root up to the repository root, nearest first. */
    outer = []) {
        this.root = root;
        this.inventory = inventory;
        this.logger = logger;
        this.annotationPrefix = annotationPrefix;
        this.rootName = rootName;
        this.outer = outer;
    }
    /** True when the folder (in the tree or above it) has a manifest of that name. */
    has(dir, name) {
        return this.names(dir).includes(name);
    }
    /** Manifest names in a folder (in the tree or above it). */
    names(dir) {
        return this.inventory.manifests.get(dir) ?? this.outer.find((o) => o.rel === dir)?.names ?? [];
    }
    /** The folder, its parents up to the root, then the folders above the root up to the repository root. */
    upward(dir) {
        const chain = [];
        for (let d = dir; d !== undefined; d = parentOf(d))
            chain.push(d);
        return dir.startsWith('..')
            ? this.outer.map((o) => o.rel).filter((r) => r.length >= dir.length)
            : [...chain, ...this.outer.map((o) => o.rel)];
    }
    /** The nearest folder at or above dir, up to the repository root (above the analysed folder too), with that file. */
    findAbove(dir, name) {
        return this.upward(dir).find((d) => this.has(d, name));
    }
    /** dir's path from an ancestor in the tree or above it ('.' for the ancestor itself), or undefined when it is not below. */
    pathFrom(ancestor, dir) {
        const outer = this.outer.find((o) => o.rel === ancestor);
        if (outer)
            return dir === '.' ? outer.below : dir.startsWith('..') ? undefined : `${outer.below}/${dir}`;
        if (ancestor === dir)
            return '.';
        if (ancestor === '.')
            return dir.startsWith('..') ? undefined : dir;
        return dir.startsWith(`${ancestor}/`) ? dir.slice(ancestor.length + 1) : undefined;
    }
    /** The nearest folder at or above dir (up to the root) that has a file of that name. */
    findUp(dir, name) {
        for (let d = dir; d !== undefined; d = parentOf(d)) {
            if (this.has(d, name))
                return d;
        }
        return undefined;
    }
    /** A file's text, or undefined when it is missing, not a regular file or too large (with a warning). */
    text(path) {
        let cached = this.texts.get(path);
        if (!cached) {
            cached = Promise.resolve(this.load(path));
            this.texts.set(path, cached);
        }
        return cached;
    }
    load(path) {
        // Manifests are small: one synchronous open/fstat/read beats four thread-pool hops each.
        // readUserFile opens without blocking and checks the open descriptor, so a FIFO, a device or
        // a link to /dev/zero planted under a manifest's name is refused, never read or waited on.
        const abs = (0,external_node_path_.join)(this.root, path);
        try {
            return (0,lite/* readUserFile */.E1)(abs, { maxBytes: MAX_MANIFEST_BYTES, subject: { file: path }, what: 'manifest' }).toString('utf8');
        }
        catch (err) {
            const message = (0,lite/* isUserError */.iU)(err)
                ? err.message.replace(abs, () => path)
                : `could not read ${path}: ${String(err)}`;
            const size = /is (\d+) bytes, more than/.exec(message)?.[1];
            this.warn(size
                ? `${path} is ${size} bytes, larger than any real manifest; not read`
                : `${message.replace(/\.$/, '')}; detection goes on without it`, path);
            return undefined;
        }
    }
    /** True when a file or folder exists (for the few paths the walk does not record). */
    async exists(path) {
        try {
            await (0,promises_.stat)((0,external_node_path_.join)(this.root, path));
            return true;
        }
        catch {
            return false;
        }
    }
    /** The modification time of a file in ms, or 0. */
    async mtime(path) {
        try {
            return (await (0,promises_.stat)((0,external_node_path_.join)(this.root, path))).mtimeMs;
        }
        catch {
            return 0;
        }
    }
    /**
     * A JSON document (comments allowed when jsonc) checked against its schema, or undefined with a
     * warning at the failing line. Wrong-typed fields are left out, each with a warning at its line.
     */
    json(path, schema, jsonc = false) {
        return this.document(path, schema, (raw) => {
            const text = jsonc ? stripJsonComments(raw) : raw.replace(/^\uFEFF/, '');
            try {
                return { doc: JSON.parse(text) };
            }
            catch (err) {
                const { line } = (0,lite/* lineColumn */.rv)(text, (0,lite/* jsonErrorOffset */.O)(text));
                return { error: `not valid JSON (${(0,lite/* describeJsonError */.M1)(text, err)})`, line };
            }
        });
    }
    /** A TOML document checked against its schema, or undefined with a warning at the failing line. */
    toml(path, schema) {
        return this.document(path, schema, (text) => {
            try {
                return { doc: parse(text) };
            }
            catch (err) {
                const reason = String(err.message ?? err).split('\n')[0];
                return { error: `not valid TOML (${reason})`, line: err.line };
            }
        });
    }
    /** A YAML document checked against its schema, or undefined with a warning at the failing line. */
    yaml(path, schema) {
        return this.document(path, schema, async (text) => {
            try {
                // yaml is large and only pnpm-workspace.yaml needs it: load it on first use.
                const { parse } = await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
                return { doc: parse(text, { maxAliasCount: 100 }) };
            }
            catch (err) {
                const line = err.linePos?.[0]?.line;
                const reason = String(err.message ?? err).split('\n')[0];
                return { error: `not valid YAML (${reason})`, line };
            }
        });
    }
    /** Reads, parses and checks a document once per path; every later call gets the same result. */
    document(path, schema, parse) {
        const cached = this.docs.get(path);
        if (cached && cached.schema === schema)
            return cached.value;
        const value = (async () => {
            const text = await this.text(path);
            if (text === undefined)
                return undefined;
            const parsed = await parse(text);
            if ('error' in parsed) {
                this.warn(`${path} is ${parsed.error}; detection goes on without it`, path, parsed.line);
                return undefined;
            }
            const { value: checked, problems, count } = checkShape(schema, parsed.doc, text, MAX_SHAPE_WARNINGS);
            this.reportShape(path, problems, count);
            return checked;
        })();
        this.docs.set(path, { schema, value });
        return value;
    }
    reportShape(path, problems, count) {
        for (const p of problems) {
            const what = p.field === '' ? `${path} holds ${p.received}` : `${path}: ${p.field} is ${p.received}`;
            const effect = p.field === '' ? 'detection goes on without it' : 'it is ignored';
            this.warn(`${what}, but slipway needs ${p.expected} there; ${effect}`, path, p.line);
        }
        if (count > problems.length)
            this.warn(`${path}: ${count - problems.length} more fields of the wrong type are ignored`, path);
    }
    /** Records a repository-wide warning and annotates the file and line when given. */
    warn(text, file, line) {
        const message = oneLine(text);
        if (this.seen.has(message))
            return;
        this.seen.add(message);
        this.warnings.push(message);
        this.logger.warning(message, file
            ? {
                file: external_node_path_.posix.normalize(this.annotationPrefix + file),
                ...(line ? { startLine: line } : {}),
                title: 'detect-stack',
            }
            : undefined);
    }
}
/** The parent of a repository-relative folder, or undefined for the root. */
function parentOf(dir) {
    if (dir === '.')
        return undefined;
    const parent = external_node_path_.posix.dirname(dir);
    return parent === '' ? '.' : parent;
}
/** Joins a repository-relative folder and a name. */
function context_joinRel(dir, name) {
    return dir === '.' ? name : `${dir}/${name}`;
}
/** Removes // and /* *\/ comments and trailing commas outside strings, for deno.jsonc and tsconfig-style files. */
function stripJsonComments(text) {
    let out = '';
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (inString) {
            out += ch;
            if (ch === '\\')
                out += text[++i] ?? '';
            else if (ch === '"')
                inString = false;
        }
        else if (ch === '"') {
            inString = true;
            out += ch;
        }
        else if (ch === '/' && text[i + 1] === '/') {
            while (i < text.length && text[i] !== '\n')
                i++;
            out += '\n';
        }
        else if (ch === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            const skipped = text.slice(i, end < 0 ? text.length : end + 2);
            out += skipped.replace(/[^\n]/g, ' ');
            i = end < 0 ? text.length : end + 1;
        }
        else {
            out += ch;
        }
    }
    return out.replace(/,(\s*[}\]])/g, '$1');
}

;// CONCATENATED MODULE: ./packages/stack/src/manifests/schemas.ts
// One schema per kind of document a detector reads, describing just the fields it reads. A field
// of the wrong type is left out with a warning at its line (see shape.ts); fields slipway does not
// read are never checked, so a manifest is not faulted for what other tools put in it.


/** composer.json requirements that name a framework. */
const PHP_FRAMEWORK_DEPS = [
    ['laravel/framework', 'laravel'],
    ['symfony/framework-bundle', 'symfony'],
];
/** Cargo.toml dependencies that name a framework. */
const RUST_FRAMEWORK_DEPS = [
    ['actix-web', 'actix-web'],
    ['axum', 'axum'],
    ['rocket', 'rocket'],
];
/** Tool names read from .tool-versions and mise.toml, across every detector. */
const MISE_TOOLS = ['node', 'nodejs', 'deno', 'bun', 'python', 'ruby', 'java', 'php', 'elixir'];
/** Optional string fields of the given names. */
const stringFields = (names) => Object.fromEntries(names.map((n) => [n, optString()]));
/** deno.json / deno.jsonc: the name and which tasks exist (a task is a string or an object). */
const DenoJsonSchema = table({ name: optString(), tasks: opt(tableOf(unknown())) });
/** global.json: the pinned .NET SDK. */
const GlobalJsonSchema = table({ sdk: opt(table({ version: optString() })) });
/** composer.json: name, PHP version, frameworks, test script. */
const ComposerJsonSchema = table({
    name: optString(),
    require: opt(table(stringFields(['php', ...PHP_FRAMEWORK_DEPS.map(([d]) => d)]))),
    'require-dev': opt(table({ 'phpunit/phpunit': optString() })),
    config: opt(table({ platform: opt(table({ php: optString() })) })),
    scripts: opt(table({ test: opt(union([string(), array(string())])) })),
});
/** composer.lock: the locked packages, for framework versions. */
const ComposerLockSchema = table({
    packages: opt(array(table({ name: optString(), version: optString() }))),
});
const poetryDeps = () => opt(tableOf(union([string(), table({ version: optString() }), array(unknown())])));
/** pyproject.toml: PEP 621 metadata, PEP 735 groups, poetry, and which tools are configured. */
const PyProjectSchema = table({
    project: opt(table({
        name: optString(),
        'requires-python': optString(),
        dependencies: optStrings(),
        'optional-dependencies': opt(tableOf(array(string()))),
    })),
    'build-system': opt(tableOf(unknown())),
    // A group holds requirement strings and `{ include-group = "…" }` tables.
    'dependency-groups': opt(tableOf(array(union([string(), tableOf(unknown())])))),
    tool: opt(table({
        poetry: opt(table({
            name: optString(),
            dependencies: poetryDeps(),
            group: opt(tableOf(table({ dependencies: poetryDeps() }))),
        })),
        pdm: opt(tableOf(unknown())),
        uv: opt(tableOf(unknown())),
    })),
});
/** Pipfile: packages (a version string or a table) and the required Python. */
const PipfileSchema = table({
    packages: opt(tableOf(unknown())),
    'dev-packages': opt(tableOf(unknown())),
    requires: opt(table({ python_version: optString(), python_full_version: optString() })),
});
const cargoDep = () => optional(union([string(), table({ version: optString() })]));
/** Cargo.toml: package, workspace, framework dependencies and binaries. */
const CargoTomlSchema = table({
    package: opt(table({
        name: optString(),
        'rust-version': opt(union([string(), table({ workspace: opt(dist_boolean()) })])),
    })),
    workspace: opt(table({
        members: optStrings(),
        exclude: optStrings(),
        package: opt(table({ 'rust-version': optString() })),
    })),
    dependencies: opt(table(Object.fromEntries(RUST_FRAMEWORK_DEPS.map(([d]) => [d, cargoDep()])))),
    bin: opt(array(unknown())),
});
/** rust-toolchain.toml: the channel. */
const RustToolchainSchema = table({ toolchain: opt(table({ channel: optString() })) });
const miseVersion = () => optional(union([
    string(),
    number(),
    array(union([string(), number(), table({ version: optString() })])),
    table({ version: optString() }),
]));
/** mise.toml / .mise.toml: the `[tools]` entries of the runtimes slipway knows. */
const MiseTomlSchema = table({
    tools: opt(table(Object.fromEntries(MISE_TOOLS.map((t) => [t, miseVersion()])))),
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./packages/stack/src/version-files.ts




/** A file whose first meaningful line is the version (.nvmrc, .python-version, .ruby-version …). */
function plainFile(name, clean = stripV) {
    return async (ctx, dir) => {
        if (!ctx.has(dir, name))
            return undefined;
        const path = context_joinRel(dir, name);
        const text = await ctx.text(path);
        const line = text
            ?.split(/\r?\n/)
            .map((l) => l.replace(/#.*$/, '').trim())
            .find((l) => l !== '');
        return line ? { value: clean(line), source: path } : undefined;
    };
}
/** The asdf/mise `.tool-versions` entry for any of the given tool names. */
function toolVersions(...tools) {
    return async (ctx, dir) => {
        if (!ctx.has(dir, '.tool-versions'))
            return undefined;
        const path = context_joinRel(dir, '.tool-versions');
        for (const line of (await ctx.text(path))?.split(/\r?\n/) ?? []) {
            const [tool, version] = line.replace(/#.*$/, '').trim().split(/\s+/);
            if (tool && version && tools.includes(tool))
                return { value: stripV(version), source: path };
        }
        return undefined;
    };
}
/** The `[tools]` entry of mise.toml or .mise.toml for any of the given tool names. */
function miseTools(...tools) {
    return async (ctx, dir) => {
        for (const name of ['mise.toml', '.mise.toml']) {
            if (!ctx.has(dir, name))
                continue;
            const path = context_joinRel(dir, name);
            const doc = await ctx.toml(path, MiseTomlSchema);
            for (const tool of tools) {
                const entry = doc?.tools?.[tool];
                const first = Array.isArray(entry) ? entry[0] : entry;
                const value = typeof first === 'object' ? first.version : first;
                if (value !== undefined)
                    return { value: stripV(String(value)), source: path };
            }
        }
        return undefined;
    };
}
/**
 * The version declared nearest to the project: each folder from the project up to the root is
 * asked every source in order, and the first answer wins. That is how asdf, mise and nvm resolve
 * a version, and what actions/setup-* read from a version file.
 */
async function nearestVersion(ctx, dir, sources) {
    for (let d = dir; d !== undefined; d = parentOf(d)) {
        for (const source of sources) {
            const found = await source(ctx, d);
            if (found)
                return found;
        }
    }
    return undefined;
}
/** Drops a leading `v` from a version (`v20.11.1` → `20.11.1`). */
function stripV(version) {
    return version.trim().replace(/^v(?=\d)/, '');
}
const treeFiles = new WeakMap();
/**
 * A file the walk does not record (a wrapper's properties, a requirements include), read only as
 * the walk would have seen it: inside the root, through real folders, a regular file. A symbolic
 * link is not followed, so one planted under such a name cannot read outside the tree. Nothing
 * is warned here: a missing file is often expected, and the caller knows what it was for.
 */
function treeFile(ctx, path) {
    const normal = external_node_path_.posix.normalize(path).replace(/\/+$/, '');
    let cache = treeFiles.get(ctx);
    if (!cache)
        treeFiles.set(ctx, (cache = new Map()));
    let found = cache.get(normal);
    if (!found) {
        found = readTreeFile(ctx, normal);
        cache.set(normal, found);
    }
    return found;
}
async function readTreeFile(ctx, path) {
    if (path === '..' || path.startsWith('../') || external_node_path_.posix.isAbsolute(path))
        return { path, problem: 'is outside the folder detect-stack analyses' };
    if (path === '.' || path === '')
        return { path, problem: 'is a folder' };
    const slash = path.lastIndexOf('/');
    const recorded = ctx.has(slash < 0 ? '.' : path.slice(0, slash), path.slice(slash + 1));
    if (!recorded) {
        const parts = path.split('/');
        for (let i = 1; i <= parts.length; i++) {
            let st;
            try {
                st = (0,external_node_fs_.lstatSync)((0,external_node_path_.join)(ctx.root, ...parts.slice(0, i)), { throwIfNoEntry: false });
            }
            catch {
                st = undefined; // a file where a folder should be, a name too long: not there either way
            }
            if (!st)
                return { path, problem: 'does not exist' };
            if (st.isSymbolicLink())
                return { path, problem: 'is a symbolic link, which detect-stack does not follow' };
            if (i < parts.length ? !st.isDirectory() : !st.isFile())
                return { path, problem: i < parts.length ? 'does not exist' : 'is not a regular file' };
        }
    }
    const text = await ctx.text(path);
    return text === undefined ? { path, problem: 'could not be read' } : { path, text };
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/types.ts
/** Commands with every field empty. */
function noCommands() {
    return { install: null, build: null, test: null, start: null };
}
/** The last path segment of a folder, or the given fallback for the root. */
function folderName(dir, rootName) {
    return dir === '.' ? rootName : dir.slice(dir.lastIndexOf('/') + 1);
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/deno.ts




/** Deno projects (deno.json or deno.jsonc), their tasks and version files. */
const denoDetector = {
    name: 'deno',
    priority: 20,
    applies: (ctx, dir) => ctx.has(dir, 'deno.json') || ctx.has(dir, 'deno.jsonc'),
    async project(ctx, { dir }) {
        const file = ctx.has(dir, 'deno.json') ? 'deno.json' : 'deno.jsonc';
        const manifest = context_joinRel(dir, file);
        const config = await ctx.json(manifest, DenoJsonSchema, true);
        if (!config)
            return undefined;
        const version = await nearestVersion(ctx, dir, [plainFile('.dvmrc'), toolVersions('deno'), miseTools('deno')]);
        const task = (name) => (config.tasks?.[name] !== undefined ? `deno task ${name}` : null);
        return {
            name: config.name || folderName(dir, ctx.rootName),
            manifest,
            runtime: { name: 'deno', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: {
                name: 'deno',
                version: null,
                lockfile: ctx.has(dir, 'deno.lock') ? context_joinRel(dir, 'deno.lock') : null,
                source: manifest,
            },
            frameworks: [],
            commands: {
                install: ctx.has(dir, 'deno.lock') ? 'deno install --frozen' : 'deno install',
                build: task('build'),
                test: task('test') ?? 'deno test',
                start: task('start'),
            },
            warnings: [],
        };
    },
};

;// CONCATENATED MODULE: ./packages/stack/src/detectors/shared.ts


/** Joins a path prefix (relative to a project) and a command, as `./mvnw` or `../../gradlew`. */
function relativeTo(fromDir, toDir) {
    if (fromDir === toDir)
        return '.';
    const from = fromDir === '.' ? [] : fromDir.split('/');
    const to = toDir === '.' ? [] : toDir.split('/');
    let common = 0;
    while (common < from.length && common < to.length && from[common] === to[common])
        common++;
    const up = from.slice(common).map(() => '..');
    const down = to.slice(common);
    return [...up, ...down].join('/') || '.';
}
/** The wrapper script nearest above a folder (`./gradlew`, `../mvnw`), or the plain tool. */
function wrapperOr(ctx, dir, wrapper, plain) {
    const at = ctx.findUp(dir, wrapper);
    if (at === undefined)
        return plain;
    const rel = relativeTo(dir, at);
    // Only `..` steps today (the wrapper is at or above the folder), quoted all the same: it is a
    // path in a command.
    return (0,lite/* shellQuote */.ZL)(`${rel === '.' ? '.' : rel}/${wrapper}`);
}
/** The first regex capture in a text, or undefined. */
function capture(text, re) {
    if (!text)
        return undefined;
    return re.exec(text)?.[1]?.trim();
}
/** A version found by a regex in a file, with that file as its source. */
async function versionIn(ctx, path, re) {
    const value = capture(await ctx.text(path), re);
    return value ? { value, source: path } : undefined;
}
/** The path of a file in a folder. */
const at = (/* unused pure expression or super */ null && (joinRel));
/**
 * Removes every `open … close` block (an unclosed one runs to the end), replacing each with
 * `replacement`. A lazy regex such as /<!--[\s\S]*?-->/g rescans to the end from every unclosed
 * opener, which is quadratic on a hostile file; this is one pass.
 */
function stripBlocks(text, open, close, replacement = '') {
    let out = '';
    let from = 0;
    for (;;) {
        const start = text.indexOf(open, from);
        if (start < 0)
            return out + text.slice(from);
        out += text.slice(from, start) + replacement;
        const end = text.indexOf(close, start + open.length);
        if (end < 0)
            return out;
        from = end + close.length;
    }
}
/** The text between the first `open` and the `close` after it, or undefined when either is missing. */
function between(text, open, close) {
    const start = text.indexOf(open);
    if (start < 0)
        return undefined;
    const end = text.indexOf(close, start + open.length);
    return end < 0 ? undefined : text.slice(start + open.length, end);
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/dotnet.ts





const PROJECT_FILE = /\.(csproj|fsproj|vbproj)$/;
/** .NET solutions and projects; global.json pins the SDK. A project under a solution is built by it. */
const dotnetDetector = {
    name: 'dotnet',
    priority: 50,
    applies: (ctx, dir) => {
        if (ctx.names(dir).some((n) => n.endsWith('.sln')))
            return true;
        if (!ctx.names(dir).some((n) => PROJECT_FILE.test(n)))
            return false;
        for (let d = parentOf(dir); d !== undefined; d = parentOf(d))
            if (ctx.names(d).some((n) => n.endsWith('.sln')))
                return false;
        return true;
    },
    async project(ctx, { dir }) {
        const sln = ctx
            .names(dir)
            .filter((n) => n.endsWith('.sln'))
            .sort()[0];
        const proj = ctx
            .names(dir)
            .filter((n) => PROJECT_FILE.test(n))
            .sort()[0];
        const target = sln ?? proj;
        if (!target)
            return undefined;
        const manifest = context_joinRel(dir, target);
        const projText = proj ? await ctx.text(context_joinRel(dir, proj)) : undefined;
        const globalDir = ctx.findUp(dir, 'global.json');
        const globalPath = globalDir !== undefined ? context_joinRel(globalDir, 'global.json') : undefined;
        const sdk = globalPath ? (await ctx.json(globalPath, GlobalJsonSchema, true))?.sdk?.version : undefined;
        const tfm = capture(projText, /<TargetFrameworks?>\s*net(\d+\.\d+)/);
        const version = sdk
            ? { value: sdk, source: `${globalPath}#sdk.version` }
            : tfm && proj
                ? { value: tfm, source: `${context_joinRel(dir, proj)}#TargetFramework` }
                : undefined;
        // A file name is a word of the command: `My App.csproj` must stay one argument.
        const quoted = (0,lite/* shellQuote */.ZL)(target);
        const web = /Sdk="Microsoft\.NET\.Sdk\.Web"/.test(projText ?? '');
        const frameworks = web
            ? [{ name: 'aspnetcore', version: tfm ?? null, source: context_joinRel(dir, proj) }]
            : [];
        return {
            name: target.replace(/\.(sln|csproj|fsproj|vbproj)$/, ''),
            manifest,
            runtime: { name: 'dotnet', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: {
                name: 'dotnet',
                version: null,
                lockfile: ctx.has(dir, 'packages.lock.json') ? context_joinRel(dir, 'packages.lock.json') : null,
                source: manifest,
            },
            frameworks,
            commands: {
                install: `dotnet restore ${quoted}`,
                build: `dotnet build ${quoted} --no-restore -c Release`,
                test: `dotnet test ${quoted}`,
                start: web && !sln ? `dotnet run --project ${quoted} -c Release` : null,
            },
            warnings: [],
        };
    },
};

;// CONCATENATED MODULE: ./packages/stack/src/detectors/elixir.ts




/** Elixir projects with mix; Phoenix with its locked version. */
const elixirDetector = {
    name: 'elixir',
    priority: 35,
    applies: (ctx, dir) => ctx.has(dir, 'mix.exs'),
    async project(ctx, { dir }) {
        const manifest = context_joinRel(dir, 'mix.exs');
        const mix = (await ctx.text(manifest)) ?? '';
        const lockPath = ctx.has(dir, 'mix.lock') ? context_joinRel(dir, 'mix.lock') : null;
        const lock = lockPath ? ((await ctx.text(lockPath)) ?? '') : '';
        const pinned = await nearestVersion(ctx, dir, [toolVersions('elixir'), miseTools('elixir')]);
        const declared = capture(mix, /elixir:\s*"([^"\n]+)"/);
        const version = pinned ?? (declared ? { value: declared, source: manifest } : undefined);
        const frameworks = [];
        const phoenixLocked = capture(lock, /"phoenix":\s*\{:hex,\s*:phoenix,\s*"([^"\n]+)"/);
        const phoenixDeclared = capture(mix, /\{:phoenix,\s*"([^"\n]+)"/);
        if (phoenixLocked || phoenixDeclared)
            frameworks.push({
                name: 'phoenix',
                version: phoenixLocked ?? phoenixDeclared ?? null,
                source: phoenixLocked ? lockPath : manifest,
            });
        return {
            name: capture(mix, /app:\s*:(\w+)/) ?? folderName(dir, ctx.rootName),
            manifest,
            runtime: { name: 'elixir', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: { name: 'mix', version: null, lockfile: lockPath, source: manifest },
            frameworks,
            commands: {
                install: 'mix deps.get',
                build: 'mix compile',
                test: 'mix test',
                start: frameworks.length > 0 ? 'mix phx.server' : null,
            },
            warnings: [],
        };
    },
};

;// CONCATENATED MODULE: ./packages/stack/src/detectors/go.ts




const FRAMEWORKS = [
    ['github.com/gin-gonic/gin', 'gin'],
    ['github.com/labstack/echo/v4', 'echo'],
    ['github.com/gofiber/fiber/v2', 'fiber'],
    ['github.com/go-chi/chi/v5', 'chi'],
];
/**
 * Go modules and go.work workspaces; `toolchain` wins over `go`, as setup-go reads it. A module
 * that a go.work above it uses is built in workspace mode, where go.work's lines choose the
 * toolchain and the module's own are ignored: those come first.
 */
const goDetector = {
    name: 'go',
    priority: 40,
    applies: (ctx, dir) => ctx.has(dir, 'go.mod'),
    async workspace(ctx, dir) {
        if (!ctx.has(dir, 'go.work'))
            return undefined;
        const text = (await ctx.text(context_joinRel(dir, 'go.work'))) ?? '';
        const members = goWorkUses(text);
        return { tool: 'go-work', members, rootIsProject: members.includes('.') };
    },
    async project(ctx, { dir }) {
        const manifest = context_joinRel(dir, 'go.mod');
        const text = await ctx.text(manifest);
        if (text === undefined)
            return undefined;
        const goVersion = (await workspaceGo(ctx, dir)) ?? goLines(text, manifest);
        const module = capture(text, /^module\s+(\S+)/m);
        const frameworks = [];
        for (const [path, name] of FRAMEWORKS) {
            const version = capture(text, new RegExp(`^[ \\t]*(?:require[ \\t]+)?${path.replace(/[./]/g, '\\$&')}\\s+(v\\S+)`, 'm'));
            if (version)
                frameworks.push({ name, version, source: manifest });
        }
        return {
            name: module ? module.slice(module.lastIndexOf('/') + 1) : folderName(dir, ctx.rootName),
            manifest,
            runtime: { name: 'go', version: goVersion?.value ?? null, source: goVersion?.source ?? null },
            packageManager: {
                name: 'go',
                version: null,
                lockfile: ctx.has(dir, 'go.sum') ? context_joinRel(dir, 'go.sum') : null,
                source: manifest,
            },
            frameworks,
            commands: {
                install: 'go mod download',
                build: 'go build ./...',
                test: 'go test ./...',
                start: ctx.has(dir, 'main.go') ? 'go run .' : null,
            },
            warnings: [],
        };
    },
};
/** The `toolchain` line of a go.mod or go.work (`toolchain default` names none), else its `go` line. */
function goLines(text, path) {
    const toolchain = capture(text, /^toolchain[ \t]+go(\d\S*)/m);
    if (toolchain)
        return { value: toolchain, source: `${path}#toolchain` };
    const go = capture(text, /^go[ \t]+(\d\S*)/m);
    return go ? { value: go, source: `${path}#go` } : undefined;
}
/**
 * The version go.work declares for a module it uses: the nearest go.work at or above the module
 * (the one the go command finds), when its `use` lines name the module's folder.
 */
async function workspaceGo(ctx, dir) {
    for (let d = dir; d !== undefined; d = parentOf(d)) {
        if (!ctx.has(d, 'go.work'))
            continue;
        const path = context_joinRel(d, 'go.work');
        const text = await ctx.text(path);
        if (text === undefined)
            return undefined;
        const workDir = d;
        const used = goWorkUses(text).some((m) => external_node_path_.posix.normalize(context_joinRel(workDir, m)).replace(/\/+$/, '') === dir);
        return used ? goLines(text, path) : undefined;
    }
    return undefined;
}
/**
 * The folders of go.work `use` directives, single (`use ./a`) and blocks (`use (` … `)`), read
 * line by line: a regex over the whole file rescans to the end from every unclosed `use (`.
 */
function goWorkUses(text) {
    const members = new Set();
    const add = (raw) => {
        // `./a`, `a/`, `"./a b"` and `.` name folders relative to go.work; `../x` stays as it is.
        const item = raw.replace(/^(["`])(.*)\1$/, '$2');
        if (item)
            members.add(item.replace(/^(\.\/+)+/, '').replace(/\/+$/, '') || '.');
    };
    let inBlock = false;
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.replace(/\/\/.*$/, '').trim();
        if (inBlock) {
            const close = line.indexOf(')');
            add((close < 0 ? line : line.slice(0, close)).trim());
            if (close >= 0)
                inBlock = false;
            continue;
        }
        const m = /^use(\s*\(|\s+)(.*)$/.exec(line);
        if (!m)
            continue;
        if (m[1].endsWith('(')) {
            const rest = m[2];
            const close = rest.indexOf(')');
            add((close < 0 ? rest : rest.slice(0, close)).trim());
            inBlock = close < 0;
        }
        else {
            add(m[2].split(/\s+/)[0] ?? '');
        }
    }
    return [...members];
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/gradle-build.ts



/** Build scripts, Kotlin DSL first. */
const BUILD_FILES = ['build.gradle.kts', 'build.gradle'];
/** Settings scripts: the folder holding one is the root of a Gradle build. */
const SETTINGS_FILES = ['settings.gradle.kts', 'settings.gradle'];
/** The first of the named scripts a folder has, comments removed. */
async function gradleScript(ctx, dir, names) {
    for (const name of names) {
        if (!ctx.has(dir, name))
            continue;
        const path = context_joinRel(dir, name);
        const text = await ctx.text(path);
        if (text !== undefined)
            return { path, text: stripComments(text) };
    }
    return undefined;
}
/** Removes block comments and line comments (a `//` inside a URL such as `https://` is kept). */
function stripComments(text) {
    return stripBlocks(text, '/*', '*/').replace(/(^|[^:])\/\/.*$/gm, '$1');
}
/** The root of the Gradle build a folder belongs to: the nearest folder at or above it with a settings script. */
function gradleRoot(ctx, dir) {
    for (let d = dir; d !== undefined; d = parentOf(d))
        if (SETTINGS_FILES.some((n) => ctx.has(d, n)))
            return d;
    return dir;
}
/**
 * True for a build's own build logic rather than a project: its `buildSrc`, or a build that a
 * settings script above includes in `pluginManagement { includeBuild(…) }` (convention plugins).
 */
async function isBuildLogic(ctx, dir) {
    const parent = parentOf(dir);
    if (parent === undefined)
        return false;
    if (dir.slice(dir.lastIndexOf('/') + 1) === 'buildSrc' &&
        [...BUILD_FILES, ...SETTINGS_FILES].some((n) => ctx.has(parent, n)))
        return true;
    for (let d = parent; d !== undefined; d = parentOf(d)) {
        const settings = await gradleScript(ctx, d, SETTINGS_FILES);
        if (!settings)
            continue;
        const block = braceBlock(settings.text, /\bpluginManagement\s*\{/);
        for (const m of block?.matchAll(/\bincludeBuild\s*\(?\s*["']([^"'\n]+)["']/g) ?? [])
            if (external_node_path_.posix.normalize(context_joinRel(d, m[1])).replace(/\/+$/, '') === dir)
                return true;
    }
    return false;
}
/** The text inside the braces that follow the first match of `opener` (which ends at its `{`). */
function braceBlock(text, opener) {
    const m = opener.exec(text);
    if (!m)
        return undefined;
    const start = m.index + m[0].length;
    let depth = 1;
    for (let i = start; i < text.length; i++) {
        if (text[i] === '{')
            depth++;
        else if (text[i] === '}' && --depth === 0)
            return text.slice(start, i);
    }
    return text.slice(start);
}
/**
 * The project folders a settings script includes, relative to its folder: `include("a", ":b:c")`
 * (across lines too) and Groovy `include 'a', 'b'`, with `project(":a").projectDir = file("x")`
 * moving a project. `includeBuild` names a separate build, not a project of this one.
 */
function settingsProjects(settings) {
    const moved = new Map();
    for (const m of settings.matchAll(/project\(\s*["']:?([^"'\n]+)["']\s*\)\.projectDir\s*=\s*(?:file\(\s*|(?:new\s+)?File\(\s*(?:settingsDir|rootDir)\s*,\s*)["']([^"'\n]+)["']/g))
        moved.set(m[1].replace(/:/g, '/'), m[2].replace(/^\.\//, '').replace(/\/+$/, ''));
    const members = [];
    const include = /\binclude(?![\w$])[ \t]*(\()?/g;
    for (let m = include.exec(settings); m; m = include.exec(settings)) {
        const start = m.index + m[0].length;
        // A call runs to its closing parenthesis; Groovy's bare form to the end of the line, or on
        // after a trailing comma. The next include is looked for after it: one pass over the file.
        const close = m[1] ? settings.indexOf(')', start) : groovyArgsEnd(settings, start);
        const end = close < 0 ? settings.length : close;
        for (const q of settings.slice(start, end).matchAll(/["']:?([^"'\n]+)["']/g)) {
            const name = q[1].replace(/:/g, '/');
            members.push(moved.get(name) ?? name);
        }
        include.lastIndex = end;
    }
    return members;
}
function groovyArgsEnd(text, from) {
    let at = from;
    for (;;) {
        const nl = text.indexOf('\n', at);
        if (nl < 0)
            return text.length;
        if (!/,\s*$/.test(text.slice(at, nl)))
            return nl;
        at = nl + 1;
    }
}
/** `rootProject.name` from a settings script. */
function rootProjectName(settings) {
    return capture(settings, /rootProject\.name\s*=\s*['"]([^'"\n]+)['"]/);
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/gradle-toolchain.ts


/**
 * Where a build script says which Java it compiles for, strongest first: the toolchain
 * (`languageVersion.set(JavaLanguageVersion.of(17))`, `languageVersion = …`, Kotlin's
 * `jvmToolchain(17)`), the compiler's `options.release`, then `sourceCompatibility` and
 * `targetCompatibility` (`JavaVersion.VERSION_17`, `'11'`, `1.8`).
 */
const DECLARATIONS = [
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
async function declaredJava(ctx, script, dirs) {
    for (const re of DECLARATIONS) {
        let tries = 0;
        for (const m of script.text.matchAll(re)) {
            // Each try may scan the script for a variable: a hostile one must not make that quadratic.
            if (++tries > MAX_TRIES)
                break;
            const start = (m.index ?? 0) + m[0].length;
            const arg = m[0].endsWith('(') ? callArgument(script.text, start) : lineRest(script.text, start);
            const found = await resolve(ctx, script, dirs, arg, 0);
            if (found)
                return found;
        }
    }
    return undefined;
}
/** The text up to the parenthesis that closes the one just opened, or undefined when unbalanced. */
function callArgument(text, from) {
    let depth = 1;
    for (let i = from; i < text.length && i < from + 300; i++) {
        const ch = text[i];
        if (ch === '(')
            depth++;
        else if (ch === ')' && --depth === 0)
            return text.slice(from, i);
    }
    return undefined;
}
function lineRest(text, from) {
    const nl = text.indexOf('\n', from);
    return text.slice(from, nl < 0 ? text.length : nl).replace(/[;}]\s*$/, '');
}
async function resolve(ctx, script, dirs, raw, depth) {
    if (raw === undefined || depth > MAX_DEPTH)
        return undefined;
    const expr = raw
        .trim()
        .replace(/(?:\.(?:get|toInt|toInteger|toString|asInt)\(\)|\s+as\s+(?:String|Integer|Int))+$/, '')
        .trim();
    const literal = javaLiteral(expr);
    if (literal)
        return { value: literal, source: script.path };
    const wrapped = /^(?:JavaLanguageVersion\.of|JavaVersion\.toVersion|Integer\.(?:parseInt|valueOf)|String\.valueOf)\(([\s\S]*)\)$/.exec(expr);
    if (wrapped)
        return resolve(ctx, script, dirs, wrapped[1], depth + 1);
    const catalog = /^libs\.versions\.([\w.]+)$/.exec(expr);
    if (catalog)
        return catalogVersion(ctx, dirs, catalog[1]);
    const property = /^(?:(?:project|rootProject)\.)?(?:property|findProperty|providers\.gradleProperty)\(\s*["']([\w.-]+)["']\s*\)$/.exec(expr)?.[1] ??
        /^(?:(?:project|rootProject)\.)?(?:properties|extra|ext)\[\s*["']([\w.-]+)["']\s*\]$/.exec(expr)?.[1] ??
        /^"\$\{?([\w.]+)\}?"$/.exec(expr)?.[1] ??
        /^(?:(?:project|rootProject)\.(?:ext\.)?)?([A-Za-z_]\w*)$/.exec(expr)?.[1];
    if (property === undefined)
        return undefined;
    // A value set in the script itself (`val javaVersion = 21`, `def jdk = '17'`, `ext.jdk = 17`) …
    const local = new RegExp(`(?:\\b(?:val|var|def)\\s+|\\bext\\.|\\bextra\\[\\s*["'])${gradle_toolchain_escape(property)}(?:["']\\s*\\])?(?:\\s*:\\s*\\w+)?\\s*=\\s*([^\\n;]+)`).exec(script.text)?.[1];
    const inScript = local === undefined ? undefined : await resolve(ctx, script, dirs, local, depth + 1);
    if (inScript)
        return inScript;
    // … else gradle.properties, the project's then the root build's.
    return gradleProperty(ctx, dirs, property);
}
/** A Java version written out: `17`, `"21"`, `'1.8'`, `JavaVersion.VERSION_1_8`, `JavaVersion.VERSION_17`. */
function javaLiteral(expr) {
    const enumMatch = /^JavaVersion\.VERSION_(\d+(?:_\d+)?)$/.exec(expr)?.[1];
    const plain = enumMatch?.replace(/_/g, '.') ?? /^(["']?)(\d+(?:\.\d+)*)\1$/.exec(expr)?.[2];
    // 1.8 is Java 8: the numbering before Java 9.
    return plain?.replace(/^1\.(?=\d+$)/, '');
}
async function catalogVersion(ctx, dirs, accessor) {
    // Gradle turns `-`, `_` and `.` in an alias into the same accessor segments.
    const wanted = accessor.toLowerCase();
    for (const dir of new Set(dirs)) {
        const file = await treeFile(ctx, context_joinRel(dir, 'gradle/libs.versions.toml'));
        if (!('text' in file))
            continue;
        let inVersions = false;
        for (const line of file.text.split(/\r?\n/)) {
            const table = /^\s*\[\s*([\w.-]+)\s*\]/.exec(line);
            if (table) {
                inVersions = table[1] === 'versions';
                continue;
            }
            if (!inVersions)
                continue;
            const m = /^\s*["']?([\w.-]+)["']?\s*=\s*(?:["']([^"']*)["']|\{[^}]*?\b(?:strictly|require|prefer)\s*=\s*["']([^"']*)["'])/.exec(line);
            if (!m || m[1].toLowerCase().replace(/[-_]/g, '.') !== wanted)
                continue;
            const value = javaLiteral(m[2] ?? m[3] ?? '');
            return value ? { value, source: `${file.path}#versions.${m[1]}` } : undefined;
        }
    }
    return undefined;
}
async function gradleProperty(ctx, dirs, name) {
    for (const dir of new Set(dirs)) {
        const file = await treeFile(ctx, context_joinRel(dir, 'gradle.properties'));
        if (!('text' in file))
            continue;
        const raw = new RegExp(`^[ \\t]*${gradle_toolchain_escape(name)}[ \\t]*[=:][ \\t]*(.*?)[ \\t]*$`, 'm').exec(file.text)?.[1];
        const value = raw === undefined ? undefined : javaLiteral(raw);
        if (value)
            return { value, source: `${file.path}#${name}` };
    }
    return undefined;
}
function gradle_toolchain_escape(name) {
    return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/java-version.ts


/** Keeps the numeric part of a Java version (`21.0.2-tem` → `21.0.2`, `temurin-17` → `17`). */
function javaNumber(v) {
    return /(\d+(?:\.\d+)*)/.exec(v)?.[1] ?? v;
}
const sdkmanrc = async (ctx, dir) => {
    if (!ctx.has(dir, '.sdkmanrc'))
        return undefined;
    const path = dir === '.' ? '.sdkmanrc' : `${dir}/.sdkmanrc`;
    const value = /^[ \t]*java[ \t]*=[ \t]*(\S+)/m.exec((await ctx.text(path)) ?? '')?.[1];
    return value ? { value: javaNumber(value), source: path } : undefined;
};
/** Version files setup-java reads: .java-version, .tool-versions, .sdkmanrc (plus mise). */
const JAVA_SOURCES = [
    plainFile('.java-version', javaNumber),
    async (ctx, dir) => {
        const found = await toolVersions('java')(ctx, dir);
        return found && { ...found, value: javaNumber(found.value) };
    },
    sdkmanrc,
    miseTools('java'),
];
/** Gradle's wrapper: `…/distributions/gradle-8.7-bin.zip`. */
const GRADLE_WRAPPER = {
    properties: 'gradle/wrapper/gradle-wrapper.properties',
    version: /\/gradle-(\d[\w.+-]*?)-(?:bin|all)\.zip$/,
};
/** Maven's wrapper: `…/apache-maven/3.9.6/apache-maven-3.9.6-bin.zip`. */
const MAVEN_WRAPPER = {
    properties: '.mvn/wrapper/maven-wrapper.properties',
    version: /\/apache-maven-(\d[\w.+-]*?)-bin\.(?:zip|tar\.gz)$/,
};
/**
 * The build tool version a wrapper downloads, from the first of the folders that has the wrapper's
 * properties file (its distributionUrl, in Java properties syntax where `\:` is a colon).
 */
async function wrapperVersion(ctx, dirs, kind) {
    for (const dir of new Set(dirs)) {
        const file = await treeFile(ctx, context_joinRel(dir, kind.properties));
        if (!('text' in file))
            continue;
        const url = /^[ \t]*distributionUrl[ \t]*[=:][ \t]*(.*?)[ \t]*$/m.exec(file.text)?.[1]?.replace(/\\(.)/g, '$1');
        const version = url ? kind.version.exec(url)?.[1] : undefined;
        return version ? { value: version, source: `${file.path}#distributionUrl` } : undefined;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/gradle.ts







/**
 * Gradle builds, Groovy and Kotlin DSL. The folder with the settings script is the build's root
 * and a project itself (`./gradlew build` there builds them all); its subprojects inherit the
 * Java toolchain its build script declares, and every project reports the Gradle version the
 * root's wrapper downloads.
 */
const gradleDetector = {
    name: 'gradle',
    priority: 50,
    applies: (ctx, dir) => [...BUILD_FILES, ...SETTINGS_FILES].some((n) => ctx.has(dir, n)),
    async workspace(ctx, dir) {
        const settings = await gradleScript(ctx, dir, SETTINGS_FILES);
        if (!settings)
            return undefined;
        const members = settingsProjects(settings.text);
        if (members.length === 0)
            return undefined;
        return { tool: 'gradle', members, rootIsProject: true };
    },
    async project(ctx, { dir }) {
        if (await isBuildLogic(ctx, dir))
            return undefined;
        const build = await gradleScript(ctx, dir, BUILD_FILES);
        const settings = await gradleScript(ctx, dir, SETTINGS_FILES);
        const manifest = build ?? settings;
        if (!manifest)
            return undefined;
        const root = gradleRoot(ctx, dir);
        const rootBuild = root === dir ? undefined : await gradleScript(ctx, root, BUILD_FILES);
        const lookIn = [dir, root];
        const version = (await nearestVersion(ctx, dir, JAVA_SOURCES)) ??
            (build && (await declaredJava(ctx, build, lookIn))) ??
            (rootBuild && (await declaredJava(ctx, rootBuild, lookIn)));
        const frameworks = [];
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
                lockfile: ctx.has(dir, 'gradle.lockfile') ? context_joinRel(dir, 'gradle.lockfile') : null,
                source: tool?.source ?? manifest.path,
            },
            frameworks,
            commands: {
                install: `${gradle} dependencies`,
                build: `${gradle} build -x test`,
                test: `${gradle} test`,
                start: frameworks.length > 0
                    ? 'java -jar build/libs/*.jar'
                    : /\bapplication\b/.test(buildText)
                        ? `${gradle} run`
                        : null,
            },
            warnings: [],
        };
    },
};

;// CONCATENATED MODULE: ./packages/stack/src/detectors/maven-pom.ts




/** Blocks removed to leave a pom's own top-level elements, outermost first. */
const NESTED = [
    'profiles',
    'build',
    'reporting',
    'dependencyManagement',
    'dependencies',
    'properties',
    'modules',
    'repositories',
    'pluginRepositories',
    'distributionManagement',
    'developers',
    'contributors',
    'licenses',
    'scm',
    'organization',
    'issueManagement',
    'ciManagement',
    'mailingLists',
];
/** A parent chain longer than this is not followed; real ones have two or three poms. */
const MAX_LINEAGE = 20;
/** Reads and splits a pom; undefined when it cannot be read (the reader has warned, when it should). */
async function readPom(ctx, path) {
    const file = await treeFile(ctx, path);
    if (!('text' in file))
        return undefined;
    const clean = stripBlocks(file.text, '<!--', '-->');
    const parent = between(clean, '<parent>', '</parent>') ?? '';
    const body = parent === '' ? clean : clean.replace(`<parent>${parent}</parent>`, '');
    let head = body;
    for (const tag of NESTED)
        head = stripBlocks(head, `<${tag}>`, `</${tag}>`);
    const outside = ['profiles', 'build', 'reporting'].reduce((t, tag) => stripBlocks(t, `<${tag}>`, `</${tag}>`), body);
    const properties = new Map();
    for (const m of (between(outside, '<properties>', '</properties>') ?? '').matchAll(/<([\w.-]+)>\s*([^<]*?)\s*<\/\1>/g))
        if (!properties.has(m[1]))
            properties.set(m[1], m[2]);
    const compiler = new Map();
    const build = between(stripBlocks(body, '<profiles>', '</profiles>'), '<build>', '</build>') ?? '';
    for (const plugin of blocks(build, '<plugin>', '</plugin>')) {
        if (!/<artifactId>\s*maven-compiler-plugin\s*<\/artifactId>/.test(plugin))
            continue;
        const configuration = between(plugin, '<configuration>', '</configuration>') ?? '';
        for (const key of ['release', 'source']) {
            const value = capture(configuration, new RegExp(`<${key}>\\s*([^<]+?)\\s*</${key}>`));
            if (value !== undefined && !compiler.has(key))
                compiler.set(key, value);
        }
    }
    const slash = path.lastIndexOf('/');
    return { path, dir: slash < 0 ? '.' : path.slice(0, slash), body, parent, head, properties, compiler };
}
/** The text of each `open … close` block in turn, in one pass (an unclosed one ends the list). */
function blocks(text, open, close) {
    const found = [];
    for (let from = text.indexOf(open); from >= 0; from = text.indexOf(open, from)) {
        const end = text.indexOf(close, from + open.length);
        if (end < 0)
            break;
        found.push(text.slice(from + open.length, end));
        from = end + close.length;
    }
    return found;
}
/**
 * The pom and its parents found in the tree, nearest first: each <parent>'s relativePath
 * (`../pom.xml` unless given; empty means the repository only), taken when the pom there is the
 * artifact the block names. A parent only in a repository ends the chain.
 */
async function pomLineage(ctx, dir) {
    const first = await readPom(ctx, context_joinRel(dir, 'pom.xml'));
    if (!first)
        return [];
    const lineage = [first];
    const seen = new Set([first.path]);
    for (let pom = first; lineage.length < MAX_LINEAGE;) {
        const artifact = capture(pom.parent, /<artifactId>\s*([^<]+?)\s*<\/artifactId>/);
        if (!artifact)
            break;
        const relative = /<relativePath\s*\/>/.test(pom.parent)
            ? ''
            : (capture(pom.parent, /<relativePath>\s*([^<]*?)\s*<\/relativePath>/) ?? '../pom.xml');
        if (relative === '')
            break;
        const target = external_node_path_.posix.normalize(context_joinRel(pom.dir, relative));
        const path = /\.xml$/i.test(target) ? target : context_joinRel(target.replace(/\/+$/, ''), 'pom.xml');
        if (seen.has(path))
            break;
        seen.add(path);
        const next = await readPom(ctx, path);
        if (!next || capture(next.head, /<artifactId>\s*([^<]+?)\s*<\/artifactId>/) !== artifact)
            break;
        lineage.push(next);
        pom = next;
    }
    return lineage;
}
/** The properties a pom sees, its own over its parents', each with the pom that sets it. */
function effectiveProperties(lineage) {
    const props = new Map();
    for (const pom of lineage)
        for (const [k, value] of pom.properties)
            if (!props.has(k))
                props.set(k, { value, pom });
    return props;
}
/** Property references are followed at most this deep: `${a}` → `${b}` → … */
const MAX_INTERPOLATION = 10;
/**
 * The Java version Maven compiles for: the compiler plugin's `release`, `maven.compiler.release`,
 * the plugin's `source`, `maven.compiler.source`, then Spring Boot's `java.version`, each with
 * `${…}` references resolved across the parent chain. The source names the pom and property
 * where the number is written.
 */
function mavenJava(lineage) {
    const props = effectiveProperties(lineage);
    const resolve = (value, origin, depth = 0) => {
        const ref = /^\$\{([\w.-]+)\}$/.exec(value.trim())?.[1];
        if (ref !== undefined) {
            const next = props.get(ref);
            return next && depth < MAX_INTERPOLATION ? resolve(next.value, `${next.pom.path}#${ref}`, depth + 1) : undefined;
        }
        const number = /^\d+(?:\.\d+)*$/.test(value.trim()) ? value.trim().replace(/^1\.(?=\d+$)/, '') : undefined;
        return number ? { value: number, source: origin } : undefined;
    };
    const plugin = (key) => {
        const pom = lineage.find((p) => p.compiler.has(key));
        return pom && resolve(pom.compiler.get(key), `${pom.path}#maven-compiler-plugin.${key}`);
    };
    const property = (name) => {
        const found = props.get(name);
        return found && resolve(found.value, `${found.pom.path}#${name}`);
    };
    return (plugin('release') ??
        property('maven.compiler.release') ??
        plugin('source') ??
        property('maven.compiler.source') ??
        property('java.version'));
}
/**
 * Spring Boot when the chain's parent is spring-boot-starter-parent or the pom uses Boot
 * artifacts; its version from that parent or from an imported spring-boot-dependencies.
 */
function springBoot(lineage) {
    const props = effectiveProperties(lineage);
    const interpolate = (v) => {
        const ref = v && /^\$\{([\w.-]+)\}$/.exec(v)?.[1];
        return ref ? props.get(ref)?.value : v;
    };
    const starter = lineage.map((p) => p.parent).find((p) => /spring-boot-starter-parent/.test(p));
    const bom = lineage
        .map((p) => /<artifactId>\s*spring-boot-dependencies\s*<\/artifactId>\s*<version>\s*([^<]+?)\s*<\/version>/.exec(p.body))
        .find((m) => m)?.[1];
    const uses = lineage[0] !== undefined && /<groupId>\s*org\.springframework\.boot\s*<\/groupId>/.test(lineage[0].body);
    if (!starter && !uses)
        return undefined;
    const version = interpolate(capture(starter, /<version>\s*([^<]+?)\s*<\/version>/)) ?? interpolate(bom);
    return { version: version ?? null };
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/maven.ts







/**
 * Maven projects and multi-module builds, with the wrapper when there is one. Properties and the
 * compiler plugin are read through the chain of parent poms in the tree, as Maven inherits them.
 */
const mavenDetector = {
    name: 'maven',
    priority: 50,
    applies: (ctx, dir) => ctx.has(dir, 'pom.xml'),
    async workspace(ctx, dir) {
        if (!ctx.has(dir, 'pom.xml'))
            return undefined;
        const pom = await readPom(ctx, context_joinRel(dir, 'pom.xml'));
        const modules = [...(pom?.body.matchAll(/<module>\s*([^<]+?)\s*<\/module>/g) ?? [])].map((m) => m[1].replace(/\/pom\.xml$/, ''));
        if (modules.length === 0)
            return undefined;
        return {
            tool: 'maven',
            members: modules,
            rootIsProject: capture(pom?.head, /<packaging>\s*(\w+)\s*<\/packaging>/) !== 'pom',
        };
    },
    async project(ctx, { dir, workspaceRoot }) {
        const manifest = context_joinRel(dir, 'pom.xml');
        const lineage = await pomLineage(ctx, dir);
        const pom = lineage[0];
        if (!pom)
            return undefined;
        if (capture(pom.head, /<packaging>\s*(\w+)\s*<\/packaging>/) === 'pom' && /<module>/.test(pom.body))
            return undefined;
        const version = (await nearestVersion(ctx, dir, JAVA_SOURCES)) ?? mavenJava(lineage);
        const frameworks = [];
        const boot = springBoot(lineage);
        if (boot)
            frameworks.push({ name: 'spring-boot', version: boot.version, source: manifest });
        const tool = await wrapperVersion(ctx, mavenRoots(ctx, dir), MAVEN_WRAPPER);
        const mvn = wrapperOr(ctx, dir, 'mvnw', 'mvn');
        const member = workspaceRoot && workspaceRoot !== dir
            ? ` -f ${(0,lite/* shellQuote */.ZL)(`${relativeTo(dir, workspaceRoot)}/pom.xml`)} -pl ${(0,lite/* shellQuote */.ZL)(relativeTo(workspaceRoot, dir))} -am`
            : '';
        return {
            name: capture(pom.head, /<artifactId>\s*([^<]+?)\s*<\/artifactId>/) ?? folderName(dir, ctx.rootName),
            manifest,
            runtime: { name: 'java', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: { name: 'maven', version: tool?.value ?? null, lockfile: null, source: tool?.source ?? manifest },
            frameworks,
            commands: {
                install: `${mvn} -B${member} dependency:go-offline`,
                build: `${mvn} -B${member} package -DskipTests`,
                test: `${mvn} -B${member} test`,
                start: frameworks.length > 0 ? 'java -jar target/*.jar' : null,
            },
            warnings: [],
        };
    },
};
/** Folders at or above a project that may hold its build's .mvn (Maven looks upward for it), nearest first. */
function mavenRoots(ctx, dir) {
    const dirs = [];
    for (let d = dir; d !== undefined; d = parentOf(d))
        if (ctx.has(d, 'pom.xml') || ctx.has(d, 'mvnw'))
            dirs.push(d);
    return dirs;
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/frameworks.ts
// The frameworks detect-stack recognises, as data: what marks each one, the command that builds
// it when the project has no build script of its own, and the folder that build writes. The list
// covers what @vercel/frameworks and @netlify/build-info recognise; their facts (dependencies,
// config files, commands, output folders) carry over, corrected where a command would be refused
// by today's tool (`ng build --prod`).
const VITE_CONFIGS = ['vite.config.ts', 'vite.config.js', 'vite.config.mts', 'vite.config.mjs', 'vite.config.cts'];
const REMIX_DEPS = [
    '@remix-run/react',
    '@remix-run/dev',
    '@remix-run/server-runtime',
    'remix',
    '@remix-run/netlify',
    '@remix-run/netlify-edge',
    '@netlify/remix-adapter',
    '@netlify/remix-edge-adapter',
    '@netlify/remix-runtime',
];
const META_ON_VITE = [
    '@remix-run/dev',
    '@react-router/dev',
    '@sveltejs/kit',
    '@analogjs/platform',
    '@builder.io/qwik',
    '@qwik.dev/core',
    '@solidjs/start',
    'solid-start',
    '@tanstack/react-start',
    '@tanstack/solid-start',
    '@tanstack/start',
    '@shopify/hydrogen',
    'vike',
    'vitepress',
    'astro',
    'nuxt',
];
/** A Node framework whose projects serve something: an app, a site, a server. */
function app(name, deps, build, output, more = {}) {
    return { name, ecosystem: 'node', deps, build, output, serves: true, ...more };
}
/** A Node UI library or build tool: part of a project that may be a library. */
function part(name, deps, build, output, more = {}) {
    return { name, ecosystem: 'node', deps, build, output, serves: false, ...more };
}
/** A site generator that runs outside Node, known by its config files. */
function site(name, configs, build, output) {
    return { name, ecosystem: 'site', configs, build, output, serves: true };
}
/** Config files only Hugo uses. */
const HUGO_CONFIGS = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json'];
/** Every framework, most specific first: the first match with a build command builds the project. */
const frameworks_FRAMEWORKS = [
    // Meta-frameworks and full-stack frameworks.
    app('blitz', ['blitz'], 'blitz build', '.next', { start: 'blitz start' }),
    app('redwood', ['@redwoodjs/core'], 'rw build', 'web/dist', { configs: ['redwood.toml'] }),
    app('hydrogen', ['@shopify/hydrogen'], 'shopify hydrogen build', 'dist'),
    app('next', ['next'], 'next build', '.next', {
        configs: ['next.config.js', 'next.config.mjs', 'next.config.ts'],
        start: 'next start',
    }),
    app('nuxt', ['nuxt', 'nuxt3', 'nuxt-edge', 'nuxt-nightly'], 'nuxt build', '.output', {
        configs: ['nuxt.config.ts', 'nuxt.config.js', 'nuxt.config.mjs'],
        start: 'node .output/server/index.mjs',
    }),
    app('remix', ['@remix-run/dev'], 'remix vite:build', 'build/client', {
        unless: ['@shopify/hydrogen'],
        configs: VITE_CONFIGS,
        needsConfig: true,
    }),
    app('remix', REMIX_DEPS, 'remix build', 'public', {
        unless: ['@shopify/hydrogen'],
        configs: ['remix.config.js', 'remix.config.mjs'],
    }),
    app('react-router', ['@react-router/dev'], 'react-router build', 'build/client', {
        unless: ['@shopify/hydrogen'],
        configs: ['react-router.config.ts', 'react-router.config.js'],
    }),
    app('tanstack-start', ['@tanstack/react-start', '@tanstack/solid-start', '@tanstack/start'], 'vite build', 'dist'),
    app('solid-start', ['@solidjs/start'], 'vinxi build', '.output'),
    app('solid-start', ['solid-start'], 'solid-start build', '.output'),
    app('sveltekit', ['@sveltejs/kit'], 'vite build', 'build', { configs: ['svelte.config.js'] }),
    app('sapper', ['sapper'], 'sapper export', '__sapper__/export'),
    app('analog', ['@analogjs/platform'], 'vite build', 'dist/analog/public'),
    app('qwik', ['@builder.io/qwik', '@qwik.dev/core'], 'qwik build', 'dist'),
    app('vike', ['vike'], 'vike build', 'dist/client'),
    app('waku', ['waku'], 'waku build', 'dist/public', { configs: ['waku.config.ts', 'waku.config.js'] }),
    // Static site generators.
    app('astro', ['astro'], 'astro build', 'dist', {
        configs: ['astro.config.mjs', 'astro.config.ts', 'astro.config.js'],
    }),
    app('gatsby', ['gatsby'], 'gatsby build', 'public', { configs: ['gatsby-config.js', 'gatsby-config.ts'] }),
    app('docusaurus', ['@docusaurus/core'], 'docusaurus build', 'build', {
        configs: ['docusaurus.config.js', 'docusaurus.config.ts'],
    }),
    app('docusaurus', ['docusaurus'], 'docusaurus-build', 'build', { configs: ['siteConfig.js'] }),
    app('eleventy', ['@11ty/eleventy'], 'eleventy', '_site', {
        configs: ['.eleventy.js', 'eleventy.config.js', 'eleventy.config.cjs', 'eleventy.config.mjs'],
    }),
    app('hexo', ['hexo'], 'hexo generate', 'public'),
    app('vitepress', ['vitepress'], 'vitepress build docs', 'docs/.vitepress/dist'),
    app('vuepress', ['vuepress', '@vuepress/cli'], 'vuepress build', '.vuepress/dist'),
    app('gridsome', ['gridsome'], 'gridsome build', 'dist', { configs: ['gridsome.config.js'] }),
    app('saber', ['saber'], 'saber build', 'public'),
    app('react-static', ['react-static'], 'react-static build', 'dist', { configs: ['static.config.js'] }),
    app('phenomic', ['@phenomic/core'], 'phenomic build', 'public'),
    app('docpad', ['docpad'], 'docpad generate', 'out'),
    app('harp', ['harp'], 'harp compile', 'www'),
    app('metalsmith', ['metalsmith'], 'metalsmith', 'build'),
    app('wintersmith', ['wintersmith'], 'wintersmith build', 'build'),
    app('roots', ['roots'], 'roots compile', 'public'),
    app('observable', ['@observablehq/framework'], 'observable build', 'dist'),
    // Application frameworks and their CLIs.
    app('quasar', ['@quasar/app-vite', '@quasar/app-webpack', '@quasar/app', 'quasar-cli'], 'quasar build', 'dist/spa'),
    app('expo', ['expo'], 'expo export --platform web', 'dist'),
    app('scully', ['@scullyio/init'], 'ng build && scully', 'dist/static'),
    app('ionic-angular', ['@ionic/angular'], 'ng build', 'www'),
    app('angular', ['@angular/core', '@angular/cli'], 'ng build', 'dist', {
        unless: ['@analogjs/platform'],
        configs: ['angular.json'],
    }),
    app('ember', ['ember-cli'], 'ember build --environment=production', 'dist', { configs: ['ember-cli-build.js'] }),
    app('vue', ['@vue/cli-service'], 'vue-cli-service build', 'dist'),
    app('create-react-app', ['react-scripts'], 'react-scripts build', 'build'),
    // Ionic React builds with whichever of Create React App or Vite the app uses.
    app('ionic-react', ['@ionic/react'], null, null),
    app('preact', ['preact-cli'], 'preact build', 'build'),
    app('dojo', ['@dojo/framework'], 'dojo build', 'output/dist', { configs: ['.dojorc'] }),
    app('polymer', ['polymer-cli'], 'polymer build', 'build'),
    app('umi', ['umi'], 'umi build', 'dist'),
    app('sanity', ['sanity', '@sanity/cli'], 'sanity build', 'dist'),
    app('tanstack-router', ['@tanstack/react-router'], 'vite build', 'dist', {
        unless: ['@tanstack/react-start', '@tanstack/start'],
    }),
    app('svelte', ['svelte'], 'rollup -c', 'public', { with: ['sirv-cli'], unless: ['@sveltejs/kit', 'sapper'] }),
    // Servers.
    app('mastra', ['mastra', '@mastra/deployer-netlify'], 'mastra build', '.mastra/output'),
    app('nestjs', ['@nestjs/core'], 'nest build', 'dist', { configs: ['nest-cli.json'], start: 'node dist/main' }),
    app('nitro', ['nitropack', 'nitro'], 'nitro build', '.output', { unless: ['nuxt', 'nuxt3'] }),
    app('express', ['express'], null, null),
    app('fastify', ['fastify'], null, null),
    app('hono', ['hono'], null, null),
    app('koa', ['koa'], null, null),
    app('elysia', ['elysia'], null, null),
    app('h3', ['h3'], null, null, { unless: ['nuxt', 'nuxt3', 'nitropack', 'nitro'] }),
    // UI libraries and build tools: a project with only these may well be a library.
    part('stencil', ['@stencil/core'], 'stencil build', 'www', { configs: ['stencil.config.ts'] }),
    part('svelte', ['svelte'], null, null, { unless: ['@sveltejs/kit', 'sapper'] }),
    part('solid', ['solid-js'], 'vite build', 'dist', {
        unless: ['@solidjs/start', 'solid-start', '@tanstack/solid-start'],
        configs: VITE_CONFIGS,
    }),
    // Storybook builds the component catalogue, not the package: never the project's build.
    part('storybook', ['storybook'], null, null),
    part('vite', ['vite', 'vite-plus'], 'vite build', 'dist', {
        unless: META_ON_VITE,
        configs: [...VITE_CONFIGS, 'index.html'],
    }),
    // Parcel builds the entries package.json names, else the page it is given.
    part('parcel', ['parcel', 'parcel-bundler'], 'parcel build index.html', 'dist', { configs: ['index.html'] }),
    part('brunch', ['brunch'], 'brunch build --production', 'public', { configs: ['brunch-config.js'] }),
    part('wmr', ['wmr'], 'wmr build', 'dist'),
    // Task runners name no build task of their own: `gulp build` fails where there is none.
    part('assemble', ['assemble'], null, null),
    part('gulp', ['gulp'], null, null),
    part('grunt', ['grunt'], null, null),
    // Generators that run outside Node; site.ts tells each from the other files that share a config name.
    site('hugo', [...HUGO_CONFIGS, 'config.toml', 'config.yaml', 'config.yml', 'config.json'], 'hugo --gc --minify', 'public'),
    site('jekyll', ['_config.yml', '_config.yaml', '_config.toml'], 'jekyll build', '_site'),
    site('middleman', ['config.rb'], 'middleman build', 'build'),
    site('zola', ['config.toml'], 'zola build', 'public'),
];
/** Every config file name the table looks for, for the walk to record. */
const FRAMEWORK_CONFIG_FILES = new Set(frameworks_FRAMEWORKS.flatMap((f) => f.configs ?? []));
/**
 * The frameworks of one ecosystem a project has, in table order, one per name. A dependency of
 * the project's own marks a framework; a config file does when the workspace declares the
 * dependency (hoisted to the root), or alone for generators that have no dependency.
 */
function matchFrameworks(ecosystem, signals) {
    const { own, workspace, files } = signals;
    const scope = own ?? workspace;
    const present = (dep) => scope?.versions[dep] !== undefined;
    const found = [];
    const named = new Set();
    for (const def of frameworks_FRAMEWORKS) {
        if (def.ecosystem !== ecosystem || named.has(def.name))
            continue;
        if (def.unless?.some(present) || (def.with && !def.with.every(present)))
            continue;
        const config = def.configs?.find((c) => files.includes(c));
        if (def.needsConfig && config === undefined)
            continue;
        const match = matchOne(def, config, own, workspace, signals.configPath);
        if (match) {
            found.push(config === undefined ? match : { ...match, config });
            named.add(def.name);
        }
    }
    return found;
}
function matchOne(def, config, own, workspace, configPath) {
    const byDep = (list) => {
        const dep = def.deps?.find((d) => list?.versions[d] !== undefined);
        return dep && list ? { def, dep, spec: list.versions[dep], source: list.sourceOf(dep) } : undefined;
    };
    const mine = byDep(own);
    if (mine)
        return mine;
    if (config === undefined)
        return undefined;
    if (!def.deps)
        return { def, dep: null, spec: null, source: configPath(config) };
    return byDep(workspace);
}
/**
 * The framework that builds a project without a build script: the first match that has a command.
 * A build tool or UI library builds only where its config file shows it is set up to (`vite build`
 * in a package that uses Vite for its tests alone looks for an index.html that is not there).
 */
function builder(matches) {
    return matches.find((m) => m.def.build !== null && (m.def.serves || m.config !== undefined))?.def;
}
/** The folder a project's build writes: its builder's, else the first framework that names one. */
function outputOf(matches) {
    return builder(matches)?.output ?? matches.find((m) => m.def.output !== null)?.def.output ?? null;
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/node-manifests.ts
// The parts of the Node ecosystem's manifests that detection reads: package.json, the workspace
// files of pnpm, Lerna and Rush, and the task graphs of Turborepo and Nx. As everywhere, a field
// of the wrong type is left out with a warning at its line and the rest is still used.


const dependencies = () => opt(tableOf(string()));
const catalog = () => opt(tableOf(string()));
const catalogs = () => opt(tableOf(tableOf(string())));
/** Nx `dependsOn` entries are target names or objects (`{ "projects": …, "target": … }`). */
const dependsOn = () => opt(array(unknown()));
const nxTargets = () => opt(tableOf(table({ executor: optString(), dependsOn: dependsOn() })));
/** package.json: name, scripts, dependencies, versions, workspaces and Bun catalogs, Nx settings. */
const PackageJsonSchema = table({
    name: optString(),
    packageManager: optString(),
    scripts: opt(table({ build: optString(), test: optString(), start: optString() })),
    dependencies: dependencies(),
    devDependencies: dependencies(),
    engines: opt(table({ node: optString() })),
    volta: opt(table({ node: optString() })),
    workspaces: opt(union([array(string()), table({ packages: optStrings(), catalog: catalog(), catalogs: catalogs() })])),
    catalog: catalog(),
    catalogs: catalogs(),
    nx: opt(table({ name: optString(), targets: nxTargets() })),
});
/** pnpm-workspace.yaml: the member globs and the version catalogs. */
const PnpmWorkspaceSchema = table({ packages: optStrings(), catalog: catalog(), catalogs: catalogs() });
/** lerna.json: the member globs. */
const LernaJsonSchema = table({ packages: optStrings() });
/** rush.json: the project folders and the package manager Rush installs with. */
const RushJsonSchema = table({
    projects: opt(array(table({ packageName: optString(), projectFolder: optString() }))),
    pnpmVersion: optString(),
    npmVersion: optString(),
    yarnVersion: optString(),
});
const turboTasks = () => opt(tableOf(table({ dependsOn: optStrings() })));
/** turbo.json: each task's dependencies (`tasks` since Turborepo 2, `pipeline` before). */
const TurboJsonSchema = table({ tasks: turboTasks(), pipeline: turboTasks() });
/** nx.json: target defaults and the plugins that infer targets from config files. */
const NxJsonSchema = table({
    targetDefaults: opt(tableOf(table({ dependsOn: dependsOn() }))),
    plugins: opt(array(union([string(), table({ plugin: string(), options: opt(tableOf(unknown())) })]))),
});
/** project.json: an Nx project's name, kind and targets. */
const ProjectJsonSchema = table({ name: optString(), projectType: optString(), targets: nxTargets() });
/** workspace.json (Nx before 16): each project's folder, as a path or an inline configuration. */
const WorkspaceJsonSchema = table({
    projects: opt(tableOf(union([string(), table({ root: optString() })]))),
});

;// CONCATENATED MODULE: ./packages/stack/src/detectors/node-pm.ts
// Which package manager a Node project installs with, from which lockfile, and the install
// command that tool accepts in the project's folder. A lockfile belongs to the folder it is in and
// to the members of the workspace declared there, never to a folder that merely sits below it.




const LOCKFILES = [
    ['pnpm-lock.yaml', 'pnpm'],
    ['yarn.lock', 'yarn'],
    ['bun.lock', 'bun'],
    ['bun.lockb', 'bun'],
    // npm reads the shrinkwrap when both are there, so it comes first and hides package-lock.json.
    ['npm-shrinkwrap.json', 'npm'],
    ['package-lock.json', 'npm'],
];
/**
 * The package manager: `packageManager` first (corepack enforces it), then the lockfile of the
 * project's folder or of the workspace root that claims it, then Rush's, then a lockfile further
 * up (which names the tool the repository uses, but is not this project's: its lockfile is none).
 */
async function packageManager(ctx, scope, pkg, rootPkg, warnings) {
    const declared = parsePackageManagerField(pkg?.packageManager ?? rootPkg?.packageManager);
    const declaredSource = pkg?.packageManager
        ? context_joinRel(scope.dir, 'package.json#packageManager')
        : scope.workspaceRoot !== undefined
            ? context_joinRel(scope.workspaceRoot, 'package.json#packageManager')
            : null;
    const rush = await rushManager(ctx, scope.workspaceRoot);
    if (rush && !declared)
        return rush;
    const lock = (await lockIn(ctx, scope.dir, warnings)) ??
        (scope.workspaceRoot !== undefined ? await lockIn(ctx, scope.workspaceRoot, warnings) : undefined);
    if (declared) {
        if (lock && lock.pm !== declared.name) {
            warnings.push(`packageManager says ${declared.name} but the lockfile is ${lock.path} (${lock.pm}); using ${declared.name}`);
        }
        const lockfile = lock && lock.pm === declared.name ? lock.path : null;
        return { name: declared.name, version: declared.version, lockfile, source: declaredSource };
    }
    if (lock)
        return { name: lock.pm, version: null, lockfile: lock.path, source: lock.path };
    const above = lockAbove(ctx, scope.dir);
    if (above)
        return { name: above.pm, version: null, lockfile: null, source: above.path };
    return { name: 'npm', version: null, lockfile: null, source: null };
}
/** Parses `pnpm@9.12.0+sha512…` into a name and version. */
function parsePackageManagerField(field) {
    if (typeof field !== 'string')
        return undefined;
    const m = /^(npm|pnpm|yarn|bun)(?:@([^+\s]+))?/.exec(field.trim());
    if (!m)
        return undefined;
    return { name: m[1], version: m[2] ?? null };
}
/** The lockfile in one folder; two or more are reported, and the newer one is used. */
async function lockIn(ctx, dir, warnings) {
    const shrinkwrap = ctx.has(dir, 'npm-shrinkwrap.json');
    const here = LOCKFILES.filter(([name]) => ctx.has(dir, name) && !(shrinkwrap && name === 'package-lock.json')).map(([name, pm]) => ({ path: context_joinRel(dir, name), pm }));
    if (here.length <= 1)
        return here[0];
    const times = await Promise.all(here.map((l) => ctx.mtime(l.path)));
    let best = 0;
    times.forEach((t, i) => {
        if (t > times[best])
            best = i;
    });
    const chosen = here[best];
    const why = times.every((t) => t === times[0]) ? 'by precedence' : '(newer)';
    warnings.push(`two or more lockfiles in ${dir}: ${here.map((l) => l.path.split('/').pop()).join(' and ')}; using ${chosen.path.split('/').pop()} ${why}`);
    return chosen;
}
/** The nearest lockfile strictly above a folder, up to the repository root. */
function lockAbove(ctx, dir) {
    for (const d of ctx.upward(dir).slice(1)) {
        const found = LOCKFILES.find(([name]) => ctx.has(d, name));
        if (found)
            return { path: context_joinRel(d, found[0]), pm: found[1] };
    }
    return undefined;
}
/** Rush installs every project from its own lockfile with the tool rush.json pins. */
async function rushManager(ctx, root) {
    if (root === undefined || !ctx.has(root, 'rush.json'))
        return undefined;
    const rush = await ctx.json(context_joinRel(root, 'rush.json'), RushJsonSchema, true);
    const pinned = ['pnpm', 'yarn', 'npm'].find((pm) => rush?.[`${pm}Version`] !== undefined) ?? 'pnpm';
    const lockName = pinned === 'npm' ? 'npm-shrinkwrap.json' : pinned === 'yarn' ? 'yarn.lock' : 'pnpm-lock.yaml';
    const lockfile = context_joinRel(root, `common/config/rush/${lockName}`);
    return {
        name: pinned,
        version: rush?.[`${pinned}Version`] ?? null,
        lockfile: (await ctx.exists(lockfile)) ? lockfile : null,
        source: context_joinRel(root, `rush.json${rush?.[`${pinned}Version`] !== undefined ? `#${pinned}Version` : ''}`),
    };
}
/** True when the package manager is Yarn 2 or later (Berry). */
async function isBerry(ctx, pm, dir) {
    if (pm.name !== 'yarn')
        return false;
    if (pm.version && /^\d+\./.test(pm.version))
        return Number(pm.version.split('.')[0]) >= 2;
    const lockDir = ctx.findAbove(dir, 'yarn.lock');
    if (lockDir === undefined)
        return ctx.findAbove(dir, '.yarnrc.yml') !== undefined;
    if (ctx.has(lockDir, '.yarnrc.yml'))
        return true;
    return /^__metadata:/m.test((await ctx.text(context_joinRel(lockDir, 'yarn.lock'))) ?? '');
}
/** How the package manager runs a tool installed in the project (`npx next build`). */
function execPrefix(pm) {
    return { npm: 'npx', pnpm: 'pnpm exec', yarn: 'yarn', bun: 'bunx' }[pm.name] ?? 'npx';
}
/**
 * The install command the tool accepts in the project's folder, or null with a warning when it
 * accepts none there: Yarn Berry refuses a folder below its project that is not one of its
 * workspaces, and a Rush project installs only through Rush.
 */
async function installCommand(ctx, scope, pm, hasPackageJson, warnings) {
    const root = scope.workspaceRoot;
    if (root !== undefined && ctx.has(root, 'rush.json'))
        return rushCommand(ctx, scope.dir, root, 'rush', 'install');
    switch (pm.name) {
        case 'pnpm':
            if (!pm.lockfile && hasPackageJson && strictlyAbove(ctx, scope.dir, 'pnpm-workspace.yaml') !== undefined)
                return 'pnpm install --ignore-workspace';
            return pm.lockfile ? 'pnpm install --frozen-lockfile' : 'pnpm install';
        case 'yarn': {
            if (!(await isBerry(ctx, pm, scope.dir)))
                return pm.lockfile ? 'yarn install --frozen-lockfile' : 'yarn install';
            const project = ctx.findAbove(scope.dir, 'yarn.lock');
            if (hasPackageJson && project !== undefined && project !== scope.dir && project !== root) {
                warnings.push(`${scope.dir} is inside the Yarn project at ${project} but is not one of its workspaces, so yarn refuses to run there; list it in ${context_joinRel(project, 'package.json')}#workspaces or give it a yarn.lock of its own`);
                return null;
            }
            return pm.lockfile ? 'yarn install --immutable' : 'yarn install';
        }
        case 'bun':
            return pm.lockfile ? 'bun install --frozen-lockfile' : 'bun install';
        default:
            return pm.lockfile ? 'npm ci' : 'npm install';
    }
}
/** The nearest folder strictly above dir, up to the repository root, with that file. */
function strictlyAbove(ctx, dir, name) {
    return ctx
        .upward(dir)
        .slice(1)
        .find((d) => ctx.has(d, name));
}
/** A Rush command run from a project's folder, through the repository's install-run script when it has one. */
async function rushCommand(ctx, dir, root, tool, args) {
    const script = `common/scripts/install-run-${tool}.js`;
    if (!(await ctx.exists(context_joinRel(root, script))))
        return `${tool} ${args}`;
    return `node ${(0,lite/* shellQuote */.ZL)(context_joinRel(relativeTo(dir, root), script))} ${args}`;
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/node-versions.ts
// Versions in the Node ecosystem: the runtime's (version files from the project up to the
// repository root, engines), and a dependency's as declared, with pnpm and Bun catalogs resolved
// and the workspace protocol never shown as a version.



const voltaNode = async (ctx, dir) => {
    if (!ctx.has(dir, 'package.json'))
        return undefined;
    const pkg = await ctx.json(context_joinRel(dir, 'package.json'), PackageJsonSchema);
    const v = pkg?.volta?.node;
    return v !== undefined ? { value: stripV(v), source: context_joinRel(dir, 'package.json#volta.node') } : undefined;
};
const NODE_SOURCES = [
    plainFile('.nvmrc'),
    plainFile('.node-version'),
    toolVersions('nodejs', 'node'),
    miseTools('node', 'nodejs'),
    voltaNode,
];
/**
 * The version declared nearest to the project, asking each folder from the project up to the
 * repository root (above the analysed folder too, where an enclosing workspace pins it) every
 * source in order.
 */
async function nearestVersionAbove(ctx, dir, sources) {
    for (const d of ctx.upward(dir)) {
        for (const source of sources) {
            const found = await source(ctx, d);
            if (found)
                return found;
        }
    }
    return undefined;
}
/** The Node.js version: a version file first, else engines; a pin outside the engines range is reported. */
async function nodeVersion(ctx, scope, pkg, rootPkg, warnings) {
    const pinned = await nearestVersionAbove(ctx, scope.dir, NODE_SOURCES);
    const enginesOwner = pkg?.engines?.node ? scope.dir : rootPkg?.engines?.node ? scope.workspaceRoot : undefined;
    const engines = pkg?.engines?.node ?? rootPkg?.engines?.node;
    const enginesFound = engines && enginesOwner !== undefined
        ? { value: engines, source: context_joinRel(enginesOwner, 'package.json#engines.node') }
        : undefined;
    if (pinned && enginesFound) {
        // Loaded only when both a pin and an engines range exist: most runs never need it.
        const { default: semver } = await __nccwpck_require__.e(/* import() */ 88).then(__nccwpck_require__.t.bind(__nccwpck_require__, 2088, 23));
        if (!semver.valid(semver.coerce(pinned.value)) || !semver.validRange(engines))
            return pinned;
        const exact = semver.valid(pinned.value) ?? semver.coerce(pinned.value).version;
        if (!semver.satisfies(exact, engines)) {
            warnings.push(`${pinned.source} says ${pinned.value} but ${enginesFound.source} requires ${engines}; using ${pinned.value}`);
        }
    }
    return pinned ?? enginesFound;
}
/** The Bun version: a version file, else the packageManager pin. */
async function bunVersion(ctx, dir, pm) {
    const file = await nearestVersionAbove(ctx, dir, [plainFile('.bun-version'), toolVersions('bun'), miseTools('bun')]);
    if (file)
        return file;
    return pm.version && pm.source ? { value: pm.version, source: pm.source } : undefined;
}
/** The catalogs that apply to a project: the nearest pnpm-workspace.yaml's, else its workspace root's package.json's. */
async function catalogsFor(ctx, scope, rootPkg) {
    const pnpmDir = ctx.findAbove(scope.dir, 'pnpm-workspace.yaml');
    if (pnpmDir !== undefined) {
        const file = context_joinRel(pnpmDir, 'pnpm-workspace.yaml');
        const ws = await ctx.yaml(file, PnpmWorkspaceSchema);
        return node_versions_catalogs(file, '', ws?.catalog, ws?.catalogs);
    }
    const owner = scope.workspaceRoot ?? scope.dir;
    const file = context_joinRel(owner, 'package.json');
    const pkg = scope.workspaceRoot !== undefined ? rootPkg : await ctx.json(file, PackageJsonSchema);
    const inWorkspaces = Array.isArray(pkg?.workspaces) ? undefined : pkg?.workspaces;
    if (inWorkspaces?.catalog || inWorkspaces?.catalogs)
        return node_versions_catalogs(file, 'workspaces.', inWorkspaces.catalog, inWorkspaces.catalogs);
    return node_versions_catalogs(file, '', pkg?.catalog, pkg?.catalogs);
}
function node_versions_catalogs(file, prefix, main, named) {
    return {
        lookup(name, dep) {
            // `catalog:` is the default catalog, which pnpm also accepts as `catalogs.default`.
            const isDefault = name === '' || name === 'default';
            const value = isDefault ? (main?.[dep] ?? named?.default?.[dep]) : named?.[name]?.[dep];
            if (value === undefined)
                return undefined;
            const field = isDefault && main?.[dep] !== undefined ? `catalog.${dep}` : `catalogs.${name || 'default'}.${dep}`;
            return { value, source: `${file}#${prefix}${field}` };
        },
    };
}
/**
 * A dependency's version as it can be shown: `catalog:` resolved, `npm:next@14.2.3` as its
 * version, `workspace:^1.2.0` as its range; null for `workspace:*`, links, paths and patches.
 */
function resolveSpec(dep, spec, cats) {
    const catalog = /^catalog:(.*)$/.exec(spec.trim());
    if (catalog) {
        const found = cats.lookup(catalog[1].trim(), dep);
        return found ? { version: found.value, source: found.source } : { version: null };
    }
    const workspace = /^workspace:(.*)$/.exec(spec);
    if (workspace)
        return { version: /\d/.test(workspace[1]) ? workspace[1] : null };
    const alias = /^npm:(?:@[^/@]+\/)?[^@]+@(.+)$/.exec(spec);
    if (alias)
        return { version: alias[1] };
    if (/^(link|file|portal|patch|exec):/.test(spec))
        return { version: null };
    return { version: spec };
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/nx.ts
// Nx and Turborepo: which projects an Nx workspace defines (project.json, the older
// workspace.json), which targets a project has, and when a task must run through the orchestrator
// because running the package's own script would skip the tasks it depends on.



const ext = (base, exts) => exts.map((e) => `${base}.${e}`);
const JS = ['js', 'ts', 'mjs', 'mts', 'cjs', 'cts'];
/**
 * Nx plugins that infer targets from a config file in a project's folder, and the plugin option
 * naming each target (its default is the task's own name).
 */
const NX_PLUGINS = {
    vite: { configs: ext('vite.config', JS), targets: { build: 'buildTargetName', test: 'testTargetName' } },
    vitest: { configs: [...ext('vitest.config', JS), ...ext('vite.config', JS)], targets: { test: 'testTargetName' } },
    next: { configs: ext('next.config', JS), targets: { build: 'buildTargetName' } },
    jest: { configs: ext('jest.config', JS), targets: { test: 'targetName' } },
    webpack: { configs: ext('webpack.config', JS), targets: { build: 'buildTargetName' } },
    rspack: { configs: ext('rspack.config', JS), targets: { build: 'buildTargetName' } },
    rollup: { configs: ext('rollup.config', JS), targets: { build: 'buildTargetName' } },
    remix: { configs: ext('remix.config', JS), targets: { build: 'buildTargetName' } },
    nuxt: { configs: ext('nuxt.config', JS), targets: { build: 'buildTargetName' } },
};
/** Config files the Nx plugins look for, for the walk to record. */
const NX_PLUGIN_CONFIG_FILES = Object.values(NX_PLUGINS).flatMap((p) => p.configs);
/** Executor packages and the dependency whose framework they build. */
const EXECUTOR_DEPS = {
    next: 'next',
    angular: '@angular/core',
    'build-angular': '@angular/core',
    build: '@angular/core',
    vite: 'vite',
    remix: '@remix-run/dev',
    expo: 'expo',
    nuxt: 'nuxt',
    nest: '@nestjs/core',
    storybook: 'storybook',
};
/** The project.json of an Nx project in a folder, when an Nx workspace (nx.json at or above it) encloses it. */
async function nxProject(ctx, dir) {
    if (!ctx.has(dir, 'project.json') || ctx.findAbove(dir, 'nx.json') === undefined)
        return undefined;
    return ctx.json(context_joinRel(dir, 'project.json'), ProjectJsonSchema);
}
/** The folders of the Nx projects below an Nx root, relative to it: project.json folders and workspace.json entries. */
async function nxMembers(ctx, root) {
    if (!ctx.has(root, 'nx.json'))
        return [];
    const members = new Set();
    for (const dir of ctx.inventory.manifests.keys()) {
        const rel = ctx.has(dir, 'project.json') ? ctx.pathFrom(root, dir) : undefined;
        if (rel !== undefined && rel !== '.')
            members.add(exactGlob(rel));
    }
    if (ctx.has(root, 'workspace.json')) {
        const ws = await ctx.json(context_joinRel(root, 'workspace.json'), WorkspaceJsonSchema);
        for (const p of Object.values(ws?.projects ?? {})) {
            const folder = typeof p === 'string' ? p : p.root;
            if (folder)
                members.add(exactGlob(folder.replace(/^\.\//, '').replace(/\/+$/, '')));
        }
    }
    return [...members];
}
/** A path as a glob that matches only itself. */
function exactGlob(path) {
    return path.replace(/[\\*?[\]{}()!+@]/g, (c) => `\\${c}`);
}
/** The dependencies an Nx project's executors name (`@nx/next:build` → next), to find its frameworks by. */
function executorDeps(project) {
    const deps = new Set();
    for (const target of Object.values(project?.targets ?? {})) {
        const pkg = /^@(?:nx|nrwl|angular-devkit|angular)\/([\w-]+):/.exec(target.executor ?? '')?.[1];
        const dep = pkg ? EXECUTOR_DEPS[pkg] : undefined;
        if (dep)
            deps.add(dep);
    }
    return [...deps];
}
/**
 * The command that runs a task through Nx or Turborepo, when it must: always for an Nx
 * project.json project that has the target; for a package script, when nx.json's target defaults
 * or turbo.json make the task depend on others (a per-package command would skip them).
 */
async function orchestratedCommand(ctx, o, task) {
    const script = o.pkg?.scripts?.[task] !== undefined;
    const nxRoot = ctx.findAbove(o.dir, 'nx.json');
    if (nxRoot !== undefined) {
        const nx = await ctx.json(context_joinRel(nxRoot, 'nx.json'), NxJsonSchema, true);
        const run = (target) => `${o.exec} nx run ${(0,lite/* shellQuote */.ZL)(`${o.name}:${target}`)}`;
        if (o.project) {
            if (script || o.project.targets?.[task])
                return run(task);
            const inferred = inferredTargets(ctx, o.dir, nx).get(task);
            if (inferred !== undefined)
                return run(inferred);
        }
        const own = o.pkg?.nx?.targets?.[task]?.dependsOn ?? [];
        if (script && (own.length > 0 || (nx?.targetDefaults?.[task]?.dependsOn ?? []).length > 0))
            return run(task);
    }
    if (!script || !o.pkg?.name || o.workspaceRoot === undefined || !ctx.has(o.workspaceRoot, 'turbo.json'))
        return;
    const deps = [
        ...(await turboDependsOn(ctx, o.workspaceRoot, o.pkg.name, task)),
        ...(ctx.has(o.dir, 'turbo.json') && o.dir !== o.workspaceRoot
            ? await turboDependsOn(ctx, o.dir, o.pkg.name, task)
            : []),
    ];
    return deps.length > 0 ? `${o.exec} turbo run ${task} --filter=${(0,lite/* shellQuote */.ZL)(o.pkg.name)}` : undefined;
}
/** The tasks a turbo.json makes `task` of a package depend on (`^build`, `codegen`), environment entries aside. */
async function turboDependsOn(ctx, dir, name, task) {
    const turbo = await ctx.json(context_joinRel(dir, 'turbo.json'), TurboJsonSchema, true);
    const tasks = { ...turbo?.pipeline, ...turbo?.tasks };
    return (tasks[`${name}#${task}`] ?? tasks[task])?.dependsOn?.filter((d) => !d.startsWith('$')) ?? [];
}
/** The target each task is inferred as by the nx.json plugins, from the config files a folder holds. */
function inferredTargets(ctx, dir, nx) {
    const targets = new Map();
    for (const entry of nx?.plugins ?? []) {
        const name = typeof entry === 'string' ? entry : entry.plugin;
        const options = typeof entry === 'string' ? {} : (entry.options ?? {});
        const key = /^@(?:nx|nrwl)\/([\w-]+)(?:\/plugin)?$/.exec(name)?.[1];
        const plugin = key ? NX_PLUGINS[key] : undefined;
        if (!plugin || !plugin.configs.some((c) => ctx.has(dir, c)))
            continue;
        for (const [task, option] of Object.entries(plugin.targets)) {
            const named = options[option];
            if (!targets.has(task))
                targets.set(task, typeof named === 'string' && named !== '' ? named : task);
        }
    }
    return targets;
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/node-workspace.ts
// Node workspaces: the members a root declares (package.json workspaces, pnpm, Rush, Lerna, Nx
// projects), the tool that orchestrates them, and which projects the root's own scripts build.




const DELEGATING_BUILD = /\b(turbo|nx|lerna|rush)\b|\s(-ws|--workspaces|-r|--recursive|--filter)\b|workspaces foreach/;
/** The workspace a folder declares, or undefined when it declares no members. */
async function nodeWorkspace(ctx, dir) {
    // A Rush repository has no package.json at its root; an Nx one may declare projects by project.json alone.
    if (!['package.json', 'nx.json', 'rush.json'].some((f) => ctx.has(dir, f)))
        return undefined;
    const pkg = ctx.has(dir, 'package.json')
        ? await ctx.json(context_joinRel(dir, 'package.json'), PackageJsonSchema)
        : undefined;
    const members = new Set();
    const declared = Array.isArray(pkg?.workspaces) ? pkg.workspaces : (pkg?.workspaces?.packages ?? []);
    declared.forEach((g) => members.add(g));
    if (ctx.has(dir, 'pnpm-workspace.yaml')) {
        const ws = await ctx.yaml(context_joinRel(dir, 'pnpm-workspace.yaml'), PnpmWorkspaceSchema);
        ws?.packages?.forEach((g) => members.add(g));
    }
    if (ctx.has(dir, 'rush.json')) {
        const rush = await ctx.json(context_joinRel(dir, 'rush.json'), RushJsonSchema, true);
        rush?.projects?.forEach((p) => p.projectFolder && members.add(p.projectFolder));
    }
    if (members.size === 0 && ctx.has(dir, 'lerna.json')) {
        const lerna = await ctx.json(context_joinRel(dir, 'lerna.json'), LernaJsonSchema);
        (lerna?.packages ?? ['packages/*']).forEach((g) => members.add(g));
    }
    (await nxMembers(ctx, dir)).forEach((m) => members.add(m));
    if (members.size === 0)
        return undefined;
    const orchestrator = ['turbo.json', 'nx.json', 'lerna.json', 'rush.json'].find((f) => ctx.has(dir, f));
    const pm = (await packageManager(ctx, { dir, workspaceRoot: undefined }, pkg, undefined, [])).name;
    const build = pkg?.scripts?.build;
    const rootProject = await nxProject(ctx, dir);
    return {
        tool: orchestrator ? orchestrator.replace(/\.json$/, '') : `${pm}-workspaces`,
        members: [...members],
        rootIsProject: (typeof build === 'string' && !DELEGATING_BUILD.test(` ${build}`)) ||
            rootProject?.targets?.build !== undefined ||
            rootProject?.targets?.test !== undefined,
    };
}
/** Scripts that build, run or ship something, whose targets are the repository's applications. */
const SHIPPING_SCRIPT = /^(build|start|dev|serve|deploy|preview)(\W|$)/;
/**
 * Projects a folder's own build, start, dev and deploy scripts name, as they name them: a
 * `--filter`, `--workspace`, `yarn workspace`, `nx run` target or `cd` folder.
 */
async function rootBuilds(ctx, dir) {
    if (!ctx.has(dir, 'package.json'))
        return [];
    const pkg = await ctx.json(context_joinRel(dir, 'package.json'), PackageJsonSchema);
    const names = new Set();
    for (const [script, body] of Object.entries(pkg?.scripts ?? {})) {
        if (!SHIPPING_SCRIPT.test(script) || typeof body !== 'string')
            continue;
        for (const target of scriptTargets(body))
            names.add(target);
    }
    return [...names];
}
const TARGET_PATTERNS = [
    /(?:--filter|-F)[= ]+(\S+)/g,
    /(?:--workspace|-w)[= ]+(\S+)/g,
    /\byarn workspace (\S+)/g,
    /\bnx (?:run )?(\S+?):\S+/g,
    /\bnx (?:build|serve|start|deploy|export|preview) (\S+)/g,
    /(?:--scope|--to|--only)[= ]+(\S+)/g,
    /\b(?:cd|--prefix|--dir|-C) (\S+?)(?:\s|$|&|;)/g,
];
/** The project names and folders one script names (`turbo run build --filter=web...` → web). */
function scriptTargets(script) {
    const found = [];
    for (const re of TARGET_PATTERNS)
        for (const m of script.matchAll(re)) {
            const target = m[1]
                .replace(/^['"]|['"]$/g, '')
                .replace(/^\.\.\.|\.\.\.$|^\^|^\{|\}$/g, '')
                .replace(/^\.\//, '')
                .replace(/\/+$/, '');
            if (target !== '' && !target.startsWith('-'))
                found.push(target);
        }
    return found;
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/node.ts









const NPM_DEFAULT_TEST = /no test specified/;
/**
 * Node.js projects (npm, pnpm, yarn classic and berry, bun, Rush), their workspaces (including
 * one whose root is above the analysed folder), Nx projects (project.json) and frameworks.
 */
const nodeDetector = {
    name: 'node',
    priority: 10,
    workspaceAbove: true,
    applies: (ctx, dir) => ctx.has(dir, 'package.json') || (ctx.has(dir, 'project.json') && ctx.findAbove(dir, 'nx.json') !== undefined),
    workspace: nodeWorkspace,
    builds: rootBuilds,
    async project(ctx, scope) {
        const hasPackageJson = ctx.has(scope.dir, 'package.json');
        const pkg = hasPackageJson ? await ctx.json(context_joinRel(scope.dir, 'package.json'), PackageJsonSchema) : undefined;
        const project = await nxProject(ctx, scope.dir);
        if (!pkg && !project)
            return undefined;
        const manifest = context_joinRel(scope.dir, pkg ? 'package.json' : 'project.json');
        const rootDir = scope.workspaceRoot ?? ctx.findAbove(scope.dir, 'nx.json');
        const rootPkg = rootDir !== undefined && rootDir !== scope.dir && ctx.has(rootDir, 'package.json')
            ? await ctx.json(context_joinRel(rootDir, 'package.json'), PackageJsonSchema)
            : undefined;
        const warnings = [];
        const pm = await packageManager(ctx, scope, pkg, rootPkg, warnings);
        const runtimeName = pm.name === 'bun' ? 'bun' : 'node';
        const version = runtimeName === 'bun'
            ? await bunVersion(ctx, scope.dir, pm)
            : await nodeVersion(ctx, scope, pkg, rootPkg, warnings);
        const matches = frameworkMatches(ctx, scope.dir, pkg, project, rootDir, rootPkg);
        const name = project?.name ?? pkg?.nx?.name ?? (pkg?.name || folderName(scope.dir, ctx.rootName));
        const commands = await nodeCommands(ctx, scope, { pkg, project, pm, name, matches, hasPackageJson }, warnings);
        const catalogs = await catalogsFor(ctx, scope, rootPkg);
        const frameworks = matches.map((m) => {
            if (m.dep === null || m.spec === null)
                return { name: m.def.name, version: null, source: m.source };
            const resolved = resolveSpec(m.dep, m.spec, catalogs);
            return { name: m.def.name, version: resolved.version, source: resolved.source ?? m.source };
        });
        const draft = {
            name,
            manifest,
            runtime: { name: runtimeName, version: version?.value ?? null, source: version?.source ?? null },
            packageManager: pm,
            frameworks,
            commands,
            warnings,
            output: outputOf(matches),
            serves: matches.some((m) => m.def.serves),
        };
        return draft;
    },
};
/** A manifest's dependencies (devDependencies first, so a runtime dependency wins) and where each is declared. */
function dependencyList(pkg, manifest) {
    if (!pkg)
        return undefined;
    return {
        versions: { ...pkg.devDependencies, ...pkg.dependencies },
        sourceOf: (dep) => `${manifest}#${pkg.dependencies?.[dep] !== undefined ? 'dependencies' : 'devDependencies'}.${dep}`,
    };
}
function frameworkMatches(ctx, dir, pkg, project, rootDir, rootPkg) {
    const workspace = rootDir !== undefined ? dependencyList(rootPkg, context_joinRel(rootDir, 'package.json')) : undefined;
    let own = dependencyList(pkg, context_joinRel(dir, 'package.json'));
    if (!own) {
        // An Nx project.json folder has no dependencies of its own: its executors name the ones it builds with.
        const named = executorDeps(project).filter((d) => workspace?.versions[d] !== undefined);
        own = {
            versions: Object.fromEntries(named.map((d) => [d, workspace.versions[d]])),
            sourceOf: (dep) => workspace.sourceOf(dep),
        };
    }
    return matchFrameworks('node', {
        own,
        workspace,
        files: ctx.names(dir),
        configPath: (name) => context_joinRel(dir, name),
    });
}
/**
 * Commands the tools accept in the project's folder: scripts through the package manager, tasks
 * through Nx, Turborepo or Rush when their pipeline must run, the framework's own build and start
 * when there is no script, and none at all where the package manager refuses the folder.
 */
async function nodeCommands(ctx, scope, i, warnings) {
    const { pkg, pm } = i;
    const install = await installCommand(ctx, scope, pm, i.hasPackageJson, warnings);
    if (install === null && pm.name === 'yarn')
        return { install: null, build: null, test: null, start: null };
    const exec = execPrefix(pm);
    if (pkg && pm.name === 'npm' && usesWorkspaceProtocol(pkg)) {
        warnings.push('package.json uses the workspace: protocol, which npm cannot install; declare packageManager (pnpm, yarn or bun) in the workspace root');
        return { install: null, build: null, test: null, start: null };
    }
    const scripts = pkg?.scripts ?? {};
    const run = pm.name === 'npm' ? 'npm run' : `${pm.name} run`;
    const direct = pm.name === 'bun' ? 'bun run' : pm.name;
    const orchestrated = {
        dir: scope.dir,
        name: i.name,
        pkg,
        project: i.project,
        workspaceRoot: scope.workspaceRoot,
        exec,
    };
    const task = async (t, fallback) => (await orchestratedCommand(ctx, orchestrated, t)) ?? (await rushTask(ctx, scope, i.name, t, pkg)) ?? fallback;
    const build = builder(i.matches)?.build;
    // An Nx project builds into the workspace's dist/, where the framework's own start would not look.
    const start = i.project ? undefined : i.matches.find((m) => m.def.start !== undefined)?.def.start;
    return {
        install,
        build: await task('build', scripts.build ? `${run} build` : build ? viaPackageManager(exec, build) : null),
        test: await task('test', scripts.test && !NPM_DEFAULT_TEST.test(scripts.test) ? `${direct} test` : null),
        start: scripts.start ? `${direct} start` : start ? viaPackageManager(exec, start) : null,
    };
}
/** A framework's command with each installed tool run through the package manager (`npx next build`). */
function viaPackageManager(exec, command) {
    return command
        .split(' && ')
        .map((c) => (c.startsWith('node ') ? c : `${exec} ${c}`))
        .join(' && ');
}
/** A task of a Rush project: `rush build --to` builds its dependencies first; tests run through rushx. */
async function rushTask(ctx, scope, name, task, pkg) {
    const root = scope.workspaceRoot;
    if (root === undefined || !ctx.has(root, 'rush.json') || pkg?.scripts?.[task] === undefined)
        return undefined;
    return task === 'build'
        ? rushCommand(ctx, scope.dir, root, 'rush', `build --to ${(0,lite/* shellQuote */.ZL)(name)}`)
        : rushCommand(ctx, scope.dir, root, 'rushx', task);
}
/** True when any dependency uses the workspace: protocol, which npm rejects. */
function usesWorkspaceProtocol(pkg) {
    return [pkg.dependencies, pkg.devDependencies].some((deps) => Object.values(deps ?? {}).some((v) => v.startsWith('workspace:')));
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/php.ts




/** PHP projects with Composer; Laravel and Symfony with their locked versions. */
const phpDetector = {
    name: 'php',
    priority: 35,
    applies: (ctx, dir) => ctx.has(dir, 'composer.json'),
    async project(ctx, { dir }) {
        const manifest = context_joinRel(dir, 'composer.json');
        const composer = await ctx.json(manifest, ComposerJsonSchema);
        if (!composer)
            return undefined;
        const lockPath = ctx.has(dir, 'composer.lock') ? context_joinRel(dir, 'composer.lock') : null;
        const lock = lockPath ? await ctx.json(lockPath, ComposerLockSchema) : undefined;
        const pinned = await nearestVersion(ctx, dir, [plainFile('.php-version'), toolVersions('php'), miseTools('php')]);
        const platform = composer.config?.platform?.php;
        const required = composer.require?.php;
        const version = pinned ??
            (platform
                ? { value: platform, source: `${manifest}#config.platform.php` }
                : required
                    ? { value: required, source: `${manifest}#require.php` }
                    : undefined);
        const frameworks = [];
        for (const [pkg, name] of PHP_FRAMEWORK_DEPS) {
            const locked = lock?.packages?.find((p) => p.name === pkg)?.version;
            const declared = composer.require?.[pkg];
            if (locked || declared)
                frameworks.push({
                    name,
                    version: (locked ?? declared ?? '').replace(/^v(?=\d)/, '') || null,
                    source: locked ? lockPath : `${manifest}#require`,
                });
        }
        const laravel = frameworks.some((f) => f.name === 'laravel');
        const phpunit = composer['require-dev']?.['phpunit/phpunit'] !== undefined;
        return {
            name: composer.name || folderName(dir, ctx.rootName),
            manifest,
            runtime: { name: 'php', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: { name: 'composer', version: null, lockfile: lockPath, source: manifest },
            frameworks,
            commands: {
                install: 'composer install --no-interaction --prefer-dist',
                build: null,
                test: composer.scripts?.test
                    ? 'composer test'
                    : laravel
                        ? 'php artisan test'
                        : phpunit
                            ? 'vendor/bin/phpunit'
                            : null,
                start: null,
            },
            warnings: [],
        };
    },
};

;// CONCATENATED MODULE: ./packages/stack/src/detectors/python-requirements.ts



/** More files than this in one include graph are not read; real projects have a handful. */
const MAX_REQUIREMENT_FILES = 100;
/**
 * Parses a PEP 508 requirement (`Django[argon2]>=5,<6 ; python_version>"3.9"`, `pkg @ https://…`)
 * into its normalised name and specifier; undefined for a line that names no distribution.
 */
function parseRequirement(spec) {
    const m = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(.*)$/.exec(spec);
    if (!m)
        return undefined;
    const rest = m[2].replace(/;.*$/, '').trim();
    // A direct reference (`name @ url`) pins by URL, not by a version.
    const version = rest.startsWith('@') || rest === '' ? null : (/^==(?!=)\s*([^,*\s]+)$/.exec(rest)?.[1] ?? rest);
    if (!/^(?:[<>=!~(@]|$)/.test(rest) && version !== null)
        return undefined;
    return { name: normaliseName(m[1]), version };
}
/** PEP 503 normalisation: lower case, runs of `-`, `_` and `.` become `-`. */
function normaliseName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/**
 * Reads requirements files as pip does: `\` continues a line, `#` after whitespace starts a
 * comment, per-requirement options (`--hash=…`) are dropped, `-r`/`--requirement` includes and
 * `-c`/`--constraint` files are followed relative to the file that names them. A file reached
 * twice is read once; an include that leads back into its own chain is a cycle and is reported.
 */
async function readRequirements(ctx, roots) {
    const out = { requirements: [], constraints: new Map(), files: new Set(), problems: [] };
    const visit = async (path, chain, constraint) => {
        if (chain.includes(path)) {
            out.problems.push(`requirements include cycle ${[...chain, path].join(' → ')}; not followed again`);
            return;
        }
        if (out.files.has(path))
            return;
        if (out.files.size >= MAX_REQUIREMENT_FILES) {
            out.problems.push(`more than ${MAX_REQUIREMENT_FILES} requirements files are included; ${path} and later ones are not read`);
            return;
        }
        const file = await treeFile(ctx, path);
        if (!('text' in file)) {
            const by = chain.at(-1);
            out.problems.push(`${by ? `${by} includes ${path}, which` : `${path}`} ${file.problem}; it is not read`);
            return;
        }
        out.files.add(path);
        const folder = parentOf(path) ?? '.';
        for (const line of logicalLines(file.text)) {
            const include = /^(?:-([rc])\s*|--(requirement|constraint)(?:\s*=\s*|\s+))(\S+)$/.exec(line);
            if (include) {
                const target = include[3];
                // pip also takes URLs and ${VARIABLES}: neither can be read from the tree.
                if (/^[a-z][\w+.-]*:\/\//i.test(target) || /\$\{/.test(target))
                    continue;
                const isConstraint = constraint || include[1] === 'c' || include[2] === 'constraint';
                const next = target.startsWith('/') ? target : external_node_path_.posix.normalize(external_node_path_.posix.join(folder, target));
                await visit(next, [...chain, path], isConstraint);
                continue;
            }
            if (line.startsWith('-'))
                continue; // -e, -i, --index-url, --hash …: no distribution named
            const parsed = parseRequirement(line.replace(/\s+--?[a-z][\w-]*(?:[=\s]\S*)?/gi, ''));
            if (!parsed)
                continue;
            const found = { ...parsed, source: path };
            if (!constraint)
                out.requirements.push(found);
            else if (parsed.version !== null && !/^[<>=!~]/.test(parsed.version) && !out.constraints.has(parsed.name))
                out.constraints.set(parsed.name, found);
        }
    };
    for (const root of roots)
        await visit(root, [], false);
    return out;
}
/** A requirements file's logical lines: continuations joined, comments and blank lines dropped. */
function logicalLines(text) {
    const lines = [];
    let pending = '';
    for (const raw of text.split(/\r?\n/)) {
        const joined = pending + raw;
        if (/(^|[^\\])\\$/.test(joined)) {
            pending = joined.slice(0, -1);
            continue;
        }
        pending = '';
        const line = joined.replace(/(^|\s)#.*$/, '').trim();
        if (line !== '')
            lines.push(line);
    }
    if (pending.trim() !== '')
        lines.push(pending.trim());
    return lines;
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/python.ts






const python_FRAMEWORKS = ['django', 'flask', 'fastapi'];
/** Files that make a folder a Python project of its own, whatever includes its requirements. */
const PROJECT_FILES = ['pyproject.toml', 'Pipfile', 'setup.py', 'setup.cfg', 'uv.lock', 'poetry.lock'];
const REQUIREMENTS = /^requirements[\w.-]*\.txt$/;
const PYTHON_SOURCES = [
    plainFile('.python-version'),
    toolVersions('python'),
    miseTools('python'),
    plainFile('runtime.txt', (v) => v.replace(/^python-/, '')),
];
/** Python projects: pip, poetry, uv, pipenv, pdm; Django, Flask, FastAPI. */
const pythonDetector = {
    name: 'python',
    priority: 30,
    applies: (ctx, dir) => PROJECT_FILES.some((n) => ctx.has(dir, n)) || ctx.names(dir).some((n) => REQUIREMENTS.test(n)),
    async project(ctx, { dir }) {
        const pyproject = ctx.has(dir, 'pyproject.toml')
            ? await ctx.toml(context_joinRel(dir, 'pyproject.toml'), PyProjectSchema)
            : undefined;
        const pipfile = ctx.has(dir, 'Pipfile') ? await ctx.toml(context_joinRel(dir, 'Pipfile'), PipfileSchema) : undefined;
        const requirements = requirementFiles(ctx, dir);
        if (!PROJECT_FILES.some((n) => ctx.has(dir, n)) && (await includedFromAbove(ctx, dir, requirements)))
            return undefined;
        const read = await readRequirements(ctx, requirements.map((n) => context_joinRel(dir, n)));
        const pm = python_packageManager(ctx, dir, pyproject, requirements);
        const deps = python_dependencies(dir, pyproject, pipfile, read);
        const warnings = [...read.problems];
        const pinned = await nearestVersion(ctx, dir, PYTHON_SOURCES);
        const declared = pyproject?.project?.['requires-python']
            ? { value: pyproject.project['requires-python'], source: context_joinRel(dir, 'pyproject.toml#project.requires-python') }
            : typeof pyproject?.tool?.poetry?.dependencies?.python === 'string'
                ? {
                    value: pyproject.tool.poetry.dependencies.python,
                    source: context_joinRel(dir, 'pyproject.toml#tool.poetry.dependencies.python'),
                }
                : pipfile?.requires?.python_full_version || pipfile?.requires?.python_version
                    ? {
                        value: (pipfile.requires.python_full_version ?? pipfile.requires.python_version),
                        source: context_joinRel(dir, 'Pipfile#requires'),
                    }
                    : undefined;
        const version = pinned ?? declared;
        const frameworks = python_FRAMEWORKS.filter((f) => deps.has(f)).map((f) => ({
            name: f,
            version: deps.get(f).version,
            source: deps.get(f).source,
        }));
        const manifest = pyproject
            ? context_joinRel(dir, 'pyproject.toml')
            : pipfile
                ? context_joinRel(dir, 'Pipfile')
                : requirements[0]
                    ? context_joinRel(dir, requirements[0])
                    : context_joinRel(dir, ctx.names(dir).find((n) => /setup\.(py|cfg)|\.lock$/.test(n)) ?? 'setup.py');
        const exec = runPrefix(pm.name);
        const isDjango = deps.has('django') && ctx.has(dir, 'manage.py');
        const hasPytest = deps.has('pytest') ||
            ['pytest.ini', 'conftest.py', 'tox.ini'].some((n) => ctx.has(dir, n)) ||
            (await ctx.exists(context_joinRel(dir, 'tests')));
        const buildable = pyproject?.['build-system'] !== undefined || pyproject?.tool?.poetry !== undefined;
        return {
            name: pyproject?.project?.name || pyproject?.tool?.poetry?.name || folderName(dir, ctx.rootName),
            manifest,
            runtime: { name: 'python', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: pm,
            frameworks,
            commands: {
                install: python_installCommand(pm, requirements, pyproject !== undefined || ctx.has(dir, 'setup.py')),
                build: buildable ? buildCommand(pm.name) : null,
                test: hasPytest ? `${exec}pytest` : isDjango ? `${exec}python manage.py test` : null,
                start: await startCommand(ctx, dir, deps, exec),
            },
            warnings,
        };
    },
};
/** The folder's requirements files, requirements.txt (the shortest name) first. */
function requirementFiles(ctx, dir) {
    return ctx
        .names(dir)
        .filter((n) => REQUIREMENTS.test(n))
        .sort((a, b) => a.length - b.length || a.localeCompare(b));
}
/**
 * True when the nearest Python project above reads this folder's requirements files through
 * `-r`/`-c` (a `requirements/requirements-dev.txt` beside the project's requirements.txt): they
 * are part of that project, not one of their own.
 */
async function includedFromAbove(ctx, dir, files) {
    for (let d = parentOf(dir); d !== undefined; d = parentOf(d)) {
        const above = requirementFiles(ctx, d);
        if (above.length === 0 && !PROJECT_FILES.some((n) => ctx.has(d, n)))
            continue;
        const read = await readRequirements(ctx, above.map((n) => context_joinRel(d, n)));
        return files.some((n) => read.files.has(context_joinRel(dir, n)));
    }
    return false;
}
function python_packageManager(ctx, dir, pyproject, requirements) {
    const pick = (name, lockfile, source) => ({
        name,
        version: null,
        lockfile: lockfile ? context_joinRel(dir, lockfile) : null,
        source: source ? context_joinRel(dir, source) : null,
    });
    if (ctx.has(dir, 'uv.lock'))
        return pick('uv', 'uv.lock', 'uv.lock');
    if (ctx.has(dir, 'poetry.lock'))
        return pick('poetry', 'poetry.lock', 'poetry.lock');
    if (ctx.has(dir, 'Pipfile'))
        return pick('pipenv', ctx.has(dir, 'Pipfile.lock') ? 'Pipfile.lock' : null, 'Pipfile');
    if (ctx.has(dir, 'pdm.lock'))
        return pick('pdm', 'pdm.lock', 'pdm.lock');
    if (pyproject?.tool?.poetry)
        return pick('poetry', null, 'pyproject.toml#tool.poetry');
    if (pyproject?.tool?.pdm)
        return pick('pdm', null, 'pyproject.toml#tool.pdm');
    if (pyproject?.tool?.uv)
        return pick('uv', null, 'pyproject.toml#tool.uv');
    return pick('pip', requirements[0] ?? null, requirements[0] ?? (pyproject ? 'pyproject.toml' : null));
}
/**
 * Normalised distribution name → declared version (exact pins without `==`) and the file (and
 * table) that declares it: PEP 621 dependencies and extras, PEP 735 groups, Poetry's main and
 * group tables, uv's and PDM's dev dependencies, Pipfile, and requirements files with their
 * `-r` includes. A dependency named without a pin takes the exact pin of a `-c` constraints file.
 */
function python_dependencies(dir, pyproject, pipfile, requirements) {
    const deps = new Map();
    const set = (name, version, source) => {
        if (!deps.has(name))
            deps.set(name, { version, source });
    };
    const add = (spec, source) => {
        const parsed = typeof spec === 'string' ? parseRequirement(spec) : undefined;
        if (parsed)
            set(parsed.name, parsed.version, source);
    };
    const py = context_joinRel(dir, 'pyproject.toml');
    pyproject?.project?.dependencies?.forEach((d) => add(d, `${py}#project.dependencies`));
    for (const [extra, list] of Object.entries(pyproject?.project?.['optional-dependencies'] ?? {}))
        list.forEach((d) => add(d, `${py}#project.optional-dependencies.${extra}`));
    // `{ include-group = "…" }` entries name another group, which is read in its own right.
    for (const [group, list] of Object.entries(pyproject?.['dependency-groups'] ?? {}))
        list.forEach((d) => add(d, `${py}#dependency-groups.${group}`));
    const poetryTables = [
        [pyproject?.tool?.poetry?.dependencies, 'tool.poetry.dependencies'],
        ...Object.entries(pyproject?.tool?.poetry?.group ?? {}).map(([name, g]) => [
            g.dependencies,
            `tool.poetry.group.${name}.dependencies`,
        ]),
    ];
    for (const [table, field] of poetryTables) {
        for (const [name, v] of Object.entries(table ?? {})) {
            // A constraint list (several versions by marker) names no single version.
            const spec = typeof v === 'string' ? v : Array.isArray(v) ? '' : (v.version ?? '');
            // Poetry writes a bare version for an exact pin; `^4.2`, `~4.2` and `*` are its own ranges.
            if (name !== 'python')
                set(normaliseName(name), spec === '' || spec === '*' ? null : spec.replace(/^==\s*/, ''), `${py}#${field}`);
        }
    }
    const uvDev = pyproject?.tool?.uv?.['dev-dependencies'];
    if (Array.isArray(uvDev))
        uvDev.forEach((d) => add(d, `${py}#tool.uv.dev-dependencies`));
    const pdmDev = pyproject?.tool?.pdm?.['dev-dependencies'];
    if (pdmDev && typeof pdmDev === 'object' && !Array.isArray(pdmDev))
        for (const [group, list] of Object.entries(pdmDev))
            if (Array.isArray(list))
                list.forEach((d) => add(d, `${py}#tool.pdm.dev-dependencies.${group}`));
    for (const table of [pipfile?.packages, pipfile?.['dev-packages']]) {
        for (const [name, v] of Object.entries(table ?? {})) {
            const spec = typeof v === 'string' ? v : (v?.version ?? '');
            const clean = typeof spec === 'string' && spec !== '*' && spec !== '' ? spec : null;
            set(normaliseName(name), clean && /^==(?!=)\s*[^,*]+$/.test(clean) ? clean.replace(/^==\s*/, '') : clean, context_joinRel(dir, 'Pipfile'));
        }
    }
    for (const r of requirements.requirements)
        set(r.name, r.version, r.source);
    for (const [name, dep] of deps) {
        const pin = requirements.constraints.get(name);
        if (pin && (dep.version === null || /^[<>=!~^]/.test(dep.version)))
            deps.set(name, { version: pin.version, source: pin.source });
    }
    return deps;
}
function runPrefix(pm) {
    return pm === 'uv'
        ? 'uv run '
        : pm === 'poetry'
            ? 'poetry run '
            : pm === 'pipenv'
                ? 'pipenv run '
                : pm === 'pdm'
                    ? 'pdm run '
                    : '';
}
function python_installCommand(pm, requirements, hasProjectFile) {
    switch (pm.name) {
        case 'uv':
            return pm.lockfile ? 'uv sync --locked' : 'uv sync';
        case 'poetry':
            return 'poetry install --no-interaction';
        case 'pipenv':
            return pm.lockfile ? 'pipenv install --deploy --dev' : 'pipenv install --dev';
        case 'pdm':
            return pm.lockfile ? 'pdm install --frozen-lockfile' : 'pdm install';
        default:
            if (requirements.length > 0)
                return `pip install -r ${(0,lite/* shellQuote */.ZL)(requirements.includes('requirements.txt') ? 'requirements.txt' : requirements[0])}`;
            return hasProjectFile ? 'pip install .' : null;
    }
}
function buildCommand(pm) {
    return pm === 'poetry' ? 'poetry build' : pm === 'uv' ? 'uv build' : pm === 'pdm' ? 'pdm build' : 'python -m build';
}
async function startCommand(ctx, dir, deps, exec) {
    if (deps.has('django') && ctx.has(dir, 'manage.py')) {
        const settings = /DJANGO_SETTINGS_MODULE['"]\s*,\s*['"]([\w.]+)\.settings['"]/.exec((await ctx.text(context_joinRel(dir, 'manage.py'))) ?? '')?.[1];
        if (settings && deps.has('gunicorn'))
            return `${exec}gunicorn ${settings}.wsgi`;
        return `${exec}python manage.py runserver 0.0.0.0:8000`;
    }
    const entry = ctx.has(dir, 'main.py') ? 'main' : ctx.has(dir, 'app.py') ? 'app' : undefined;
    if (!entry)
        return null;
    if (deps.has('fastapi'))
        return `${exec}uvicorn ${entry}:app --host 0.0.0.0`;
    if (deps.has('flask'))
        return deps.has('gunicorn') ? `${exec}gunicorn ${entry}:app` : `${exec}flask --app ${entry} run --host 0.0.0.0`;
    return `${exec}python ${entry}.py`;
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/ruby.ts




/** Ruby projects with Bundler; Rails with its locked version. */
const rubyDetector = {
    name: 'ruby',
    priority: 35,
    applies: (ctx, dir) => ctx.has(dir, 'Gemfile'),
    async project(ctx, { dir }) {
        const manifest = context_joinRel(dir, 'Gemfile');
        const gemfile = (await ctx.text(manifest)) ?? '';
        const lockPath = ctx.has(dir, 'Gemfile.lock') ? context_joinRel(dir, 'Gemfile.lock') : null;
        const lock = lockPath ? ((await ctx.text(lockPath)) ?? '') : '';
        const pinned = await nearestVersion(ctx, dir, [
            plainFile('.ruby-version', (v) => v.replace(/^ruby-/, '')),
            toolVersions('ruby'),
            miseTools('ruby'),
        ]);
        const inGemfile = capture(gemfile, /^[ \t]*ruby[ \t]+['"]([^'"\n]+)['"]/m);
        const inLock = capture(lock, /^RUBY VERSION\s*\n\s*ruby\s+(\d[\w.]*)/m)?.replace(/p\d+$/, '');
        const version = pinned ??
            (inGemfile ? { value: inGemfile, source: manifest } : inLock ? { value: inLock, source: lockPath } : undefined);
        const gem = (name) => new RegExp(`^[ \\t]*gem[ \\t]+['"]${name}['"]`, 'm').test(gemfile);
        const frameworks = [];
        if (gem('rails') || /^\s{4}rails \(/m.test(lock)) {
            const locked = capture(lock, /^ {4}rails \(([^)\n]+)\)/m);
            frameworks.push({
                name: 'rails',
                version: locked ?? capture(gemfile, /gem\s+['"]rails['"]\s*,\s*['"]([^'"\n]+)['"]/) ?? null,
                source: locked ? lockPath : manifest,
            });
        }
        const rails = frameworks.length > 0;
        const rspec = gem('rspec') || gem('rspec-rails') || (await ctx.exists(context_joinRel(dir, 'spec')));
        return {
            name: folderName(dir, ctx.rootName),
            manifest,
            runtime: { name: 'ruby', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: {
                name: 'bundler',
                version: capture(lock, /^BUNDLED WITH\s*\n\s*(\S+)/m) ?? null,
                lockfile: lockPath,
                source: manifest,
            },
            frameworks,
            commands: {
                install: 'bundle install',
                build: rails ? 'bundle exec rails assets:precompile' : null,
                test: rspec
                    ? 'bundle exec rspec'
                    : rails
                        ? 'bundle exec rails test'
                        : ctx.has(dir, 'Rakefile')
                            ? 'bundle exec rake'
                            : null,
                start: rails ? 'bundle exec rails server -b 0.0.0.0' : ctx.has(dir, 'config.ru') ? 'bundle exec rackup' : null,
            },
            warnings: [],
        };
    },
};

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(4006);
var picomatch_default = /*#__PURE__*/__nccwpck_require__.n(picomatch);
;// CONCATENATED MODULE: ./packages/stack/src/globs.ts

/** Why picomatch refuses a glob (empty, longer than it allows), or undefined when it takes it. */
function globProblem(glob, options = {}) {
    try {
        picomatch_default()(glob, options);
        return undefined;
    }
    catch (err) {
        return String(err.message).slice(0, 120);
    }
}
/** A glob as it may be shown in a message: quoted, escaped, and cut when long. */
function showGlob(glob) {
    return JSON.stringify(glob.length > 80 ? `${glob.slice(0, 80)}…` : glob);
}
/**
 * One matcher for globs that come from a repository or an input. A glob picomatch refuses is
 * reported and skipped rather than thrown: a bad workspace glob in one manifest must not stop
 * detection of the rest.
 */
function compileGlobs(globs, report, options = {}) {
    const good = [];
    for (const glob of globs) {
        const problem = globProblem(glob, options);
        if (problem === undefined)
            good.push(glob);
        else
            report(`glob ${showGlob(glob)} is not usable (${problem}); it is skipped`);
    }
    if (good.length === 0)
        return () => false;
    return picomatch_default()(good, options);
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/rust.ts





const toolchainFile = async (ctx, dir) => {
    if (ctx.has(dir, 'rust-toolchain.toml')) {
        const path = context_joinRel(dir, 'rust-toolchain.toml');
        const doc = await ctx.toml(path, RustToolchainSchema);
        if (doc?.toolchain?.channel)
            return { value: doc.toolchain.channel, source: `${path}#toolchain.channel` };
    }
    if (ctx.has(dir, 'rust-toolchain')) {
        const path = context_joinRel(dir, 'rust-toolchain');
        const text = ((await ctx.text(path)) ?? '').trim();
        const channel = /channel\s*=\s*"([^"\n]+)"/.exec(text)?.[1] ?? (text.includes('\n') || text.includes('=') ? undefined : text);
        if (channel)
            return { value: channel, source: path };
    }
    return undefined;
};
/** Rust crates and Cargo workspaces; rust-toolchain(.toml) before `rust-version`. */
const rustDetector = {
    name: 'rust',
    priority: 40,
    applies: (ctx, dir) => ctx.has(dir, 'Cargo.toml'),
    async workspace(ctx, dir) {
        if (!ctx.has(dir, 'Cargo.toml'))
            return undefined;
        const path = context_joinRel(dir, 'Cargo.toml');
        const cargo = await ctx.toml(path, CargoTomlSchema);
        const members = cargo?.workspace?.members;
        if (!members)
            return undefined;
        const exclude = cargo?.workspace?.exclude ?? [];
        const excluded = compileGlobs(exclude, (message) => ctx.warn(`${path}: workspace.exclude ${message}`, path));
        return {
            tool: 'cargo-workspace',
            members: members.filter((m) => !excluded(m)).concat(exclude.map((e) => `!${e}`)),
            rootIsProject: cargo?.package !== undefined,
        };
    },
    async project(ctx, { dir, workspaceRoot }) {
        const manifest = context_joinRel(dir, 'Cargo.toml');
        const cargo = await ctx.toml(manifest, CargoTomlSchema);
        if (!cargo?.package)
            return undefined;
        const rootCargo = workspaceRoot ? await ctx.toml(context_joinRel(workspaceRoot, 'Cargo.toml'), CargoTomlSchema) : undefined;
        const pinned = await nearestVersion(ctx, dir, [toolchainFile]);
        const own = typeof cargo.package['rust-version'] === 'string' ? cargo.package['rust-version'] : undefined;
        const inherited = rootCargo?.workspace?.package?.['rust-version'];
        const version = pinned ??
            (own
                ? { value: own, source: `${manifest}#package.rust-version` }
                : inherited
                    ? { value: inherited, source: `${context_joinRel(workspaceRoot, 'Cargo.toml')}#workspace.package.rust-version` }
                    : undefined);
        const lockDir = ctx.has(dir, 'Cargo.lock')
            ? dir
            : workspaceRoot && ctx.has(workspaceRoot, 'Cargo.lock')
                ? workspaceRoot
                : undefined;
        const locked = lockDir !== undefined ? ' --locked' : '';
        const frameworks = [];
        for (const [dep, name] of RUST_FRAMEWORK_DEPS) {
            const spec = cargo.dependencies?.[dep];
            if (spec !== undefined)
                frameworks.push({
                    name,
                    version: typeof spec === 'string' ? spec : (spec.version ?? null),
                    source: `${manifest}#dependencies.${dep}`,
                });
        }
        const hasBinary = cargo.bin !== undefined || (await ctx.exists(context_joinRel(dir, 'src/main.rs')));
        return {
            name: cargo.package.name || folderName(dir, ctx.rootName),
            manifest,
            runtime: { name: 'rust', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: {
                name: 'cargo',
                version: null,
                lockfile: lockDir !== undefined ? context_joinRel(lockDir, 'Cargo.lock') : null,
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

;// CONCATENATED MODULE: ./packages/stack/src/detectors/site.ts
// Sites built by generators that run outside Node: Hugo, Jekyll, Middleman and Zola. Such a site
// is a project even with no package.json; the generator's build command and output folder come
// from the framework table. A site whose package.json has a build script of its own is left to
// the Node detector, which runs that script.







const GENERIC_CONFIGS = ['config.toml', 'config.yaml', 'config.yml', 'config.json'];
const JEKYLL_CONFIGS = ['_config.yml', '_config.yaml', '_config.toml'];
/** Static sites built by Hugo, Jekyll, Middleman or Zola. */
const siteDetector = {
    name: 'site',
    // Above Go (a Hugo site's go.mod holds its theme modules) and Ruby (a Jekyll site's Gemfile).
    priority: 45,
    covers: ['ruby', 'go', 'node', 'static'],
    applies: (ctx, dir) => [...HUGO_CONFIGS, ...GENERIC_CONFIGS, ...JEKYLL_CONFIGS, 'config.rb'].some((n) => ctx.has(dir, n)),
    async project(ctx, scope) {
        const { dir } = scope;
        const kind = await siteKind(ctx, dir);
        if (!kind)
            return undefined;
        const def = frameworks_FRAMEWORKS.find((f) => f.ecosystem === 'site' && f.name === kind);
        const pkg = ctx.has(dir, 'package.json')
            ? await ctx.json(context_joinRel(dir, 'package.json'), PackageJsonSchema)
            : undefined;
        if (typeof pkg?.scripts?.build === 'string')
            return undefined;
        const warnings = [];
        const ruby = kind === 'jekyll' || kind === 'middleman';
        const gemfile = ruby && ctx.has(dir, 'Gemfile');
        // Assets built by PostCSS or Tailwind: the site's install is its package.json's.
        const nodePm = pkg ? await packageManager(ctx, scope, pkg, undefined, warnings) : undefined;
        const version = ruby ? await rubyVersion(ctx, dir) : undefined;
        const draft = {
            name: folderName(dir, ctx.rootName),
            manifest: context_joinRel(dir, ctx.names(dir).find((n) => def.configs.includes(n))),
            runtime: { name: ruby ? 'ruby' : 'static', version: version?.value ?? null, source: version?.source ?? null },
            packageManager: gemfile ? await bundler(ctx, dir) : (nodePm ?? null),
            frameworks: [await generatorVersion(ctx, dir, kind)],
            commands: {
                install: gemfile
                    ? 'bundle install'
                    : nodePm
                        ? await installCommand(ctx, scope, nodePm, true, warnings)
                        : kind === 'jekyll'
                            ? 'gem install jekyll'
                            : null,
                build: gemfile ? `bundle exec ${def.build}` : def.build,
                test: null,
                start: null,
            },
            warnings,
            output: def.output,
            serves: true,
        };
        return draft;
    },
};
/**
 * Which generator a folder is for. Config names are shared (Hexo's _config.yml, Zola's and
 * Hugo's config.toml, many tools' config.yaml), so each claim is checked against what else the
 * folder holds.
 */
async function siteKind(ctx, dir) {
    const has = (n) => ctx.has(dir, n);
    const pkg = has('package.json') ? await ctx.json(context_joinRel(dir, 'package.json'), PackageJsonSchema) : undefined;
    const nodeGenerator = ['hexo', '@11ty/eleventy'].some((d) => pkg?.dependencies?.[d] !== undefined || pkg?.devDependencies?.[d] !== undefined);
    const gemfile = has('Gemfile') ? ((await ctx.text(context_joinRel(dir, 'Gemfile'))) ?? '') : '';
    const gem = (name) => new RegExp(`^[ \\t]*gem[ \\t]+['"]${name}['"]`, 'm').test(gemfile);
    if (JEKYLL_CONFIGS.some(has) && !nodeGenerator) {
        if (gem('jekyll') || gem('github-pages'))
            return 'jekyll';
        const folders = await Promise.all(['_posts', '_layouts', '_includes'].map((f) => ctx.exists(context_joinRel(dir, f))));
        // Without a Gemfile (GitHub Pages builds it), only a folder with Jekyll's own layout and nothing else to build.
        if (folders.some(Boolean) && !has('Gemfile') && !pkg)
            return 'jekyll';
    }
    if (has('config.rb') && gem('middleman'))
        return 'middleman';
    if (HUGO_CONFIGS.some(has))
        return 'hugo';
    const config = GENERIC_CONFIGS.find(has);
    if (config === undefined)
        return undefined;
    const text = (await ctx.text(context_joinRel(dir, config))) ?? '';
    const folders = async (names) => (await Promise.all(names.map((f) => ctx.exists(context_joinRel(dir, f))))).some(Boolean);
    if (config === 'config.toml' && /^\s*base_url\s*=/m.test(text) && (await folders(['templates', 'content'])))
        return 'zola';
    if (/^\s*"?base_?url"?\s*[=:]/im.test(text) && (await folders(['content', 'layouts', 'archetypes', 'themes'])))
        return 'hugo';
    return undefined;
}
/** The generator and its version: Gemfile.lock for Ruby ones; netlify.toml or .tool-versions for Hugo and Zola. */
async function generatorVersion(ctx, dir, kind) {
    const lockPath = context_joinRel(dir, 'Gemfile.lock');
    if ((kind === 'jekyll' || kind === 'middleman') && ctx.has(dir, 'Gemfile.lock')) {
        const locked = capture(await ctx.text(lockPath), new RegExp(`^ {4}${kind} \\(([^)\\n]+)\\)`, 'm'));
        if (locked)
            return { name: kind, version: locked, source: lockPath };
    }
    if (ctx.has(dir, 'netlify.toml')) {
        const path = context_joinRel(dir, 'netlify.toml');
        const pinned = capture(await ctx.text(path), new RegExp(`^\\s*${kind.toUpperCase()}_VERSION\\s*=\\s*"([^"\\n]+)"`, 'm'));
        if (pinned)
            return { name: kind, version: pinned, source: `${path}#${kind.toUpperCase()}_VERSION` };
    }
    const tool = await toolVersions(kind)(ctx, dir);
    if (tool)
        return { name: kind, version: tool.value, source: tool.source };
    const config = ctx.names(dir).find((n) => frameworks_FRAMEWORKS.find((f) => f.name === kind).configs.includes(n));
    return { name: kind, version: null, source: context_joinRel(dir, config) };
}
async function rubyVersion(ctx, dir) {
    for (const d of ctx.upward(dir))
        for (const source of [
            plainFile('.ruby-version', (v) => v.replace(/^ruby-/, '')),
            toolVersions('ruby'),
            miseTools('ruby'),
        ]) {
            const found = await source(ctx, d);
            if (found)
                return found;
        }
    return undefined;
}
async function bundler(ctx, dir) {
    const lockfile = ctx.has(dir, 'Gemfile.lock') ? context_joinRel(dir, 'Gemfile.lock') : null;
    const lock = lockfile ? ((await ctx.text(lockfile)) ?? '') : '';
    return {
        name: 'bundler',
        version: capture(lock, /^BUNDLED WITH\s*\n\s*(\S+)/m) ?? null,
        lockfile,
        source: context_joinRel(dir, 'Gemfile'),
    };
}

;// CONCATENATED MODULE: ./packages/stack/src/detectors/static.ts


/** A folder of HTML with no build: served as it is. Only where no other project encloses it. */
const staticDetector = {
    name: 'static',
    priority: 0,
    applies: (ctx, dir) => ctx.has(dir, 'index.html'),
    async project(ctx, { dir }) {
        return {
            name: folderName(dir, ctx.rootName),
            manifest: context_joinRel(dir, 'index.html'),
            runtime: { name: 'static', version: null, source: null },
            packageManager: null,
            frameworks: [],
            commands: noCommands(),
            warnings: [],
        };
    },
};

;// CONCATENATED MODULE: ./packages/stack/src/detectors/registry.ts













/** Every detector, highest priority first. Adding an ecosystem is one file and one line here. */
const DETECTORS = [
    mavenDetector,
    gradleDetector,
    dotnetDetector,
    goDetector,
    rustDetector,
    rubyDetector,
    phpDetector,
    elixirDetector,
    pythonDetector,
    denoDetector,
    nodeDetector,
    siteDetector,
    staticDetector,
].sort((a, b) => b.priority - a.priority);
/** The detectors by name; an unknown name is an error listing the known ones. */
function detectorByName(name) {
    const found = DETECTORS.find((d) => d.name === name);
    if (!found)
        throw new Error(`unknown detector '${name}'; known detectors: ${DETECTORS.map((d) => d.name).join(', ')}`);
    return found;
}

;// CONCATENATED MODULE: ./packages/stack/src/languages.ts
/** Linguist names for file extensions of programming and markup languages (data and prose are not counted). */
const BY_EXTENSION = {
    '.ts': 'TypeScript',
    '.tsx': 'TypeScript',
    '.mts': 'TypeScript',
    '.cts': 'TypeScript',
    '.js': 'JavaScript',
    '.jsx': 'JavaScript',
    '.mjs': 'JavaScript',
    '.cjs': 'JavaScript',
    '.py': 'Python',
    '.pyi': 'Python',
    '.go': 'Go',
    '.rs': 'Rust',
    '.java': 'Java',
    '.kt': 'Kotlin',
    '.kts': 'Kotlin',
    '.scala': 'Scala',
    '.groovy': 'Groovy',
    '.gradle': 'Groovy',
    '.cs': 'C#',
    '.fs': 'F#',
    '.vb': 'Visual Basic .NET',
    '.rb': 'Ruby',
    '.rake': 'Ruby',
    '.erb': 'HTML+ERB',
    '.php': 'PHP',
    '.ex': 'Elixir',
    '.exs': 'Elixir',
    '.heex': 'HTML+EEX',
    '.erl': 'Erlang',
    '.c': 'C',
    '.h': 'C',
    '.cc': 'C++',
    '.cpp': 'C++',
    '.cxx': 'C++',
    '.hpp': 'C++',
    '.hh': 'C++',
    '.m': 'Objective-C',
    '.mm': 'Objective-C++',
    '.swift': 'Swift',
    '.dart': 'Dart',
    '.lua': 'Lua',
    '.pl': 'Perl',
    '.r': 'R',
    '.jl': 'Julia',
    '.hs': 'Haskell',
    '.ml': 'OCaml',
    '.clj': 'Clojure',
    '.zig': 'Zig',
    '.nim': 'Nim',
    '.sh': 'Shell',
    '.bash': 'Shell',
    '.zsh': 'Shell',
    '.ps1': 'PowerShell',
    '.sql': 'PLpgSQL',
    '.html': 'HTML',
    '.htm': 'HTML',
    '.css': 'CSS',
    '.scss': 'SCSS',
    '.sass': 'Sass',
    '.less': 'Less',
    '.vue': 'Vue',
    '.svelte': 'Svelte',
    '.astro': 'Astro',
    '.tf': 'HCL',
    '.hcl': 'HCL',
    '.sol': 'Solidity',
};
const BY_FILENAME = {
    Dockerfile: 'Dockerfile',
    Containerfile: 'Dockerfile',
    Makefile: 'Makefile',
    GNUmakefile: 'Makefile',
    Rakefile: 'Ruby',
    Gemfile: 'Ruby',
    Jenkinsfile: 'Groovy',
};
/** The language of a file by its name, or undefined for data, prose and unknown files. */
function languageOf(name) {
    const exact = BY_FILENAME[name];
    if (exact)
        return exact;
    if (name.startsWith('Dockerfile.') || name.endsWith('.dockerfile'))
        return 'Dockerfile';
    const dot = name.lastIndexOf('.');
    if (dot <= 0)
        return undefined;
    return BY_EXTENSION[name.slice(dot).toLowerCase()];
}
/** Generated or minified files linguist leaves out of the statistics. */
function isGeneratedName(name) {
    return /\.min\.(js|css)$|[.-]bundle\.js$|\.pb\.go$|_pb2(_grpc)?\.py$|\.designer\.cs$|\.g\.dart$|\.generated\.\w+$/.test(name);
}
/** Language totals in bytes with their shares, largest first. */
function languageShares(bytes) {
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    return [...bytes.entries()]
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([name, n]) => ({ name, bytes: n, share: total ? Math.round((n / total) * 10_000) / 10_000 : 0 }));
}

;// CONCATENATED MODULE: ./packages/stack/src/pattern-index.ts

const GLOB_CHARS = /[*?[\]{}()!+@\\]/;
/** `.` and `..` segments and doubled slashes: picomatch normalises them, so leave them to it. */
const ODD_SEGMENTS = /(^|\/)\.\.?(\/|$)|\/\/|^\//;
const BLOCK_SIZE = 64;
const OPTIONS = { dot: true };
/**
 * gitignore-style patterns indexed so that a lookup does not test every pattern. A pattern
 * without a slash matches any segment of a path; with one, the path from the root or anything
 * below it. Literal names, `*.ext` and literal folder paths (also `dir/**`) are found in maps;
 * the other globs, per attribute and last line first, are tested in blocks of 64 compiled into
 * one regular expression, so a path that matches none of 5,000 globs costs about 80 native
 * regex tests, and one that matches stops at the first (the last line) that does.
 */
class PatternIndex {
    names = new Map();
    extensions = new Map();
    prefixes = new Map();
    globs = new Map();
    /** Globs with a literal, by one three-character piece of it: only paths holding it are tested. */
    trigrams = new Map();
    blocks = new Map();
    count = 0;
    /** Adds a pattern and the attributes its line sets; a pattern picomatch refuses is ignored. */
    add(pattern, settings) {
        const entry = this.entryFor(pattern);
        if (!entry)
            return;
        this.count++;
        for (const s of settings)
            entry.settings.set(s.key, s);
    }
    /** Builds the glob blocks; call once after the last add. */
    seal() {
        const byKey = new Map();
        this.trigrams = new Map();
        for (const entry of this.globs.values()) {
            if (entry.literal !== undefined) {
                this.addTrigram(entry, entry.literal);
                continue;
            }
            for (const setting of entry.settings.values()) {
                const list = byKey.get(setting.key) ?? [];
                list.push({ entry, setting });
                byKey.set(setting.key, list);
            }
        }
        this.blocks = new Map();
        for (const [key, list] of byKey) {
            list.sort((a, b) => b.setting.order - a.setting.order);
            const blocks = [];
            for (let i = 0; i < list.length; i += BLOCK_SIZE)
                blocks.push(makeBlock(list.slice(i, i + BLOCK_SIZE)));
            this.blocks.set(key, blocks);
        }
    }
    /** True when no pattern was added. */
    get isEmpty() {
        return this.count === 0;
    }
    /** For each attribute, the value of the last matching line that sets it. */
    lookup(path) {
        const segments = path.split('/');
        const best = new Map();
        const consider = (entry) => {
            for (const s of entry.settings.values()) {
                const current = best.get(s.key);
                if (!current || s.order > current.order)
                    best.set(s.key, s);
            }
        };
        for (const segment of segments) {
            const named = this.names.get(segment);
            if (named)
                consider(named);
            const dot = segment.lastIndexOf('.');
            if (dot >= 0)
                for (const { suffix, entry } of this.extensions.get(segment.slice(dot + 1)) ?? [])
                    if (segment.endsWith(suffix))
                        consider(entry);
        }
        if (this.prefixes.size > 0)
            for (let i = path.indexOf('/');; i = path.indexOf('/', i + 1)) {
                const entry = this.prefixes.get(i < 0 ? path : path.slice(0, i));
                if (entry)
                    consider(entry);
                if (i < 0)
                    break;
            }
        if (this.trigrams.size > 0) {
            const tested = new Set();
            for (let i = 0; i + 3 <= path.length; i++) {
                for (const entry of this.trigrams.get(path.slice(i, i + 3)) ?? []) {
                    if (tested.has(entry))
                        continue;
                    tested.add(entry);
                    if (path.includes(entry.literal) && entry.test(path, segments))
                        consider(entry);
                }
            }
        }
        for (const [key, blocks] of this.blocks) {
            const floor = best.get(key)?.order ?? -1;
            search: for (const block of blocks) {
                // Blocks hold the latest lines first: once a block starts below what we have, stop.
                if (block.members[0].setting.order < floor)
                    break;
                if (!block.test(path, segments))
                    continue;
                for (const { entry, setting } of block.members) {
                    if (setting.order < floor)
                        break search;
                    if (entry.test(path, segments)) {
                        best.set(key, setting);
                        break search;
                    }
                }
            }
        }
        const out = {};
        for (const [key, s] of best)
            out[key] = s.value;
        return out;
    }
    /** Files the glob under the piece of its literal that the fewest globs share so far. */
    addTrigram(entry, literal) {
        let best = literal.slice(0, 3);
        for (let i = 1; i + 3 <= literal.length; i++) {
            const piece = literal.slice(i, i + 3);
            if ((this.trigrams.get(piece)?.length ?? 0) < (this.trigrams.get(best)?.length ?? 0))
                best = piece;
        }
        const list = this.trigrams.get(best) ?? [];
        list.push(entry);
        this.trigrams.set(best, list);
    }
    entryFor(pattern) {
        // As in .gitignore: a trailing slash or /** matches everything below a folder.
        const anchored = pattern.includes('/') && !pattern.endsWith('/') ? pattern.replace(/^\//, '') : null;
        if (anchored !== null) {
            const folder = anchored.replace(/\/\*\*$/, '');
            if (!GLOB_CHARS.test(folder) && !ODD_SEGMENTS.test(folder))
                return getOrAdd(this.prefixes, folder);
            return this.glob(`A:${anchored}`, false, [anchored, `${anchored}/**`]);
        }
        const name = pattern.replace(/\/$/, '');
        if (name === '')
            return undefined;
        // `a/b/` is tested against single segments as the original matcher did: picomatch decides.
        const plain = !GLOB_CHARS.test(name) && !ODD_SEGMENTS.test(name) && !name.includes('/');
        if (plain)
            return getOrAdd(this.names, name);
        const suffix = /^\*([^*?[\]{}()!+@\\]*\.[^*?[\]{}()!+@\\.]*)$/.exec(name)?.[1];
        if (suffix !== undefined) {
            const ext = suffix.slice(suffix.lastIndexOf('.') + 1);
            const list = this.extensions.get(ext) ?? [];
            let found = list.find((x) => x.suffix === suffix);
            if (!found)
                list.push((found = { suffix, entry: { settings: new Map() } }));
            this.extensions.set(ext, list);
            return found.entry;
        }
        return this.glob(`N:${name}`, true, [name]);
    }
    glob(id, byName, patterns) {
        const existing = this.globs.get(id);
        if (existing)
            return existing;
        let regexes;
        try {
            regexes = patterns.map((p) => picomatch_default().makeRe(p, OPTIONS));
        }
        catch {
            return undefined; // longer than picomatch allows, or otherwise refused
        }
        const test = byName
            ? (_path, segments) => segments.some((s) => regexes.some((r) => r.test(s)))
            : (path) => regexes.some((r) => r.test(path));
        const combinable = regexes.every((r) => r.flags === '' && !/\\[1-9]|\(\?</.test(r.source));
        const entry = {
            settings: new Map(),
            byName,
            sources: combinable ? regexes.map((r) => r.source) : [],
            literal: requiredLiteral(patterns[0]),
            test,
        };
        this.globs.set(id, entry);
        return entry;
    }
}
/**
 * The longest run of plain characters a glob requires of every path it matches, or undefined
 * when it has none of three or more characters, or has syntax (negation, escapes, `./`) under
 * which its plain text need not appear as written. Bracket, brace and extglob groups are not
 * required text, so they are cut out first.
 */
function requiredLiteral(glob) {
    if (/^!|\\/.test(glob) || ODD_SEGMENTS.test(glob))
        return undefined;
    const rest = glob.replace(/\[[^\]]*\]|\{[^{}]*\}|[?*+@!]?\([^()]*\)/g, '\0');
    if (/[[\]{}()]/.test(rest))
        return undefined;
    let longest = '';
    // Split at slashes too: `**/` may match nothing, so a slash beside it is not required.
    for (const run of rest.split(/[\0*?+@!/]+/))
        if (run.length > longest.length)
            longest = run;
    return longest.length >= 3 ? longest : undefined;
}
function getOrAdd(map, key) {
    let entry = map.get(key);
    if (!entry)
        map.set(key, (entry = { settings: new Map() }));
    return entry;
}
/** One regular expression per kind (by segment, by path) over the block's globs. */
function makeBlock(members) {
    const each = (path, segments) => members.some((m) => m.entry.test(path, segments));
    if (members.some((m) => m.entry.sources.length === 0))
        return { members, test: each };
    const combine = (byName) => {
        const sources = members.filter((m) => m.entry.byName === byName).flatMap((m) => m.entry.sources);
        // The outer ^ makes the engine try position 0 only; each source is anchored already, but an
        // alternation of anchored groups is still tried at every position of the string.
        return sources.length ? new RegExp(`^(?:${sources.map((s) => `(?:${s})`).join('|')})`) : undefined;
    };
    try {
        const byName = combine(true);
        const byPath = combine(false);
        return {
            members,
            test: (path, segments) => (byPath?.test(path) ?? false) || (byName ? segments.some((s) => byName.test(s)) : false),
        };
    }
    catch {
        return { members, test: each };
    }
}

;// CONCATENATED MODULE: ./packages/stack/src/gitattributes.ts

/** Patterns with linguist attributes beyond this many are not read: a real file has a few dozen. */
const MAX_ATTRIBUTE_PATTERNS = 10_000;
/**
 * The linguist-* attributes of a .gitattributes file. As in git, for each attribute the last
 * matching line wins. Lookups cost about the same for 5,000 patterns as for five: literal names,
 * extensions and folder prefixes are found in maps, and the remaining globs are tested in
 * compiled blocks (see pattern-index.ts).
 */
class GitAttributes {
    index;
    skipped;
    constructor(index, 
    /** Patterns past MAX_ATTRIBUTE_PATTERNS that were not read. */
    skipped) {
        this.index = index;
        this.skipped = skipped;
    }
    /** Parses .gitattributes text; lines without linguist attributes are ignored. */
    static parse(text, maxPatterns = MAX_ATTRIBUTE_PATTERNS) {
        const index = new PatternIndex();
        let rules = 0;
        let skipped = 0;
        for (const rawLine of text.split(/\r?\n/)) {
            const line = rawLine.trim();
            if (line === '' || line.startsWith('#'))
                continue;
            const [pattern, ...attrs] = line.split(/\s+/);
            if (!pattern)
                continue;
            const overrides = {};
            for (const attr of attrs)
                readAttribute(attr, overrides);
            if (Object.keys(overrides).length === 0)
                continue;
            if (rules >= maxPatterns) {
                skipped++;
                continue;
            }
            const settings = Object.entries(overrides).map(([key, value]) => ({
                key: key,
                value: value,
                order: rules,
            }));
            index.add(pattern, settings);
            rules++;
        }
        index.seal();
        return new GitAttributes(index, skipped);
    }
    /** An empty set of rules. */
    static empty() {
        const index = new PatternIndex();
        index.seal();
        return new GitAttributes(index, 0);
    }
    /** True when no rule exists, so callers can skip matching. */
    get isEmpty() {
        return this.index.isEmpty;
    }
    /** The combined overrides for a POSIX path relative to the repository root. */
    lookup(path) {
        return this.index.lookup(path);
    }
}
const FLAGS = {
    'linguist-vendored': 'vendored',
    'linguist-generated': 'generated',
    'linguist-documentation': 'documentation',
};
/** Language names are shown in the summary's chart: only what a real language name holds. */
const LANGUAGE_NAME = /^[\w .#+'()-]{1,64}$/;
function readAttribute(attr, into) {
    const unset = attr.startsWith('-') || attr.startsWith('!');
    const body = unset ? attr.slice(1) : attr;
    const [key, value] = body.split('=', 2);
    if (key === 'linguist-language' && value && !unset) {
        const name = value.replace(/_/g, ' ');
        if (LANGUAGE_NAME.test(name))
            into.language = name;
        return;
    }
    const flag = FLAGS[key];
    if (flag)
        into[flag] = !unset && value !== 'false';
}

;// CONCATENATED MODULE: ./packages/stack/src/walk.ts








/** Folders never entered: dependency trees, build output, caches and VCS data. */
const PRUNED_DIRS = new Set([
    '.git',
    '.hg',
    '.svn',
    'node_modules',
    'bower_components',
    'jspm_packages',
    '.yarn',
    '.pnpm-store',
    '.venv',
    'venv',
    '.tox',
    '.nox',
    '__pycache__',
    '.mypy_cache',
    '.pytest_cache',
    '.ruff_cache',
    'site-packages',
    'vendor',
    'third_party',
    'Godeps',
    'target',
    'dist',
    '.next',
    '.nuxt',
    '.svelte-kit',
    '.astro',
    '.turbo',
    '.angular',
    '.gradle',
    '.idea',
    '.vscode',
    '.cache',
    '.parcel-cache',
    'coverage',
    '_build',
    'deps',
    '.elixir_ls',
    'bin',
    'obj',
    '.bundle',
    '.terraform',
    '.serverless',
    '.vercel',
    '.netlify',
    '.slipway',
]);
/**
 * Folders whose manifests are test data or benchmarks, not projects, unless a workspace declares
 * them as members (their code still counts toward languages).
 */
const NOT_PROJECT_DIRS = new Set([
    '__fixtures__',
    'testdata',
    'test-fixtures',
    '__mocks__',
    'test',
    'tests',
    '__tests__',
    'e2e',
    'benchmarks',
]);
/** True for a folder name that holds test data, tests or benchmarks (`fixtures`, `fixtures-v2`, `e2e` …). */
function isNotProjectDir(name) {
    return NOT_PROJECT_DIRS.has(name) || name.startsWith('fixtures');
}
const MANIFEST_NAMES = new Set([
    'package.json',
    'package-lock.json',
    'npm-shrinkwrap.json',
    'pnpm-lock.yaml',
    'pnpm-workspace.yaml',
    'yarn.lock',
    '.yarnrc.yml',
    'bun.lockb',
    'bun.lock',
    'deno.json',
    'deno.jsonc',
    'deno.lock',
    'turbo.json',
    'nx.json',
    'lerna.json',
    'rush.json',
    '.nvmrc',
    '.node-version',
    '.tool-versions',
    'mise.toml',
    '.mise.toml',
    '.dvmrc',
    '.bun-version',
    'pyproject.toml',
    'Pipfile',
    'Pipfile.lock',
    'poetry.lock',
    'uv.lock',
    'pdm.lock',
    'setup.py',
    'setup.cfg',
    '.python-version',
    'runtime.txt',
    'manage.py',
    'go.mod',
    'go.work',
    'Cargo.toml',
    'Cargo.lock',
    'rust-toolchain',
    'rust-toolchain.toml',
    'pom.xml',
    'mvnw',
    'build.gradle',
    'build.gradle.kts',
    'settings.gradle',
    'settings.gradle.kts',
    'gradlew',
    '.java-version',
    '.sdkmanrc',
    'global.json',
    'Gemfile',
    'Gemfile.lock',
    '.ruby-version',
    'composer.json',
    'composer.lock',
    '.php-version',
    'mix.exs',
    'mix.lock',
    'index.html',
    'Procfile',
    '.gitattributes',
    'main.py',
    'app.py',
    'pytest.ini',
    'conftest.py',
    'tox.ini',
    'main.go',
    'go.sum',
    'gradle.lockfile',
    'packages.lock.json',
    'config.ru',
    'Rakefile',
    'artisan',
    // Hugo's and Zola's pinned version.
    'netlify.toml',
    // Nx projects.
    'project.json',
    'workspace.json',
]);
/** Config files named by the framework table and by the Nx plugins that infer targets. */
const CONFIG_NAMES = new Set([...FRAMEWORK_CONFIG_FILES, ...NX_PLUGIN_CONFIG_FILES]);
/** True for files detect-stack reads or looks for by name. */
function isManifestName(name) {
    if (MANIFEST_NAMES.has(name) || CONFIG_NAMES.has(name))
        return true;
    // The walk asks this of every file: test the cheap first character before any regex.
    const first = name.charCodeAt(0);
    if (first === 114 /* r */)
        return /^requirements[\w.-]*\.txt$/.test(name);
    if (first === 68 /* D */ || first === 67 /* C */)
        return /^(Dockerfile|Containerfile)(\..+)?$/.test(name);
    return /\.(csproj|fsproj|vbproj|sln|dockerfile)$/.test(name);
}
/**
 * Walks the tree depth-first without following symbolic links, never entering dependency trees
 * or build output, and never reading a file: sizes come from lstat. Stops at maxFiles.
 */
function walk(options) {
    const { root, logger } = options;
    const maxFiles = options.maxFiles ?? 200_000;
    const progressEvery = options.progressEvery ?? 50_000;
    const inv = {
        manifests: new Map(),
        notProject: new Set(),
        languageBytes: new Map(),
        dirBytes: new Map(),
        files: 0,
        directories: 0,
        truncated: false,
        warnings: [],
    };
    const excluded = compileGlobs(options.exclude ?? [], (message) => inv.warnings.push(`exclude: ${message}`), {
        dot: true,
    });
    let attributes;
    const stack = [{ rel: '.', notProject: false }];
    while (stack.length > 0 && !inv.truncated) {
        const { rel, notProject } = stack.pop();
        const abs = rel === '.' ? root : (0,external_node_path_.join)(root, rel);
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(abs, { withFileTypes: true });
        }
        catch (err) {
            inv.warnings.push(`could not read folder ${rel}: ${err.code ?? String(err)}`);
            continue;
        }
        inv.directories++;
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        if (rel === '.' && entries.some((e) => e.name === '.gitattributes' && e.isFile())) {
            attributes = readAttributes((0,external_node_path_.join)(root, '.gitattributes'), inv);
        }
        let bytesHere = 0;
        const childDirs = [];
        for (const entry of entries) {
            const name = entry.name;
            const childRel = rel === '.' ? name : `${rel}/${name}`;
            if (entry.isDirectory()) {
                if (!PRUNED_DIRS.has(name) && !excluded(childRel) && !excluded(`${childRel}/`))
                    childDirs.push(childRel);
                continue;
            }
            if (!entry.isFile())
                continue; // symbolic links, sockets, devices: never followed or read
            if (excluded(childRel))
                continue;
            if (inv.files >= maxFiles) {
                inv.truncated = true;
                break;
            }
            inv.files++;
            if (inv.files % progressEvery === 0)
                logger.info(`detect-stack: walked ${inv.files} files in ${inv.directories} folders…`);
            if (isManifestName(name)) {
                const list = inv.manifests.get(rel);
                if (list)
                    list.push(name);
                else
                    inv.manifests.set(rel, [name]);
                if (notProject)
                    inv.notProject.add(rel);
            }
            bytesHere += countLanguage(abs, name, childRel, attributes, inv);
        }
        if (bytesHere > 0)
            inv.dirBytes.set(rel, bytesHere);
        for (let i = childDirs.length - 1; i >= 0; i--)
            stack.push({ rel: childDirs[i], notProject: notProject || isNotProjectDir(basename(childDirs[i])) });
    }
    if (inv.truncated)
        inv.warnings.push(`stopped after ${maxFiles} files (max-files); results cover only the part walked`);
    return inv;
}
function basename(rel) {
    return rel.slice(rel.lastIndexOf('/') + 1);
}
function countLanguage(dirAbs, name, rel, attributes, inv) {
    let language = languageOf(name);
    if (attributes && !attributes.isEmpty) {
        const o = attributes.lookup(rel);
        if (o.vendored || o.generated || o.documentation)
            return 0;
        if (o.language)
            language = o.language;
    }
    if (!language || isGeneratedName(name))
        return 0;
    // undefined when the file vanished, or its name does not round-trip through UTF-8
    let size;
    try {
        size = (0,external_node_fs_.lstatSync)(`${dirAbs}/${name}`, { throwIfNoEntry: false })?.size;
    }
    catch {
        size = undefined; // unreadable
    }
    if (size === undefined)
        return 0;
    inv.languageBytes.set(language, (inv.languageBytes.get(language) ?? 0) + size);
    return size;
}
/** .gitattributes larger than this is not read: a real one is a few kilobytes. */
const MAX_ATTRIBUTES_BYTES = 1024 * 1024;
function readAttributes(path, inv) {
    let text;
    try {
        // Small, read once, synchronously: the walk that follows depends on it. Opened without
        // blocking and checked on the descriptor, so a FIFO put there in between cannot hang us.
        text = (0,lite/* readUserFile */.E1)(path, { maxBytes: MAX_ATTRIBUTES_BYTES, subject: {}, what: '.gitattributes' }).toString('utf8');
    }
    catch (err) {
        // readUserFile names the file by the path it was given; the warning names it as the user knows it.
        const why = (0,lite/* isUserError */.iU)(err)
            ? err.message.replace(`${path} `, '')
            : `.gitattributes could not be read: ${String(err)}`;
        inv.warnings.push(`${why.replace(/\.$/, '')}; it is not used`);
        return GitAttributes.empty();
    }
    const attributes = GitAttributes.parse(text);
    if (attributes.skipped > 0)
        inv.warnings.push(`.gitattributes has ${attributes.skipped + MAX_ATTRIBUTE_PATTERNS} linguist patterns; only the first ${MAX_ATTRIBUTE_PATTERNS} are used`);
    return attributes;
}
/** A repository is never deeper than this below the filesystem root; a climb past it gives up. */
const MAX_CLIMB = 64;
/**
 * The folders above `root` that belong to its repository, nearest first, with their manifest
 * names: an enclosing workspace (a pnpm, Yarn or Nx root above `path`) is declared there. The
 * climb ends at the repository root, the nearest folder with `.git`, and never passes `ceiling`
 * (the workspace); without a `.git` above it, it goes up to `ceiling`, or nowhere when there is none.
 */
function foldersAbove(root, ceiling) {
    let dir = (0,external_node_path_.resolve)(root);
    const top = ceiling !== undefined && isInside(dir, (0,external_node_path_.resolve)(ceiling)) ? (0,external_node_path_.resolve)(ceiling) : undefined;
    const chain = [];
    for (let i = 0; !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, '.git')) && dir !== top; i++) {
        const parent = (0,external_node_path_.dirname)(dir);
        if (parent === dir || i === MAX_CLIMB)
            return top === undefined ? [] : outerDirs(root, chain);
        chain.push(parent);
        dir = parent;
    }
    return outerDirs(root, chain);
}
function isInside(dir, ancestor) {
    return dir === ancestor || dir.startsWith(ancestor.endsWith(external_node_path_.sep) ? ancestor : ancestor + external_node_path_.sep);
}
function outerDirs(root, chain) {
    return chain.map((abs, i) => {
        let names = [];
        try {
            names = (0,external_node_fs_.readdirSync)(abs, { withFileTypes: true })
                .filter((e) => e.isFile() && isManifestName(e.name))
                .map((e) => e.name)
                .sort();
        }
        catch {
            // An unreadable folder above the root declares nothing detection can use.
        }
        return {
            rel: Array.from({ length: i + 1 }, () => '..').join('/'),
            below: (0,external_node_path_.relative)(abs, (0,external_node_path_.resolve)(root)).split(external_node_path_.sep).join('/'),
            names,
        };
    });
}

;// CONCATENATED MODULE: ./packages/stack/src/detect.ts








/** Walks a repository once and reports its languages, projects, workspaces and commands. */
async function detectStack(options) {
    const logger = options.logger ?? lite/* nullLogger */.Gi;
    const clock = options.clock ?? lite/* systemClock */.ml;
    const started = clock.monotonic();
    const inventory = walk({
        root: options.root,
        exclude: options.exclude ?? [],
        maxFiles: options.maxFiles ?? 200_000,
        logger,
    });
    const ctx = new DetectContext(options.root, inventory, logger, options.annotationPrefix ?? '', (0,external_node_path_.basename)(options.root) || 'root', foldersAbove(options.root, options.ceiling));
    for (const w of inventory.warnings)
        ctx.warn(w);
    const dirs = [...inventory.manifests.keys()].sort(byPath);
    // Test data, fixtures and benchmarks declare no workspaces; they are projects only as members.
    const real = dirs.filter((d) => !inventory.notProject.has(d));
    const workspaces = await findWorkspaces(ctx, real);
    const memberOf = assignMembers(ctx, dirs, workspaces);
    const candidates = dirs.filter((d) => !inventory.notProject.has(d) || memberOf.has(d));
    // Folders are independent of each other: read their manifests concurrently, keep path order.
    const found = await Promise.all(candidates.map((dir) => projectAt(ctx, dir, workspaces, memberOf.get(dir))));
    const kept = dropEnclosedStaticSites(found.filter((p) => p !== undefined));
    const projects = kept.map((f) => f.project);
    for (const p of projects)
        for (const w of p.warnings)
            logger.warning(`${oneLine(p.path)}: ${w}`, {
                file: (options.annotationPrefix ?? '') + p.manifest,
                title: 'detect-stack',
            });
    return {
        schemaVersion: 1,
        root: options.displayRoot ?? '.',
        languages: languageShares(inventory.languageBytes),
        monorepo: monorepoOf(workspaces, projects, memberOf),
        projects,
        primary: (await primaryOf(ctx, kept, inventory))?.path ?? null,
        warnings: ctx.warnings,
        stats: {
            files: inventory.files,
            directories: inventory.directories,
            elapsedMs: Math.round(clock.monotonic() - started),
            truncated: inventory.truncated,
        },
    };
}
/** Workspaces declared in the tree, and above it (up to the repository root) by detectors that look there. */
async function findWorkspaces(ctx, dirs) {
    const outer = ctx.outer.map((o) => o.rel);
    const perDir = await Promise.all([...dirs, ...outer].map(async (dir) => {
        const here = [];
        for (const detector of DETECTORS) {
            if (dir.startsWith('..') && !detector.workspaceAbove)
                continue;
            const decl = detector.workspace ? await detector.workspace(ctx, dir) : undefined;
            if (decl)
                here.push({ dir, detector, decl });
        }
        return here;
    }));
    return perDir.flat();
}
/** How deep a folder is: the root 0, `a/b` 2, `..` -1; a nearer workspace root claims its members last. */
function depth(dir) {
    if (dir === '.')
        return 0;
    const parts = dir.split('/');
    return dir.startsWith('..') ? -parts.length : parts.length;
}
/** Member globs past this many are not used: each is compiled and tried against every folder. */
const MAX_MEMBER_GLOBS = 5000;
/** Each member folder → the workspace root that claims it (the nearest one when nested). */
function assignMembers(ctx, dirs, workspaces) {
    const memberOf = new Map();
    for (const ws of [...workspaces].sort((a, b) => depth(a.dir) - depth(b.dir))) {
        const members = [...new Set(ws.decl.members)];
        if (members.length > MAX_MEMBER_GLOBS)
            ctx.warn(`workspace at ${ws.dir} (${ws.decl.tool}) lists ${members.length} members; only the first ${MAX_MEMBER_GLOBS} are used`);
        const used = members.slice(0, MAX_MEMBER_GLOBS);
        const include = used.filter((m) => !m.startsWith('!')).map(normaliseGlob);
        const exclude = used.filter((m) => m.startsWith('!')).map((m) => normaliseGlob(m.slice(1)));
        const report = (message) => ctx.warn(`workspace at ${ws.dir} (${ws.decl.tool}): member ${message}`);
        const isIncluded = compileGlobs(include, report, { dot: false });
        const isExcluded = compileGlobs(exclude, report);
        for (const dir of dirs) {
            if (dir === ws.dir || !ws.detector.applies(ctx, dir))
                continue;
            const rel = ctx.pathFrom(ws.dir, dir);
            if (rel !== undefined && rel !== '.' && isIncluded(rel) && !isExcluded(rel))
                memberOf.set(dir, ws.dir);
        }
    }
    return memberOf;
}
function normaliseGlob(glob) {
    return glob.replace(/^\.\//, '').replace(/\/+$/, '');
}
async function projectAt(ctx, dir, workspaces, workspaceRoot) {
    const applicable = DETECTORS.filter((d) => d.applies(ctx, dir));
    const others = [];
    let chosen;
    for (const detector of applicable) {
        const ws = workspaces.find((w) => w.dir === dir && w.detector === detector);
        if (ws && !ws.decl.rootIsProject)
            continue;
        if (chosen) {
            if (detector.name !== 'static' && !chosen.detector.covers?.includes(detector.name))
                others.push(detector.name);
            continue;
        }
        const draft = await detector.project(ctx, { dir, workspaceRoot });
        if (draft)
            chosen = { detector, draft };
    }
    if (!chosen)
        return undefined;
    const { draft } = chosen;
    const dockerfile = ctx
        .names(dir)
        .filter((n) => /^(Dockerfile|Containerfile)(\..+)?$|\.dockerfile$/.test(n))
        .sort(dockerfileOrder)[0];
    const procfile = ctx.has(dir, 'Procfile') ? context_joinRel(dir, 'Procfile') : null;
    const commands = { ...draft.commands };
    if (procfile) {
        const web = /^web:\s*(.+)$/m.exec((await ctx.text(procfile)) ?? '')?.[1]?.trim();
        if (web)
            commands.start = web;
    }
    const warnings = draft.warnings.map(oneLine);
    if (others.length)
        warnings.push(`also has manifests for ${others.join(', ')}; reported as ${draft.runtime.name}`);
    const project = {
        path: dir,
        name: draft.name,
        runtime: draft.runtime,
        packageManager: draft.packageManager,
        frameworks: draft.frameworks,
        commands,
        output: draft.output ?? null,
        dockerfile: dockerfile ? context_joinRel(dir, dockerfile) : null,
        procfile,
        manifest: draft.manifest,
        warnings,
    };
    return { project, serves: draft.serves ?? draft.frameworks.length > 0 };
}
function dockerfileOrder(a, b) {
    const rank = (n) => (n === 'Dockerfile' ? 0 : n === 'Containerfile' ? 1 : 2);
    return rank(a) - rank(b) || a.localeCompare(b);
}
/** A static site inside another project is that project's assets, not a project of its own. */
function dropEnclosedStaticSites(found) {
    const paths = new Set(found.map((f) => f.project.path));
    return found.filter(({ project: p }) => {
        if (p.runtime.name !== 'static' || p.frameworks.length > 0)
            return true;
        for (let d = parentOf(p.path); d !== undefined; d = parentOf(d))
            if (paths.has(d))
                return false;
        return true;
    });
}
/**
 * A workspace declared at the root, or else the nearest one above it that claims what was
 * analysed, names the repository's tool and its members. Without one, several projects are
 * independent (tool null), even when one of them is a workspace itself.
 */
function monorepoOf(workspaces, projects, memberOf) {
    const claimed = new Set(memberOf.values());
    const rootWorkspace = workspaces.find((w) => w.dir === '.' && claimed.has('.')) ??
        workspaces
            .filter((w) => w.dir.startsWith('..') && claimed.has(w.dir))
            .sort((a, b) => depth(b.dir) - depth(a.dir))[0];
    if (rootWorkspace && (rootWorkspace.dir === '.' || projects.length > 1)) {
        const members = projects.filter((p) => memberOf.has(p.path) && p.path !== '.').map((p) => p.path);
        return { tool: rootWorkspace.decl.tool, workspaces: members.sort(byPath) };
    }
    if (projects.length > 1)
        return { tool: null, workspaces: projects.map((p) => p.path) };
    return null;
}
/**
 * The primary project: an application (a start command, a framework that serves, a Dockerfile or
 * Procfile, or what the root's own scripts build) before a library; then the root, then what the
 * root's scripts build, then the most code beneath it. Never one in a test, fixture or benchmark folder.
 */
async function primaryOf(ctx, found, inventory) {
    const eligible = found.filter((f) => !inventory.notProject.has(f.project.path));
    if (eligible.length === 0)
        return undefined;
    const targets = new Set();
    for (const detector of DETECTORS)
        for (const t of (await detector.builds?.(ctx, '.')) ?? [])
            targets.add(t);
    const built = (p) => targets.has(p.name) || targets.has(p.path);
    const isApp = (f) => f.serves || f.project.commands.start !== null || f.project.dockerfile !== null || built(f.project);
    const apps = eligible.filter(isApp);
    const pool = (apps.length > 0 ? apps : eligible).map((f) => f.project);
    const root = pool.find((p) => p.path === '.');
    if (root)
        return root;
    const named = pool.filter(built);
    return mostCode(named.length > 0 ? named : pool, inventory);
}
/** The project with the most code beneath it, each folder's bytes going to the nearest project at or above it. */
function mostCode(projects, inventory) {
    const bytes = new Map(projects.map((p) => [p.path, 0]));
    for (const [dir, n] of inventory.dirBytes) {
        for (let d = dir; d !== undefined; d = parentOf(d)) {
            const sum = bytes.get(d);
            if (sum !== undefined) {
                bytes.set(d, sum + n);
                break;
            }
        }
    }
    let best;
    for (const p of projects)
        if (!best || bytes.get(p.path) > bytes.get(best.path))
            best = p;
    return best;
}
/** Byte order of POSIX paths, the same on every machine. */
function byPath(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./packages/stack/src/matrix.ts
/** `{"include":[…]}` with one entry per project, for `strategy.matrix: ${{ fromJSON(…) }}`. */
function toMatrix(stack) {
    return {
        include: stack.projects.map((p) => ({
            path: p.path,
            name: p.name,
            runtime: p.runtime.name,
            'runtime-version': p.runtime.version ?? '',
            'package-manager': p.packageManager?.name ?? '',
            'install-command': p.commands.install ?? '',
            'build-command': p.commands.build ?? '',
            'test-command': p.commands.test ?? '',
        })),
    };
}

;// CONCATENATED MODULE: ./packages/stack/src/index.ts








// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ./actions/detect-stack/src/inputs.ts



/** More exclude globs than anyone writes by hand; each one is tried against every path walked. */
const MAX_EXCLUDE_GLOBS = 1000;
/**
 * Reads and validates every input; the workspace is GITHUB_WORKSPACE, else the current folder.
 * `path` may be relative to the workspace, absolute, or under `~` (HOME).
 */
function parseInputs(reader, workspace, home = (0,external_node_os_.homedir)()) {
    const exclude = excludeGlobs(reader.list('exclude'));
    const maxFiles = reader.integer('max-files', { min: 1, max: 10_000_000 });
    const folder = (0,lite/* workspaceFolder */.ih)('path', reader.raw('path'), workspace, { home });
    return Object.freeze({
        root: folder.abs,
        displayRoot: folder.rel,
        annotationPrefix: folder.rel === '.' ? '' : `${folder.rel.replace(/\/$/, '')}/`,
        exclude: Object.freeze(exclude),
        maxFiles,
    });
}
/** The exclude globs, each one checked now so that a bad one names the input instead of failing mid-walk. */
function excludeGlobs(globs) {
    if (globs.length > MAX_EXCLUDE_GLOBS)
        throw new lite/* UserError */.yo(`has ${globs.length} globs, more than the ${MAX_EXCLUDE_GLOBS} it takes.`, { input: 'exclude' }, 'Exclude whole folders (`generated/**`) rather than files one by one.');
    for (const glob of globs) {
        const problem = globProblem(glob, { dot: true });
        if (problem !== undefined)
            throw new lite/* UserError */.yo(`glob ${showGlob(glob)} cannot be used: ${problem}.`, { input: 'exclude' });
    }
    return globs;
}

;// CONCATENATED MODULE: ./actions/detect-stack/src/metadata.generated.ts
/** detect-stack's inputs and outputs as declared in action.yml. */
const metadata_generated_metadata = {
    "name": "detect-stack",
    "description": "Reports what a repository is and how to build, test and run it: languages, projects, runtimes and their versions, package managers, frameworks, commands and a job matrix.",
    "inputs": {
        "path": {
            "description": "Folder to analyse: relative to the workspace, absolute (a checkout in RUNNER_TEMP, say), or ~/…. A path into the workspace must not lead out of it through a symbolic link, and the walk never follows one.",
            "required": false,
            "default": "."
        },
        "exclude": {
            "description": "Extra globs to skip (relative to `path`), separated by commas or newlines. Dependency trees, build output and VCS folders are always skipped.",
            "required": false,
            "default": ""
        },
        "max-files": {
            "description": "Stop walking after this many files, set `stats.truncated` and warn. From 1 to 10000000.",
            "required": false,
            "default": "200000"
        }
    },
    "outputs": {
        "stack": {
            "description": "The full detection document as JSON (schema version 1, see docs/stack.schema.json)."
        },
        "primary-language": {
            "description": "The language with the most bytes of code, linguist-style (for example `TypeScript`)."
        },
        "runtime": {
            "description": "Runtime of the primary project: node, deno, bun, python, go, rust, java, dotnet, ruby, php, elixir or static."
        },
        "runtime-version": {
            "description": "Runtime version of the primary project as declared (`20.11.1`, `>=18`, `3.12`); empty when nothing declares it."
        },
        "package-manager": {
            "description": "Package manager of the primary project (npm, pnpm, yarn, bun, deno, pip, poetry, uv, pipenv, pdm, go, cargo, maven, gradle, dotnet, bundler, composer, mix)."
        },
        "build-command": {
            "description": "Build command of the primary project, to run in its folder; empty when there is none."
        },
        "test-command": {
            "description": "Test command of the primary project, to run in its folder; empty when there is none."
        },
        "start-command": {
            "description": "Start command of the primary project, to run in its folder; empty when there is none."
        },
        "matrix": {
            "description": "JSON `{\"include\":[...]}` with one entry per project (path, name, runtime, runtime-version, package-manager, install-command, build-command, test-command), for `strategy.matrix: ${{ fromJSON(...) }}`."
        },
        "monorepo": {
            "description": "`true` when the repository holds more than one project, else `false`."
        },
        "dockerfile": {
            "description": "Path of the primary project's Dockerfile or Containerfile, relative to `path`; empty when it has none."
        },
        "primary-path": {
            "description": "Folder of the primary project, relative to `path` (`.` for the root)."
        },
        "build-output": {
            "description": "Folder the primary project's build writes (such as `.next`, `dist` or `_site`), relative to its folder; empty when unknown."
        },
        "build-system": {
            "description": "Tool that orchestrates the repository's build: nx, turbo, lerna, rush, npm-, pnpm-, yarn- or bun-workspaces, go-work, cargo-workspace, maven or gradle; empty for independent projects."
        }
    }
};

;// CONCATENATED MODULE: ./actions/detect-stack/src/printable.ts
// Folder names, versions and warnings come from the repository: a name may hold a newline followed
// by `::warning …`, or Markdown that draws something in the job summary. These helpers keep such
// text on one line and inert.

/**
 * Inline Markdown that shows the text as written: one line, and every character that could open
 * Markdown or HTML written as an entity. Entities rather than backslashes, because table cells
 * double every backslash.
 */
function markdownText(text) {
    return oneLine(text).replace(/[\\`*_{}[\]<>#!|~&]/g, (c) => `&#${c.charCodeAt(0)};`);
}
/** An inline code span that the text cannot close early, whatever backticks it holds. */
function codeSpan(text) {
    const line = oneLine(text);
    const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${line}${pad}${fence}`;
}

;// CONCATENATED MODULE: ./actions/detect-stack/src/summary.ts



/**
 * The job summary: projects, languages as a pie chart, and every warning. Paths, versions and
 * warnings come from the repository, so each is escaped: it shows as text, never as Markdown.
 */
function stackSummary(stack) {
    const s = new lite/* SummaryBuilder */.CF().heading('detect-stack');
    const mono = stack.monorepo ? ` · monorepo (${stack.monorepo.tool ?? 'independent projects'})` : '';
    s.text(`${stack.projects.length} project(s) in ${codeSpan(stack.root)}${mono} · ${stack.stats.files} files in ${stack.stats.elapsedMs} ms${stack.stats.truncated ? ' · **walk truncated at max-files**' : ''}`);
    if (stack.projects.length > 0) {
        s.table(['project', 'runtime', 'package manager', 'frameworks', 'build', 'test'], stack.projects.map((p) => [
            p.path === stack.primary ? `**${markdownText(p.path)}** (primary)` : markdownText(p.path),
            markdownText(`${p.runtime.name}${p.runtime.version ? ` ${p.runtime.version}` : ''}`),
            p.packageManager
                ? markdownText(`${p.packageManager.name}${p.packageManager.version ? ` ${p.packageManager.version}` : ''}`)
                : '',
            markdownText(p.frameworks.map((f) => `${f.name}${f.version ? ` ${f.version}` : ''}`).join(', ')),
            p.commands.build ? codeSpan(p.commands.build) : '',
            p.commands.test ? codeSpan(p.commands.test) : '',
        ]));
    }
    else {
        s.text('No buildable project was found.');
    }
    const top = stack.languages.slice(0, 8);
    if (top.length > 0) {
        s.mermaid([
            'pie showData title Languages (bytes of code)',
            ...top.map((l) => `  "${oneLine(l.name).replace(/["`]/g, "'")}" : ${l.bytes}`),
        ].join('\n'));
    }
    const warnings = [...stack.warnings, ...stack.projects.flatMap((p) => p.warnings.map((w) => `${p.path}: ${w}`))];
    if (warnings.length > 0)
        s.heading('Warnings', 3).text(warnings.map((w) => `- ${markdownText(w)}`).join('\n'));
    return s;
}

;// CONCATENATED MODULE: ./actions/detect-stack/src/main.ts





/** Detects the stack and sets every output and the job summary. */
async function run({ env, logger, setOutput }) {
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const inputs = parseInputs(new lite/* InputReader */.i_(metadata_generated_metadata, env), workspace, env.HOME);
    const stack = await detectStack({
        root: inputs.root,
        // A path inside a workspace member reads the enclosing root's package manager and lockfile:
        // the climb stops at the repository's .git, or at the workspace without one.
        ceiling: workspace,
        displayRoot: inputs.displayRoot,
        exclude: inputs.exclude,
        maxFiles: inputs.maxFiles,
        logger,
        annotationPrefix: inputs.annotationPrefix,
    });
    const primary = stack.projects.find((p) => p.path === stack.primary);
    const out = new lite/* OutputWriter */.PO(metadata_generated_metadata, setOutput);
    out.set('stack', stack);
    out.set('primary-language', stack.languages[0]?.name ?? '');
    out.set('runtime', primary?.runtime.name ?? '');
    out.set('runtime-version', primary?.runtime.version ?? '');
    out.set('package-manager', primary?.packageManager?.name ?? '');
    out.set('build-command', primary?.commands.build ?? '');
    out.set('test-command', primary?.commands.test ?? '');
    out.set('start-command', primary?.commands.start ?? '');
    out.set('matrix', toMatrix(stack));
    out.set('monorepo', stack.projects.length > 1);
    out.set('dockerfile', primary?.dockerfile ?? '');
    out.set('primary-path', primary?.path ?? '');
    out.set('build-output', primary?.output ?? '');
    out.set('build-system', stack.monorepo?.tool ?? '');
    // The path and version come from the repository: kept on one line, they cannot start a
    // workflow command of their own (the runner's logger also fences any `::` it prints).
    logger.info(primary
        ? `detect-stack: ${stack.projects.length} project(s); primary ${oneLine(primary.path)} is ${primary.runtime.name}${primary.runtime.version ? ` ${oneLine(primary.runtime.version)}` : ''} with ${primary.packageManager?.name ?? 'no package manager'} (${stack.stats.files} files, ${stack.stats.elapsedMs} ms)`
        : `detect-stack: no buildable project found in ${oneLine(inputs.displayRoot)} (${stack.stats.files} files)`);
    await stackSummary(stack).write(env);
}


/***/ }),

/***/ 8826:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   iU: () => (/* binding */ isUserError),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/**
 * A problem the user can fix: bad input, a missing file, an unreachable target they named.
 * Reported as one clear line, never with a stack trace.
 */
class UserError extends Error {
    name = 'UserError';
    subject;
    hint;
    constructor(message, subject = {}, hint) {
        super(message);
        this.subject = subject;
        this.hint = hint;
    }
    /** The message with the input or file it concerns and what to do, as shown to the user. */
    describe() {
        const where = this.subject.input
            ? `input '${this.subject.input}': `
            : this.subject.file
                ? `${this.subject.file}${this.subject.line ? `:${this.subject.line}` : ''}: `
                : '';
        return `${where}${this.message}${this.hint ? ` ${this.hint}` : ''}`;
    }
}
/** True for a UserError, including one from another copy of this module (bundles can hold two). */
function isUserError(err) {
    return err instanceof UserError || (err instanceof Error && err.name === 'UserError' && 'describe' in err);
}
/** The message of anything thrown, without assuming it is an Error. */
function errorMessage(err) {
    if (err instanceof Error)
        return err.message;
    return String(err);
}


/***/ }),

/***/ 5644:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Cs: () => (/* reexport */ runAction)
});

// UNUSED EXPORTS: InputReader, ManualClock, OutputWriter, RUNNER_CREDENTIAL_VARS, RecordingLogger, SUMMARY_LIMIT_BYTES, SummaryBuilder, UserError, actionsExec, commandSafe, coreLogger, credentialParts, describeJsonError, errorMessage, escapeCommandData, escapeCommandProperty, escapeHtml, fieldLine, formatDuration, inputEnvName, isUserError, jsonErrorOffset, lineColumn, maskCredential, nullLogger, outputPath, parseDuration, pendingFile, readUserFile, realWorkspace, redactCredentials, redactUrl, reportFailure, runnerSeams, shellQuote, shownPath, systemClock, toOutputString, userPath, withoutRunnerCredentials, workspaceFolder, writeFileAtomic

// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 13 modules
var lite = __nccwpck_require__(3669);
// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function utils_toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
// EXTERNAL MODULE: ./scripts/bundle-shims/http-client/index.cjs
var http_client = __nccwpck_require__(4639);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class auth_BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = (/* unused pure expression or super */ null && (_summary));
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
// EXTERNAL MODULE: ./scripts/bundle-shims/exec/index.cjs
var bundle_shims_exec = __nccwpck_require__(2120);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return file_command_issueFileCommand('STATE', file_command_prepareKeyValueMessage(name, value));
    }
    command_issueCommand('save-state', { name }, utils_toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map
// EXTERNAL MODULE: ./packages/action-kit/src/report.ts
var report = __nccwpck_require__(7119);
// EXTERNAL MODULE: ./packages/action-kit/src/secrets.ts
var secrets = __nccwpck_require__(5736);
// EXTERNAL MODULE: ./packages/action-kit/src/untrusted.ts
var untrusted = __nccwpck_require__(8819);
;// CONCATENATED MODULE: ./packages/action-kit/src/run-action.ts




/**
 * The runner's logger: annotations become ::warning/::error commands with file and line (whose
 * message and properties @actions/core escapes); a plain line that holds `::` goes out between
 * stop-commands markers, so no file name or server body in it can act as a workflow command.
 * Every line shows a URL's password as `***`, whichever code wrote it (domain code redacts too).
 */
const coreLogger = {
    debug: (message) => core_debug((0,secrets/* redactCredentials */.UY)(message)),
    info: (message) => info((0,untrusted/* commandSafe */.JV)((0,secrets/* redactCredentials */.UY)(message))),
    warning: (message, props) => warning((0,secrets/* redactCredentials */.UY)(message), props),
    error: (message, props) => error((0,secrets/* redactCredentials */.UY)(message), props),
};
/** The seams of a real runner, built on @actions/core. Only action entry points load this module. */
function runnerSeams() {
    return {
        env: process.env,
        logger: coreLogger,
        setOutput: (name, value) => setOutput(name, value),
        mask: (value) => core_setSecret(value),
        saveState: (name, value) => saveState(name, value),
    };
}
/**
 * Runs an action's main function with the runner's seams and reports whatever escapes it. A
 * UserError becomes one `::error::` line naming the input or file, without a stack. Anything else
 * is an internal error: the message, a request to report it, and the stack only under
 * RUNNER_DEBUG=1. Either way the process exits with code 1. With `post`, the same bundle runs as
 * the action's post step too.
 */
async function runAction(name, run, seams = runnerSeams(), post) {
    try {
        // One bundle serves both steps (action.yml names it as main and post): main leaves a mark in
        // the step's state, which the runner hands to the post step as STATE_slipway-post.
        if (post && seams.env['STATE_slipway-post'] === 'true')
            return await post(seams);
        if (post)
            seams.saveState?.('slipway-post', 'true');
        await run(seams);
    }
    catch (err) {
        (0,report/* reportFailure */.x)(name, err, seams.logger, seams.env.RUNNER_DEBUG === '1');
        process.exitCode = 1;
    }
}

;// CONCATENATED MODULE: ./packages/action-kit/src/index.ts




/***/ }),

/***/ 3669:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i_: () => (/* reexport */ InputReader),
  PO: () => (/* reexport */ OutputWriter),
  CF: () => (/* reexport */ SummaryBuilder),
  yo: () => (/* reexport */ errors/* UserError */.yo),
  M1: () => (/* reexport */ describeJsonError),
  h0: () => (/* reexport */ fieldLine),
  iU: () => (/* reexport */ errors/* isUserError */.iU),
  O: () => (/* reexport */ jsonErrorOffset),
  rv: () => (/* reexport */ lineColumn),
  Gi: () => (/* reexport */ nullLogger),
  E1: () => (/* reexport */ readUserFile),
  ZL: () => (/* reexport */ shellQuote),
  ml: () => (/* reexport */ systemClock),
  ih: () => (/* reexport */ workspaceFolder)
});

// UNUSED EXPORTS: ManualClock, RUNNER_CREDENTIAL_VARS, RecordingLogger, SUMMARY_LIMIT_BYTES, actionsExec, commandSafe, credentialParts, errorMessage, escapeCommandData, escapeCommandProperty, escapeHtml, formatDuration, inputEnvName, maskCredential, outputPath, parseDuration, pendingFile, realWorkspace, redactCredentials, redactUrl, reportFailure, shownPath, toOutputString, userPath, withoutRunnerCredentials, writeFileAtomic

// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __nccwpck_require__(8826);
;// CONCATENATED MODULE: ./packages/action-kit/src/json-errors.ts
/** Turns JSON.parse's message into one with a line and column, on every Node version. */
function describeJsonError(text, err) {
    const message = err instanceof Error ? err.message : String(err);
    const reason = message
        .replace(/ in JSON at position \d+.*$/s, '')
        .replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '')
        .replace(/\s*\(line \d+ column \d+\)$/, '');
    const offset = jsonErrorOffset(text);
    const { line, column } = lineColumn(text, offset);
    return `${reason} at line ${line}, column ${column}`;
}
/**
 * The offset of the first character that makes the text invalid JSON (or its length when it is
 * only cut short). Older Node versions omit the position, so find it by bisecting on prefixes: a
 * prefix is merely incomplete until the bad character is included.
 */
function jsonErrorOffset(text) {
    const broken = (length) => {
        const prefix = text.slice(0, length);
        try {
            JSON.parse(prefix);
            return false;
        }
        catch (err) {
            const message = err instanceof Error ? err.message : '';
            if (/Unexpected end/.test(message))
                return false;
            const at = /position (\d+)/.exec(message);
            return !at || Number(at[1]) < prefix.length;
        }
    };
    let lo = 0;
    let hi = text.length;
    if (!broken(hi))
        return text.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (broken(mid))
            hi = mid;
        else
            lo = mid + 1;
    }
    return Math.max(0, lo - 1);
}
/** The 1-based line and column of an offset in text. */
function lineColumn(text, offset) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { line, column };
}
/**
 * The line of a field: each key of the path is looked for after the previous one, as `"key":`
 * (JSON), `key =` or `[key.` (TOML) or `key:` (YAML). Approximate, but right for real manifests,
 * and linear in the text.
 */
function fieldLine(text, path) {
    let offset = -1;
    for (const key of path) {
        if (typeof key === 'number')
            continue;
        if (key.length > 200)
            break;
        const k = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const re = new RegExp(`(?:"${k}"|'${k}'|(?<![\\w-])${k}(?![\\w-]))\\s*[:=.\\]]`, 'g');
        re.lastIndex = offset + 1;
        const m = re.exec(text);
        if (!m)
            break;
        offset = m.index;
    }
    return offset < 0 ? undefined : lineColumn(text, offset).line;
}

;// CONCATENATED MODULE: ./packages/action-kit/src/duration.ts
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;
/**
 * Parses a duration such as `30s`, `5m`, `1h30m` or `250ms` into milliseconds.
 * Returns undefined for anything else; `0` alone is accepted as zero.
 */
function parseDuration(text) {
    const value = text.trim();
    if (value === '0')
        return 0;
    if (value === '')
        return undefined;
    let total = 0;
    PART.lastIndex = 0;
    while (PART.lastIndex < value.length) {
        const start = PART.lastIndex;
        const match = PART.exec(value);
        if (!match || match.index !== start)
            return undefined;
        total += Number(match[1]) * (UNIT_MS[match[2]] ?? NaN);
    }
    return Number.isFinite(total) ? Math.round(total) : undefined;
}
/** Formats milliseconds the way parseDuration reads them, for messages. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${ms}ms`;
    const parts = [];
    let rest = Math.round(ms / 1000);
    for (const [unit, size] of [
        ['h', 3600],
        ['m', 60],
        ['s', 1],
    ]) {
        if (rest >= size) {
            parts.push(`${Math.floor(rest / size)}${unit}`);
            rest %= size;
        }
    }
    return parts.join('') || '0s';
}

;// CONCATENATED MODULE: ./packages/action-kit/src/metadata.ts
/** The environment variable the runner sets for an input: spaces become underscores, upper-cased. */
function inputEnvName(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

;// CONCATENATED MODULE: ./packages/action-kit/src/inputs.ts




const TRUE_WORDS = new Set(['true', 'True', 'TRUE']);
const FALSE_WORDS = new Set(['false', 'False', 'FALSE']);
/**
 * Reads action inputs from the runner's INPUT_* variables, with action.yml's defaults when a
 * variable is absent (as on a developer machine). Each getter validates and names the input in
 * its error. Reading an input that action.yml does not declare is a bug, not a user error.
 */
class InputReader {
    metadata;
    env;
    constructor(metadata, env = process.env) {
        this.metadata = metadata;
        this.env = env;
    }
    /** Whether action.yml declares this input (shared parsers read only what an action has). */
    declares(name) {
        return name in this.metadata.inputs;
    }
    /** The trimmed raw value: the runner's variable, else the declared default, else ''. */
    raw(name) {
        const spec = this.metadata.inputs[name];
        if (!spec)
            throw new Error(`input '${name}' is not declared in ${this.metadata.name}'s action.yml`);
        const value = this.env[inputEnvName(name)];
        return (value ?? spec.default ?? '').trim();
    }
    /** A string that must not be empty. */
    required(name) {
        const value = this.raw(name);
        if (value === '')
            throw new errors/* UserError */.yo('is required but empty.', { input: name }, "Set it in the step's `with:`.");
        return value;
    }
    /** A string, or undefined when empty. */
    optional(name) {
        const value = this.raw(name);
        return value === '' ? undefined : value;
    }
    /** A YAML 1.2 core boolean: true/True/TRUE or false/False/FALSE. */
    boolean(name) {
        const value = this.raw(name);
        if (TRUE_WORDS.has(value))
            return true;
        if (FALSE_WORDS.has(value))
            return false;
        throw new errors/* UserError */.yo(`'${value}' is not a boolean.`, { input: name }, 'Use true or false.');
    }
    /** A whole number within bounds. */
    integer(name, bounds = {}) {
        const value = this.raw(name);
        if (!/^[+-]?\d+$/.test(value)) {
            throw new errors/* UserError */.yo(`'${value}' is not a whole number.`, { input: name }, describeBounds(bounds));
        }
        const n = Number(value);
        if (!Number.isSafeInteger(n) ||
            (bounds.min !== undefined && n < bounds.min) ||
            (bounds.max !== undefined && n > bounds.max)) {
            throw new errors/* UserError */.yo(`${value} is out of range.`, { input: name }, describeBounds(bounds));
        }
        return n;
    }
    /** A duration such as 30s, 5m or 1h30m, in milliseconds. */
    duration(name, bounds = {}) {
        const value = this.raw(name);
        const ms = parseDuration(value);
        if (ms === undefined) {
            throw new errors/* UserError */.yo(`'${value}' is not a duration.`, { input: name }, 'Write a number with a unit, such as 500ms, 30s, 5m or 1h30m.');
        }
        if ((bounds.min !== undefined && ms < bounds.min) || (bounds.max !== undefined && ms > bounds.max)) {
            throw new errors/* UserError */.yo(`${value} is out of range.`, { input: name }, describeBounds(bounds, 'ms'));
        }
        return ms;
    }
    /** A percentage (`1%`, `0.5%`) or a fraction (`0.01`), as a fraction from 0 to 1. */
    rate(name) {
        const text = this.raw(name);
        const m = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(text);
        const value = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
        if (!m || !(value >= 0 && value <= 1))
            throw new errors/* UserError */.yo(`'${text}' is not a rate.`, { input: name }, 'Write a percentage such as 1% or a fraction from 0 to 1 such as 0.01.');
        return value;
    }
    /** One of a fixed set of words; the error lists them. */
    oneOf(name, allowed) {
        const value = this.raw(name);
        if (allowed.includes(value))
            return value;
        throw new errors/* UserError */.yo(`'${value}' is not allowed.`, { input: name }, `Use one of: ${allowed.join(', ')}.`);
    }
    /** Items separated by commas or newlines, trimmed, empties dropped. */
    list(name) {
        return this.raw(name)
            .split(/[,\n]/)
            .map((item) => item.trim())
            .filter((item) => item !== '');
    }
    /** A JSON value; the error gives the line and column where parsing stopped. */
    json(name) {
        const value = this.raw(name);
        if (value === '')
            return undefined;
        try {
            return JSON.parse(value);
        }
        catch (err) {
            throw new errors/* UserError */.yo(`is not valid JSON: ${describeJsonError(value, err)}.`, { input: name });
        }
    }
}
function describeBounds(bounds, unit = '') {
    if (bounds.min !== undefined && bounds.max !== undefined)
        return `Use a value from ${bounds.min}${unit} to ${bounds.max}${unit}.`;
    if (bounds.min !== undefined)
        return `Use a value of at least ${bounds.min}${unit}.`;
    if (bounds.max !== undefined)
        return `Use a value of at most ${bounds.max}${unit}.`;
    return '';
}

;// CONCATENATED MODULE: ./packages/action-kit/src/outputs.ts
/** Sets outputs, refusing names that action.yml does not declare (a bug, caught in tests). */
class OutputWriter {
    metadata;
    sink;
    written = new Map();
    constructor(metadata, sink) {
        this.metadata = metadata;
        this.sink = sink;
    }
    /** Sets one output; structured values are written as JSON. */
    set(name, value) {
        if (!this.metadata.outputs[name])
            throw new Error(`output '${name}' is not declared in ${this.metadata.name}'s action.yml`);
        const text = toOutputString(value);
        this.written.set(name, text);
        this.sink(name, text);
    }
}
/** The string form of an output value: strings as they are, null/undefined as '', the rest as JSON. */
function toOutputString(value) {
    if (value === undefined || value === null)
        return '';
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return JSON.stringify(value);
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: ./packages/action-kit/src/summary.ts

/** GitHub refuses a step summary larger than 1 MiB; stay under it with room for the note. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
const TRUNCATION_NOTE = "\n\n> The rest of this summary was cut to stay under GitHub's 1 MiB limit; the full data is in the step outputs.\n";
/** Builds a job summary in Markdown, section by section. */
class SummaryBuilder {
    parts = [];
    /** A heading of the given level. */
    heading(text, level = 2) {
        this.parts.push(`${'#'.repeat(level)} ${text}\n`);
        return this;
    }
    /** A paragraph of Markdown. */
    text(markdown) {
        this.parts.push(`${markdown}\n`);
        return this;
    }
    /** A table; cells are escaped so a pipe or newline cannot break it. */
    table(header, rows) {
        const line = (cells) => `| ${cells.map(escapeCell).join(' | ')} |`;
        this.parts.push([line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n') + '\n');
        return this;
    }
    /** A mermaid diagram, rendered by GitHub. */
    mermaid(diagram) {
        this.parts.push('```mermaid\n' + diagram.trim() + '\n```\n');
        return this;
    }
    /** A collapsed section. */
    details(summary, markdown) {
        this.parts.push(`<details><summary>${escapeHtml(summary)}</summary>\n\n${markdown}\n\n</details>\n`);
        return this;
    }
    /** The Markdown, cut at a section boundary if it would pass the limit. */
    toMarkdown(limit = SUMMARY_LIMIT_BYTES) {
        const budget = limit - Buffer.byteLength(TRUNCATION_NOTE);
        let out = '';
        for (const part of this.parts) {
            const next = out + part + '\n';
            if (Buffer.byteLength(next) > budget)
                return out + TRUNCATION_NOTE;
            out = next;
        }
        return out;
    }
    /** Appends the summary to the file GITHUB_STEP_SUMMARY names; does nothing outside a runner. */
    async write(env = process.env) {
        const path = env.GITHUB_STEP_SUMMARY;
        if (!path)
            return;
        await (0,promises_.appendFile)(path, this.toMarkdown(), 'utf8');
    }
}
function escapeCell(cell) {
    return cell.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
/** Text for a summary's Markdown that renders as text: a server's or a process's words cannot become HTML. */
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// EXTERNAL MODULE: ./packages/action-kit/src/untrusted.ts
var untrusted = __nccwpck_require__(8819);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./packages/action-kit/src/files.ts


const FLAGS = external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NONBLOCK ?? 0) | (external_node_fs_.constants.O_NOCTTY ?? 0);
function kind(mode) {
    if (mode.isDirectory())
        return 'a folder';
    if (mode.isFIFO())
        return 'a named pipe';
    if (mode.isCharacterDevice() || mode.isBlockDevice())
        return 'a device';
    if (mode.isSocket())
        return 'a socket';
    return 'not a regular file';
}
/**
 * Reads a whole regular file of at most `maxBytes`. A missing file, a folder, a pipe, a device
 * (a link to /dev/zero included) or a file over the cap is a UserError naming the subject. The
 * file is opened without blocking (a pipe with no writer cannot hang the open) and checked on
 * the open descriptor, so what is read is what was checked.
 */
function readUserFile(path, options) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, FLAGS);
    }
    catch (err) {
        const code = err.code;
        const why = code === 'ENOENT'
            ? 'does not exist'
            : code === 'EACCES' || code === 'EPERM'
                ? 'cannot be read (permission denied)'
                : code === 'ENOTDIR'
                    ? 'is under something that is not a folder'
                    : code === 'ELOOP'
                        ? 'is a loop of symbolic links'
                        : code === 'ENAMETOOLONG'
                            ? 'has a name that is too long'
                            : `cannot be opened (${code ?? 'unknown error'})`;
        throw new errors/* UserError */.yo(`${options.what} ${path} ${why}.`, options.subject);
    }
    try {
        const st = (0,external_node_fs_.fstatSync)(fd);
        if (!st.isFile())
            throw new errors/* UserError */.yo(`${options.what} ${path} is ${kind(st)}, not a regular file.`, options.subject, 'Name a file.');
        if (st.size > options.maxBytes)
            throw new errors/* UserError */.yo(`${options.what} ${path} is ${st.size} bytes, more than the ${options.maxBytes} this kind of file may have.`, options.subject);
        const buf = Buffer.alloc(st.size);
        let off = 0;
        while (off < st.size) {
            const n = (0,external_node_fs_.readSync)(fd, buf, off, st.size - off, off);
            if (n === 0)
                break;
            off += n;
        }
        return off === st.size ? buf : buf.subarray(0, off);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ./packages/action-kit/src/shell.ts
/** Quotes one word for a POSIX shell, leaving plain words (paths without spaces or specials) as they are. */
function shellQuote(word) {
    if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word))
        return word;
    return `'${word.replace(/'/g, `'\\''`)}'`;
}

// EXTERNAL MODULE: ./packages/action-kit/src/report.ts
var report = __nccwpck_require__(7119);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./packages/action-kit/src/atomic.ts



/** Starts an atomic write of `path`: write to tempPath, then commit (or abort). */
function pendingFile(path) {
    const tempPath = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    return {
        tempPath,
        async commit() {
            const fh = await open(tempPath, 'r+');
            try {
                await fh.sync();
            }
            finally {
                await fh.close();
            }
            await rename(tempPath, path);
        },
        async abort() {
            await rm(tempPath, { force: true });
        },
    };
}
/** Writes a whole file atomically: temp file, fsync, rename; its folder is created when missing. No half-written file is ever visible. */
async function writeFileAtomic(path, data) {
    await mkdir(dirname(path), { recursive: true });
    const pending = pendingFile(path);
    try {
        const fh = await open(pending.tempPath, 'wx', 0o644);
        try {
            await fh.writeFile(data);
        }
        finally {
            await fh.close();
        }
        await pending.commit();
    }
    catch (err) {
        await pending.abort();
        throw err;
    }
}

;// CONCATENATED MODULE: ./packages/action-kit/src/paths.ts



function escapes(parent, child) {
    const rel = (0,external_node_path_.relative)(parent, child);
    return rel === '..' || rel.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(rel);
}
/** The workspace's real path; a missing workspace is the user's to fix. */
function realWorkspace(workspace) {
    try {
        return (0,external_node_fs_.realpathSync)(workspace);
    }
    catch {
        throw new errors/* UserError */.yo(`the workspace ${workspace} (GITHUB_WORKSPACE) does not exist.`, {}, 'Run this step in a job that checked out the repository.');
    }
}
/** `~` and `~/x` under HOME, as a shell would; any other value unchanged. */
function expandHome(input, value, home) {
    if (value !== '~' && !value.startsWith('~/'))
        return value;
    if (!home)
        throw new errors/* UserError */.yo(`'${value}' starts with ~ but HOME is not set.`, { input }, 'Give an absolute path.');
    return (0,external_node_path_.join)(home, value.slice(1));
}
/** Refuses what no file system call can take: a NUL byte, and names past Linux's limits (255 bytes a name, 4095 a path). */
function checkPathText(input, value, path) {
    if (value.includes('\0'))
        throw new errors/* UserError */.yo(`'${value}' holds a NUL character.`, { input });
    if (Buffer.byteLength(path) > 4095 || path.split('/').some((part) => Buffer.byteLength(part) > 255))
        throw new errors/* UserError */.yo(`'${value.slice(0, 80)}…' is too long a path (at most 255 bytes a name and 4095 in all).`, {
            input,
        });
}
/**
 * Where a path lies, and the folder it must not leave through a link. A relative value is
 * resolved against `base` and stays inside the workspace (or inside `base`, when the user put
 * `base` outside the workspace). An absolute value inside the workspace, by the workspace's given
 * or real path, is held to the same rule, under the real workspace: a pull request can add a link
 * such as `out -> /home/runner` to the repository, whichever way the path reaches it. Any other
 * absolute value is the user's own choice (`${{ runner.temp }}/x`): no jail.
 */
function locate(value, workspace, root, base) {
    if (!(0,external_node_path_.isAbsolute)(value))
        return { target: (0,external_node_path_.resolve)(base, value), jail: escapes(root, base) ? base : root };
    const target = (0,external_node_path_.resolve)(value);
    for (const ws of [root, (0,external_node_path_.resolve)(workspace)])
        if (!escapes(ws, target))
            return { target: (0,external_node_path_.join)(root, (0,external_node_path_.relative)(ws, target)), jail: root };
    return { target };
}
/** The nearest existing ancestor of a path (the path itself when it exists), resolved through links, and what lies below it. */
function existingAncestor(path) {
    let current = path;
    for (;;) {
        try {
            return { real: (0,external_node_fs_.realpathSync)(current), rest: (0,external_node_path_.relative)(current, path) };
        }
        catch {
            const parent = (0,external_node_path_.dirname)(current);
            if (parent === current)
                return { real: current, rest: (0,external_node_path_.relative)(current, path) };
            current = parent;
        }
    }
}
/** What a file system entry is, for messages: 'a file', 'a device' … */
function kindOf(st) {
    if (st.isFile())
        return 'a file';
    if (st.isDirectory())
        return 'a folder';
    if (st.isFIFO())
        return 'a named pipe';
    if (st.isCharacterDevice() || st.isBlockDevice())
        return 'a device';
    if (st.isSocket())
        return 'a socket';
    return 'not a regular file';
}
function realOrUndefined(path) {
    try {
        return (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        return undefined;
    }
}
function statOrUndefined(path) {
    try {
        return (0,external_node_fs_.statSync)(path);
    }
    catch {
        return undefined;
    }
}
/** The workspace's name in messages, or the folder a relative value was confined to. */
function jailName(jail, root) {
    return jail === root ? 'the workspace' : jail;
}
/**
 * Resolves an input naming a folder: `~/x` under HOME, an absolute path as given
 * (`${{ runner.temp }}/x`, `${{ github.workspace }}/app`), a relative one against `base` (the
 * workspace by default). A folder in the workspace, however it is named, must not lead out of
 * it through a link; one outside it is the user's choice. It must exist (unless `mayNotExist`:
 * then the part that exists must be a folder, and the rest is where it will be created).
 */
function workspaceFolder(input, value, workspace, options = {}) {
    const root = realWorkspace(workspace);
    const given = expandHome(input, value || '.', options.home);
    const { target, jail } = locate(given, workspace, root, options.base ?? root);
    checkPathText(input, value, target);
    if (jail && escapes(jail, target))
        throw new errors/* UserError */.yo(`'${value}' points outside ${jailName(jail, root)}.`, { input }, 'Give a folder inside the repository, or an absolute path.');
    let real;
    try {
        real = (0,external_node_fs_.realpathSync)(target);
    }
    catch {
        if (!options.mayNotExist)
            throw new errors/* UserError */.yo(`'${value}' does not exist.`, { input }, 'Check the folder name and that the repository is checked out (actions/checkout) before this step.');
        const ancestor = existingAncestor(target);
        const st = statOrUndefined(ancestor.real);
        if (st && !st.isDirectory())
            throw new errors/* UserError */.yo(`'${value}' is under ${ancestor.real}, which is ${kindOf(st)}, not a folder.`, { input });
        real = (0,external_node_path_.join)(ancestor.real, ancestor.rest);
        if (jail && escapes(jail, real))
            throw new errors/* UserError */.yo(`'${value}' leads outside ${jailName(jail, root)} through a symbolic link.`, { input }, 'Give a folder inside the repository, or an absolute path.');
        return { abs: real, rel: shownPath(real, root), inside: !escapes(root, real) };
    }
    if (jail && escapes(jail, real))
        throw new errors/* UserError */.yo(`'${value}' is a link that leads outside ${jailName(jail, root)}.`, { input }, 'Give a folder inside the repository, or an absolute path.');
    const st = (0,external_node_fs_.statSync)(real);
    if (!st.isDirectory())
        throw new errors/* UserError */.yo(`'${value}' is ${kindOf(st)}, not a folder.`, { input }, 'Give the folder that holds the project.');
    return { abs: real, rel: shownPath(real, root), inside: !escapes(root, real) };
}
/**
 * How an output or a log line names a path: relative to the workspace (POSIX, '.' for the
 * workspace itself) when it lies inside, by the workspace's given or real path; else absolute.
 */
function shownPath(path, workspace) {
    for (const ws of [(0,external_node_path_.resolve)(workspace), realOrUndefined(workspace) ?? (0,external_node_path_.resolve)(workspace)])
        if (!escapes(ws, path))
            return (0,external_node_path_.relative)(ws, path).split(external_node_path_.sep).join('/') || '.';
    return path;
}
/**
 * Resolves an input naming a file this action writes (a report, a SARIF file, a baseline, an
 * output folder). An absolute path outside the workspace is taken as the user gave it
 * (`${{ runner.temp }}/x`). A relative one is resolved against the workspace and, like an absolute
 * one inside it, must stay inside through every link on the way, since a pull request can add a
 * link (`out -> /etc`) to the repository. An existing folder where a file is wanted, a device, pipe
 * or socket where a file is written (renaming over `/dev/zero` would replace it), or a file where
 * a folder is wanted, is refused (`any` takes either, and is not written).
 */
function outputPath(input, value, workspace, options = {}) {
    const kind = options.kind ?? 'file';
    checkPathText(input, value, value);
    const target = isAbsolute(value) ? resolve(value) : resolve(workspace, value);
    // A relative path needs the workspace; an absolute one is checked against it only if it exists.
    const root = isAbsolute(value) ? (realOrUndefined(workspace) ?? resolve(workspace)) : realWorkspace(workspace);
    const { target: located, jail } = locate(value, workspace, root, root);
    if (jail) {
        const lexical = escapes(jail, located);
        if (lexical || escapes(jail, existingAncestor(located).real))
            throw new UserError(`'${value}' leads outside the workspace${lexical ? '' : ' through a symbolic link'}.`, { input }, 'Give a path inside the repository, or an absolute path such as ${{ runner.temp }}/name.');
    }
    const st = statOrUndefined(target);
    if (st && kind === 'file' && st.isDirectory())
        throw new UserError(`'${value}' is a folder; a file is written there.`, { input }, 'Give a file name.');
    if (st && kind === 'file' && !st.isFile())
        throw new UserError(`'${value}' is ${kindOf(st)}; a file is written there.`, { input }, 'Give the path of a regular file, such as ${{ runner.temp }}/name.');
    if (st && kind === 'folder' && !st.isDirectory())
        throw new UserError(`'${value}' is ${kindOf(st)}; a folder is written there.`, { input }, 'Give a folder name.');
    for (let dir = dirname(target); dir !== dirname(dir); dir = dirname(dir)) {
        let d;
        try {
            d = statSync(dir);
        }
        catch {
            continue;
        }
        if (!d.isDirectory())
            throw new UserError(`'${value}' is under ${dir}, which is a file, not a folder.`, { input });
        break;
    }
    return target;
}
/**
 * Resolves a path input as people write it: `~/x` under HOME, an absolute path as given
 * (`${{ runner.temp }}/x`), a relative one inside the workspace (never through a link out of it).
 */
function userPath(input, value, workspace, home, kind = 'any') {
    // outputPath checks NUL bytes and lengths, and keeps paths in the workspace inside it.
    return outputPath(input, expandHome(input, value, home), workspace, { kind });
}

;// CONCATENATED MODULE: ./packages/action-kit/src/logger.ts
/** A logger that drops everything, for callers that do not care. */
const nullLogger = {
    debug() { },
    info() { },
    warning() { },
    error() { },
};
/** A logger that keeps every call, for tests and for collecting warnings into a report. */
class RecordingLogger {
    records = [];
    debug(message) {
        this.records.push({ level: 'debug', message });
    }
    info(message) {
        this.records.push({ level: 'info', message });
    }
    warning(message, props) {
        this.records.push({ level: 'warning', message, ...(props ? { props } : {}) });
    }
    error(message, props) {
        this.records.push({ level: 'error', message, ...(props ? { props } : {}) });
    }
    /** Messages logged at one level. */
    messages(level) {
        return this.records.filter((r) => r.level === level).map((r) => r.message);
    }
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ./packages/action-kit/src/seams.ts



/** The real clock. */
const systemClock = {
    now: () => Date.now(),
    monotonic: () => performance.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
/** A clock that only moves when told to; sleep advances it instantly. */
class ManualClock {
    current;
    constructor(current = 0) {
        this.current = current;
    }
    now() {
        return this.current;
    }
    monotonic() {
        return this.current;
    }
    async sleep(ms) {
        this.current += ms;
    }
    /** Moves time forward. */
    advance(ms) {
        this.current += ms;
    }
}
/** The variables through which a runner's step talks to GitHub's services; a project's own scripts never need them. */
const RUNNER_CREDENTIAL_VARS = (/* unused pure expression or super */ null && ([
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_RUNTIME_URL',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'ACTIONS_RESULTS_URL',
    'ACTIONS_CACHE_URL',
    'ACTIONS_CACHE_SERVICE_V2',
]));
/**
 * The environment without the runner's internal credentials and without the step's own inputs
 * (`INPUT_*`, which hold tokens and webhook URLs), for running code that is not ours: build
 * scripts, releases, hooks, provider commands.
 */
function withoutRunnerCredentials(env) {
    const out = {};
    for (const [k, v] of Object.entries(env))
        if (v !== undefined && !k.startsWith('INPUT_') && !RUNNER_CREDENTIAL_VARS.includes(k))
            out[k] = v;
    return out;
}
/** A growing text that keeps only its last `max` bytes. */
class Tail {
    max;
    chunks = [];
    size = 0;
    truncated = false;
    constructor(max) {
        this.max = max;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size > this.max && this.chunks.length > 0) {
            const first = this.chunks[0];
            const over = this.size - this.max;
            this.truncated = true;
            if (first.length <= over) {
                this.chunks.shift();
                this.size -= first.length;
            }
            else {
                this.chunks[0] = first.subarray(over);
                this.size -= over;
            }
        }
    }
    text() {
        return Buffer.concat(this.chunks).toString('utf8');
    }
}
function display(command, args) {
    return [command, ...args].map((a) => (/[\s"']/.test(a) ? JSON.stringify(a) : a)).join(' ');
}
/**
 * Runs a process in its own process group, so that a timeout ends it and everything it started.
 * Output goes to the log as it comes (unless silent; inside stop-commands markers when untrusted)
 * and is captured, up to `maxOutputBytes` from the end of each stream when that is set.
 */
const actionsExec = (command, args, options = {}) => new Promise((resolvePromise, reject) => {
    const token = options.untrustedOutput ? randomBytes(16).toString('hex') : '';
    const log = (text) => {
        if (!options.silent)
            process.stdout.write(text);
    };
    log(`[command]${display(command, args)}\n`);
    if (token)
        log(`::stop-commands::${token}\n`);
    const child = spawn(command, args, {
        cwd: options.cwd,
        env: options.env ?? process.env,
        detached: true,
        stdio: ['pipe', 'pipe', 'pipe'],
    });
    const max = options.maxOutputBytes ?? Number.MAX_SAFE_INTEGER;
    const out = new Tail(max);
    const err = new Tail(max);
    let endsWithNewline = true;
    const onData = (tail) => (chunk) => {
        tail.push(chunk);
        if (!options.silent) {
            process.stdout.write(chunk);
            endsWithNewline = chunk[chunk.length - 1] === 0x0a;
        }
    };
    child.stdout.on('data', onData(out));
    child.stderr.on('data', onData(err));
    let timedOut = false;
    let killer;
    const timer = options.timeoutMs !== undefined
        ? setTimeout(() => {
            timedOut = true;
            killGroup(child.pid, 'SIGTERM');
            killer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
        }, options.timeoutMs)
        : undefined;
    child.stdin.on('error', () => { });
    child.stdin.end(options.input ?? '');
    child.on('error', (e) => {
        clearTimeout(timer);
        clearTimeout(killer);
        reject(e);
    });
    child.on('close', (code, signal) => {
        clearTimeout(timer);
        clearTimeout(killer);
        // Whatever the process left running in its group goes with it.
        if (timedOut)
            killGroup(child.pid, 'SIGKILL');
        // The command's last line must end before anything else is printed, or a following
        // ::error:: would be glued to it and lost.
        if (!endsWithNewline)
            log('\n');
        if (token)
            log(`::${token}::\n`);
        const exitCode = code ?? (signal ? 128 + (osConstants.signals[signal] ?? 0) : 1);
        const result = {
            exitCode,
            stdout: out.text(),
            stderr: err.text(),
            ...(timedOut ? { timedOut } : {}),
            ...(out.truncated || err.truncated ? { truncated: true } : {}),
        };
        if (exitCode !== 0 && !options.ignoreReturnCode && !timedOut)
            reject(new Error(`The process '${command}' failed with exit code ${exitCode}`));
        else
            resolvePromise(result);
    });
});
function killGroup(pid, signal) {
    if (pid === undefined)
        return;
    try {
        process.kill(-pid, signal);
    }
    catch {
        // the group is gone
    }
}

;// CONCATENATED MODULE: ./packages/action-kit/src/lite.ts
// Everything in the kit except the runner binding: no @actions/* is loaded from here, so domain
// packages, action main modules and the CLI start fast. Only an action's entry point imports
// the full index, which adds runAction and the @actions/core seams.


















/***/ }),

/***/ 7119:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ reportFailure)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8826);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5736);


/**
 * Logs a failure: a UserError as one line naming its input or file; anything else as an internal
 * error with a request to report it, and the stack only when debugging. Shared by runAction and
 * the CLI so both word failures alike.
 */
function reportFailure(name, err, logger, debug) {
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isUserError */ .iU)(err)) {
        const props = { title: name };
        if (err.subject.file)
            props.file = err.subject.file;
        if (err.subject.line)
            props.startLine = err.subject.line;
        logger.error((0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redactCredentials */ .UY)(err.describe()), props);
        return;
    }
    logger.error(`${name} failed with an internal error: ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redactCredentials */ .UY)((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err))}. This is a bug in slipway, not in your workflow; please report it with this log.` +
        (debug ? '' : ' Re-run with debug logging enabled to include the stack trace.'), { title: `${name}: internal error` });
    if (debug && err instanceof Error && err.stack)
        logger.info((0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redactCredentials */ .UY)(err.stack));
}


/***/ }),

/***/ 5736:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   UY: () => (/* binding */ redactCredentials)
/* harmony export */ });
/* unused harmony exports maskCredential, credentialParts, redactUrl */
/**
 * Masks a value that is or contains a credential: the whole value, and each password or token
 * embedded in it (URL userinfo, `Bearer`/`Basic` schemes), so that the parts never leak alone.
 */
function maskCredential(value, mask) {
    const trimmed = value.trim();
    // Masking a value this short would hide every occurrence of it in the whole log.
    if (trimmed.length < 3)
        return;
    mask(trimmed);
    for (const part of credentialParts(trimmed))
        mask(part);
}
/**
 * The user information of every URL in a text, found in linear time: each `:/` or `://` is a
 * candidate, its scheme read backwards (at most 32 characters) and its user information forwards
 * up to the last `@` before the next `/`, `?`, `#` or space; the runs candidates read never overlap.
 */
function* userInfos(text) {
    const separator = /:\/\/?/g;
    // Greedy to the last `@` before the host, as a URL parser reads it: a password may hold a raw `@`.
    const info = /[^/\s?#]*@/y;
    for (let m = separator.exec(text); m; m = separator.exec(text)) {
        if (!/[a-z][a-z0-9+.-]*$/i.test(text.slice(Math.max(0, m.index - 32), m.index)))
            continue;
        const start = m.index + m[0].length;
        info.lastIndex = start;
        const u = info.exec(text);
        if (!u)
            continue;
        const body = u[0].slice(0, -1);
        const colon = body.indexOf(':');
        yield colon < 0
            ? { start, end: start + u[0].length, user: body }
            : { start, end: start + u[0].length, user: body.slice(0, colon), pass: body.slice(colon + 1) };
        separator.lastIndex = start + u[0].length;
    }
}
/** The credential pieces inside a value: URL passwords and usernames, and auth-scheme tokens. */
function credentialParts(value) {
    const parts = new Set();
    for (const u of userInfos(value)) {
        if (u.pass) {
            parts.add(decodeSafe(u.pass));
            parts.add(u.pass);
        }
        else if (u.user) {
            parts.add(u.user);
        }
    }
    for (const m of value.matchAll(/\b(?:Bearer|Basic|token)\s+([A-Za-z0-9._~+/=-]{8,})/g))
        parts.add(m[1]);
    return [...parts].filter((p) => p.length >= 3);
}
function decodeSafe(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/** A URL with its password (or a lone username, which may be a token) shown as `***`. */
function redactUrl(url) {
    return redactCredentials(url);
}
/** Every URL in a text with the credential in its user information shown as `***`: `https://user:***@host`. */
function redactCredentials(text) {
    if (!text.includes(':/'))
        return text;
    let out = '';
    let last = 0;
    for (const u of userInfos(text)) {
        out += text.slice(last, u.start) + (u.pass !== undefined ? `${u.user}:***@` : '***@');
        last = u.end;
    }
    return out + text.slice(last);
}


/***/ }),

/***/ 8819:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   JV: () => (/* binding */ commandSafe)
/* harmony export */ });
/* unused harmony exports escapeCommandData, escapeCommandProperty */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Text from the repository or a command's output (file names, manifest values, build output,
 * server bodies) printed so that the runner cannot read any of it as a workflow command: when it
 * holds `::`, it goes out between `::stop-commands::<token>` and `::<token>::` with a token it
 * cannot guess. Annotation messages need no wrapping: @actions/core escapes their newlines.
 */
function commandSafe(text) {
    if (!text.includes('::'))
        return text;
    const token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex');
    return `::stop-commands::${token}\n${text}\n::${token}::`;
}
/** Escapes a workflow-command message as @actions/core does: `%`, `\r` and `\n`. */
function escapeCommandData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** Escapes a workflow-command property (file, title) as @actions/core does: also `:` and `,`. */
function escapeCommandProperty(text) {
    return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 2120:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// What the bundles load for `@actions/exec` (tsconfig.json's paths; see ../README.md).

let real;
const load = () => (real ??= __nccwpck_require__(2876));
for (const name of ['exec', 'getExecOutput'])
  Object.defineProperty(module.exports, name, { enumerable: true, get: () => load()[name] });


/***/ }),

/***/ 4639:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// What the bundles load for `@actions/http-client` (tsconfig.json's paths; see ../README.md).

let real;
// A relative path: the package's exports map does not list this file, and the name itself is mapped here.
const load = () => (real ??= __nccwpck_require__(4942));
for (const name of [
  'HttpCodes',
  'Headers',
  'MediaTypes',
  'getProxyUrl',
  'HttpClientError',
  'HttpClientResponse',
  'isHttps',
  'HttpClient',
])
  Object.defineProperty(module.exports, name, { enumerable: true, get: () => load()[name] });


/***/ }),

/***/ 4503:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// What the bundles load for `undici` (tsconfig.json's paths; see ../README.md). undici is the
// largest thing @actions/core pulls in (through @actions/http-client), and no action needs it to
// start: here it is imported on first use, from a chunk of its own. What reaches this name:
// - @actions/http-client: `new ProxyAgent(options)` when a proxy is set, a dispatcher it hands to
//   @actions/github, which passes it to `fetch`;
// - @actions/github: `fetch`.
// So ProxyAgent is a placeholder holding its options, and `fetch` loads undici and builds the real
// agent from them. slipway's own code imports `undici/index.js`, which is not mapped.


let loading;
const undici = () => (loading ??= __nccwpck_require__.e(/* import() */ 752).then(__nccwpck_require__.t.bind(__nccwpck_require__, 6752, 19)));

/** Stands for undici's ProxyAgent until `fetch` is called with it. */
class ProxyAgent {
  constructor(options) {
    this.lazyOptions = options;
  }
}

/** One real agent per placeholder, so a client's connections are reused. */
const agents = new WeakMap();

async function fetch(input, init) {
  const real = await undici();
  const dispatcher = init?.dispatcher;
  if (!(dispatcher instanceof ProxyAgent)) return real.fetch(input, init);
  let agent = agents.get(dispatcher);
  if (!agent) agents.set(dispatcher, (agent = new real.ProxyAgent(dispatcher.lazyOptions)));
  return real.fetch(input, { ...init, dispatcher: agent });
}

module.exports = { ProxyAgent, fetch };


/***/ }),

/***/ 2876:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  exec: () => (/* binding */ exec),
  getExecOutput: () => (/* binding */ getExecOutput)
});

// EXTERNAL MODULE: external "string_decoder"
var external_string_decoder_ = __nccwpck_require__(3193);
// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(4434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(2613);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return __awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_.dirname(filePath);
                        const upperName = external_path_.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_.EOL.length);
                n = s.indexOf(external_os_.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new external_string_decoder_.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map

/***/ }),

/***/ 4942:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Headers: () => (/* binding */ Headers),
  HttpClient: () => (/* binding */ HttpClient),
  HttpClientError: () => (/* binding */ HttpClientError),
  HttpClientResponse: () => (/* binding */ HttpClientResponse),
  HttpCodes: () => (/* binding */ HttpCodes),
  MediaTypes: () => (/* binding */ MediaTypes),
  getProxyUrl: () => (/* binding */ lib_getProxyUrl),
  isHttps: () => (/* binding */ isHttps)
});

// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(8611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(5692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var tunnel = __nccwpck_require__(770);
// EXTERNAL MODULE: ./scripts/bundle-shims/undici/index.cjs
var undici = __nccwpck_require__(4503);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new undici.ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(4284);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
