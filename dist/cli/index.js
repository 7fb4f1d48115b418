#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 48826:
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

/***/ 36740:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i_: () => (/* reexport */ InputReader),
  PO: () => (/* reexport */ OutputWriter),
  CF: () => (/* reexport */ SummaryBuilder),
  yo: () => (/* reexport */ errors/* UserError */.yo),
  dw: () => (/* reexport */ actionsExec),
  JV: () => (/* reexport */ commandSafe),
  YY: () => (/* reexport */ credentialParts),
  M1: () => (/* reexport */ describeJsonError),
  gJ: () => (/* reexport */ errors/* errorMessage */.gJ),
  V9: () => (/* reexport */ escapeCommandData),
  ZD: () => (/* reexport */ escapeHtml),
  h0: () => (/* reexport */ fieldLine),
  a3: () => (/* reexport */ formatDuration),
  d_: () => (/* reexport */ inputEnvName),
  iU: () => (/* reexport */ errors/* isUserError */.iU),
  O: () => (/* reexport */ jsonErrorOffset),
  rv: () => (/* reexport */ lineColumn),
  kV: () => (/* reexport */ maskCredential),
  Gi: () => (/* reexport */ nullLogger),
  XC: () => (/* reexport */ outputPath),
  E9: () => (/* reexport */ parseDuration),
  UW: () => (/* reexport */ pendingFile),
  E1: () => (/* reexport */ readUserFile),
  id: () => (/* reexport */ realWorkspace),
  UY: () => (/* reexport */ redactCredentials),
  xV: () => (/* reexport */ reportFailure),
  ZL: () => (/* reexport */ shellQuote),
  pS: () => (/* reexport */ shownPath),
  ml: () => (/* reexport */ systemClock),
  rZ: () => (/* reexport */ userPath),
  DV: () => (/* reexport */ withoutRunnerCredentials),
  ih: () => (/* reexport */ workspaceFolder),
  Zf: () => (/* reexport */ writeFileAtomic)
});

// UNUSED EXPORTS: ManualClock, RUNNER_CREDENTIAL_VARS, RecordingLogger, SUMMARY_LIMIT_BYTES, escapeCommandProperty, redactUrl, toOutputString

// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __nccwpck_require__(48826);
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
var promises_ = __nccwpck_require__(51455);
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

;// CONCATENATED MODULE: ./packages/action-kit/src/secrets.ts
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(77598);
;// CONCATENATED MODULE: ./packages/action-kit/src/untrusted.ts

/**
 * Text from the repository or a command's output (file names, manifest values, build output,
 * server bodies) printed so that the runner cannot read any of it as a workflow command: when it
 * holds `::`, it goes out between `::stop-commands::<token>` and `::<token>::` with a token it
 * cannot guess. Annotation messages need no wrapping: @actions/core escapes their newlines.
 */
function commandSafe(text) {
    if (!text.includes('::'))
        return text;
    const token = (0,external_node_crypto_.randomBytes)(16).toString('hex');
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
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

;// CONCATENATED MODULE: ./packages/action-kit/src/report.ts


/**
 * Logs a failure: a UserError as one line naming its input or file; anything else as an internal
 * error with a request to report it, and the stack only when debugging. Shared by runAction and
 * the CLI so both word failures alike.
 */
function reportFailure(name, err, logger, debug) {
    if ((0,errors/* isUserError */.iU)(err)) {
        const props = { title: name };
        if (err.subject.file)
            props.file = err.subject.file;
        if (err.subject.line)
            props.startLine = err.subject.line;
        logger.error(redactCredentials(err.describe()), props);
        return;
    }
    logger.error(`${name} failed with an internal error: ${redactCredentials((0,errors/* errorMessage */.gJ)(err))}. This is a bug in slipway, not in your workflow; please report it with this log.` +
        (debug ? '' : ' Re-run with debug logging enabled to include the stack trace.'), { title: `${name}: internal error` });
    if (debug && err instanceof Error && err.stack)
        logger.info(redactCredentials(err.stack));
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
;// CONCATENATED MODULE: ./packages/action-kit/src/atomic.ts



/** Starts an atomic write of `path`: write to tempPath, then commit (or abort). */
function pendingFile(path) {
    const tempPath = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_path_.basename)(path)}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`);
    return {
        tempPath,
        async commit() {
            const fh = await (0,promises_.open)(tempPath, 'r+');
            try {
                await fh.sync();
            }
            finally {
                await fh.close();
            }
            await (0,promises_.rename)(tempPath, path);
        },
        async abort() {
            await (0,promises_.rm)(tempPath, { force: true });
        },
    };
}
/** Writes a whole file atomically: temp file, fsync, rename; its folder is created when missing. No half-written file is ever visible. */
async function writeFileAtomic(path, data) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    const pending = pendingFile(path);
    try {
        const fh = await (0,promises_.open)(pending.tempPath, 'wx', 0o644);
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
    const target = (0,external_node_path_.isAbsolute)(value) ? (0,external_node_path_.resolve)(value) : (0,external_node_path_.resolve)(workspace, value);
    // A relative path needs the workspace; an absolute one is checked against it only if it exists.
    const root = (0,external_node_path_.isAbsolute)(value) ? (realOrUndefined(workspace) ?? (0,external_node_path_.resolve)(workspace)) : realWorkspace(workspace);
    const { target: located, jail } = locate(value, workspace, root, root);
    if (jail) {
        const lexical = escapes(jail, located);
        if (lexical || escapes(jail, existingAncestor(located).real))
            throw new errors/* UserError */.yo(`'${value}' leads outside the workspace${lexical ? '' : ' through a symbolic link'}.`, { input }, 'Give a path inside the repository, or an absolute path such as ${{ runner.temp }}/name.');
    }
    const st = statOrUndefined(target);
    if (st && kind === 'file' && st.isDirectory())
        throw new errors/* UserError */.yo(`'${value}' is a folder; a file is written there.`, { input }, 'Give a file name.');
    if (st && kind === 'file' && !st.isFile())
        throw new errors/* UserError */.yo(`'${value}' is ${kindOf(st)}; a file is written there.`, { input }, 'Give the path of a regular file, such as ${{ runner.temp }}/name.');
    if (st && kind === 'folder' && !st.isDirectory())
        throw new errors/* UserError */.yo(`'${value}' is ${kindOf(st)}; a folder is written there.`, { input }, 'Give a folder name.');
    for (let dir = (0,external_node_path_.dirname)(target); dir !== (0,external_node_path_.dirname)(dir); dir = (0,external_node_path_.dirname)(dir)) {
        let d;
        try {
            d = (0,external_node_fs_.statSync)(dir);
        }
        catch {
            continue;
        }
        if (!d.isDirectory())
            throw new errors/* UserError */.yo(`'${value}' is under ${dir}, which is a file, not a folder.`, { input });
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(31421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
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
const RUNNER_CREDENTIAL_VARS = [
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_RUNTIME_URL',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'ACTIONS_RESULTS_URL',
    'ACTIONS_CACHE_URL',
    'ACTIONS_CACHE_SERVICE_V2',
];
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
    const token = options.untrustedOutput ? (0,external_node_crypto_.randomBytes)(16).toString('hex') : '';
    const log = (text) => {
        if (!options.silent)
            process.stdout.write(text);
    };
    log(`[command]${display(command, args)}\n`);
    if (token)
        log(`::stop-commands::${token}\n`);
    const child = (0,external_node_child_process_.spawn)(command, args, {
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
        const exitCode = code ?? (signal ? 128 + (external_node_os_.constants.signals[signal] ?? 0) : 1);
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

/***/ 12719:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __nccwpck_require__(36740);
;// CONCATENATED MODULE: ./packages/cli/src/flags.ts

/** A mistake in the command line itself (exit code 2), as opposed to a mistake in what it asks for (1). */
class UsageError extends lite/* UserError */.yo {
}
/** Reads `--input value` and `--input=value` for each input action.yml declares; anything else is an error that lists them. */
function parseFlags(metadata, argv, shape = {}) {
    const parsed = { inputs: {}, json: false, help: false };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (!arg.startsWith('-') && shape.positional && parsed.inputs[shape.positional] === undefined) {
            parsed.inputs[shape.positional] = arg;
            continue;
        }
        if (arg === '--json')
            parsed.json = true;
        else if (arg === '--help' || arg === '-h')
            parsed.help = true;
        else if (arg.startsWith('--')) {
            const eq = arg.indexOf('=');
            const name = arg.slice(2, eq < 0 ? undefined : eq);
            if (!metadata.inputs[name]) {
                throw new UsageError(`unknown flag --${name}.`, {}, `${metadata.name} takes: ${Object.keys(metadata.inputs)
                    .map((n) => `--${n}`)
                    .join(', ')}, --json, --help.`);
            }
            const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
            if (value === undefined)
                throw new UsageError(`--${name} needs a value.`, {}, `For example: --${name} ${metadata.inputs[name].default || 'VALUE'}`);
            if (parsed.inputs[name] !== undefined && shape.repeatable?.includes(name))
                parsed.inputs[name] = `${parsed.inputs[name]}\n${value}`;
            else
                parsed.inputs[name] = value;
        }
        else {
            throw new UsageError(`unexpected argument '${arg}'.`, {}, 'Flags take the form --name value.');
        }
    }
    return parsed;
}
/** The help text for an action, generated from its metadata. */
function helpText(metadata) {
    const width = Math.max(...Object.keys(metadata.inputs).map((n) => n.length), 4) + 4;
    const lines = [`slipway ${metadata.name} [flags]`, '', metadata.description, '', 'Flags (from action.yml):'];
    for (const [name, spec] of Object.entries(metadata.inputs)) {
        lines.push(`  --${name.padEnd(width)}${spec.description}${spec.default ? ` (default: ${spec.default})` : ''}`);
    }
    lines.push(`  --${'json'.padEnd(width)}Print the outputs as one JSON object.`, `  --${'help'.padEnd(width)}Show this text.`);
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./packages/cli/src/registry.ts
/** An action's command: its main module and its generated metadata, loaded together on first use. */
function action(main, meta) {
    return async () => {
        const [{ run }, { metadata }] = await Promise.all([main(), meta()]);
        return { metadata, run };
    };
}
/** Every command, loaded on demand so one command does not load the others. Actions first, then CLI-only commands. */
const ACTIONS = {
    'detect-stack': action(() => Promise.all(/* import() */[__nccwpck_require__.e(7934), __nccwpck_require__.e(4006), __nccwpck_require__.e(3292), __nccwpck_require__.e(5940), __nccwpck_require__.e(8619)]).then(__nccwpck_require__.bind(__nccwpck_require__, 58619)), () => __nccwpck_require__.e(/* import() */ 8460).then(__nccwpck_require__.bind(__nccwpck_require__, 58460))),
    'build-artifact': action(() => Promise.all(/* import() */[__nccwpck_require__.e(7934), __nccwpck_require__.e(8815), __nccwpck_require__.e(4006), __nccwpck_require__.e(2856), __nccwpck_require__.e(3292), __nccwpck_require__.e(7091), __nccwpck_require__.e(5940), __nccwpck_require__.e(5359), __nccwpck_require__.e(9521), __nccwpck_require__.e(6166), __nccwpck_require__.e(2844)]).then(__nccwpck_require__.bind(__nccwpck_require__, 32844)), () => __nccwpck_require__.e(/* import() */ 413).then(__nccwpck_require__.bind(__nccwpck_require__, 90413))),
    'security-scan': action(() => Promise.all(/* import() */[__nccwpck_require__.e(7934), __nccwpck_require__.e(8815), __nccwpck_require__.e(4006), __nccwpck_require__.e(2856), __nccwpck_require__.e(3292), __nccwpck_require__.e(7091), __nccwpck_require__.e(5940), __nccwpck_require__.e(5359), __nccwpck_require__.e(9521), __nccwpck_require__.e(6166), __nccwpck_require__.e(1322)]).then(__nccwpck_require__.bind(__nccwpck_require__, 71322)), () => __nccwpck_require__.e(/* import() */ 7124).then(__nccwpck_require__.bind(__nccwpck_require__, 97124))),
    'verify-health': action(() => Promise.all(/* import() */[__nccwpck_require__.e(7934), __nccwpck_require__.e(2856), __nccwpck_require__.e(1202), __nccwpck_require__.e(136)]).then(__nccwpck_require__.bind(__nccwpck_require__, 60136)), () => __nccwpck_require__.e(/* import() */ 7994).then(__nccwpck_require__.bind(__nccwpck_require__, 17994))),
    'deploy-canary': action(() => Promise.all(/* import() */[__nccwpck_require__.e(7934), __nccwpck_require__.e(8815), __nccwpck_require__.e(4006), __nccwpck_require__.e(2856), __nccwpck_require__.e(4942), __nccwpck_require__.e(6913), __nccwpck_require__.e(5359), __nccwpck_require__.e(1202), __nccwpck_require__.e(3873), __nccwpck_require__.e(110)]).then(__nccwpck_require__.bind(__nccwpck_require__, 20110)), () => __nccwpck_require__.e(/* import() */ 5514).then(__nccwpck_require__.bind(__nccwpck_require__, 5514))),
    rollback: action(() => Promise.all(/* import() */[__nccwpck_require__.e(7934), __nccwpck_require__.e(8815), __nccwpck_require__.e(4006), __nccwpck_require__.e(2856), __nccwpck_require__.e(4942), __nccwpck_require__.e(6913), __nccwpck_require__.e(5359), __nccwpck_require__.e(1202), __nccwpck_require__.e(3873), __nccwpck_require__.e(7900)]).then(__nccwpck_require__.bind(__nccwpck_require__, 17900)), () => __nccwpck_require__.e(/* import() */ 6754).then(__nccwpck_require__.bind(__nccwpck_require__, 46754))),
    'verify-artifact': async () => (await __nccwpck_require__.e(/* import() */ 1169).then(__nccwpck_require__.bind(__nccwpck_require__, 11169))).verifyCommand,
    status: async () => (await __nccwpck_require__.e(/* import() */ 1826).then(__nccwpck_require__.bind(__nccwpck_require__, 51826))).statusCommand,
    down: async () => (await __nccwpck_require__.e(/* import() */ 1826).then(__nccwpck_require__.bind(__nccwpck_require__, 51826))).downCommand,
    metrics: async () => (await __nccwpck_require__.e(/* import() */ 6390).then(__nccwpck_require__.bind(__nccwpck_require__, 36390))).metricsCommand,
    audit: async () => (await __nccwpck_require__.e(/* import() */ 6390).then(__nccwpck_require__.bind(__nccwpck_require__, 36390))).auditCommand,
    init: async () => (await __nccwpck_require__.e(/* import() */ 7430).then(__nccwpck_require__.bind(__nccwpck_require__, 47430))).initCommand,
    pipeline: async () => (await __nccwpck_require__.e(/* import() */ 3226).then(__nccwpck_require__.bind(__nccwpck_require__, 83226))).pipelineCommand,
};
/** Short names for the actions people type most. */
const ALIASES = {
    detect: 'detect-stack',
    build: 'build-artifact',
    scan: 'security-scan',
    deploy: 'deploy-canary',
    verify: 'verify-health',
};

;// CONCATENATED MODULE: ./packages/cli/src/cli.ts






/**
 * What the runner does with `::add-mask::`, for a terminal: every value an action masks is shown
 * as `***` in everything the CLI prints afterwards, longest first so that a secret holding
 * another is hidden whole.
 */
class Redactor {
    secrets = new Set();
    add(value) {
        if (value.length >= 3)
            this.secrets.add(value);
    }
    apply(text) {
        let out = (0,lite/* redactCredentials */.UY)(text);
        for (const s of [...this.secrets].sort((a, b) => b.length - a.length))
            out = out.split(s).join('***');
        return out;
    }
}
function consoleLogger(io, debug, redactor) {
    const where = (p) => p?.file ? `${p.file}${p.startLine ? `:${p.startLine}` : ''}: ` : '';
    const terminal = io.terminal;
    // The runner reads stderr for workflow commands too, should this run inside a job.
    const say = (text, kind) => terminal ? terminal.line(redactor.apply((0,lite/* commandSafe */.JV)(text)), kind) : io.err((0,lite/* commandSafe */.JV)(text));
    return {
        debug: (m) => debug && say(`debug: ${m}`, 'debug'),
        info: (m) => say(m, 'info'),
        warning: (m, p) => say(`warning: ${where(p)}${m}`, 'warning'),
        error: (m, p) => say(`error: ${where(p)}${m}`, 'error'),
    };
}
const USAGE = (names) => `slipway <action> [flags]\n\nActions: ${names.join(', ')}\nShort names: ${Object.entries(ALIASES)
    .map(([short, long]) => `${short} (${long})`)
    .join(', ')}\nRun slipway <action> --help for its flags.\n\nExit codes: 0 done; 1 the operation failed (a gate failed, a canary was rolled back); 2 the command line is wrong.`;
/**
 * Runs `slipway <action> [flags]`; returns the exit code: 0 done, 1 the action failed (or no
 * action was named: usage goes to stderr), 2 the command line is wrong (unknown action or flag,
 * a flag without its value).
 */
async function main(argv, rawIo) {
    const redactor = new Redactor();
    const io = {
        ...rawIo,
        out: (t) => rawIo.out(redactor.apply(t)),
        err: (t) => rawIo.err(redactor.apply(t)),
    };
    const debug = io.env.RUNNER_DEBUG === '1';
    const logger = consoleLogger(io, debug, redactor);
    const [given, ...rest] = argv;
    const name = given !== undefined ? (ALIASES[given] ?? given) : undefined;
    try {
        if (!name) {
            io.err(USAGE(Object.keys(ACTIONS)));
            return 1;
        }
        if (name === '--help' || name === '-h') {
            io.out(USAGE(Object.keys(ACTIONS)));
            return 0;
        }
        const load = ACTIONS[name];
        if (!load)
            throw new UsageError(`unknown action '${name}'.`, {}, `Known actions: ${Object.keys(ACTIONS).join(', ')}.`);
        const action = await load();
        const flags = parseFlags(action.metadata, rest, action.commandLine);
        if (flags.help) {
            io.out(helpText(action.metadata));
            return 0;
        }
        const summaryDir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'slipway-cli-'));
        const env = {
            ...io.env,
            GITHUB_WORKSPACE: io.env.GITHUB_WORKSPACE || io.cwd,
            GITHUB_STEP_SUMMARY: (0,external_node_path_.join)(summaryDir, 'summary.md'),
        };
        for (const key of Object.keys(env))
            if (key.startsWith('INPUT_'))
                delete env[key];
        for (const [input, value] of Object.entries(flags.inputs))
            env[(0,lite/* inputEnvName */.d_)(input)] = value;
        const outputs = {};
        io.terminal?.start(`slipway ${name}`);
        try {
            await action.run({ env, logger, setOutput: (k, v) => (outputs[k] = v), mask: (v) => redactor.add(v) });
            io.terminal?.stop(true, 'done');
            if (flags.json)
                io.out(JSON.stringify(outputs, null, 2));
            else
                io.out(readSummary((0,external_node_path_.join)(summaryDir, 'summary.md')));
        }
        catch (err) {
            // An action that fails after setting its outputs (a canary rolled back, a workflow that
            // failed) still gives them with --json, as the runner still passes them on.
            io.terminal?.stop(false, 'failed');
            if (flags.json && Object.keys(outputs).length)
                io.out(JSON.stringify(outputs, null, 2));
            throw err;
        }
        finally {
            (0,external_node_fs_.rmSync)(summaryDir, { recursive: true, force: true });
        }
        return 0;
    }
    catch (err) {
        (0,lite/* reportFailure */.xV)(`slipway ${name ?? ''}`.trim(), err, logger, debug);
        return err instanceof UsageError ? 2 : 1;
    }
}
function readSummary(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch {
        return '';
    }
}


/***/ }),

/***/ 698:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(12719);

// `slipway deploy-canary` starts its local proxy as this same program with SLIPWAY_DAEMON set.
if (process.env.SLIPWAY_DAEMON) {
    const { maybeRunDaemon } = await Promise.all(/* import() */[__nccwpck_require__.e(7934), __nccwpck_require__.e(8815), __nccwpck_require__.e(4006), __nccwpck_require__.e(2856), __nccwpck_require__.e(4942), __nccwpck_require__.e(6913), __nccwpck_require__.e(5359), __nccwpck_require__.e(1202), __nccwpck_require__.e(3873)]).then(__nccwpck_require__.bind(__nccwpck_require__, 60493));
    await maybeRunDaemon();
}
else {
    // A spinner and colours on a terminal only; ora and picocolors are not loaded otherwise.
    const { createTerminal } = await __nccwpck_require__.e(/* import() */ 832).then(__nccwpck_require__.bind(__nccwpck_require__, 90832));
    const terminal = await createTerminal(process.stderr, process.env);
    process.exitCode = await (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .i)(process.argv.slice(2), {
        out: (t) => process.stdout.write(`${t}\n`),
        err: (t) => process.stderr.write(`${t}\n`),
        env: process.env,
        cwd: process.cwd(),
        ...(terminal ? { terminal } : {}),
    });
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 49140:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 91943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 71553:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns/promises");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 98995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 80481:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");

/***/ }),

/***/ 80099:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 46466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 87997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 7066:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tty");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

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
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
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
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
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
/******/ 		8792: 0
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
/******/ var __webpack_exports__ = __nccwpck_require__(698);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
