export const id = 544;
export const ids = [544];
export const modules = {

/***/ 29935:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ compileUserPattern)
/* harmony export */ });
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2856);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48826);
// Its own entry point (`@slipway/action-kit/pattern`), so that only the actions that take user
// patterns load the RE2 engine (a quarter of a megabyte of JavaScript) at start-up.


/**
 * Compiles a regular expression from user input (gitleaks rules, expect-body) with RE2's syntax
 * and linear-time matching, as gitleaks does with Go's regexp. Lookarounds and backreferences,
 * which need backtracking, are refused with a UserError naming the subject.
 */
function compileUserPattern(source, options) {
    // RE2 reads inline flags such as (?i) itself.
    let flags = 0;
    if (options.caseInsensitive)
        flags |= re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JS */ .L3.CASE_INSENSITIVE;
    if (options.multiline)
        flags |= re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JS */ .L3.MULTILINE;
    if (options.dotAll)
        flags |= re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JS */ .L3.DOTALL;
    let re;
    try {
        re = re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JS */ .L3.compile(source, flags);
    }
    catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the regular expression ${JSON.stringify(source)} is not valid RE2 syntax (${why}).`, options.subject, 'Patterns run on a linear-time engine: lookarounds and backreferences are not supported.');
    }
    return {
        source,
        test: (text) => re.matcher(text).find(),
        exec(text, from = 0) {
            const m = re.matcher(text);
            if (!m.find(from))
                return null;
            const groups = [];
            for (let g = 0; g <= m.groupCount(); g++)
                groups.push(m.group(g) ?? undefined);
            return { index: m.start(), end: m.end(), groups };
        },
    };
}


/***/ }),

/***/ 58544:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ck: () => (/* reexport */ DEFAULT_RULES),
  oC: () => (/* reexport */ SEVERITIES),
  DO: () => (/* reexport */ SecretEngine),
  Gj: () => (/* reexport */ gate),
  Xw: () => (/* reexport */ loadGitleaksConfig),
  mF: () => (/* reexport */ readBaseline),
  E$: () => (/* reexport */ redact),
  SQ: () => (/* reexport */ scan),
  qs: () => (/* reexport */ severityRank),
  B9: () => (/* reexport */ writeBaseline),
  lg: () => (/* reexport */ writeSarif)
});

// UNUSED EXPORTS: GLOBAL_ALLOW, MAX_RESULTS_PER_RUN, SARIF_GZIP_LIMIT, affects, auditWorkflow, buildSarif, comparatorFor, cvss3BaseScore, fingerprint, fixedVersions, inRange, isWorkflowFile, listFiles, loadOsvDb, matchPackages, osvKey, packagistCompare, queryOsv, readLockfiles, recordSeverity, rubyGemsCompare, ruleInfo, scanDependencies, scanHistory, scanStream, scanTree, scannable, securitySeverity, severityOfScore, shannonEntropy

;// CONCATENATED MODULE: ./packages/security/src/types.ts
/** Severities, most severe first. */
const SEVERITIES = ['critical', 'high', 'medium', 'low'];
/** Numeric severity for SARIF's `security-severity` property (GitHub's bands). */
function securitySeverity(s) {
    return { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0' }[s];
}
/** The severity band of a CVSS base score. */
function severityOfScore(score) {
    return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
}
/** 0 for critical … 3 for low: sorts most severe first. */
function severityRank(s) {
    return SEVERITIES.indexOf(s);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./packages/security/src/fingerprint.ts

/** A fingerprint from parts; secrets go in only as part of a hash, and the hash is salted by the rule. */
function fingerprint(...parts) {
    return (0,external_node_crypto_.createHash)('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);
}
/** How a secret appears in reports: its first 4 characters and its length. */
function redact(secret) {
    return `${secret.slice(0, 4)}…(${secret.length} chars)`;
}

;// CONCATENATED MODULE: ./packages/security/src/sarif.ts

/** GitHub's limit of results per run. */
const MAX_RESULTS_PER_RUN = 25_000;
const TOOL_NAME = {
    secrets: 'slipway-secrets',
    'secrets-history': 'slipway-secrets-history',
    dependencies: 'slipway-dependencies',
    workflows: 'slipway-workflows',
};
/**
 * A SARIF 2.1.0 log with one run per scanner (each with its own automationDetails.id category,
 * since GitHub rejects duplicate categories in one upload). Rules carry security-severity and
 * help; results carry partialFingerprints. Past 25,000 results a run keeps the most severe.
 */
function buildSarif(findings, scanners, version, categoryPrefix = 'slipway') {
    let dropped = 0;
    const runs = scanners.map((scanner) => {
        let mine = findings.filter((f) => f.scanner === scanner);
        if (mine.length > MAX_RESULTS_PER_RUN) {
            mine = [...mine].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
            dropped += mine.length - MAX_RESULTS_PER_RUN;
            mine = mine.slice(0, MAX_RESULTS_PER_RUN);
        }
        const rules = new Map();
        for (const f of mine) {
            if (rules.has(f.rule.id))
                continue;
            rules.set(f.rule.id, {
                id: f.rule.id,
                name: f.rule.name,
                shortDescription: { text: f.rule.description },
                fullDescription: { text: f.rule.description },
                help: { text: f.rule.help.replace(/[`*]/g, ''), markdown: f.rule.help },
                defaultConfiguration: { level: levelOf(f.rule.severity) },
                properties: { 'security-severity': securitySeverity(f.rule.severity), tags: ['security', scanner] },
            });
        }
        const ruleIds = [...rules.keys()].sort();
        const sortedRules = ruleIds.map((id) => rules.get(id));
        const results = mine.map((f) => ({
            ruleId: f.rule.id,
            ruleIndex: ruleIds.indexOf(f.rule.id),
            level: levelOf(f.severity),
            message: { text: f.message },
            locations: [
                {
                    physicalLocation: {
                        artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
                        region: { startLine: Math.max(1, f.line), ...(f.column ? { startColumn: f.column } : {}) },
                    },
                },
            ],
            partialFingerprints: { 'slipway/v1': f.fingerprint },
            properties: { 'security-severity': securitySeverity(f.severity) },
        }));
        return {
            tool: {
                driver: {
                    name: TOOL_NAME[scanner],
                    informationUri: 'https://github.com/slipway/slipway',
                    semanticVersion: version,
                    rules: sortedRules,
                },
            },
            automationDetails: { id: `${categoryPrefix}/${scanner}/` },
            results,
        };
    });
    return { log: { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs }, dropped };
}
function levelOf(severity) {
    return severity === 'critical' || severity === 'high' ? 'error' : severity === 'medium' ? 'warning' : 'note';
}

;// CONCATENATED MODULE: ./packages/security/src/secrets/rules.ts
const ROTATE = 'Revoke the credential at its provider now (it is in the history even after the line is removed), issue a new one, and load it from a secret store (for example GitHub Actions secrets) instead of the repository.';
/** Built-in rules, written for slipway: the credentials people actually leak. */
const DEFAULT_RULES = [
    {
        id: 'aws-access-key-id',
        name: 'AWS access key ID',
        description: 'An AWS access key ID.',
        severity: 'high',
        keywords: ['akia', 'asia', 'abia', 'acca'],
        regex: /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/g,
        fix: ROTATE,
    },
    {
        id: 'aws-secret-access-key',
        name: 'AWS secret access key',
        description: 'An AWS secret access key next to an AWS keyword.',
        severity: 'critical',
        keywords: ['aws'],
        regex: /aws.{0,25}?(?:secret|private|key).{0,20}?['"\s:=]([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
        entropy: 4.0,
        fix: ROTATE,
    },
    {
        id: 'github-token',
        name: 'GitHub token',
        description: 'A GitHub personal access, OAuth, user-to-server, server-to-server or refresh token.',
        severity: 'critical',
        keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
        regex: /\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36})\b/g,
        fix: ROTATE,
    },
    {
        id: 'github-fine-grained-token',
        name: 'GitHub fine-grained token',
        description: 'A GitHub fine-grained personal access token.',
        severity: 'critical',
        keywords: ['github_pat_'],
        regex: /\b(github_pat_[A-Za-z0-9_]{82})\b/g,
        fix: ROTATE,
    },
    {
        id: 'gitlab-token',
        name: 'GitLab token',
        description: 'A GitLab personal, deploy or runner token.',
        severity: 'critical',
        keywords: ['glpat-', 'gldt-', 'glrt-', 'glptt-'],
        regex: /\b((?:glpat|gldt|glrt|glptt)-[A-Za-z0-9_-]{20,})\b/g,
        fix: ROTATE,
    },
    {
        id: 'slack-token',
        name: 'Slack token',
        description: 'A Slack bot, user, app or configuration token.',
        severity: 'high',
        keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe', 'xapp-'],
        regex: /\b((?:xox[abprs]|xoxe(?:\.xox[bp])?|xapp)-[0-9A-Za-z-]{10,})\b/g,
        fix: ROTATE,
    },
    {
        id: 'slack-webhook',
        name: 'Slack webhook',
        description: 'A Slack incoming-webhook URL.',
        severity: 'high',
        keywords: ['hooks.slack.com'],
        regex: /(https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]{16,})/g,
        fix: 'Delete the webhook in Slack and create a new one; keep its URL in a secret store.',
    },
    {
        id: 'stripe-key',
        name: 'Stripe secret key',
        description: 'A Stripe secret or restricted key.',
        severity: 'critical',
        keywords: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_'],
        regex: /\b((?:sk|rk)_(?:live|test)_[0-9A-Za-z]{24,99})\b/g,
        fix: ROTATE,
    },
    {
        id: 'google-api-key',
        name: 'Google API key',
        description: 'A Google Cloud or Firebase API key.',
        severity: 'high',
        keywords: ['aiza'],
        regex: /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g,
        fix: ROTATE,
    },
    {
        id: 'gcp-service-account',
        name: 'Google service-account key',
        description: 'A Google Cloud service-account key file (its private key ID).',
        severity: 'critical',
        keywords: ['private_key_id'],
        regex: /"private_key_id"\s*:\s*"([a-f0-9]{40})"/g,
        fix: ROTATE,
    },
    {
        id: 'azure-storage-key',
        name: 'Azure storage account key',
        description: 'An Azure storage account key or connection string.',
        severity: 'critical',
        keywords: ['accountkey'],
        regex: /AccountKey=([A-Za-z0-9+/]{86}==)/g,
        fix: ROTATE,
    },
    {
        id: 'private-key',
        name: 'Private key',
        description: 'A PEM, OpenSSH or PGP private key.',
        severity: 'critical',
        keywords: ['private key'],
        regex: /(-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----)/g,
        fix: 'Treat the key as compromised: revoke it, generate a new key pair, and keep the private key out of the repository.',
    },
    {
        id: 'jwt',
        name: 'JSON Web Token',
        description: 'A signed JSON Web Token.',
        severity: 'medium',
        keywords: ['eyj'],
        regex: /\b(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})(?![A-Za-z0-9_-])/g,
        fix: 'If the token is still valid, revoke it (or rotate its signing key) and take it out of the repository.',
    },
    {
        id: 'npm-token',
        name: 'npm access token',
        description: 'An npm access token.',
        severity: 'critical',
        keywords: ['npm_'],
        regex: /\b(npm_[A-Za-z0-9]{36})\b/g,
        fix: ROTATE,
    },
    {
        id: 'pypi-token',
        name: 'PyPI upload token',
        description: 'A PyPI API token.',
        severity: 'critical',
        keywords: ['pypi-ageichlwas5vcmc'],
        regex: /\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,})/g,
        fix: ROTATE,
    },
    {
        id: 'rubygems-key',
        name: 'RubyGems API key',
        description: 'A RubyGems API key.',
        severity: 'critical',
        keywords: ['rubygems_'],
        regex: /\b(rubygems_[a-f0-9]{48})\b/g,
        fix: ROTATE,
    },
    {
        id: 'nuget-key',
        name: 'NuGet API key',
        description: 'A NuGet API key.',
        severity: 'high',
        keywords: ['oy2'],
        regex: /\b(oy2[a-z0-9]{43})\b/g,
        fix: ROTATE,
    },
    {
        id: 'twilio-api-key',
        name: 'Twilio API key',
        description: 'A Twilio API key SID next to its secret or a Twilio keyword.',
        severity: 'high',
        keywords: ['twilio'],
        regex: /twilio.{0,40}?\b(SK[0-9a-fA-F]{32})\b/gi,
        fix: ROTATE,
    },
    {
        id: 'sendgrid-key',
        name: 'SendGrid API key',
        description: 'A SendGrid API key.',
        severity: 'high',
        keywords: ['sg.'],
        regex: /\b(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})\b/g,
        fix: ROTATE,
    },
    {
        id: 'mailgun-key',
        name: 'Mailgun API key',
        description: 'A Mailgun private API key.',
        severity: 'high',
        keywords: ['mailgun', 'key-'],
        regex: /\b(key-[0-9a-f]{32})\b/g,
        fix: ROTATE,
    },
    {
        id: 'shopify-token',
        name: 'Shopify token',
        description: 'A Shopify access, custom-app, private-app or shared secret.',
        severity: 'high',
        keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
        regex: /\b(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})\b/g,
        fix: ROTATE,
    },
    {
        id: 'digitalocean-token',
        name: 'DigitalOcean token',
        description: 'A DigitalOcean personal access, OAuth or refresh token.',
        severity: 'high',
        keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
        regex: /\b(do[opr]_v1_[a-f0-9]{64})\b/g,
        fix: ROTATE,
    },
    {
        id: 'heroku-key',
        name: 'Heroku API key',
        description: 'A Heroku API key.',
        severity: 'high',
        keywords: ['heroku', 'hrku-'],
        regex: /(?:heroku.{0,25}?['"\s:=]([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b|\b(HRKU-[A-Za-z0-9_-]{60}))/gi,
        fix: ROTATE,
    },
    {
        id: 'databricks-token',
        name: 'Databricks token',
        description: 'A Databricks personal access token.',
        severity: 'high',
        keywords: ['dapi'],
        regex: /\b(dapi[a-f0-9]{32}(?:-\d)?)\b/g,
        fix: ROTATE,
    },
    {
        id: 'openai-key',
        name: 'OpenAI API key',
        description: 'An OpenAI API key.',
        severity: 'critical',
        keywords: ['t3blbkfj'],
        regex: /\b(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,})/g,
        fix: ROTATE,
    },
    {
        id: 'anthropic-key',
        name: 'Anthropic API key',
        description: 'An Anthropic API key.',
        severity: 'critical',
        keywords: ['sk-ant-'],
        regex: /\b(sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{80,}AA)(?![A-Za-z0-9_-])/g,
        fix: ROTATE,
    },
    {
        id: 'database-url-password',
        name: 'Database URL with a password',
        description: 'A database or broker URL that carries a password.',
        severity: 'high',
        keywords: ['://'],
        regex: /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver):\/\/[^:\s/@'"]+:([^@\s/'"]{3,})@/gi,
        fix: 'Change the database password, and pass the URL through an environment variable or secret store.',
        allow: [/^\$|^\{|^<|^\*+$|^(password|pass|passwd|secret|changeme|postgres|root|example|test|user)$/i],
    },
    {
        id: 'generic-secret',
        name: 'Generic secret assignment',
        description: 'A high-entropy value assigned to a key, secret, token or password.',
        severity: 'medium',
        keywords: ['key', 'secret', 'token', 'passw', 'pwd', 'auth', 'credential'],
        regex: /(?:key|secret|token|passw(?:or)?d|pwd|auth|credential)[\w.-]{0,20}["']?\s*[:=]{1,2}>?\s*["']([A-Za-z0-9_+/=.~-]{16,})["']/gi,
        entropy: 4.2,
        fix: 'If this is a real credential, rotate it and load it from a secret store; if it is not, add `slipway:allow` to the line.',
    },
];
/** Secrets that are documentation examples, placeholders or published emulator keys, never reported. */
const GLOBAL_ALLOW = [
    // The Azure Storage emulator's (Azurite's) well-known development key, printed in Microsoft's docs and SDKs.
    /^Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq\/K1SZFPTOtr\/KBHBeksoGMGw==$/,
    /example/i,
    /^x{6,}$/i,
    /dummy|sample|placeholder|your[_-]?(?:api[_-]?)?(?:key|token|secret)/i,
    /^(.)\1{7,}$/,
    /^<.*>$/,
    /\$\{/,
];
/** Shannon entropy in bits per character. */
function shannonEntropy(text) {
    if (!text)
        return 0;
    const counts = new Map();
    for (const ch of text)
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
    let h = 0;
    for (const n of counts.values()) {
        const p = n / text.length;
        h -= p * Math.log2(p);
    }
    return h;
}

;// CONCATENATED MODULE: ./packages/security/src/secrets/engine.ts



/** Every non-empty match of a rule's pattern in a line: where it starts, and its groups (0 is the whole match). */
function* matchesOf(pattern, text) {
    if (pattern instanceof RegExp) {
        pattern.lastIndex = 0;
        for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
            if (m[0] === '') {
                pattern.lastIndex++;
                continue;
            }
            yield { index: m.index, groups: [...m] };
        }
        return;
    }
    for (let from = 0; from <= text.length;) {
        const m = pattern.exec(text, from);
        if (!m)
            return;
        if (m.end === m.index) {
            from = m.end + 1;
            continue;
        }
        yield { index: m.index, groups: m.groups };
        from = m.end;
    }
}
const INLINE_ALLOW = /slipway:allow|gitleaks:allow/;
function escapeRegex(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** Converts a rule to the SARIF rule description. */
function ruleInfo(rule) {
    return {
        id: `secret/${rule.id}`,
        name: rule.name,
        description: rule.description,
        help: `**${rule.name}** found. ${rule.fix}\n\nIf it is not a secret, add \`slipway:allow\` to the line, or list it in the baseline.`,
        severity: rule.severity,
    };
}
/**
 * Runs secret rules over text. All keywords are found in one pass of one case-insensitive
 * regex; a rule's own regex runs only on the lines where one of its keywords occurs, which is
 * where most of the speed comes from (as in gitleaks and trufflehog).
 */
class SecretEngine {
    rules;
    allow;
    keywordRe;
    rulesByKeyword = new Map();
    infos = new Map();
    /** Rules without keywords (from configuration): they run on every line. */
    alwaysRules = [];
    keywordRuleCount;
    constructor(rules, allow = { paths: [], regexes: [], stopwords: [] }) {
        this.rules = rules;
        this.allow = allow;
        const keywords = new Set();
        for (const rule of rules) {
            if (rule.keywords.every((k) => k === ''))
                this.alwaysRules.push(rule);
            for (const kw of rule.keywords) {
                if (kw === '')
                    continue;
                const k = kw.toLowerCase();
                keywords.add(k);
                const list = this.rulesByKeyword.get(k) ?? [];
                list.push(rule);
                this.rulesByKeyword.set(k, list);
            }
            this.infos.set(rule.id, ruleInfo(rule));
        }
        this.keywordRuleCount = rules.filter((r) => r.keywords.some((k) => k !== '')).length;
        // With no keyword at all the pattern must match nothing (an empty alternation matches everywhere).
        this.keywordRe = keywords.size
            ? new RegExp([...keywords]
                .sort((a, b) => b.length - a.length)
                .map(escapeRegex)
                .join('|'), 'gi')
            : /(?!)/g;
    }
    /** True when configuration says never to scan this path. */
    pathAllowed(path) {
        return this.allow.paths.some((re) => re.test(path));
    }
    /**
     * Scans text made of whole lines (the last may be cut when a line is longer than the window);
     * `firstLine` is the 1-based number of its first line. Returns findings for the given file.
     */
    scan(text, file, firstLine, scanner = 'secrets', seen) {
        const out = [];
        let line = firstLine;
        let counted = 0;
        // Keyword hits come in text order: gather the rules of one line, and check the line as soon
        // as the hits move past it. A line with many hits is read once.
        let lineStart = -1;
        let lineEnd = -1;
        let rules = new Set();
        const flush = () => {
            if (lineStart < 0)
                return;
            for (let i = text.indexOf('\n', counted); i >= 0 && i < lineStart; i = text.indexOf('\n', i + 1))
                line++;
            counted = lineStart;
            this.checkLine(text.slice(lineStart, lineEnd), rules, file, line, scanner, seen, out);
        };
        const visit = (at, hitRules) => {
            if (at >= lineEnd || lineStart < 0) {
                flush();
                lineStart = text.lastIndexOf('\n', at) + 1;
                const nl = text.indexOf('\n', at);
                lineEnd = nl < 0 ? text.length : nl;
                rules = new Set(this.alwaysRules);
            }
            for (const r of hitRules)
                rules.add(r);
        };
        if (this.alwaysRules.length) {
            for (let at = 0; at < text.length; at = lineEnd + 1)
                visit(at, []);
        }
        else {
            this.keywordRe.lastIndex = 0;
            for (let m = this.keywordRe.exec(text); m; m = this.keywordRe.exec(text)) {
                const hitRules = this.rulesByKeyword.get(m[0].toLowerCase());
                if (hitRules)
                    visit(m.index, hitRules);
                // Skip to the end of the line once every keyword rule is already in: nothing left to add.
                if (rules.size === this.keywordRuleCount)
                    this.keywordRe.lastIndex = lineEnd;
            }
        }
        flush();
        return out;
    }
    /** Runs the candidate rules over one line, adding findings (a generic hit yields to a specific one). */
    checkLine(lineText, candidates, file, line, scanner, seen, out) {
        if (candidates.size === 0 || INLINE_ALLOW.test(lineText))
            return;
        const onLine = [];
        for (const rule of candidates) {
            if (rule.path && !rule.path.test(file))
                continue;
            for (const { index, groups } of matchesOf(rule.regex, lineText)) {
                const whole = groups[0];
                const secret = (rule.secretGroup !== undefined ? groups[rule.secretGroup] : groups.slice(1).find((g) => g !== undefined)) ??
                    whole;
                if (!this.reportable(rule, secret))
                    continue;
                const print = fingerprint(rule.id, file, (0,external_node_crypto_.createHash)('sha256').update(secret).digest('hex'));
                const key = `${print}:${line}`;
                if (seen?.has(key))
                    continue;
                const column = index + 1 + Math.max(0, whole.indexOf(secret));
                onLine.push({
                    finding: {
                        scanner,
                        rule: this.infos.get(rule.id),
                        severity: rule.severity,
                        message: `${rule.name}: ${redact(secret)}`,
                        file,
                        line,
                        column,
                        fingerprint: print,
                    },
                    secret,
                    generic: rule.id === 'generic-secret',
                    key,
                });
            }
        }
        for (const hit of onLine) {
            if (hit.generic &&
                onLine.some((o) => !o.generic && (o.secret.includes(hit.secret) || hit.secret.includes(o.secret))))
                continue;
            seen?.add(hit.key);
            out.push(hit.finding);
        }
    }
    reportable(rule, secret) {
        if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy)
            return false;
        if (rule.id === 'generic-secret' && !(/[0-9]/.test(secret) && /[A-Za-z]/.test(secret)))
            return false;
        if (rule.id === 'generic-secret' && /^[0-9a-f-]+$/i.test(secret))
            return false; // hashes and UUIDs
        if (GLOBAL_ALLOW.some((re) => re.test(secret)))
            return false;
        if (rule.allow?.some((re) => re.test(secret)))
            return false;
        if (this.allow.regexes.some((re) => re.test(secret)))
            return false;
        const lower = secret.toLowerCase();
        return !this.allow.stopwords.some((w) => lower.includes(w));
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(46193);
;// CONCATENATED MODULE: ./packages/security/src/secrets/files.ts



/** Folders never scanned: dependencies and VCS data (their secrets are not this repository's). */
const SKIP_DIRS = new Set([
    '.git',
    'node_modules',
    'vendor',
    'third_party',
    'bower_components',
    '.venv',
    'venv',
    '__pycache__',
    '.tox',
    '.slipway',
    '.yarn',
    '.pnpm-store',
]);
/** Files never scanned: lockfiles (hashes everywhere), minified code, and binary formats. */
const SKIP_FILE = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|poetry\.lock|uv\.lock|Pipfile\.lock|Cargo\.lock|Gemfile\.lock|gems\.locked|composer\.lock|go\.sum|mix\.lock|gradle\.lockfile|verification-metadata\.xml|packages\.lock\.json|pdm\.lock|pylock(\.[\w-]+)?\.toml|deno\.lock|pubspec\.lock|Package\.resolved|Podfile\.lock)$|\.min\.(js|css)$|\.(png|jpe?g|gif|webp|ico|bmp|tiff?|pdf|zip|gz|tgz|bz2|xz|7z|rar|jar|war|class|so|dylib|dll|exe|o|a|woff2?|ttf|otf|eot|mp[34]|mov|avi|wasm|pyc|sqlite|db)$/i;
/** The window a scan works in; a longer line is scanned in overlapping windows. */
const WINDOW = 1024 * 1024;
const OVERLAP = 4096;
/** True for paths the secret scanner reads. */
function scannable(path) {
    return !SKIP_FILE.test(path);
}
/** Every file under a root (POSIX relative paths), skipping dependency trees; links are not followed. */
function* listFiles(root, rel = '') {
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)(rel ? (0,external_node_path_.join)(root, rel) : root, { withFileTypes: true });
    }
    catch {
        return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
        const path = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) {
            if (!SKIP_DIRS.has(e.name))
                yield* listFiles(root, path);
        }
        else if (e.isFile())
            yield path;
    }
}
/**
 * Scans a stream of bytes line by line in bounded memory: whole lines go to the engine in
 * windows of about a megabyte; a single line longer than that (a 1 GB minified blob) is scanned in
 * overlapping windows, with duplicate hits dropped. A NUL byte in the first window means binary:
 * the file is skipped.
 */
async function scanStream(engine, chunks, file, scanner = 'secrets') {
    const decoder = new external_node_string_decoder_.StringDecoder('utf8');
    const findings = [];
    const seen = new Set();
    let carry = '';
    let line = 1;
    let first = true;
    for await (const chunk of chunks) {
        if (first) {
            first = false;
            if (chunk.subarray(0, 8192).includes(0))
                return [];
        }
        let text = carry + decoder.write(chunk);
        while (text.length > 0) {
            const nl = text.lastIndexOf('\n', Math.min(text.length - 1, WINDOW));
            if (nl >= 0) {
                findings.push(...engine.scan(text.slice(0, nl + 1), file, line, scanner, seen));
                line += countNewlines(text, nl + 1);
                text = text.slice(nl + 1);
                if (text.length <= WINDOW)
                    break;
            }
            else if (text.length > WINDOW) {
                findings.push(...engine.scan(text.slice(0, WINDOW), file, line, scanner, seen));
                text = text.slice(WINDOW - OVERLAP);
            }
            else
                break;
        }
        carry = text;
    }
    carry += decoder.end();
    if (carry)
        findings.push(...engine.scan(carry, file, line, scanner, seen));
    return findings;
}
function countNewlines(text, end) {
    let n = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1))
        n++;
    return n;
}
/** Scans every scannable file under a root. */
async function scanTree(engine, root, onFile) {
    const findings = [];
    let files = 0;
    let bytes = 0;
    for (const path of listFiles(root)) {
        if (!scannable(path) || engine.pathAllowed(path))
            continue;
        const abs = (0,external_node_path_.join)(root, path);
        const size = (0,external_node_fs_.lstatSync)(abs).size;
        if (size === 0)
            continue;
        files++;
        bytes += size;
        onFile?.(files);
        if (size <= WINDOW) {
            // Most files are small: one synchronous read costs less than a stream's thread-pool hops.
            const data = (0,external_node_fs_.readFileSync)(abs);
            if (!data.subarray(0, 8192).includes(0))
                findings.push(...engine.scan(data.toString('utf8'), path, 1));
        }
        else
            findings.push(...(await scanStream(engine, (0,external_node_fs_.createReadStream)(abs, { highWaterMark: WINDOW }), path)));
    }
    return { findings, files, bytes };
}

// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
// EXTERNAL MODULE: ./packages/lockfiles/src/index.ts + 30 modules
var src = __webpack_require__(14934);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./packages/security/src/workflows/audit.ts


const RULES = {
    'template-injection': {
        name: 'Untrusted input expanded into a script',
        description: 'A `${{ }}` expression that an outsider controls is pasted into `run:` or a github-script `script:`, where it runs as code.',
        help: 'Pass the value through an environment variable (`env: TITLE: ${{ github.event.issue.title }}`) and use `"$TITLE"` in the script, so it is data, not code.',
        severity: 'high',
    },
    'unpinned-action': {
        name: 'Action not pinned to a commit',
        description: 'A `uses:` reference points at a tag or branch, which its owner (or an attacker who takes it over) can move.',
        help: 'Pin to a full 40-character commit SHA and keep the version in a comment: `uses: owner/action@<sha> # v1.2.3`.',
        severity: 'medium',
    },
    'excessive-permissions': {
        name: 'Token permissions not limited',
        description: 'The workflow has no top-level `permissions:` (so the token gets the repository default) or grants `write-all`.',
        help: 'Add `permissions: contents: read` at the top and grant more only to the jobs that need it.',
        severity: 'medium',
    },
    'dangerous-trigger': {
        name: 'Privileged trigger runs untrusted code',
        description: "`pull_request_target` or `workflow_run` runs with secrets and a write token, and this job checks out the pull request's code.",
        help: 'Use `pull_request` for building untrusted code, or split the work: build in `pull_request`, then act on its artifacts in a separate privileged workflow that never runs them.',
        severity: 'critical',
    },
    'persisted-credentials': {
        name: 'Checkout keeps the token on disk next to an artifact upload',
        description: '`actions/checkout` writes the token into `.git/config` unless `persist-credentials: false`; this job uploads an artifact that may include it.',
        help: 'Set `persist-credentials: false` on the checkout step.',
        severity: 'medium',
    },
    'secrets-inherit': {
        name: 'All secrets passed to a reusable workflow',
        description: '`secrets: inherit` hands every secret of the caller to the called workflow.',
        help: 'Pass only the secrets the called workflow needs, by name.',
        severity: 'medium',
    },
};
const UNTRUSTED = /\$\{\{[^}]*?\b(github\.event\.(?:issue\.(?:title|body)|pull_request\.(?:title|body|head\.ref|head\.label|head\.repo\.default_branch)|comment\.body|review\.body|review_comment\.body|discussion\.(?:title|body)|pages\.[^}\s]*\.page_name|head_commit\.(?:message|author\.(?:name|email))|commits\.[^}\s]*\.(?:message|author\.(?:name|email))|workflow_run\.(?:head_branch|head_commit\.message|display_title))|github\.head_ref|inputs\.[A-Za-z0-9_-]+)\b[^}]*\}\}/g;
const UNTRUSTED_CHECKOUT = /github\.event\.pull_request\.head\.(?:sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(?:sha|branch)|refs\/pull\//;
function rule(id, severity) {
    const r = RULES[id];
    return { id: `workflow/${id}`, ...r, severity: severity ?? r.severity };
}
function get(map, key) {
    if (!(0,dist/* isMap */.jh)(map))
        return undefined;
    for (const pair of map.items)
        if ((0,dist/* isScalar */.jn)(pair.key) && pair.key.value === key)
            return pair.value;
    return undefined;
}
function audit_text(node) {
    return (0,dist/* isScalar */.jn)(node) ? String(node.value) : undefined;
}
/**
 * The first key that a mapping repeats, with its line. The yaml library's own check compares every
 * key with every other (a 100,000-job file took minutes); a Set per mapping is linear.
 */
function duplicateKey(doc, lc) {
    let found;
    (0,dist/* visit */.YR)(doc, {
        Map(_key, map) {
            const keys = new Set();
            for (const pair of map.items) {
                if (!(0,dist/* isScalar */.jn)(pair.key))
                    continue;
                const key = String(pair.key.value);
                if (keys.has(key)) {
                    found = { key, line: pair.key.range ? lc.linePos(pair.key.range[0]).line : 1 };
                    return dist/* visit */.YR.BREAK;
                }
                keys.add(key);
            }
            return undefined;
        },
    });
    return found;
}
/** Audits one workflow or action metadata file; a file that does not parse is reported by the caller. */
function auditWorkflow(source, file) {
    const lc = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(source, { lineCounter: lc, uniqueKeys: false });
    if (doc.errors.length)
        throw Object.assign(new Error(doc.errors[0].message.split('\n')[0]), { line: doc.errors[0].linePos?.[0]?.line });
    const dup = duplicateKey(doc, lc);
    if (dup)
        throw Object.assign(new Error(`Map keys must be unique: '${dup.key}' appears twice`), { line: dup.line });
    const root = doc.contents;
    const findings = [];
    const lineOf = (node) => {
        const range = node?.range;
        return range ? lc.linePos(range[0]).line : 1;
    };
    const add = (id, node, message, key, severity) => {
        const r = rule(id, severity);
        findings.push({
            scanner: 'workflows',
            rule: r,
            severity: r.severity,
            message,
            file,
            line: lineOf(node),
            fingerprint: fingerprint(r.id, file, key),
        });
    };
    const isAction = /(^|\/)action\.ya?ml$/.test(file);
    const on = get(root, 'on') ?? get(root, true);
    const triggers = new Set((0,dist/* isScalar */.jn)(on)
        ? [String(on.value)]
        : (0,dist/* isSeq */.oP)(on)
            ? on.items.map((i) => audit_text(i) ?? '')
            : (0,dist/* isMap */.jh)(on)
                ? on.items.map((p) => audit_text(p.key) ?? '')
                : []);
    const privileged = triggers.has('pull_request_target') || triggers.has('workflow_run');
    const jobs = get(root, 'jobs');
    if (!isAction) {
        const top = get(root, 'permissions');
        const allJobsScoped = (0,dist/* isMap */.jh)(jobs) && jobs.items.every((p) => get(p.value, 'permissions') !== undefined);
        if (!top && !allJobsScoped && (0,dist/* isMap */.jh)(jobs))
            add('excessive-permissions', root, 'The workflow has no top-level `permissions:`; the token gets the repository default, which may be read/write.', 'top');
        if (audit_text(top) === 'write-all')
            add('excessive-permissions', top, 'The workflow grants `permissions: write-all`.', 'top-write-all', 'high');
    }
    const auditSteps = (steps, jobId) => {
        if (!(0,dist/* isSeq */.oP)(steps))
            return;
        const uploads = steps.items.some((s) => /actions\/upload-artifact@/.test(audit_text(get(s, 'uses')) ?? ''));
        steps.items.forEach((step, index) => {
            const stepKey = `${jobId}/${audit_text(get(step, 'id')) ?? audit_text(get(step, 'name')) ?? index}`;
            const usesNode = get(step, 'uses');
            const uses = audit_text(usesNode);
            const run = get(step, 'run');
            const script = /actions\/github-script@/.test(uses ?? '') ? get(get(step, 'with'), 'script') : undefined;
            for (const node of [run, script]) {
                const body = audit_text(node);
                if (!body)
                    continue;
                for (const m of body.matchAll(UNTRUSTED)) {
                    const ctx = m[1];
                    const sev = ctx.startsWith('inputs.') ? 'medium' : privileged ? 'critical' : 'high';
                    add('template-injection', node, `\`${ctx}\` is expanded into ${node === run ? 'a run: script' : 'a github-script script'} in ${jobId}; whoever controls it can run commands.`, `${stepKey}:${ctx}`, sev);
                }
            }
            if (uses && !uses.startsWith('./') && !uses.startsWith('docker://')) {
                const [target, ref = ''] = uses.split('@');
                if (!/^[0-9a-f]{40}$/.test(ref)) {
                    const firstParty = /^(actions|github)\//.test(target);
                    add('unpinned-action', usesNode, `\`${uses}\` is not pinned to a commit SHA.`, `${stepKey}:${target}`, firstParty ? 'low' : 'medium');
                }
            }
            if (/^actions\/checkout@/.test(uses ?? '')) {
                const withNode = get(step, 'with');
                const ref = audit_text(get(withNode, 'ref')) ?? '';
                if (privileged && UNTRUSTED_CHECKOUT.test(ref))
                    add('dangerous-trigger', usesNode, `${[...triggers].filter((t) => t === 'pull_request_target' || t === 'workflow_run').join('/')} checks out untrusted code (\`ref: ${ref}\`) in ${jobId}.`, `${stepKey}:checkout`);
                if (uploads && audit_text(get(withNode, 'persist-credentials')) !== 'false')
                    add('persisted-credentials', usesNode, `${jobId} checks out with the token persisted and uploads an artifact.`, `${stepKey}:persist`);
            }
        });
    };
    if ((0,dist/* isMap */.jh)(jobs)) {
        for (const pair of jobs.items) {
            const jobId = audit_text(pair.key) ?? '?';
            const job = pair.value;
            if (audit_text(get(job, 'permissions')) === 'write-all')
                add('excessive-permissions', get(job, 'permissions'), `Job ${jobId} grants \`permissions: write-all\`.`, `${jobId}:write-all`, 'high');
            if (audit_text(get(job, 'secrets')) === 'inherit')
                add('secrets-inherit', get(job, 'secrets'), `Job ${jobId} passes every secret to ${audit_text(get(job, 'uses')) ?? 'a reusable workflow'}.`, `${jobId}:inherit`);
            auditSteps(get(job, 'steps'), jobId);
        }
    }
    if (isAction)
        auditSteps(get(get(root, 'runs'), 'steps'), 'composite action');
    return findings;
}
/** True for the files the workflow scanner reads. */
function isWorkflowFile(path) {
    return /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path) || /(^|\/)action\.ya?ml$/.test(path);
}

;// CONCATENATED MODULE: ./packages/security/src/scan-files.ts




/**
 * GitHub refuses a workflow file much past this size, and the YAML parser's time grows with it:
 * a larger file is not audited, with a warning naming it.
 */
const MAX_WORKFLOW_BYTES = 1024 * 1024;
/** True (after a warning naming the file) when a workflow file is too large to audit. */
function tooLargeWorkflow(path, size, logger) {
    if (size <= MAX_WORKFLOW_BYTES)
        return false;
    logger.warning(`${path} is ${size} bytes, more than the ${MAX_WORKFLOW_BYTES} bytes of a workflow file GitHub accepts; not audited`, { file: path, title: 'security-scan' });
    return true;
}
/** A workflow file's text, or undefined (with a warning) when it is too large or cannot be read. */
function readWorkflow(abs, path, logger) {
    const size = (0,external_node_fs_.statSync)(abs, { throwIfNoEntry: false })?.size ?? 0;
    if (tooLargeWorkflow(path, size, logger))
        return undefined;
    try {
        return (0,lite/* readUserFile */.E1)(abs, { maxBytes: MAX_WORKFLOW_BYTES, subject: { file: path }, what: 'the workflow' }).toString('utf8');
    }
    catch (err) {
        if (!(0,lite/* isUserError */.iU)(err))
            throw err;
        logger.warning(`${err.message} Not audited.`, { file: path, title: 'security-scan' });
        return undefined;
    }
}
/** A lockfile's packages; one that does not parse is a warning with its file and line. */
function parseOrWarn(parse, text, path, logger) {
    try {
        const warnings = [];
        const packages = parse(text, path, warnings);
        for (const w of warnings)
            logger.warning(w.message, { file: w.file, ...(w.line ? { startLine: w.line } : {}) });
        return packages;
    }
    catch (err) {
        const line = err instanceof src/* LockfileError */.g ? err.line : undefined;
        logger.warning(`${path} could not be read (${err.message}); the other lockfiles are still scanned`, {
            file: path,
            ...(line ? { startLine: line } : {}),
        });
        return [];
    }
}
/** A workflow's findings; one that is not valid YAML is a warning with its file and line. */
function auditOrWarn(text, path, logger) {
    try {
        return auditWorkflow(text, path);
    }
    catch (err) {
        const line = err.line;
        logger.warning(`${path} is not valid YAML (${err.message}); not audited`, {
            file: path,
            ...(line ? { startLine: line } : {}),
        });
        return [];
    }
}

;// CONCATENATED MODULE: ./packages/security/src/deps/cvss.ts
/**
 * The CVSS v3.0/v3.1 base score of a vector (`CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H`), as
 * the specification's formulas define it; undefined when the vector is not a complete v3 vector.
 */
function cvss3BaseScore(vector) {
    const m = /^CVSS:3\.[01]\/(.*)$/.exec(vector.trim());
    if (!m)
        return undefined;
    const metrics = new Map(m[1].split('/').map((kv) => kv.split(':')));
    const W = {
        AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
        AC: { L: 0.77, H: 0.44 },
        UI: { N: 0.85, R: 0.62 },
        C: { H: 0.56, L: 0.22, N: 0 },
        I: { H: 0.56, L: 0.22, N: 0 },
        A: { H: 0.56, L: 0.22, N: 0 },
    };
    const scope = metrics.get('S');
    const pr = metrics.get('PR');
    const get = (k) => W[k][metrics.get(k) ?? ''];
    const [av, ac, ui, c, i, a] = ['AV', 'AC', 'UI', 'C', 'I', 'A'].map(get);
    if ([av, ac, ui, c, i, a].some((x) => x === undefined) || (scope !== 'U' && scope !== 'C') || !pr)
        return undefined;
    const prW = { N: 0.85, L: scope === 'C' ? 0.68 : 0.62, H: scope === 'C' ? 0.5 : 0.27 }[pr];
    if (prW === undefined)
        return undefined;
    const iss = 1 - (1 - c) * (1 - i) * (1 - a);
    const impact = scope === 'U' ? 6.42 * iss : 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15;
    const exploitability = 8.22 * av * ac * prW * ui;
    if (impact <= 0)
        return 0;
    const raw = scope === 'U' ? Math.min(impact + exploitability, 10) : Math.min(1.08 * (impact + exploitability), 10);
    return roundUp(raw);
}
/** CVSS 3.1's Roundup: the smallest one-decimal number not below the input, free of float error. */
function roundUp(value) {
    const int = Math.round(value * 100000);
    return int % 10000 === 0 ? int / 100000 : (Math.floor(int / 10000) + 1) / 10;
}

;// CONCATENATED MODULE: ./node_modules/@renovatebot/pep440/lib/version.js
const VERSION_PATTERN = [
  'v?',
  '(?:',
  /* */ '(?:(?<epoch>[0-9]+)!)?', // epoch
  /* */ '(?<release>[0-9]+(?:\\.[0-9]+)*)', // release segment
  /* */ '(?<pre>', // pre-release
  /*    */ '[-_\\.]?',
  /*    */ '(?<pre_l>(a|b|c|rc|alpha|beta|pre|preview))',
  /*    */ '[-_\\.]?',
  /*    */ '(?<pre_n>[0-9]+)?',
  /* */ ')?',
  /* */ '(?<post>', // post release
  /*    */ '(?:-(?<post_n1>[0-9]+))',
  /*    */ '|',
  /*    */ '(?:',
  /*        */ '[-_\\.]?',
  /*        */ '(?<post_l>post|rev|r)',
  /*        */ '[-_\\.]?',
  /*        */ '(?<post_n2>[0-9]+)?',
  /*    */ ')',
  /* */ ')?',
  /* */ '(?<dev>', // dev release
  /*    */ '[-_\\.]?',
  /*    */ '(?<dev_l>dev)',
  /*    */ '[-_\\.]?',
  /*    */ '(?<dev_n>[0-9]+)?',
  /* */ ')?',
  ')',
  '(?:\\+(?<local>[a-z0-9]+(?:[-_\\.][a-z0-9]+)*))?', // local version
].join('');



const validRegex = new RegExp('^' + VERSION_PATTERN + '$', 'i');

function valid(version) {
  return validRegex.test(version) ? version : null;
}

const cleanRegex = new RegExp('^\\s*' + VERSION_PATTERN + '\\s*$', 'i');
function clean(version) {
  return version_stringify(version_parse(version, cleanRegex));
}

function version_parse(version, regex) {
  // Validate the version and parse it into pieces
  const { groups } = (regex || validRegex).exec(version) || {};
  if (!groups) {
    return null;
  }

  // Store the parsed out pieces of the version
  const parsed = {
    epoch: Number(groups.epoch ? groups.epoch : 0),
    release: groups.release.split('.').map(Number),
    pre: normalize_letter_version(groups.pre_l, groups.pre_n),
    post: normalize_letter_version(
      groups.post_l,
      groups.post_n1 || groups.post_n2,
    ),
    dev: normalize_letter_version(groups.dev_l, groups.dev_n),
    local: parse_local_version(groups.local),
  };

  return parsed;
}

function version_stringify(parsed) {
  if (!parsed) {
    return null;
  }
  const { epoch, release, pre, post, dev, local } = parsed;
  const parts = [];

  // Epoch
  if (epoch !== 0) {
    parts.push(`${epoch}!`);
  }
  // Release segment
  parts.push(release.join('.'));

  // Pre-release
  if (pre) {
    parts.push(pre.join(''));
  }
  // Post-release
  if (post) {
    parts.push('.' + post.join(''));
  }
  // Development release
  if (dev) {
    parts.push('.' + dev.join(''));
  }
  // Local version segment
  if (local) {
    parts.push(`+${local}`);
  }
  return parts.join('');
}

function normalize_letter_version(letterIn, numberIn) {
  let letter = letterIn;
  let number = numberIn;
  if (letter) {
    // We consider there to be an implicit 0 in a pre-release if there is
    // not a numeral associated with it.
    if (!number) {
      number = 0;
    }
    // We normalize any letters to their lower case form
    letter = letter.toLowerCase();

    // We consider some words to be alternate spellings of other words and
    // in those cases we want to normalize the spellings to our preferred
    // spelling.
    if (letter === 'alpha') {
      letter = 'a';
    } else if (letter === 'beta') {
      letter = 'b';
    } else if (['c', 'pre', 'preview'].includes(letter)) {
      letter = 'rc';
    } else if (['rev', 'r'].includes(letter)) {
      letter = 'post';
    }
    return [letter, Number(number)];
  }
  if (!letter && number) {
    // We assume if we are given a number, but we are not given a letter
    // then this is using the implicit post release syntax (e.g. 1.0-1)
    letter = 'post';

    return [letter, Number(number)];
  }
  return null;
}

function parse_local_version(local) {
  /*
    Takes a string like abc.1.twelve and turns it into("abc", 1, "twelve").
    */
  if (local) {
    return local
      .split(/[._-]/)
      .map((part) =>
        Number.isNaN(Number(part)) ? part.toLowerCase() : Number(part),
      );
  }
  return null;
}

function version_explain(version) {
  const parsed = version_parse(version);
  if (!parsed) {
    return parsed;
  }
  const { epoch, release, pre, post, dev, local } = parsed;

  let base_version = '';
  if (epoch !== 0) {
    base_version += epoch + '!';
  }
  base_version += release.join('.');

  const is_prerelease = Boolean(dev || pre);
  const is_devrelease = Boolean(dev);
  const is_postrelease = Boolean(post);

  // return

  return {
    epoch,
    release,
    pre,
    post: post ? post[1] : post,
    dev: dev ? dev[1] : dev,
    local: local ? local.join('.') : local,
    public: version_stringify(parsed).split('+', 1)[0],
    base_version,
    is_prerelease,
    is_devrelease,
    is_postrelease,
  };
}

;// CONCATENATED MODULE: ./node_modules/@renovatebot/pep440/lib/operator.js




function lt(version, other) {
  return compare(version, other) < 0;
}

function le(version, other) {
  return compare(version, other) <= 0;
}

function eq(version, other) {
  return compare(version, other) === 0;
}

function ne(version, other) {
  return compare(version, other) !== 0;
}

function ge(version, other) {
  return compare(version, other) >= 0;
}

function gt(version, other) {
  return compare(version, other) > 0;
}

function arbitrary(version, other) {
  return version.toLowerCase() === other.toLowerCase();
}

function compare(version, other) {
  const parsedVersion = version_parse(version);
  const parsedOther = version_parse(other);

  const keyVersion = calculateKey(parsedVersion);
  const keyOther = calculateKey(parsedOther);

  return pyCompare(keyVersion, keyOther);
}

function rcompare(version, other) {
  return -compare(version, other);
}

// this logic is buitin in python, but we need to port it to js
// see https://stackoverflow.com/a/5292332/1438522
function pyCompare(elemIn, otherIn) {
  let elem = elemIn;
  let other = otherIn;
  if (elem === other) {
    return 0;
  }
  if (Array.isArray(elem) !== Array.isArray(other)) {
    elem = Array.isArray(elem) ? elem : [elem];
    other = Array.isArray(other) ? other : [other];
  }
  if (Array.isArray(elem)) {
    const len = Math.min(elem.length, other.length);
    for (let i = 0; i < len; i += 1) {
      const res = pyCompare(elem[i], other[i]);
      if (res !== 0) {
        return res;
      }
    }
    return elem.length - other.length;
  }
  if (elem === -Infinity || other === Infinity) {
    return -1;
  }
  if (elem === Infinity || other === -Infinity) {
    return 1;
  }
  return elem < other ? -1 : 1;
}

function calculateKey(input) {
  const { epoch } = input;
  let { release, pre, post, local, dev } = input;
  // When we compare a release version, we want to compare it with all of the
  // trailing zeros removed. So we'll use a reverse the list, drop all the now
  // leading zeros until we come to something non zero, then take the rest
  // re-reverse it back into the correct order and make it a tuple and use
  // that for our sorting key.
  release = release.concat();
  release.reverse();
  while (release.length && release[0] === 0) {
    release.shift();
  }
  release.reverse();

  // We need to "trick" the sorting algorithm to put 1.0.dev0 before 1.0a0.
  // We'll do this by abusing the pre segment, but we _only_ want to do this
  // if there is !a pre or a post segment. If we have one of those then
  // the normal sorting rules will handle this case correctly.
  if (!pre && !post && dev) pre = -Infinity;
  // Versions without a pre-release (except as noted above) should sort after
  // those with one.
  else if (!pre) pre = Infinity;

  // Versions without a post segment should sort before those with one.
  if (!post) post = -Infinity;

  // Versions without a development segment should sort after those with one.
  if (!dev) dev = Infinity;

  if (!local) {
    // Versions without a local segment should sort before those with one.
    local = -Infinity;
  } else {
    // Versions with a local segment need that segment parsed to implement
    // the sorting rules in PEP440.
    // - Alpha numeric segments sort before numeric segments
    // - Alpha numeric segments sort lexicographically
    // - Numeric segments sort numerically
    // - Shorter versions sort before longer versions when the prefixes
    //   match exactly
    local = local.map((i) =>
      Number.isNaN(Number(i)) ? [-Infinity, i] : [Number(i), ''],
    );
  }

  return [epoch, release, pre, post, dev, local];
}

;// CONCATENATED MODULE: ./node_modules/@renovatebot/pep440/lib/specifier.js
// This file is dual licensed under the terms of the Apache License, Version
// 2.0, and the BSD License. See the LICENSE file in the root of this repository
// for complete details.





const RANGE_PATTERN = [
  '(?<operator>(===|~=|==|!=|<=|>=|<|>))',
  '\\s*',
  '(',
  /*  */ '(?<version>(?:' + VERSION_PATTERN.replace(/\?<\w+>/g, '?:') + '))',
  /*  */ '(?<prefix>\\.\\*)?',
  /*  */ '|',
  /*  */ '(?<legacy>[^,;\\s)]+)',
  ')',
].join('');



const isEqualityOperator = (op) => ['==', '!=', '==='].includes(op);

const rangeRegex = new RegExp('^' + RANGE_PATTERN + '$', 'i');

function specifier_parse(ranges) {
  if (!ranges.trim()) {
    return [];
  }

  const specifiers = ranges
    .split(',')
    .map((range) => rangeRegex.exec(range.trim()) || {})
    .map(({ groups }) => {
      if (!groups) {
        return null;
      }

      let { ...spec } = groups;
      const { operator, version, prefix, legacy } = groups;

      if (version) {
        spec = { ...spec, ...explainVersion(version) };
        if (operator === '~=') {
          if (spec.release.length < 2) {
            return null;
          }
        }
        if (!isEqualityOperator(operator) && spec.local) {
          return null;
        }

        if (prefix) {
          if (!isEqualityOperator(operator) || spec.dev || spec.local) {
            return null;
          }
        }
      }
      if (legacy && operator !== '===') {
        return null;
      }

      return spec;
    });

  if (specifiers.filter(Boolean).length !== specifiers.length) {
    return null;
  }

  return specifiers;
}

function filter(versions, specifier, options = {}) {
  const filtered = pick(versions, specifier, options);
  if (filtered.length === 0 && options.prereleases === undefined) {
    return pick(versions, specifier, { prereleases: true });
  }
  return filtered;
}

function maxSatisfying(versions, range, options) {
  const found = filter(versions, range, options).sort(Operator.compare);
  return found.length === 0 ? null : found[found.length - 1];
}

function minSatisfying(versions, range, options) {
  const found = filter(versions, range, options).sort(Operator.compare);
  return found.length === 0 ? null : found[0];
}

function pick(versions, specifier, options) {
  const parsed = specifier_parse(specifier);

  if (!parsed) {
    return [];
  }

  return versions.filter((version) => {
    const explained = explainVersion(version);

    if (!parsed.length) {
      return explained && !(explained.is_prerelease && !options.prereleases);
    }

    return parsed.reduce((pass, spec) => {
      if (!pass) {
        return false;
      }
      return contains({ ...spec, ...options }, { version, explained });
    }, true);
  });
}

function satisfies(version, specifier, options = {}) {
  const filtered = pick([version], specifier, options);

  return filtered.length === 1;
}

function arrayStartsWith(array, prefix) {
  if (prefix.length > array.length) {
    return false;
  }

  for (let i = 0; i < prefix.length; i += 1) {
    if (prefix[i] !== array[i]) {
      return false;
    }
  }

  return true;
}

function contains(specifier, input) {
  const { explained } = input;
  let { version } = input;
  const { ...spec } = specifier;

  if (spec.prereleases === undefined) {
    spec.prereleases = spec.is_prerelease;
  }

  if (explained && explained.is_prerelease && !spec.prereleases) {
    return false;
  }

  if (spec.operator === '~=') {
    let compatiblePrefix = spec.release.slice(0, -1).concat('*').join('.');
    if (spec.epoch) {
      compatiblePrefix = spec.epoch + '!' + compatiblePrefix;
    }
    return satisfies(version, `>=${spec.version}, ==${compatiblePrefix}`, {
      prereleases: spec.prereleases,
    });
  }

  if (spec.prefix) {
    const isMatching =
      explained.epoch === spec.epoch &&
      arrayStartsWith(explained.release, spec.release);
    const isEquality = spec.operator !== '!=';
    return isEquality ? isMatching : !isMatching;
  }

  if (explained && explained.local && spec.version) {
    // Ignore candidate local labels only when the specifier itself is public.
    if (spec.operator !== '===' && !spec.local) {
      version = explained.public;
      spec.version = explainVersion(spec.version).public;
    }
  }

  if (spec.operator === '<' || spec.operator === '>') {
    // simplified version of https://www.python.org/dev/peps/pep-0440/#exclusive-ordered-comparison
    if (Operator.eq(spec.release.join('.'), explained.release.join('.'))) {
      return false;
    }
  }

  // TODO: fix me?
  // eslint-disable-next-line import-x/namespace
  const op = Operator[spec.operator];
  return op(version, spec.version || spec.legacy);
}

function validRange(specifier) {
  return Boolean(specifier_parse(specifier));
}

;// CONCATENATED MODULE: ./node_modules/@renovatebot/pep440/lib/semantic.js


// those notation are borrowed from semver


function major(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  return version.release[0];
}

function minor(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  if (version.release.length < 2) {
    return 0;
  }
  return version.release[1];
}

function patch(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  if (version.release.length < 3) {
    return 0;
  }
  return version.release[2];
}

function inc(input, release, preReleaseIdentifier) {
  let identifier = preReleaseIdentifier || `a`;
  const version = parse(input);

  if (!version) {
    return null;
  }

  if (
    !['a', 'b', 'c', 'rc', 'alpha', 'beta', 'pre', 'preview'].includes(
      identifier,
    )
  ) {
    return null;
  }

  switch (release) {
    case 'premajor':
      {
        const [majorVersion] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'preminor':
      {
        const [majorVersion, minorVersion = 0] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'prepatch':
      {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'prerelease':
      if (version.pre === null) {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
        version.pre = [identifier, 0];
      } else {
        if (preReleaseIdentifier === undefined && version.pre !== null) {
          [identifier] = version.pre;
        }

        const [letter, number] = version.pre;
        if (letter === identifier) {
          version.pre = [letter, number + 1];
        } else {
          version.pre = [identifier, 0];
        }
      }

      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'major':
      if (
        version.release.slice(1).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'minor':
      if (
        version.release.slice(2).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion, minorVersion = 0] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'patch':
      if (
        version.release.slice(3).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    default:
      return null;
  }

  return stringify(version);
}

;// CONCATENATED MODULE: ./node_modules/@renovatebot/pep440/index.js










;// CONCATENATED MODULE: ./packages/security/src/deps/versions.ts

const versions_text = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const DIGITS = /^\d+$/;
/**
 * Two runs of decimal digits compared as integers of any length, as BigInt would, without
 * parsing: a Number rounds past 2^53, and versions carry 14-digit timestamps and longer.
 */
function compareDigits(a, b) {
    let i = 0;
    let j = 0;
    while (i < a.length - 1 && a[i] === '0')
        i++;
    while (j < b.length - 1 && b[j] === '0')
        j++;
    return a.length - i - (b.length - j) || versions_text(a.slice(i), b.slice(j));
}
/** Dot-separated identifiers in SemVer 2.0 precedence (§11.4): numbers numerically and first. */
function compareIdentifiers(a, b) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
        const x = a[i];
        const y = b[i];
        const dx = DIGITS.test(x);
        const dy = DIGITS.test(y);
        const c = dx && dy ? compareDigits(x, y) : dx ? -1 : dy ? 1 : versions_text(x, y);
        if (c)
            return c;
    }
    return a.length - b.length;
}
const SEMVER = /^v?(\d+(?:\.\d+)*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
/**
 * A SemVer 2.0 order under an ecosystem's rules. A version that does not parse sorts below every
 * one that does (two such by text), which keeps the order total where a text fallback would not
 * (`1_0` < `2` < `10` < `1_0`).
 */
function semVerOrder(rules) {
    const parse = (v) => {
        const m = SEMVER.exec(v.trim().replace(/^=/, ''));
        if (!m || m[1].split('.').length > rules.parts)
            return undefined;
        const pre = m[2] ? m[2].split('.') : [];
        return {
            nums: m[1].split('.'),
            pre: rules.foldCase ? pre.map((p) => p.toLowerCase()) : pre,
            build: m[3] ? m[3].split('.') : [],
        };
    };
    return (a, b) => {
        const x = parse(a);
        const y = parse(b);
        if (!x || !y)
            return x ? 1 : y ? -1 : versions_text(a, b);
        for (let i = 0; i < rules.parts; i++) {
            const c = compareDigits(x.nums[i] ?? '0', y.nums[i] ?? '0');
            if (c)
                return c;
        }
        // A pre-release sorts below its release; otherwise the labels decide.
        if (!x.pre.length !== !y.pre.length)
            return x.pre.length ? -1 : 1;
        const c = compareIdentifiers(x.pre, y.pre);
        if (c || !rules.orderBuild)
            return c;
        if (!x.build.length !== !y.build.length)
            return x.build.length ? 1 : -1;
        return compareIdentifiers(x.build, y.build);
    };
}
/** SemVer 2.0 (npm, crates.io, Go without its `v`, Hex, SwiftURL): build metadata is ignored. */
const semverCompare = semVerOrder({ parts: 3 });
/**
 * PEP 440 order (PyPI), including dev, post and local versions. A version PEP 440 cannot read
 * sorts below every one it can, as packaging's LegacyVersion did; two such by text.
 */
function pypiCompare(a, b) {
    const va = valid(a) !== null;
    const vb = valid(b) !== null;
    if (va && vb)
        return compare(a, b);
    return va ? 1 : vb ? -1 : versions_text(a, b);
}
/**
 * The platform a Gemfile.lock writes after a version (`1.13.6-java`, `1.16.0-x86_64-linux-gnu`):
 * one of RubyGems' single-word platforms, or cpu-os. It names a build of the release, not a
 * pre-release, and OSV ranges never carry it.
 */
const GEM_PLATFORM = /-(?:java|jruby|dalvik\d*|dotnet|mswin(?:32|64)|mingw32|(?:x86|x86_64|x64|i[3-6]86|amd64|arm|arm64|aarch64|armv\w+|universal|powerpc\w*|ppc\w*|s390x?|sparc\w*|mips\w*|riscv64|loongarch64|wasm32)-[a-z][\w.-]*)$/i;
/** Trailing zero segments do not count (Gem::Version#canonical_segments). */
function dropTrailingZeros(segs) {
    let n = segs.length;
    while (n > 0 && /^0+$/.test(segs[n - 1]))
        n--;
    return segs.slice(0, n);
}
/**
 * Gem::Version order: `-` reads as `.pre.`, segments are runs of digits or of letters, trailing
 * zeros of the release part and of the pre-release part are dropped, numbers compare as integers
 * of any length, letters bytewise, and a letter segment sorts below any number (1.0.a < 1.0).
 */
function rubyGemsCompare(a, b) {
    const canonical = (v) => {
        const segs = v
            .trim()
            .replace(GEM_PLATFORM, '')
            .replace(/-/g, '.pre.')
            .match(/[0-9]+|[a-z]+/gi) ?? [];
        const word = segs.findIndex((s) => !DIGITS.test(s));
        if (word < 0)
            return dropTrailingZeros(segs);
        return [...dropTrailingZeros(segs.slice(0, word)), ...dropTrailingZeros(segs.slice(word))];
    };
    const x = canonical(a);
    const y = canonical(b);
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
        const p = x[i] ?? '0';
        const q = y[i] ?? '0';
        const dp = DIGITS.test(p);
        const dq = DIGITS.test(q);
        const c = dp && dq ? compareDigits(p, q) : dp ? 1 : dq ? -1 : versions_text(p, q);
        if (c)
            return c;
    }
    return 0;
}
/** PHP's special forms by prefix, in order; a number counts as `#`, anything else as -1. */
const PHP_FORMS = [
    ['dev', 0],
    ['alpha', 1],
    ['a', 1],
    ['beta', 2],
    ['b', 2],
    ['RC', 3],
    ['rc', 3],
    ['#', 4],
    ['pl', 5],
    ['p', 5],
];
const phpForm = (s) => PHP_FORMS.find(([name]) => s.startsWith(name))?.[1] ?? -1;
/** php_canonicalize_version: `-_+` and other punctuation become one `.`, and digits and letters part with a `.`. */
function phpCanonical(v) {
    let out = v[0];
    const digit = (c) => c >= '0' && c <= '9';
    for (let i = 1; i < v.length; i++) {
        const c = v[i];
        const prev = v[i - 1];
        const dot = out.endsWith('.') ? '' : '.';
        if (c === '-' || c === '_' || c === '+')
            out += dot;
        else if (prev !== '.' && c !== '.' && digit(prev) !== digit(c))
            out += dot + c;
        else if (!/[0-9a-z]/i.test(c))
            out += dot;
        else
            out += c;
    }
    return out;
}
/** PHP's version_compare, part by part, as ext/standard/versioning.c does it. */
function phpVersionCompare(a, b) {
    if (!a || !b)
        return a ? 1 : b ? -1 : 0;
    const x = (a.startsWith('#') ? a : phpCanonical(a)).split('.');
    const y = (b.startsWith('#') ? b : phpCanonical(b)).split('.');
    const exhausted = (parts, i) => i === parts.length - 1 && parts[i] === '';
    let i = 0;
    for (; i < x.length && i < y.length && !exhausted(x, i) && !exhausted(y, i); i++) {
        const p = x[i];
        const q = y[i];
        const dp = /^\d/.test(p);
        const dq = /^\d/.test(q);
        const c = dp && dq
            ? compareDigits(/^\d+/.exec(p)[0], /^\d+/.exec(q)[0])
            : Math.sign(phpForm(dp ? '#' : p) - phpForm(dq ? '#' : q));
        if (c)
            return c;
    }
    // The longer version wins on a number and is weighed against `#` on a word (1.0 < 1.0.1, 1.0rc1 < 1.0).
    if (i < x.length) {
        const rest = x.slice(i).join('.');
        return /^\d/.test(rest) ? 1 : phpVersionCompare(rest, '#N#');
    }
    if (i < y.length) {
        const rest = y.slice(i).join('.');
        return /^\d/.test(rest) ? -1 : phpVersionCompare('#N#', rest);
    }
    return 0;
}
const COMPOSER_MODIFIER = String.raw `[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\d+)*)?)?([.-]?dev)?`;
const COMPOSER_CLASSIC = new RegExp(String.raw `^v?(\d{1,5})(\.\d+)?(\.\d+)?(\.\d+)?${COMPOSER_MODIFIER}$`, 'i');
const COMPOSER_DATED = new RegExp(String.raw `^v?(\d{4}(?:[.:-]?\d{2}){1,6}(?:[.:-]?\d{1,3}){0,2})${COMPOSER_MODIFIER}$`, 'i');
const COMPOSER_BRANCH = /^v?(\d+)(\.(?:\d+|[x*]))?(\.(?:\d+|[x*]))?(\.(?:\d+|[x*]))?$/i;
const COMPOSER_STABILITY = { a: 'alpha', b: 'beta', p: 'patch', pl: 'patch', rc: 'RC' };
/**
 * Composer's VersionParser::normalize: four numeric parts, the stability spelled out
 * (`1.0-b2` → `1.0.0.0-beta2`), build metadata dropped, `1.x-dev` as `1.9999999.9999999.9999999-dev`.
 * Undefined for a branch (`dev-main`) or a string Composer rejects.
 */
function composerNormalize(version) {
    const v = version
        .trim()
        .replace(/^(\S+) +as +\S+$/, '$1')
        .replace(/@(?:stable|RC|beta|alpha|dev)$/i, '')
        .replace(/^([^,\s+]+)\+\S+$/, '$1');
    if (/^dev-/i.test(v) || ['master', 'trunk', 'default'].includes(v))
        return undefined;
    let m = COMPOSER_CLASSIC.exec(v);
    let at = 5;
    let out = m ? `${m[1]}${m[2] || '.0'}${m[3] || '.0'}${m[4] || '.0'}` : '';
    if (!m && (m = COMPOSER_DATED.exec(v)))
        [out, at] = [m[1].replace(/\D/g, '.'), 2];
    if (m) {
        const [stability, number, dev] = [m[at], m[at + 1], m[at + 2]];
        if (stability === 'stable')
            return out;
        if (stability)
            out += `-${COMPOSER_STABILITY[stability.toLowerCase()] ?? stability.toLowerCase()}${(number ?? '').replace(/^[.-]+/, '')}`;
        return dev ? `${out}-dev` : out;
    }
    const branch = COMPOSER_BRANCH.exec(/^(.*?)[.-]?dev$/i.exec(v)?.[1] ?? '');
    if (!branch)
        return undefined;
    const parts = [1, 2, 3, 4].map((i) => (i === 1 ? branch[1] : branch[i]?.slice(1)) ?? 'x');
    return `${parts.map((p) => (/^[x*]$/i.test(p) ? '9999999' : p)).join('.')}-dev`;
}
/**
 * Packagist order as Composer applies it: both versions normalised, then PHP's version_compare
 * (dev < alpha = a < beta = b < RC < release < patch = pl = p, `beta.8.1` < `beta.8.2`,
 * `RC7` < `RC7.1`). A branch or a string Composer rejects goes to version_compare as it is, each
 * side on its own, so that the order stays transitive.
 */
function packagistCompare(a, b) {
    const x = composerNormalize(a) ?? a.trim().replace(/^v/i, '');
    const y = composerNormalize(b) ?? b.trim().replace(/^v/i, '');
    return phpVersionCompare(x, y);
}
const MAVEN_QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const MAVEN_ALIASES = { ga: '', final: '', release: '', cr: 'rc' };
const MAVEN_RELEASE = String(MAVEN_QUALIFIERS.indexOf(''));
/** Known qualifiers by rank, then unknown ones after them in lexical order. */
function mavenQualifier(q) {
    const i = MAVEN_QUALIFIERS.indexOf(q);
    return i < 0 ? `${MAVEN_QUALIFIERS.length}-${q}` : String(i);
}
function mavenItem(digits, buf, followedByDigit = false) {
    if (digits)
        return { kind: 'int', value: buf };
    const short = { a: 'alpha', b: 'beta', m: 'milestone' };
    const value = followedByDigit && short[buf] ? short[buf] : buf;
    return { kind: 'string', value: MAVEN_ALIASES[value] ?? value };
}
const mavenIsNull = (item) => item.kind === 'int' ? /^0+$/.test(item.value) : item.kind === 'string' ? item.value === '' : !item.items.length;
/** ComparableVersion.parseVersion (Maven 3.9), then trailing nulls trimmed in every list. */
function mavenParse(version) {
    const v = version.toLowerCase();
    const root = { kind: 'list', items: [] };
    const stack = [root];
    let list = root;
    const open = () => {
        const sub = { kind: 'list', items: [] };
        list.items.push(sub);
        stack.push((list = sub));
    };
    let digits = false;
    let start = 0;
    for (let i = 0; i < v.length; i++) {
        const c = v[i];
        if (c === '.' || c === '-') {
            list.items.push(i === start ? { kind: 'int', value: '0' } : mavenItem(digits, v.slice(start, i)));
            start = i + 1;
            if (c === '-')
                open();
        }
        else if (c >= '0' && c <= '9') {
            if (!digits && i > start) {
                // `.X1` reads as `-X1`, so 1.0.RC2 < 1.0-RC3 < 1.0.1.
                if (list.items.length)
                    open();
                list.items.push(mavenItem(false, v.slice(start, i), true));
                start = i;
                open();
            }
            digits = true;
        }
        else {
            if (digits && i > start) {
                list.items.push(mavenItem(true, v.slice(start, i)));
                start = i;
                open();
            }
            digits = false;
        }
    }
    if (v.length > start) {
        if (!digits && list.items.length)
            open();
        list.items.push(mavenItem(digits, v.slice(start)));
    }
    for (const l of stack.reverse()) {
        for (let i = l.items.length - 1; i >= 0; i--) {
            if (mavenIsNull(l.items[i]))
                l.items.splice(i, 1);
            else if (l.items[i].kind !== 'list')
                break;
        }
    }
    return root;
}
/** Item.compareTo, where a missing item (the shorter version) is `undefined`. */
function mavenCompareItems(a, b) {
    if (a.kind === 'int') {
        if (!b)
            return mavenIsNull(a) ? 0 : 1;
        return b.kind === 'int' ? compareDigits(a.value, b.value) : 1; // 1.1 > 1-sp, 1.1 > 1-1
    }
    if (a.kind === 'string') {
        if (!b)
            return versions_text(mavenQualifier(a.value), MAVEN_RELEASE); // 1-rc < 1 < 1-sp
        return b.kind === 'string' ? versions_text(mavenQualifier(a.value), mavenQualifier(b.value)) : -1;
    }
    if (!b) {
        for (const item of a.items) {
            const c = mavenCompareItems(item, undefined);
            if (c)
                return c;
        }
        return 0;
    }
    if (b.kind !== 'list')
        return b.kind === 'int' ? -1 : 1; // 1-1 < 1.1, 1-1 > 1-sp
    for (let i = 0; i < Math.max(a.items.length, b.items.length); i++) {
        const l = a.items[i];
        const r = b.items[i];
        const c = l ? mavenCompareItems(l, r) : r ? -mavenCompareItems(r, undefined) : 0;
        if (c)
            return c;
    }
    return 0;
}
/** Maven's ComparableVersion order (the POM reference's version order specification). */
function mavenCompare(a, b) {
    return mavenCompareItems(mavenParse(a), mavenParse(b));
}
/** Each OSV ecosystem's own order, by the name OSV gives it. */
const ORDERS = {
    npm: semverCompare,
    'crates.io': semverCompare,
    Go: semverCompare,
    Hex: semverCompare,
    SwiftURL: semverCompare,
    Pub: semVerOrder({ parts: 3, orderBuild: true }),
    NuGet: semVerOrder({ parts: 4, foldCase: true }),
    Maven: mavenCompare,
    PyPI: pypiCompare,
    RubyGems: rubyGemsCompare,
    Packagist: packagistCompare,
};
/** The comparison for an ecosystem (an OSV name such as `Maven` or `Debian:12`); SemVer where it has none of its own. */
function comparatorFor(ecosystem) {
    return ORDERS[ecosystem] ?? ORDERS[ecosystem.split(':')[0]] ?? semverCompare;
}

;// CONCATENATED MODULE: ./packages/security/src/deps/osv.ts




/** The name as OSV keys it in an ecosystem (PyPI names are normalised). */
function osvKey(ecosystem, name) {
    const eco = ecosystem.split(':')[0];
    return `${eco}\0${eco === 'PyPI' ? (0,src/* pypiName */.sS)(name) : name}`;
}
/**
 * True when the version is affected by a range, evaluating events in version order as the OSV
 * schema describes: introduced opens, fixed closes at that version, last_affected closes after
 * it, and limit caps the range.
 */
function inRange(version, ecosystem, events) {
    const cmp = comparatorFor(ecosystem);
    const at = (e) => e.introduced ?? e.fixed ?? e.last_affected ?? e.limit ?? '0';
    const sorted = [...events].sort((x, y) => (at(x) === '0' ? -1 : at(y) === '0' ? 1 : cmp(at(x), at(y))));
    let affected = false;
    for (const e of sorted) {
        if (e.introduced !== undefined && (e.introduced === '0' || cmp(version, e.introduced) >= 0))
            affected = true;
        else if (e.fixed !== undefined && cmp(version, e.fixed) >= 0)
            affected = false;
        else if (e.last_affected !== undefined && cmp(version, e.last_affected) > 0)
            affected = false;
    }
    for (const e of events)
        if (e.limit !== undefined && e.limit !== '*' && cmp(version, e.limit) >= 0)
            affected = false;
    return affected;
}
/** True when a record affects a locked package (explicit versions or SEMVER/ECOSYSTEM ranges). */
function affects(record, pkg) {
    if (record.withdrawn)
        return false;
    const key = osvKey(pkg.ecosystem, pkg.name);
    const version = pkg.ecosystem === 'Go' ? pkg.version.replace(/^v/, '') : pkg.version;
    for (const a of record.affected ?? []) {
        if (!a.package?.ecosystem || !a.package.name || osvKey(a.package.ecosystem, a.package.name) !== key)
            continue;
        if (a.versions?.includes(pkg.version) || a.versions?.includes(version))
            return true;
        for (const r of a.ranges ?? []) {
            if ((r.type === 'SEMVER' || r.type === 'ECOSYSTEM') && inRange(version, pkg.ecosystem, r.events))
                return true;
        }
    }
    return false;
}
/** The versions that fix a record for a package, from its ranges' `fixed` events. */
function fixedVersions(record, pkg) {
    const key = osvKey(pkg.ecosystem, pkg.name);
    const out = new Set();
    for (const a of record.affected ?? []) {
        if (!a.package?.ecosystem || !a.package.name || osvKey(a.package.ecosystem, a.package.name) !== key)
            continue;
        for (const r of a.ranges ?? [])
            for (const e of r.events)
                if (e.fixed)
                    out.add(e.fixed);
    }
    return [...out].sort(comparatorFor(pkg.ecosystem));
}
const WORDS = {
    CRITICAL: 'critical',
    HIGH: 'high',
    MODERATE: 'medium',
    MEDIUM: 'medium',
    LOW: 'low',
};
/** Severity from a CVSS v3 vector's computed base score, else the database's own word, else medium. */
function recordSeverity(record) {
    for (const s of record.severity ?? []) {
        if (s.type === 'CVSS_V3') {
            const score = cvss3BaseScore(s.score);
            if (score !== undefined)
                return { severity: severityOfScore(score), score, source: s.score };
        }
    }
    const word = record.database_specific?.severity ??
        record.affected?.find((a) => a.database_specific?.severity ?? a.ecosystem_specific?.severity)?.database_specific
            ?.severity;
    if (word && WORDS[word.toUpperCase()])
        return { severity: WORDS[word.toUpperCase()], source: `database severity ${word}` };
    return { severity: 'medium', source: 'no severity in the record' };
}

// EXTERNAL MODULE: ./node_modules/valibot/dist/index.mjs
var valibot_dist = __webpack_require__(77934);
;// CONCATENATED MODULE: ./packages/security/src/validate.ts

/**
 * Checks a document against a schema and returns it typed, or the first problem as one line
 * (`rules.0.keywords: expected an array, got "api"`), for the caller to put in its UserError.
 */
function check(schema, value) {
    const result = valibot_dist/* safeParse */.xLC(schema, value);
    if (result.success)
        return { ok: true, value: result.output };
    const issue = result.issues[0];
    const where = valibot_dist/* getDotPath */.BuJ(issue);
    return { ok: false, problem: `${where ? `${where}: ` : ''}${describeIssue(issue)}` };
}
function describeIssue(issue) {
    if (issue.kind === 'schema' && issue.expected)
        return `expected ${issue.expected}, got ${issue.received}`;
    return issue.message;
}

;// CONCATENATED MODULE: ./packages/security/src/deps/osv-schema.ts

/**
 * `database_specific` and `ecosystem_specific` are free-form in the OSV schema: only a string
 * `severity` in them is read, and any other shape is dropped rather than refusing a record that is
 * otherwise fine.
 */
const specific = valibot_dist/* optional */.lqM(valibot_dist/* pipe */.FsL(valibot_dist/* unknown */.L5J(), valibot_dist/* transform */.pdi((x) => {
    if (typeof x !== 'object' || x === null)
        return undefined;
    const severity = x.severity;
    return typeof severity === 'string' ? { severity } : {};
})));
const osv_schema_event = valibot_dist/* object */.Ikc({
    introduced: valibot_dist/* optional */.lqM(valibot_dist/* string */.YjP()),
    fixed: valibot_dist/* optional */.lqM(valibot_dist/* string */.YjP()),
    last_affected: valibot_dist/* optional */.lqM(valibot_dist/* string */.YjP()),
    limit: valibot_dist/* optional */.lqM(valibot_dist/* string */.YjP()),
});
/** The parts of an OSV record (schema 1.x) that matching and reporting read, checked where it enters. */
const osvRecordSchema = valibot_dist/* object */.Ikc({
    id: valibot_dist/* pipe */.FsL(valibot_dist/* string */.YjP(), valibot_dist/* minLength */.BpQ(1)),
    modified: valibot_dist/* optional */.lqM(valibot_dist/* string */.YjP()),
    summary: valibot_dist/* optional */.lqM(valibot_dist/* string */.YjP()),
    details: valibot_dist/* optional */.lqM(valibot_dist/* string */.YjP()),
    aliases: valibot_dist/* optional */.lqM(valibot_dist/* array */.YOg(valibot_dist/* string */.YjP())),
    withdrawn: valibot_dist/* optional */.lqM(valibot_dist/* string */.YjP()),
    severity: valibot_dist/* optional */.lqM(valibot_dist/* array */.YOg(valibot_dist/* object */.Ikc({ type: valibot_dist/* string */.YjP(), score: valibot_dist/* string */.YjP() }))),
    affected: valibot_dist/* optional */.lqM(valibot_dist/* array */.YOg(valibot_dist/* object */.Ikc({
        package: valibot_dist/* optional */.lqM(valibot_dist/* object */.Ikc({ ecosystem: valibot_dist/* optional */.lqM(valibot_dist/* string */.YjP()), name: valibot_dist/* optional */.lqM(valibot_dist/* string */.YjP()), purl: valibot_dist/* optional */.lqM(valibot_dist/* string */.YjP()) })),
        ranges: valibot_dist/* optional */.lqM(valibot_dist/* array */.YOg(valibot_dist/* object */.Ikc({ type: valibot_dist/* string */.YjP(), events: valibot_dist/* array */.YOg(osv_schema_event) }))),
        versions: valibot_dist/* optional */.lqM(valibot_dist/* array */.YOg(valibot_dist/* string */.YjP())),
        ecosystem_specific: specific,
        database_specific: specific,
    }))),
    database_specific: specific,
});
/** The OSV API's /v1/querybatch answer: one result per query, each with the ids of what affects it. */
const queryBatchSchema = valibot_dist/* object */.Ikc({
    results: valibot_dist/* array */.YOg(valibot_dist/* object */.Ikc({ vulns: valibot_dist/* optional */.lqM(valibot_dist/* array */.YOg(valibot_dist/* object */.Ikc({ id: valibot_dist/* pipe */.FsL(valibot_dist/* string */.YjP(), valibot_dist/* minLength */.BpQ(1)) }))) })),
});

;// CONCATENATED MODULE: ./packages/security/src/deps/osv-api.ts



const OFFLINE_HINT = 'Check the runner can reach it, or scan offline with the osv-db input (a folder of OSV records or all.zip files).';
const SHAPE_HINT = 'Check osv-api-url is the base URL of an OSV API (https://api.osv.dev, or a mirror serving /v1/querybatch and /v1/vulns/{id}).';
/** The URL to send requests to without its user information, which goes in a header instead (fetch refuses it in the URL). */
function endpoint(baseUrl) {
    let url;
    try {
        url = new URL(baseUrl);
    }
    catch {
        throw new lite/* UserError */.yo(`'${(0,lite/* redactCredentials */.UY)(baseUrl)}' is not a valid URL.`, { input: 'osv-api-url' }, SHAPE_HINT);
    }
    const headers = {};
    if (url.username || url.password) {
        const user = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
        headers.authorization = `Basic ${Buffer.from(user).toString('base64')}`;
        url.username = '';
        url.password = '';
    }
    return { base: url.href.replace(/\/+$/, ''), headers };
}
class AnswerTooLarge extends Error {
}
/** The answer's body as text, refusing more than `max` bytes without reading them all. */
async function boundedText(res, max) {
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > max) {
        await res.body?.cancel().catch(() => undefined);
        throw new AnswerTooLarge();
    }
    const reader = res.body?.getReader();
    if (!reader)
        return '';
    const parts = [];
    let total = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        total += value.byteLength;
        if (total > max) {
            await reader.cancel().catch(() => undefined);
            throw new AnswerTooLarge();
        }
        parts.push(value);
    }
    return Buffer.concat(parts).toString('utf8');
}
/** One request with its own deadline, which covers the body too: a server that streams for ever is cut off. */
async function attempt(o, base, path, init, shown) {
    const timeoutMs = o.timeoutMs ?? 30_000;
    const maxBytes = o.maxBodyBytes ?? 32 * 1024 * 1024;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
        const res = await o.http(`${base}${path}`, { ...init, signal: controller.signal });
        if (!res.ok) {
            await res.body?.cancel().catch(() => undefined);
            return { ok: false, retry: res.status === 429 || res.status >= 500, why: `HTTP ${res.status}` };
        }
        return { ok: true, text: await boundedText(res, maxBytes), type: res.headers.get('content-type') ?? '' };
    }
    catch (err) {
        if (err instanceof AnswerTooLarge)
            throw new lite/* UserError */.yo(`the OSV API at ${shown} answered ${path} with more than ${maxBytes} bytes.`, { input: 'osv-api-url' }, SHAPE_HINT);
        if (controller.signal.aborted)
            return { ok: false, retry: true, why: `no answer within ${timeoutMs / 1000} s` };
        const cause = err.cause?.code;
        return { ok: false, retry: true, why: (0,lite/* redactCredentials */.UY)(`${err.message}${cause ? ` (${cause})` : ''}`) };
    }
    finally {
        clearTimeout(timer);
    }
}
/** A request retried by the policy (timeouts, network errors, 429 and 5xx), whose answer must match `schema`. */
async function request(o, path, init, schema) {
    const attempts = o.attempts ?? 4;
    const shown = (0,lite/* redactCredentials */.UY)(o.baseUrl);
    const { base, headers } = endpoint(o.baseUrl);
    let last = '';
    let made = 0;
    for (let i = 0; i < attempts; i++) {
        if (i > 0)
            await o.clock.sleep(Math.min(500 * 2 ** (i - 1), 8000));
        made++;
        const result = await attempt(o, base, path, { ...init, headers: { 'content-type': 'application/json', ...headers } }, shown);
        if (result.ok)
            return parseAnswer(result.text, result.type, schema, shown, path);
        last = result.why;
        if (!result.retry)
            break;
    }
    throw new lite/* UserError */.yo(`the OSV API at ${shown} failed after ${made} attempt${made === 1 ? '' : 's'} (${last}).`, { input: 'osv-db' }, OFFLINE_HINT);
}
/** An answer that is not JSON of the expected shape is the URL's fault (a login page, another service), not a bug. */
function parseAnswer(text, type, schema, shown, path) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        throw new lite/* UserError */.yo(`the OSV API at ${shown} answered ${path} with ${type ? `${type.split(';')[0]}` : 'a body'} that is not JSON.`, { input: 'osv-api-url' }, SHAPE_HINT);
    }
    const checked = check(schema, doc);
    if (!checked.ok)
        throw new lite/* UserError */.yo(`the OSV API at ${shown} answered ${path} with JSON that is not an OSV answer (${checked.problem}).`, { input: 'osv-api-url' }, SHAPE_HINT);
    return checked.value;
}
/** Looks packages up with /v1/querybatch, then fetches each vulnerability once with /v1/vulns/{id}. */
async function queryOsv(packages, o) {
    const byPackage = new Map();
    const size = o.batchSize ?? 1000;
    for (let i = 0; i < packages.length; i += size) {
        const batch = packages.slice(i, i + size);
        const body = {
            queries: batch.map((p) => ({
                package: { ecosystem: p.ecosystem, name: p.name },
                version: p.ecosystem === 'Go' ? p.version.replace(/^v/, '') : p.version,
            })),
        };
        const res = await request(o, '/v1/querybatch', { method: 'POST', body: JSON.stringify(body) }, queryBatchSchema);
        if (res.results.length !== batch.length)
            throw new lite/* UserError */.yo(`the OSV API at ${(0,lite/* redactCredentials */.UY)(o.baseUrl)} answered ${batch.length} queries with ${res.results.length} results.`, { input: 'osv-api-url' }, SHAPE_HINT);
        res.results.forEach((r, j) => {
            const p = batch[j];
            if (r.vulns?.length)
                byPackage.set(`${p.ecosystem}\0${p.name}\0${p.version}`, r.vulns.map((v) => v.id));
        });
    }
    const ids = [...new Set([...byPackage.values()].flat())].sort();
    const records = new Map();
    let next = 0;
    let failed = false;
    const worker = async () => {
        // Once one request has failed the scan fails: the other workers stop asking.
        while (next < ids.length && !failed) {
            const id = ids[next++];
            try {
                records.set(id, await request(o, `/v1/vulns/${encodeURIComponent(id)}`, { method: 'GET' }, osvRecordSchema));
            }
            catch (err) {
                failed = true;
                throw err;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(o.concurrency ?? 8, ids.length) }, worker));
    const out = new Map();
    for (const [key, list] of byPackage)
        out.set(key, list.map((id) => records.get(id)).filter(Boolean));
    return out;
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./packages/security/src/deps/zip.ts


function readAt(fd, position, length) {
    const buf = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
        const n = (0,external_node_fs_.readSync)(fd, buf, done, length - done, position + done);
        if (n === 0)
            break;
        done += n;
    }
    return buf.subarray(0, done);
}
/**
 * Reads the files of a zip one at a time with positioned reads: the central directory tells
 * where each lives, and each is inflated on its own, so memory holds one record at a time.
 * OSV's all.zip holds tens of thousands of small records; a stream per entry (yauzl) took 15 s
 * for 50,000 of them, this takes well under one.
 */
function* readZip(path, wanted = () => true, limits = {}) {
    const maxEntry = limits.maxEntryBytes ?? 4 * 1024 * 1024;
    const maxTotal = limits.maxTotalBytes ?? 4 * 1024 * 1024 * 1024;
    // Non-blocking, so that a named pipe cannot hang the open; the type is checked on the descriptor.
    const fd = (0,external_node_fs_.openSync)(path, external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NONBLOCK ?? 0));
    let total = 0;
    try {
        const st = (0,external_node_fs_.fstatSync)(fd);
        if (!st.isFile())
            throw new Error('not a regular file');
        const size = st.size;
        const tailLength = Math.min(size, 65_557);
        const tail = readAt(fd, size - tailLength, tailLength);
        const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
        if (eocd < 0)
            throw new Error('no end-of-central-directory record: not a zip file');
        let entries = tail.readUInt16LE(eocd + 10);
        let cdSize = tail.readUInt32LE(eocd + 12);
        let cdOffset = tail.readUInt32LE(eocd + 16);
        if (cdOffset === 0xffffffff || entries === 0xffff) {
            // ZIP64: the locator sits just before the classic record.
            const loc = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x06, 0x07]), eocd);
            if (loc < 0)
                throw new Error('a ZIP64 archive without its locator');
            const rec = readAt(fd, Number(tail.readBigUInt64LE(loc + 8)), 56);
            entries = Number(rec.readBigUInt64LE(32));
            cdSize = Number(rec.readBigUInt64LE(40));
            cdOffset = Number(rec.readBigUInt64LE(48));
        }
        if (cdOffset + cdSize > size)
            throw new Error('a central directory that lies past the end of the file');
        const cd = readAt(fd, cdOffset, cdSize);
        let p = 0;
        for (let i = 0; i < entries && p + 46 <= cd.length; i++) {
            if (cd.readUInt32LE(p) !== 0x02014b50)
                throw new Error('a broken central directory');
            const method = cd.readUInt16LE(p + 10);
            let compressed = cd.readUInt32LE(p + 20);
            let declared = cd.readUInt32LE(p + 24);
            const nameLen = cd.readUInt16LE(p + 28);
            const extraLen = cd.readUInt16LE(p + 30);
            const commentLen = cd.readUInt16LE(p + 32);
            let local = cd.readUInt32LE(p + 42);
            const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
            if (compressed === 0xffffffff || local === 0xffffffff) {
                const extra = cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
                for (let e = 0; e + 4 <= extra.length; e += 4 + extra.readUInt16LE(e + 2)) {
                    if (extra.readUInt16LE(e) !== 1)
                        continue;
                    let q = e + 4;
                    if (declared === 0xffffffff) {
                        declared = Number(extra.readBigUInt64LE(q));
                        q += 8;
                    }
                    if (compressed === 0xffffffff) {
                        compressed = Number(extra.readBigUInt64LE(q));
                        q += 8;
                    }
                    if (local === 0xffffffff)
                        local = Number(extra.readBigUInt64LE(q));
                }
            }
            p += 46 + nameLen + extraLen + commentLen;
            if (name.endsWith('/') || !wanted(name))
                continue;
            if (declared > maxEntry)
                throw new Error(`${name} says it inflates to ${declared} bytes, more than ${maxEntry}`);
            if (local + 30 > size)
                throw new Error(`${name} starts past the end of the file`);
            const header = readAt(fd, local, 30);
            if (header.readUInt32LE(0) !== 0x04034b50)
                throw new Error(`${name} has a broken local header`);
            const dataStart = local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
            if (dataStart + compressed > size)
                throw new Error(`${name} says it holds ${compressed} compressed bytes, past the end of the file`);
            const raw = readAt(fd, dataStart, compressed);
            const data = method === 0 ? raw : method === 8 ? inflateAtMost(raw, maxEntry, name) : undefined;
            if (!data)
                throw new Error(`${name} uses compression method ${method}, which is not supported`);
            if (data.length > maxEntry)
                throw new Error(`${name} inflates to more than ${maxEntry} bytes`);
            total += data.length;
            if (total > maxTotal)
                throw new Error(`the archive inflates to more than ${maxTotal} bytes`);
            yield { name, data };
        }
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** Inflates one entry, stopping as soon as it passes `max` bytes (whatever its header claims). */
function inflateAtMost(raw, max, name) {
    try {
        return (0,external_node_zlib_.inflateRawSync)(raw, { maxOutputLength: max });
    }
    catch (err) {
        if (err.code === 'ERR_BUFFER_TOO_LARGE')
            throw new Error(`${name} inflates to more than ${max} bytes`);
        throw new Error(`${name} does not inflate (${err.message})`);
    }
}

;// CONCATENATED MODULE: ./packages/security/src/deps/osv-db.ts







/** The most bytes one OSV record file may have: records are usually a few KiB, so 4 MiB leaves a wide margin. */
const MAX_RECORD_BYTES = 4 * 1024 * 1024;
const DB_HINT = 'Give a folder of OSV JSON records or all.zip files, or leave it empty to query the OSV API.';
/**
 * A cheap look before parsing: does the record's text name any wanted package? Most records of
 * a full database are about other packages, and JSON.parse is the expensive part.
 */
function mentionsWanted(text, wanted) {
    const eco = /"ecosystem"\s*:\s*"([^"]+)"/g;
    const names = [...text.matchAll(/"name"\s*:\s*"([^"]+)"/g)].map((m) => m[1]);
    const ecos = [...text.matchAll(eco)].map((m) => m[1]);
    return ecos.some((e) => names.some((n) => wanted.has(osvKey(e, n))));
}
function keep(record, wanted, index) {
    const keys = new Set();
    for (const a of record.affected ?? [])
        if (a.package?.ecosystem && a.package.name)
            keys.add(osvKey(a.package.ecosystem, a.package.name));
    for (const key of keys) {
        if (!wanted.has(key))
            continue;
        const list = index.get(key) ?? [];
        list.push(record);
        index.set(key, list);
    }
}
/** One record, checked against the OSV schema; a broken one is a warning naming it, and skipped. */
function parseRecord(text, where, warn) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (err) {
        warn(`${where} is not valid JSON (${err.message}); skipped`);
        return undefined;
    }
    const checked = check(osvRecordSchema, doc);
    if (checked.ok)
        return checked.value;
    warn(`${where} is not an OSV record (${checked.problem}); skipped`);
    return undefined;
}
/**
 * Loads offline OSV data: a folder of OSV JSON records (searched recursively) and/or the
 * per-ecosystem `all.zip` files OSV publishes. Streams through every record and keeps only those
 * that name a wanted package, so memory follows the findings, not the database. `records` counts
 * what was read; 0 means nothing could be checked, which the caller must not pass off as clean.
 */
async function loadOsvDb(path, wanted, warn, options = {}) {
    const index = new Map();
    let records = 0;
    let st;
    try {
        st = (0,external_node_fs_.statSync)(path);
    }
    catch (err) {
        const code = err.code;
        throw new lite/* UserError */.yo(code === 'ENOENT' || code === 'ENOTDIR' ? `'${path}' does not exist.` : `'${path}' cannot be read (${code}).`, { input: 'osv-db' }, DB_HINT);
    }
    const files = st.isDirectory() ? walk(path) : [path];
    for (const file of files) {
        if (file.endsWith('.json')) {
            const text = (0,lite/* readUserFile */.E1)(file, {
                maxBytes: MAX_RECORD_BYTES,
                subject: { input: 'osv-db' },
                what: 'the OSV record',
            }).toString('utf8');
            const rec = parseRecord(text, file, warn);
            if (rec) {
                records++;
                keep(rec, wanted, index);
            }
        }
        else if (file.endsWith('.zip')) {
            try {
                for (const entry of readZip(file, (name) => name.endsWith('.json'), options.zip)) {
                    records++;
                    const text = entry.data.toString('utf8');
                    if (!mentionsWanted(text, wanted))
                        continue;
                    const rec = parseRecord(text, `${file}!/${entry.name}`, warn);
                    if (rec)
                        keep(rec, wanted, index);
                }
            }
            catch (err) {
                throw new lite/* UserError */.yo(`${file} is not a readable zip: ${err.message}.`, { input: 'osv-db' });
            }
        }
    }
    return { index, records };
}
/** Every regular file under a folder, in name order; links and special files are left out. */
function walk(dir) {
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true });
    }
    catch (err) {
        throw new lite/* UserError */.yo(`the folder ${dir} cannot be read (${err.code}).`, {
            input: 'osv-db',
        });
    }
    const out = [];
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const p = (0,external_node_path_.join)(dir, e.name);
        if (e.isDirectory())
            out.push(...walk(p));
        else if (e.isFile())
            out.push(p);
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/security/src/deps/scan.ts










/** Every lockfile under a root, parsed; a broken one is a warning with its file and line. */
function readLockfiles(root, logger) {
    const packages = [];
    const lockfiles = [];
    const files = [...listFiles(root)];
    const present = new Set(files);
    // The walk skips vendor/ trees; Go's record of what it vendored is the one file read there.
    for (const goMod of files.filter((f) => f === 'go.mod' || f.endsWith('/go.mod'))) {
        const modules = `${goMod.slice(0, -'go.mod'.length)}vendor/modules.txt`;
        if (!present.has(modules) && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(root, modules)))
            files.push(modules);
    }
    for (const path of files) {
        const parse = (0,src/* parserFor */.D9)(path);
        if (!parse)
            continue;
        // npm reads npm-shrinkwrap.json instead of package-lock.json when both are there.
        if (path.endsWith('package-lock.json') && present.has(path.replace(/package-lock\.json$/, 'npm-shrinkwrap.json')))
            continue;
        lockfiles.push(path);
        packages.push(...parseOrWarn(parse, (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(root, path), 'utf8'), path, logger));
    }
    return { packages, lockfiles };
}
/** Reads every lockfile under a root and matches its packages against OSV. */
async function scanDependencies(root, source, logger) {
    const { packages, lockfiles } = readLockfiles(root, logger);
    return { ...(await matchPackages(packages, source, logger)), lockfiles };
}
/** Matches locked packages against OSV and returns one finding per package and vulnerability. */
async function matchPackages(all, source, logger) {
    // Packages of an ecosystem OSV does not know (CocoaPods) are listed in the SBOM but never queried.
    const unique = dedupeByFile([...all]).filter((p) => (0,src/* isOsvEcosystem */.vt)(p.ecosystem));
    const findings = [];
    let records;
    const report = (pkg, record) => {
        const sev = recordSeverity(record);
        const fixed = fixedVersions(record, pkg);
        const aliases = (record.aliases ?? []).filter((a) => a !== record.id);
        const summary = record.summary ?? record.details?.split('\n')[0] ?? '';
        findings.push({
            scanner: 'dependencies',
            rule: {
                id: record.id,
                name: `${record.id}${aliases.length ? ` (${aliases.join(', ')})` : ''}`,
                description: summary || `Known vulnerability ${record.id}`,
                help: `**${record.id}**${aliases.length ? ` (${aliases.join(', ')})` : ''}: ${summary}\n\n${fixed.length ? `Upgrade to ${fixed.join(' or ')} or later.` : 'No fixed version is published yet: consider replacing the package or mitigating.'} Severity from ${sev.source}.`,
                severity: sev.severity,
            },
            severity: sev.severity,
            message: `${pkg.name}@${pkg.version}${pkg.dev ? ' (dev)' : ''} is affected by ${record.id}${aliases.length ? ` (${aliases.join(', ')})` : ''}${sev.score !== undefined ? ` [CVSS ${sev.score}]` : ''}: ${summary || 'see the advisory'}. ${fixed.length ? `Fixed in ${fixed.join(', ')}.` : 'No fixed version yet.'}`,
            file: pkg.file,
            line: pkg.line ?? 1,
            fingerprint: fingerprint(record.id, pkg.file, pkg.ecosystem, pkg.name, pkg.version),
        });
    };
    if (source.kind === 'offline') {
        const loaded = await loadOsvDb(source.path, new Set(unique.map((p) => osvKey(p.ecosystem, p.name))), (m) => logger.warning(m), source);
        records = loaded.records;
        // An empty database would pass every package: that is a misconfiguration, not a clean result.
        if (records === 0)
            throw new lite/* UserError */.yo(`'${source.path}' holds no OSV records, so no dependency could be checked.`, { input: 'osv-db' }, 'Give a folder of OSV JSON records (*.json) or all.zip files from https://osv-vulnerabilities.storage.googleapis.com, or leave osv-db empty to query the OSV API.');
        for (const pkg of unique)
            for (const record of loaded.index.get(osvKey(pkg.ecosystem, pkg.name)) ?? [])
                if (affects(record, pkg))
                    report(pkg, record);
    }
    else {
        const byPackage = await queryOsv(unique, source);
        for (const pkg of unique)
            for (const record of byPackage.get(`${pkg.ecosystem}\0${pkg.name}\0${pkg.version}`) ?? [])
                report(pkg, record);
    }
    return { findings, packages: unique.length, ...(records !== undefined ? { records } : {}) };
}
/** One entry per lockfile, ecosystem, name and version (a package can sit in several lockfiles). */
function dedupeByFile(packages) {
    const byFile = new Map();
    for (const p of packages) {
        const list = byFile.get(p.file);
        if (list)
            list.push(p);
        else
            byFile.set(p.file, [p]);
    }
    return [...byFile.values()].flatMap((list) => (0,src/* dedupe */.Qq)(list));
}

;// CONCATENATED MODULE: ./packages/security/src/history.ts

const FETCH_HINT = 'Check out the whole history first (actions/checkout with fetch-depth: 0).';
/** git's complaints that are the user's to fix, by the input that caused them. */
const GIT_ERRORS = [
    {
        pattern: /not a git repository/i,
        input: 'scanners',
        message: (root) => `secrets-history needs a git repository, and ${root} is not in one.`,
        hint: 'Check out the repository with actions/checkout before this step, or drop secrets-history from scanners.',
    },
    {
        pattern: /dubious ownership/i,
        input: 'scanners',
        message: (root) => `git refuses to read ${root}: it belongs to another user.`,
        hint: 'Run `git config --global --add safe.directory <path>` before this step, or check out as the same user.',
    },
    {
        pattern: /does not have any commits yet|bad (default )?revision 'HEAD'|ambiguous argument 'HEAD'/i,
        input: 'scanners',
        message: (root) => `secrets-history found no commit in ${root}.`,
        hint: FETCH_HINT,
    },
    {
        pattern: /unknown revision|bad revision|invalid object name|needed a single revision|not a valid object name/i,
        input: 'history-since',
        message: (_root, since) => `'${since}' is not a commit in this repository.`,
        hint: `Use a commit SHA, tag or branch name that has been fetched. ${FETCH_HINT}`,
    },
];
/** Runs git, turning a failure the user can fix into a UserError naming the input behind it. */
async function git(exec, root, args, since) {
    let result;
    try {
        result = await exec('git', args, { cwd: root, silent: true, ignoreReturnCode: true });
    }
    catch (err) {
        // Node says ENOENT both when git is missing and when the folder is: name both.
        if (err.code === 'ENOENT')
            throw new lite/* UserError */.yo(`secrets-history could not start git in ${root}: git is not installed, or the folder is gone.`, {
                input: 'scanners',
            });
        throw err;
    }
    if (result.exitCode === 0)
        return result;
    const stderr = result.stderr.trim();
    const known = GIT_ERRORS.find((e) => e.pattern.test(stderr) && (e.input !== 'history-since' || since));
    if (known)
        throw new lite/* UserError */.yo(known.message(root, since), { input: known.input }, known.hint);
    throw new Error(`git failed: ${stderr.split('\n').pop()}`);
}
/**
 * Scans only the lines that commits added (`git log -p -U0`), since a revision when given. Each
 * finding names the commit that added the secret. The revision is the user's: it may not look
 * like an option, and `--end-of-options` keeps git from reading it as one all the same.
 */
async function scanHistory(engine, exec, root, since) {
    if (since?.startsWith('-'))
        throw new lite/* UserError */.yo(`'${since}' is not a git revision.`, { input: 'history-since' }, 'Use a commit SHA, tag or branch name.');
    let range = ['HEAD'];
    if (since) {
        const sha = await git(exec, root, ['rev-parse', '--verify', '--end-of-options', `${since}^{commit}`], since);
        range = [`${sha.stdout.trim()}..HEAD`];
    }
    const result = await git(exec, root, [
        // Non-ASCII paths as they are, not quoted and octal-escaped, so findings name the real file.
        '-c',
        'core.quotePath=false',
        'log',
        '-p',
        '-U0',
        '--no-color',
        '--no-ext-diff',
        '--no-renames',
        '--format=commit %H',
        '--end-of-options',
        ...range,
        '--',
    ], since);
    const findings = [];
    let commit = '';
    let commits = 0;
    let file = '';
    let line = 0;
    const seen = new Set();
    for (const text of result.stdout.split('\n')) {
        if (text.startsWith('commit ')) {
            commit = text.slice(7, 14);
            commits++;
        }
        else if (text.startsWith('+++ '))
            file = text === '+++ /dev/null' ? '' : text.slice(6);
        else if (text.startsWith('@@'))
            line = Number(/\+(\d+)/.exec(text)?.[1] ?? 1);
        else if (text.startsWith('+') && file) {
            for (const f of engine.scan(text.slice(1), file, line, 'secrets-history', seen))
                findings.push({ ...f, message: `${f.message} (added in ${commit})` });
            line++;
        }
    }
    return { findings, commits };
}

// EXTERNAL MODULE: ./packages/artifact/src/index.ts + 12 modules
var artifact_src = __webpack_require__(79521);
;// CONCATENATED MODULE: ./packages/security/src/scan-archive.ts









/** A lockfile this large is not a real one: the rest of it is not read. */
const MAX_LOCKFILE_BYTES = 64 * 1024 * 1024;
/**
 * Scans a built .tar.gz without extracting it. An archive that is not a well-formed .tar.gz
 * (not gzip, truncated, a corrupt header) is the path input's problem, not an internal error.
 */
async function scanArchive(target, want, engine, osv, logger) {
    try {
        return await scanEntries(target, want, engine, osv, logger);
    }
    catch (err) {
        if ((0,lite/* isUserError */.iU)(err) || !isArchiveError(err))
            throw err;
        throw new lite/* UserError */.yo(`${(0,external_node_path_.basename)(target)} is not a readable .tar.gz (${err.message}).`, { input: 'path' }, 'Give the artifact-path output of build-artifact, or a folder.');
    }
}
/** Errors of the archive itself: the tar reader's own, gzip's (Z_DATA_ERROR) and the file system's (EACCES). */
function isArchiveError(err) {
    if (!(err instanceof Error))
        return false;
    // Only errno and zlib codes: Node's own ERR_* codes mean a bug here, which must stay internal.
    return err instanceof artifact_src/* BadTarError */.LO || /^(E[A-Z]+|Z_[A-Z_]+)$/.test(err.code ?? '');
}
async function scanEntries(target, want, engine, osv, logger) {
    const name = (0,external_node_path_.basename)(target);
    const out = { findings: [], files: 0, bytes: 0, lockfiles: 0, workflows: 0, packages: 0 };
    const packages = [];
    for await (const entry of (0,artifact_src/* readTarGz */.Jq)((0,external_node_fs_.createReadStream)(target))) {
        if (entry.typeflag !== '0' && entry.typeflag !== '\0')
            continue;
        const path = `${name}!/${entry.path}`;
        const lockParser = want.has('dependencies') ? (0,src/* parserFor */.D9)(entry.path) : undefined;
        const workflow = want.has('workflows') && isWorkflowFile(entry.path) && !tooLargeWorkflow(path, entry.size, logger);
        if (lockParser || workflow) {
            const text = await collect(entry.body(), MAX_LOCKFILE_BYTES);
            if (lockParser) {
                out.lockfiles++;
                packages.push(...parseOrWarn(lockParser, text, path, logger));
            }
            if (workflow) {
                out.workflows++;
                out.findings.push(...auditOrWarn(text, path, logger));
            }
            if (want.has('secrets') && scannable(entry.path))
                out.findings.push(...(await scanStream(engine, (async function* () {
                    yield Buffer.from(text);
                })(), path)));
        }
        else if (want.has('secrets') && scannable(entry.path) && !engine.pathAllowed(entry.path)) {
            out.files++;
            out.bytes += entry.size;
            out.findings.push(...(await scanStream(engine, entry.body(), path)));
        }
    }
    if (want.has('dependencies')) {
        const matched = await matchPackages(packages, osv, logger);
        out.findings.push(...matched.findings);
        out.packages = matched.packages;
        if (matched.records !== undefined)
            out.records = matched.records;
    }
    return out;
}
async function collect(body, limit) {
    const parts = [];
    let n = 0;
    for await (const part of body) {
        n += part.length;
        if (n <= limit)
            parts.push(part);
    }
    return Buffer.concat(parts).toString('utf8');
}

;// CONCATENATED MODULE: ./packages/security/src/scan.ts










/** Runs the chosen scanners and returns every finding (before baseline and gate). */
async function scan(options, seams) {
    const { logger } = seams;
    const engine = new SecretEngine([...DEFAULT_RULES, ...(options.extraRules ?? [])], options.allow);
    const stats = { files: 0, bytes: 0, packages: 0, lockfiles: 0, workflows: 0, commits: 0 };
    const findings = [];
    const want = new Set(options.scanners);
    const isArchive = /\.(tar\.gz|tgz)$/.test(options.target);
    if (options.osv.kind === 'api' && want.has('dependencies'))
        stats.osvApi = (0,lite/* redactCredentials */.UY)(options.osv.baseUrl);
    if (isArchive) {
        const r = await scanArchive(options.target, want, engine, options.osv, logger);
        findings.push(...r.findings);
        Object.assign(stats, { files: r.files, bytes: r.bytes, lockfiles: r.lockfiles, workflows: r.workflows });
        stats.packages = r.packages;
        if (r.records !== undefined)
            stats.osvRecords = r.records;
        if (want.has('secrets-history'))
            logger.warning('security-scan: secrets-history needs a git repository, not an artifact; skipped');
        return { findings, stats };
    }
    if (want.has('secrets')) {
        const r = await scanTree(engine, options.target, (n) => n % 5000 === 0 && logger.info(`security-scan: secrets: ${n} files scanned…`));
        findings.push(...r.findings);
        stats.files = r.files;
        stats.bytes = r.bytes;
    }
    if (want.has('secrets-history')) {
        const r = await scanHistory(engine, seams.exec, options.target, options.historySince);
        findings.push(...r.findings);
        stats.commits = r.commits;
    }
    if (want.has('dependencies')) {
        const r = await scanDependencies(options.target, options.osv, logger);
        findings.push(...r.findings);
        stats.packages = r.packages;
        stats.lockfiles = r.lockfiles.length;
        if (r.records !== undefined)
            stats.osvRecords = r.records;
        if (r.lockfiles.length === 0)
            logger.info('security-scan: dependencies: no lockfile was found, so no dependency was checked');
    }
    if (want.has('workflows')) {
        for (const path of listFiles(options.target)) {
            if (!isWorkflowFile(path))
                continue;
            const text = readWorkflow((0,external_node_path_.join)(options.target, path), path, logger);
            if (text === undefined)
                continue;
            stats.workflows++;
            findings.push(...auditOrWarn(text, path, logger));
        }
    }
    return { findings, stats };
}

// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var smol_toml_dist = __webpack_require__(3292);
// EXTERNAL MODULE: ./packages/action-kit/src/pattern.ts
var pattern = __webpack_require__(29935);
;// CONCATENATED MODULE: ./packages/security/src/config.ts





/** A gitleaks configuration is a page of rules; a megabyte is far more than any real one. */
const MAX_CONFIG_BYTES = 1024 * 1024;
const allowSchema = valibot_dist/* object */.Ikc({
    paths: valibot_dist/* optional */.lqM(valibot_dist/* array */.YOg(valibot_dist/* string */.YjP())),
    regexes: valibot_dist/* optional */.lqM(valibot_dist/* array */.YOg(valibot_dist/* string */.YjP())),
    stopwords: valibot_dist/* optional */.lqM(valibot_dist/* array */.YOg(valibot_dist/* string */.YjP())),
});
const ruleSchema = valibot_dist/* object */.Ikc({
    id: valibot_dist/* optional */.lqM(valibot_dist/* string */.YjP()),
    description: valibot_dist/* optional */.lqM(valibot_dist/* string */.YjP()),
    regex: valibot_dist/* optional */.lqM(valibot_dist/* string */.YjP()),
    secretGroup: valibot_dist/* optional */.lqM(valibot_dist/* pipe */.FsL(valibot_dist/* number */.aig(), valibot_dist/* integer */.ndf(), valibot_dist/* minValue */.Wwf(0))),
    entropy: valibot_dist/* optional */.lqM(valibot_dist/* pipe */.FsL(valibot_dist/* number */.aig(), valibot_dist/* minValue */.Wwf(0))),
    keywords: valibot_dist/* optional */.lqM(valibot_dist/* array */.YOg(valibot_dist/* string */.YjP())),
    path: valibot_dist/* optional */.lqM(valibot_dist/* string */.YjP()),
    allowlists: valibot_dist/* optional */.lqM(valibot_dist/* array */.YOg(allowSchema)),
    allowlist: valibot_dist/* optional */.lqM(allowSchema),
});
/** The parts of the gitleaks format slipway reads; other keys (title, tags, extend) are left alone. */
const configSchema = valibot_dist/* object */.Ikc({
    rules: valibot_dist/* optional */.lqM(valibot_dist/* array */.YOg(ruleSchema)),
    allowlist: valibot_dist/* optional */.lqM(allowSchema),
    allowlists: valibot_dist/* optional */.lqM(valibot_dist/* array */.YOg(allowSchema)),
});
/**
 * A user's pattern on the linear-time engine (RE2, as gitleaks itself uses), so no rule can make
 * the scan backtrack for ever. RE2 reads Go's `(?i)`, `\z` and `(?P<name>…)` as they are.
 */
function config_pattern(source, where) {
    try {
        return (0,pattern/* compileUserPattern */.b)(source, { subject: { input: 'config' } });
    }
    catch (err) {
        if (!(0,lite/* isUserError */.iU)(err))
            throw err;
        const why = err.message.split(' is not valid RE2 syntax ')[1] ?? '';
        throw new lite/* UserError */.yo(`${where}: the regex ${JSON.stringify(source)} is not valid RE2 syntax ${why}`.trimEnd(), { input: 'config' }, err.hint);
    }
}
/** `rules.2.keywords` as the user would look for it: `rules[2] (acme-key).keywords`. */
function placeOf(problem, doc) {
    return problem.replace(/^rules\.(\d+)/, (_m, i) => {
        const id = doc.rules?.[Number(i)]?.id;
        return `rules[${i}]${typeof id === 'string' ? ` (${id})` : ''}`;
    });
}
/**
 * Reads extra secret rules and allow-lists in the gitleaks TOML format (`[[rules]]` with id,
 * regex, secretGroup, entropy, keywords, path and `[[rules.allowlists]]`; a global `[allowlist]`
 * or `[[allowlists]]`), so a team can bring its existing configuration.
 */
function loadGitleaksConfig(path) {
    const text = (0,lite/* readUserFile */.E1)(path, {
        maxBytes: MAX_CONFIG_BYTES,
        subject: { input: 'config' },
        what: 'the gitleaks configuration',
    }).toString('utf8');
    let raw;
    try {
        raw = (0,smol_toml_dist/* parse */.qg)(text);
    }
    catch (err) {
        const e = err;
        throw new lite/* UserError */.yo(`is not valid TOML at line ${e.line ?? '?'}, column ${e.column ?? '?'}: ${e.message.split('\n')[0]}.`, {
            input: 'config',
            file: path,
            ...(e.line ? { line: e.line } : {}),
        });
    }
    const checked = check(configSchema, raw);
    if (!checked.ok)
        throw new lite/* UserError */.yo(`${path} is not a gitleaks configuration slipway can use: ${placeOf(checked.problem, raw)}.`, { input: 'config', file: path }, 'See https://github.com/gitleaks/gitleaks#configuration for the format.');
    const doc = checked.value;
    const allow = { paths: [], regexes: [], stopwords: [] };
    for (const a of [...(doc.allowlist ? [doc.allowlist] : []), ...(doc.allowlists ?? [])]) {
        allow.paths.push(...(a.paths ?? []).map((p) => config_pattern(p, `${path} allowlist path`)));
        allow.regexes.push(...(a.regexes ?? []).map((r) => config_pattern(r, `${path} allowlist regex`)));
        allow.stopwords.push(...(a.stopwords ?? []).map((w) => w.toLowerCase()));
    }
    const rules = [];
    (doc.rules ?? []).forEach((r, i) => {
        const where = `${path} rules[${i}]${r.id ? ` (${r.id})` : ''}`;
        if (!r.id || !r.regex)
            throw new lite/* UserError */.yo(`${where} needs an id and a regex.`, { input: 'config' });
        const keywords = (r.keywords ?? []).map((k) => k.toLowerCase());
        const allowlists = [...(r.allowlist ? [r.allowlist] : []), ...(r.allowlists ?? [])];
        rules.push({
            id: `custom-${r.id}`,
            name: r.description ?? r.id,
            description: r.description ?? `Custom rule ${r.id}.`,
            severity: 'high',
            // A rule without keywords runs on every line: its empty keyword matches everywhere.
            keywords: keywords.length ? keywords : [''],
            regex: config_pattern(r.regex, where),
            ...(r.secretGroup !== undefined ? { secretGroup: r.secretGroup } : {}),
            ...(r.entropy !== undefined ? { entropy: r.entropy } : {}),
            ...(r.path ? { path: config_pattern(r.path, where) } : {}),
            fix: 'Rotate the credential and remove it from the repository (custom rule from your configuration).',
            allow: allowlists.flatMap((a) => (a.regexes ?? []).map((x) => config_pattern(x, where))),
        });
    });
    return { rules, allow };
}

;// CONCATENATED MODULE: ./packages/security/src/baseline.ts



/** A baseline lists findings, a few hundred bytes each: 64 MiB is hundreds of thousands of them. */
const MAX_BASELINE_BYTES = 64 * 1024 * 1024;
const baselineSchema = valibot_dist/* object */.Ikc({
    version: valibot_dist/* literal */.euz(1),
    findings: valibot_dist/* array */.YOg(valibot_dist/* object */.Ikc({
        fingerprint: valibot_dist/* string */.YjP(),
        rule: valibot_dist/* optional */.lqM(valibot_dist/* string */.YjP()),
        file: valibot_dist/* optional */.lqM(valibot_dist/* string */.YjP()),
        note: valibot_dist/* optional */.lqM(valibot_dist/* string */.YjP()),
    })),
});
const HINT = 'Write one with the write-baseline input, or leave baseline empty.';
/** Reads a baseline; a malformed one is an error with its position. */
function readBaseline(path) {
    let text;
    try {
        text = (0,lite/* readUserFile */.E1)(path, {
            maxBytes: MAX_BASELINE_BYTES,
            subject: { input: 'baseline' },
            what: 'the baseline',
        }).toString('utf8');
    }
    catch (err) {
        if ((0,lite/* isUserError */.iU)(err))
            throw new lite/* UserError */.yo(err.message, err.subject, err.hint ?? HINT);
        throw err;
    }
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (err) {
        throw new lite/* UserError */.yo(`is not valid JSON: ${(0,lite/* describeJsonError */.M1)(text, err)}.`, { input: 'baseline', file: path });
    }
    const checked = check(baselineSchema, doc);
    if (!checked.ok)
        throw new lite/* UserError */.yo(`is not a slipway baseline (version 1 with findings[].fingerprint): ${checked.problem}.`, { input: 'baseline', file: path }, HINT);
    return new Set(checked.value.findings.map((f) => f.fingerprint));
}
/** Writes the current findings as a baseline, sorted, atomically. */
async function writeBaseline(path, findings) {
    const entries = [
        ...new Map(findings.map((f) => [f.fingerprint, { fingerprint: f.fingerprint, rule: f.rule.id, file: f.file }])).values(),
    ].sort((a, b) => (a.file + a.rule < b.file + b.rule ? -1 : 1));
    await (0,lite/* writeFileAtomic */.Zf)(path, `${JSON.stringify({ version: 1, findings: entries }, null, 2)}\n`);
}

;// CONCATENATED MODULE: ./packages/security/src/gate.ts

/** Applies the baseline, counts by severity, and decides pass or fail against `failOn`. */
function gate(findings, baseline, failOn) {
    const active = findings.filter((f) => !baseline?.has(f.fingerprint));
    const counts = Object.fromEntries(SEVERITIES.map((s) => [s, active.filter((f) => f.severity === s).length]));
    const failing = failOn === 'none' ? [] : active.filter((f) => severityRank(f.severity) <= severityRank(failOn));
    const breakdown = SEVERITIES.filter((s) => failing.some((f) => f.severity === s)).map((s) => `${failing.filter((f) => f.severity === s).length} ${s}`);
    const worst = [...failing].sort((a, b) => severityRank(a.severity) - severityRank(b.severity))[0];
    const reason = failing.length
        ? `${failing.length} finding${failing.length > 1 ? 's' : ''} at or above ${failOn} (${breakdown.join(', ')}), the worst: ${worst.message} in ${worst.file}:${worst.line}.`
        : `no finding at or above ${failOn === 'none' ? 'the gate (fail-on: none)' : failOn}${findings.length - active.length ? `; ${findings.length - active.length} accepted by the baseline` : ''}.`;
    return {
        active,
        baselined: findings.length - active.length,
        counts,
        newFindings: active.length,
        passed: failing.length === 0,
        reason,
    };
}

;// CONCATENATED MODULE: ./packages/security/src/sarif-file.ts




/** GitHub refuses SARIF uploads over 10 MB gzipped. */
const SARIF_GZIP_LIMIT = 10 * 1024 * 1024;
/**
 * Writes the SARIF file atomically, within GitHub's limits: past 25,000 results a run keeps its
 * most severe, and when the gzipped file would pass 10 MB the least severe results are dropped
 * until it fits. Returns how many results were left out.
 */
async function writeSarif(path, findings, scanners, version, limit = SARIF_GZIP_LIMIT) {
    let kept = [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
    let dropped = 0;
    for (;;) {
        const built = buildSarif(kept, scanners, version);
        const text = `${JSON.stringify(built.log, null, 1)}\n`;
        if ((0,external_node_zlib_.gzipSync)(text).length <= limit || kept.length === 0) {
            await (0,lite/* writeFileAtomic */.Zf)(path, text);
            return dropped + built.dropped;
        }
        const cut = Math.ceil(kept.length / 4);
        dropped += cut;
        kept = kept.slice(0, kept.length - cut);
    }
}

;// CONCATENATED MODULE: ./packages/security/src/index.ts






















/***/ })

};
