export const id = 6166;
export const ids = [6166];
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

/***/ 56166:
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

;// CONCATENATED MODULE: ./packages/security/src/secrets/rules/define.ts
/** The fix for a leaked credential: the same for every provider. */
const ROTATE = 'Revoke the credential at its provider now (it is in the history even after the line is removed), issue a new one, and load it from a secret store (for example GitHub Actions secrets) instead of the repository.';
/** A rule for a token that carries its own prefix: the prefixes are the keywords. */
function token(id, name, keywords, regex, extra = {}) {
    return { id, name, description: `A ${name}.`, severity: 'high', keywords, regex, fix: ROTATE, ...extra };
}
function escapeRegex(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * How a value follows a provider's name in the layouts people write: `=`, `:`, `:=`, `?=`, `.=`,
 * `=>`, a space; a closing quote or bracket first (`"name": …`, `$c['name'] = …`); a type
 * (`var name string = …`); a call's next argument (`setProperty("name", …)`); .NET's
 * `key="NAME" value=…`; an XML element's `>`.
 */
const KEYED_SEPARATOR = String.raw `(?:["'\`]?\]?(?:\s{0,3}:\s{0,3}(?:&?str|string|String|text)\b|\s{1,3}(?:string|String)\b)?\s{0,3}(?:::=|:=|\?=|\.=|\+=|=>|[:=]|\s)|["']\s{0,3},|["']\s{1,3}value\s{0,3}=|>)\s{0,3}["'\`]?`;
/**
 * A rule for a value with no prefix of its own, found only when assigned to a name holding
 * the provider's (`DATADOG_API_KEY = "…"`, `twitter.secret: …`). `value` is a regex source
 * without nested quantifiers; it is matched case-insensitively.
 */
function keyed(id, name, keywords, value, extra = {}) {
    const names = keywords.map(escapeRegex).join('|');
    const regex = new RegExp(`(?:${names})[\\w.-]{0,30}?${KEYED_SEPARATOR}(${value})(?![\\w-])`, 'gi');
    return token(id, name, keywords, regex, { description: `A ${name} next to its provider's name.`, ...extra });
}
/** Hex, UUID and base62 value shapes that several providers share. */
const HEX = (n) => `[a-f0-9]{${n}}`;
const UUID = '[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}';
const ALNUM = (n) => `[a-z0-9]{${n}}`;

;// CONCATENATED MODULE: ./packages/security/src/secrets/rules/ai.ts

const critical = { severity: 'critical' };
/** AI platform credentials. */
const AI_RULES = [
    token('openai-key', 'OpenAI API key', ['t3blbkfj'], /\b(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,})/g, critical),
    token('anthropic-key', 'Anthropic API key', ['sk-ant-'], /\b(sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{80,}AA)(?![A-Za-z0-9_-])/g, critical),
    token('huggingface-token', 'Hugging Face access token', ['hf_'], /\b(hf_[A-Za-z]{34})\b/g),
    token('huggingface-org-token', 'Hugging Face organization API token', ['api_org_'], /\b(api_org_[A-Za-z]{34})\b/g),
    token('groq-api-key', 'Groq API key', ['gsk_'], /\b(gsk_[A-Za-z0-9]{52})\b/g),
    token('replicate-token', 'Replicate API token', ['r8_'], /\b(r8_[A-Za-z0-9]{37})\b/g),
    token('perplexity-api-key', 'Perplexity API key', ['pplx-'], /\b(pplx-[A-Za-z0-9]{48})\b/g),
    token('xai-api-key', 'xAI API key', ['xai-'], /\b(xai-[A-Za-z0-9]{80})\b/g),
    token('openrouter-api-key', 'OpenRouter API key', ['sk-or-v1-'], /\b(sk-or-v1-[a-f0-9]{64})\b/g),
    token('langsmith-api-key', 'LangSmith API key', ['lsv2_pt_', 'lsv2_sk_'], /\b(lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})\b/g),
    token('fireworks-api-key', 'Fireworks AI API key', ['fw_'], /\b(fw_[A-Za-z0-9]{24})\b/g),
    keyed('cohere-api-key', 'Cohere API key', ['cohere', 'co_api_key'], '[a-z0-9]{40}'),
    keyed('mistral-api-key', 'Mistral AI API key', ['mistral'], '[a-z0-9]{32}'),
    keyed('deepseek-api-key', 'DeepSeek API key', ['deepseek'], `sk-${HEX(32)}`),
    keyed('together-api-key', 'Together AI API key', ['together_api', 'together-api', 'togetherai'], HEX(64)),
    keyed('elevenlabs-api-key', 'ElevenLabs API key', ['elevenlabs', 'xi-api-key', 'xi_api_key'], `(?:sk_)?${HEX(32)}(?:${HEX(16)})?`),
    keyed('wandb-api-key', 'Weights & Biases API key', ['wandb'], HEX(40)),
    keyed('assemblyai-api-key', 'AssemblyAI API key', ['assemblyai', 'assembly_ai'], HEX(32)),
    keyed('pinecone-api-key', 'Pinecone API key', ['pinecone'], `(?:pcsk_[a-z0-9]{5,8}_[a-z0-9]{60,70}|${UUID})`),
];

;// CONCATENATED MODULE: ./packages/security/src/secrets/rules/cloud.ts

const cloud_critical = { severity: 'critical' };
/** Cloud provider and hosting platform credentials. */
const CLOUD_RULES = [
    token('aws-access-key-id', 'AWS access key ID', ['akia', 'asia', 'abia', 'acca'], /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/g),
    {
        ...token('aws-secret-access-key', 'AWS secret access key', ['aws'], /aws.{0,25}?(?:secret|private|key).{0,20}?['"\s:=]([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi),
        severity: 'critical',
        description: 'An AWS secret access key next to an AWS keyword.',
        entropy: 4.0,
    },
    token('aws-bedrock-api-key', 'AWS Bedrock long-term API key', ['absk'], /\b(ABSK[A-Za-z0-9+/]{100,300}={0,2})(?![A-Za-z0-9+/=])/g, cloud_critical),
    token('aws-bedrock-short-term-key', 'AWS Bedrock short-term API key', ['bedrock-api-key-'], /\b(bedrock-api-key-[A-Za-z0-9+/]{100,2000}={0,2})(?![A-Za-z0-9+/=])/g, cloud_critical),
    token('google-api-key', 'Google API key', ['aiza'], /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g, {
        description: 'A Google Cloud or Firebase API key.',
    }),
    token('gcp-service-account', 'Google service-account key', ['private_key_id'], /"private_key_id"\s*:\s*"([a-f0-9]{40})"/g, {
        ...cloud_critical,
        description: 'A Google Cloud service-account key file (its private key ID).',
    }),
    token('google-oauth-client-secret', 'Google OAuth client secret', ['gocspx-'], /\b(GOCSPX-[A-Za-z0-9_-]{28})(?![\w-])/g),
    token('google-oauth-access-token', 'Google OAuth access token', ['ya29.'], /\b(ya29\.[A-Za-z0-9_-]{30,})(?![\w-])/g),
    token('firebase-cloud-messaging-key', 'Firebase Cloud Messaging server key', ['apa91b'], /\b(AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})(?![\w-])/g),
    token('azure-storage-key', 'Azure storage account key', ['accountkey'], /AccountKey=([A-Za-z0-9+/]{86}==)/g, {
        ...cloud_critical,
        description: 'An Azure storage account key or connection string.',
    }),
    token('azure-shared-access-key', 'Azure Service Bus, Event Hubs or Relay shared access key', ['sharedaccesskey='], /SharedAccessKey=([A-Za-z0-9+/]{43}=)/g, cloud_critical),
    token('azure-sas-token', 'Azure shared access signature', ['sig='], /(?:[?&]|&amp;)sig=([A-Za-z0-9%+/]{40,60}(?:%3D|=))/g),
    token('azure-ad-client-secret', 'Azure AD (Entra ID) client secret', Array.from({ length: 10 }, (_, d) => `${d}q~`), /(?:^|[\s'"`=:(,>])([A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![\w~.-])/g, cloud_critical),
    token('alibaba-access-key-id', 'Alibaba Cloud AccessKey ID', ['ltai'], /\b(LTAI[A-Za-z0-9]{12,20})\b/g),
    keyed('alibaba-secret-key', 'Alibaba Cloud AccessKey secret', ['alibaba', 'aliyun'], ALNUM(30), cloud_critical),
    token('tencent-secret-id', 'Tencent Cloud SecretId', ['akid'], /\b(AKID[A-Za-z0-9]{32})\b/g),
    keyed('tencent-secret-key', 'Tencent Cloud SecretKey', ['tencent', 'qcloud'], ALNUM(32), cloud_critical),
    keyed('ibm-cloud-api-key', 'IBM Cloud API key', ['ibm'], '[a-z0-9_-]{44}'),
    keyed('linode-token', 'Linode (Akamai) personal access token', ['linode'], HEX(64)),
    token('scaleway-access-key', 'Scaleway access key', ['scw'], /\b(SCW[A-Z0-9]{17})\b/g),
    keyed('scaleway-secret-key', 'Scaleway secret key', ['scaleway', 'scw_secret'], UUID, cloud_critical),
    keyed('vultr-api-key', 'Vultr API key', ['vultr'], '[A-Z0-9]{36}'),
    keyed('hetzner-api-token', 'Hetzner Cloud API token', ['hetzner', 'hcloud'], '[A-Za-z0-9]{64}'),
    token('digitalocean-token', 'DigitalOcean token', ['dop_v1_', 'doo_v1_', 'dor_v1_'], /\b(do[opr]_v1_[a-f0-9]{64})\b/g, {
        description: 'A DigitalOcean personal access, OAuth or refresh token.',
    }),
    token('heroku-key', 'Heroku API key', ['heroku', 'hrku-'], /(?:heroku.{0,25}?['"\s:=]([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b|\b(HRKU-[A-Za-z0-9_-]{60}))/gi),
    keyed('cloudflare-api-token', 'Cloudflare API token', ['cloudflare', 'cf_api_token'], '[a-z0-9_-]{40}'),
    keyed('cloudflare-global-api-key', 'Cloudflare global API key', ['cloudflare', 'cf_api_key'], HEX(37), cloud_critical),
    token('cloudflare-origin-ca-key', 'Cloudflare Origin CA key', ['v1.0-'], /\b(v1\.0-[a-f0-9]{24}-[a-f0-9]{146})\b/g),
    token('fly-io-token', 'Fly.io access token', ['fm1', 'fm2_', 'fo1_'], /\b((?:fm1[ar]|fm2)_[A-Za-z0-9+/]{100,}={0,3}|fo1_[A-Za-z0-9_-]{43})(?![A-Za-z0-9+/=_-])/g),
    token('netlify-token', 'Netlify personal access token', ['nfp_'], /\b(nfp_[A-Za-z0-9]{36})\b/g),
    keyed('netlify-legacy-token', 'Netlify access token', ['netlify'], '[a-z0-9=_-]{40,46}'),
    keyed('vercel-token', 'Vercel access token', ['vercel'], '[a-z0-9]{24}'),
    token('supabase-access-token', 'Supabase personal access token', ['sbp_'], /\b(sbp_[a-f0-9]{40})\b/g, cloud_critical),
    token('supabase-secret-key', 'Supabase secret API key', ['sb_secret_'], /\b(sb_secret_[A-Za-z0-9_-]{31,})(?![\w-])/g, cloud_critical),
    token('render-api-key', 'Render API key', ['rnd_'], /\b(rnd_[A-Za-z0-9]{32})\b/g),
    keyed('railway-token', 'Railway API token', ['railway'], UUID),
    token('planetscale-token', 'PlanetScale service token', ['pscale_tkn_'], /\b(pscale_tkn_[A-Za-z0-9_=.-]{32,64})(?![\w=.-])/g),
    token('planetscale-password', 'PlanetScale database password', ['pscale_pw_'], /\b(pscale_pw_[A-Za-z0-9_=.-]{32,64})(?![\w=.-])/g, cloud_critical),
    token('planetscale-oauth-token', 'PlanetScale OAuth token', ['pscale_oauth_'], /\b(pscale_oauth_[A-Za-z0-9_=.-]{32,64})(?![\w=.-])/g),
    token('scalingo-token', 'Scalingo API token', ['tk-us-'], /\b(tk-us-[A-Za-z0-9_-]{48})(?![\w-])/g),
    token('databricks-token', 'Databricks token', ['dapi'], /\b(dapi[a-f0-9]{32}(?:-\d)?)\b/g, {
        description: 'A Databricks personal access token.',
    }),
    token('dropbox-token', 'Dropbox access token', ['dropbox'], /dropbox.{0,40}?\b(sl\.[A-Za-z0-9_=-]{130,})/gi),
];

;// CONCATENATED MODULE: ./packages/security/src/secrets/rules/checksum.ts
// Checksums that providers document for their token formats: a candidate whose checksum does
// not hold is a look-alike (a test fixture, a hand-typed placeholder), never a real credential.
const TABLE = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++)
        c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
});
/** CRC-32 (IEEE) of an ASCII string. */
function crc32(text) {
    let crc = 0xffffffff;
    for (let i = 0; i < text.length; i++)
        crc = (crc >>> 8) ^ TABLE[(crc ^ text.charCodeAt(i)) & 0xff];
    return (crc ^ 0xffffffff) >>> 0;
}
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** A number written in base 62 (0-9A-Za-z), left-padded with zeros to `width`. */
function base62(value, width) {
    let out = '';
    for (let v = value; v > 0; v = Math.floor(v / 62))
        out = BASE62[v % 62] + out;
    return out.padStart(width, '0');
}
/**
 * GitHub's `gh?_` and npm's `npm_` tokens: 30 random characters after the 4-character prefix,
 * then the base62 CRC-32 of those 30 in the last 6 (github.blog, 2021-04-05 and 2021-09-23).
 */
function base62Crc32Holds(secret) {
    const body = secret.slice(4, -6);
    return body.length === 30 && base62(crc32(body), 6) === secret.slice(-6);
}
const JWT = /^eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/;
/** A base64 value that decodes to a JSON Web Token (a JWT wrapped once more, as in Kubernetes secrets). */
function decodesToJwt(secret) {
    return JWT.test(Buffer.from(secret, 'base64').toString('latin1'));
}

;// CONCATENATED MODULE: ./packages/security/src/secrets/rules/devtools.ts


const devtools_critical = { severity: 'critical' };
/** Registry, CI/CD and developer-platform credentials. */
const DEVTOOLS_RULES = [
    token('npm-token', 'npm access token', ['npm_'], /\b(npm_[A-Za-z0-9]{36})\b/g, {
        ...devtools_critical,
        description: 'An npm access token (its CRC-32 checked).',
        verify: base62Crc32Holds,
    }),
    token('pypi-token', 'PyPI upload token', ['pypi-ageichlwas5vcmc'], /\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,})/g, {
        ...devtools_critical,
        description: 'A PyPI API token.',
    }),
    token('rubygems-key', 'RubyGems API key', ['rubygems_'], /\b(rubygems_[a-f0-9]{48})\b/g, devtools_critical),
    token('nuget-key', 'NuGet API key', ['oy2'], /\b(oy2[a-z0-9]{43})\b/g),
    token('crates-io-token', 'crates.io API token', ['cio'], /\b(cio[A-Za-z0-9]{32})\b/g, devtools_critical),
    token('clojars-token', 'Clojars deploy token', ['clojars_'], /\b(CLOJARS_[a-z0-9]{60})\b/gi, devtools_critical),
    token('dockerhub-pat', 'Docker Hub personal access token', ['dckr_pat_'], /\b(dckr_pat_[A-Za-z0-9_-]{27})(?![\w-])/g, devtools_critical),
    token('dockerhub-oat', 'Docker Hub organization access token', ['dckr_oat_'], /\b(dckr_oat_[A-Za-z0-9_-]{32})(?![\w-])/g, devtools_critical),
    token('jfrog-api-key', 'JFrog Artifactory API key', ['akcp'], /\b(AKCp[A-Za-z0-9]{69})\b/g, devtools_critical),
    token('jfrog-reference-token', 'JFrog identity reference token', ['cmvmd'], /\b(cmVmd[A-Za-z0-9]{59})\b/g, devtools_critical),
    keyed('snyk-token', 'Snyk API token', ['snyk'], UUID),
    token('circleci-personal-token', 'CircleCI personal API token', ['ccipat_'], /\b(CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40})\b/g),
    keyed('circleci-token', 'CircleCI API token', ['circleci', 'circle_token', 'circle-token'], HEX(40)),
    token('buildkite-token', 'Buildkite API access token', ['bkua_'], /\b(bkua_[a-f0-9]{40})\b/g),
    keyed('buildkite-agent-token', 'Buildkite agent token', ['buildkite_agent', 'buildkite-agent'], HEX(50)),
    keyed('travis-ci-token', 'Travis CI access token', ['travis'], '[a-z0-9_-]{22}'),
    token('sonar-project-token', 'SonarQube project analysis token', ['sqp_'], /\b(sqp_[a-f0-9]{40})\b/g),
    token('sonar-user-token', 'SonarQube user token', ['squ_'], /\b(squ_[a-f0-9]{40})\b/g),
    token('sonar-global-token', 'SonarQube global analysis token', ['sqa_'], /\b(sqa_[a-f0-9]{40})\b/g),
    keyed('codecov-token', 'Codecov upload token', ['codecov'], UUID, { severity: 'medium' }),
    keyed('octopus-deploy-key', 'Octopus Deploy API key', ['octopus'], 'API-[A-Z0-9]{26,32}'),
    token('harness-pat', 'Harness access token', ['pat.', 'sat.'], /\b((?:pat|sat)\.[A-Za-z0-9_-]{22}\.[a-z0-9]{24}\.[A-Za-z0-9]{20})\b/g),
    token('pulumi-token', 'Pulumi access token', ['pul-'], /\b(pul-[a-f0-9]{40})\b/g, devtools_critical),
    token('terraform-cloud-token', 'Terraform Cloud / HCP Terraform API token', ['atlasv1'], /\b([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})(?![\w=-])/g, devtools_critical),
    token('postman-api-key', 'Postman API key', ['pmak-'], /\b(PMAK-[a-f0-9]{24}-[a-f0-9]{34})\b/g),
    token('prefect-api-key', 'Prefect API key', ['pnu_'], /\b(pnu_[A-Za-z0-9]{36})\b/g),
    token('readme-api-key', 'ReadMe API key', ['rdme_'], /\b(rdme_[a-z0-9]{70})\b/g),
    token('infracost-api-key', 'Infracost API key', ['ico-'], /\b(ico-[A-Za-z0-9]{32})\b/g),
    token('defined-networking-key', 'Defined Networking API key', ['dnkey-'], /\b(dnkey-[a-z0-9=_-]{26}-[a-z0-9=_-]{52})(?![\w=-])/g),
    token('sidekiq-credentials', 'Sidekiq Pro/Enterprise credentials', ['contribsys'], 
    // Bundler's `BUNDLE_ENTERPRISE__CONTRIBSYS__COM`, also as `bundle.enterprise.contribsys.com` or camel case.
    new RegExp(`(?:bundle[_.]{0,2})?(?:enterprise|gems)[_.]{0,2}contribsys[_.]{0,2}com${KEYED_SEPARATOR}([a-f0-9]{8}:[a-f0-9]{8})\\b`, 'gi'), devtools_critical),
    token('sidekiq-url', 'Sidekiq Pro/Enterprise source URL with credentials', ['contribsys.com'], /https?:\/\/([a-f0-9]{8}:[a-f0-9]{8})@(?:gems|enterprise)\.contribsys\.com/gi, devtools_critical),
    keyed('looker-client-id', 'Looker API client ID', ['looker'], ALNUM(20), { severity: 'medium' }),
    keyed('looker-client-secret', 'Looker API client secret', ['looker'], ALNUM(24)),
    keyed('okta-api-token', 'Okta API token', ['okta'], '00[a-z0-9_=-]{40}', devtools_critical),
    keyed('auth0-client-secret', 'Auth0 client secret', ['auth0'], '[a-z0-9_-]{64}', devtools_critical),
    keyed('fastly-api-token', 'Fastly API token', ['fastly'], '[a-z0-9_=-]{32}'),
    token('settlemint-personal-token', 'SettleMint personal access token', ['sm_pat_'], /\b(sm_pat_[A-Za-z0-9]{16})\b/g),
    token('settlemint-application-token', 'SettleMint application access token', ['sm_aat_'], /\b(sm_aat_[A-Za-z0-9]{16})\b/g),
    token('settlemint-service-token', 'SettleMint service access token', ['sm_sat_'], /\b(sm_sat_[A-Za-z0-9]{16})\b/g),
    keyed('shortcut-api-token', 'Shortcut API token', ['shortcut', 'clubhouse'], UUID),
    keyed('gitter-token', 'Gitter access token', ['gitter'], HEX(40)),
];

;// CONCATENATED MODULE: ./packages/security/src/secrets/entropy.ts
// Entropy of a value, kept apart from the rule list so that the rule files and the generic rule
// can both use it without importing each other.
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

;// CONCATENATED MODULE: ./packages/security/src/secrets/generic.ts

/** The rule whose matching this file does (the engine hands it the lines its keywords gate). */
const GENERIC_RULE_ID = 'generic-secret';
/** Keywords that gate the generic rule: every name it reads holds one of them. */
const GENERIC_KEYWORDS = ['key', 'secret', 'token', 'passw', 'pwd', 'auth', 'credential'];
const KEYWORD = String.raw `(?:key|secret|token|passw(?:or)?d|passwd|pwd|auth|credential)`;
/** Keywords in a line: each is looked at in the name around it. */
const KEYWORDS = new RegExp(KEYWORD, 'gi');
const IN_NAME = new RegExp(KEYWORD, 'gi');
/** At most this many name characters on either side of the keyword (longer runs are data, not names). */
const NAME_SIDE = 40;
/** A type between the name and the operator: `var token string =`, `val token: String =`. */
const TYPE = String.raw `(?:\s*:\s*(?:&?str|string|String|text)\b|\s+(?:string|String)\b)?`;
/**
 * How a value follows its name: `=`, `:`, `:=`, `::=`, `:::=`, `?=`, `.=`, `+=`, `=>`, a closing
 * quote or bracket first (`"token": …`, `ENV["TOKEN"] = …`), a call's next argument
 * (`setProperty("password", …)`), .NET's `key="ApiSecret" value=…`, or an XML element's `>`.
 */
const OPERATOR = String.raw `(?:["'\`]?\]?${TYPE}\s*(:::=|::=|:=|\?=|\.=|\+=|=>|=(?!=)|:(?![:/]))|(["']\s*,|["']\s+value\s*=)|(?:\s[^<>]{0,200})?(>))`;
/** The value: quoted (one quote kind, no whitespace) or bare, after an optional auth scheme. */
const SCHEME = String.raw `(?:(?:bearer|basic|token)\s+)?`;
const VALUE = String.raw `\s*(?:(["'\`])${SCHEME}([^"'\`\s\\]{10,300})\4|${SCHEME}([^\s"'\`<>;,&(){}[\]\\|]{10,300})(.?))`;
/** What follows a name, read where the name ends (sticky). */
const ASSIGNED = new RegExp(`${OPERATOR}${VALUE}`, 'iy');
/** True for the characters a name is made of: letters, digits, `_`, `.` and `-`. */
function nameChar(c) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}
/** What follows the keyword in a name that says the value is not a secret (`token_url`, `keyId`). */
const NOT_SECRET_SUFFIX = new Set(('id ids name names url urls uri path file filename dir type length len size header field format env var ref ' +
    'hash sha sha1 sha256 digest checksum count ttl expiry expires expiresat expiration version endpoint prefix ' +
    'regex pattern mode enabled label location policy provider store storename izer izers ize ized ization ary or ' +
    'ors ority word words board index column algorithm alg integrity commit').split(' '));
/** Words anywhere in a name that say the value is derived or public data, not a credential. */
const NOT_SECRET_WORD = /^(?:cache|hash|hashed|checksum|digest|sha\d*|md5|integrity|commit|etag|fingerprint|thumbprint)$/;
const LAST_KEYWORD = new RegExp(KEYWORD, 'gi');
/** What may follow a bare value: the end of the line, space, or punctuation that ends a value. */
const BARE_END = /^(?:|[\s;,'"`)}\]#&|])$/;
/**
 * Every assignment of a secret-looking value to a secret-sounding name in one line. Only names
 * around a keyword are read: each is the run of name characters holding it (at most 40 either
 * side of a keyword), and what follows it is matched once, where it ends.
 */
function findGenericSecrets(line) {
    const out = [];
    KEYWORDS.lastIndex = 0;
    for (let k = KEYWORDS.exec(line); k; k = KEYWORDS.exec(line)) {
        let nameStart = k.index;
        while (nameStart > 0 && nameChar(line.charCodeAt(nameStart - 1)))
            nameStart--;
        let runEnd = k.index + k[0].length;
        while (runEnd < line.length && nameChar(line.charCodeAt(runEnd)))
            runEnd++;
        // The next keyword is looked for in a later name.
        KEYWORDS.lastIndex = runEnd;
        const lt = nameStart > 0 && line[nameStart - 1] === '<' && (nameStart < 2 || !nameChar(line.charCodeAt(nameStart - 2)));
        // `$token.= "…"`: a name may end before the `.` of PHP's `.=`.
        for (const nameEnd of line[runEnd - 1] === '.' ? [runEnd, runEnd - 1] : [runEnd]) {
            if (!keywordWithin(line, nameStart, nameEnd))
                continue;
            ASSIGNED.lastIndex = nameEnd;
            const m = ASSIGNED.exec(line);
            if (!m)
                continue;
            const [rest, , fn, xml, , quoted, bare, after] = m;
            const name = line.slice(nameStart, nameEnd);
            const secret = quoted ?? bare;
            if (xml && (!lt || after !== '<'))
                break;
            if (fn?.endsWith(',') && !/\(\s*["']$/.test(line.slice(0, nameStart)))
                break; // `f("name", value)` only in a call
            if (bare !== undefined && !xml && !BARE_END.test(after))
                break; // `token: getToken()`, `key[i]`
            // `<add key="SERVICE_API_KEY" value="…">`: the key attribute holds a name, not the secret.
            if (/^\s+value\s*=/i.test(line.slice(nameEnd + rest.length)))
                break;
            if (!nameHoldsSecret(name) || !looksLikeSecret(secret))
                break;
            out.push({ index: nameEnd + rest.lastIndexOf(secret), name, secret });
            break;
        }
    }
    return out;
}
/** True when a keyword in line[start, end) has at most NAME_SIDE name characters before and after it. */
function keywordWithin(line, start, end) {
    const text = line.slice(start, end);
    IN_NAME.lastIndex = 0;
    for (let m = IN_NAME.exec(text); m; m = IN_NAME.exec(text)) {
        if (m.index > NAME_SIDE)
            return false;
        if (text.length - m.index - m[0].length <= NAME_SIDE)
            return true;
        IN_NAME.lastIndex = m.index + 1;
    }
    return false;
}
/**
 * False for names that say what the value is about rather than hold it: the keyword followed by
 * such a word (`TOKEN_URL`, `keyId`), a name ending in one (`AUTH_REQUEST_ID`), or a name about
 * derived data (`AUTH_CACHE_KEY`, `SECRET_CHECKSUM`).
 */
function nameHoldsSecret(name) {
    let rest = '';
    LAST_KEYWORD.lastIndex = 0;
    for (let m = LAST_KEYWORD.exec(name); m; m = LAST_KEYWORD.exec(name))
        rest = name.slice(m.index + m[0].length);
    const restWords = words(rest);
    if (NOT_SECRET_SUFFIX.has(restWords.join('')) || NOT_SECRET_SUFFIX.has(restWords[0] ?? ''))
        return false;
    const all = words(name);
    return !NOT_SECRET_SUFFIX.has(all[all.length - 1] ?? '') && !all.some((w) => NOT_SECRET_WORD.test(w));
}
/** The lower-case words of a name: `AUTH_REQUEST_ID` and `authRequestId` both give auth, request, id. */
function words(name) {
    return name
        .split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/)
        .filter((w) => w !== '')
        .map((w) => w.toLowerCase());
}
/** The alphabet a value is drawn from, as its size. */
function alphabetSize(value) {
    if (/^[0-9a-f]+$/.test(value) || /^[0-9A-F]+$/.test(value))
        return 16;
    if (/^[A-Z2-7]+=*$/.test(value))
        return 32;
    if (/^[a-z]+$/.test(value) || /^[A-Z]+$/.test(value))
        return 26;
    if (/^[A-Za-z]+$/.test(value))
        return 52;
    if (/^[A-Za-z0-9]+$/.test(value))
        return 62;
    if (/^[A-Za-z0-9_-]+$/.test(value) || /^[A-Za-z0-9+/]+=*$/.test(value))
        return 64;
    return 94;
}
const expected = new Map();
/**
 * The Shannon entropy a random string of this length over an alphabet of this size has on
 * average: log2(size) for long strings, less for short ones (a 16-character string cannot
 * exceed 4 bits). Estimated once per length and size from deterministic samples.
 */
function randomEntropy(length, size) {
    const n = Math.min(length, 256);
    const key = `${n}/${size}`;
    let h = expected.get(key);
    if (h === undefined) {
        let x = 0x9e3779b9;
        let sum = 0;
        const trials = 64;
        for (let t = 0; t < trials; t++) {
            let s = '';
            for (let i = 0; i < n; i++) {
                x ^= x << 13;
                x ^= x >>> 17;
                x ^= x << 5;
                s += String.fromCharCode(0x100 + ((x >>> 0) % size));
            }
            sum += shannonEntropy(s);
        }
        h = sum / trials;
        expected.set(key, h);
    }
    return h;
}
/** How random a value must look: this fraction of a random string's entropy over its own alphabet. */
const ENTROPY_FRACTION = 0.85;
/** Letters-only values count only when at least this long (shorter ones are words). */
const LETTERS_ONLY_MIN = 20;
/** True when the value reads like a code identifier made of words (`whitespace_tokenizer_v2`). */
function wordy(value) {
    const parts = value
        .split(/[-_.]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])/)
        .filter((p) => p !== '');
    if (parts.length < 2 && !/^[a-z]+$/i.test(value))
        return false;
    const separated = /[-_.]/.test(value);
    // Words have vowels and no long consonant clusters; random runs (`lddpo`, `bhsl`) do not.
    const word = (p) => (p.length < 4 || /[aeiouy]/i.test(p)) && !/[b-df-hj-np-tv-xz]{4}/i.test(p);
    const wordLike = parts.every((p) => /^\d+$/.test(p) ||
        (/^(?:[A-Z]?[a-z]{1,15}|[A-Z]{2,5}|[a-z])$/.test(p) && word(p)) ||
        (separated && /^[A-Z]{6,15}$/.test(p) && word(p)));
    // Identifiers seldom hold more than two groups of digits; random alphanumerics do.
    if (parts.filter((p) => /^\d+$/.test(p)).length > 2)
        return false;
    // Half the letters must sit in words of 3 or more: hex and base32 break into 1- and 2-letter runs.
    const letters = value.replace(/[^A-Za-z]/g, '').length;
    const inWords = parts
        .filter((p) => /^[A-Za-z]{3,}$/.test(p) && /[aeiouy]/i.test(p))
        .reduce((n, p) => n + p.length, 0);
    return wordLike && inWords >= 0.5 * letters;
}
/** True for a value that reads like a credential rather than a reference, word or path. */
function looksLikeSecret(value) {
    if (/^[$%{<@#&*]|\$\{|\{\{|%\(|#\{/.test(value))
        return false; // variables and templates
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(value))
        return false;
    // Code, not a value: `!flag`, `a?.b`, `this.#x`, `f(x)`, comments, URLs.
    if (/^[!?]|\?\.|\.#|\/\*|\/\/|\w\(|^(?:this|self|super)\./.test(value))
        return false;
    if (/^[A-Za-z_$#][\w$#]*(?:\.[A-Za-z_$#][\w$#]*)+[!?]?$/.test(value) &&
        value.split('.').every((p) => p.length < 16 || wordy(p)))
        return false; // a property path: a.b.c
    if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value))
        return false; // an environment variable's name
    if (!/[A-Za-z]/.test(value))
        return false;
    if (/^sha(?:1|256|384|512)-[A-Za-z0-9+/]+=*$/.test(value))
        return false; // subresource integrity
    if (/^[a-z]+\/[a-z0-9.+-]+$/.test(value))
        return false; // a media type: application/json
    const size = alphabetSize(value);
    if (size !== 16 && size !== 32 && wordy(value))
        return false;
    // The whole value, or its longest random-looking run (the body after `live_`, between dashes
    // or dots), measured against its own alphabet.
    const runs = value.match(/[A-Za-z0-9]{16,}/g) ?? [];
    if (/^[0-9a-f]+(?:-[0-9a-f]+)+$/i.test(value))
        runs.push(value.replace(/-/g, '')); // UUIDs, hex groups
    return [value, ...runs].some(random);
}
/** True when a value's entropy is near a random string's over the same alphabet. */
function random(value) {
    if (/^[A-Za-z]+$/.test(value) && value.length < LETTERS_ONLY_MIN)
        return false;
    return shannonEntropy(value) >= ENTROPY_FRACTION * randomEntropy(value.length, alphabetSize(value));
}

;// CONCATENATED MODULE: ./packages/security/src/secrets/rules/formats.ts



const JWT_FIX = 'If the token is still valid, revoke it (or rotate its signing key) and take it out of the repository.';
/** Key files, tokens in standard formats, and the generic rule. */
const FORMAT_RULES = [
    token('private-key', 'Private key', ['private key'], /(-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----)/g, {
        severity: 'critical',
        description: 'A PEM, OpenSSH or PGP private key.',
        fix: 'Treat the key as compromised: revoke it, generate a new key pair, and keep the private key out of the repository.',
    }),
    token('jwt', 'JSON Web Token', ['eyj'], /\b(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})(?![A-Za-z0-9_-])/g, {
        severity: 'medium',
        description: 'A signed JSON Web Token.',
        fix: JWT_FIX,
    }),
    token('jwt-base64', 'Base64-encoded JSON Web Token', ['zxlk'], /\b(ZXlK[A-Za-z0-9+/]{60,}={0,2})(?![A-Za-z0-9+/=])/g, {
        severity: 'medium',
        description: 'A JSON Web Token encoded once more in base64 (as in Kubernetes secrets).',
        fix: JWT_FIX,
        verify: decodesToJwt,
    }),
    token('database-url-password', 'Database URL with a password', ['://'], /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver):\/\/[^:\s/@'"]+:([^@\s/'"]{3,})@/gi, {
        description: 'A database or broker URL that carries a password.',
        fix: 'Change the database password, and pass the URL through an environment variable or secret store.',
        allow: [/^\$|^\{|^<|^\*+$|^(password|pass|passwd|secret|changeme|postgres|root|example|test|user)$/i],
    }),
    token('generic-secret', 'Generic secret assignment', GENERIC_KEYWORDS, 
    // Not run: the engine reads every assignment form with findGenericSecrets (generic.ts) for this id.
    /(?:key|secret|token|passw(?:or)?d|pwd|auth|credential)[\w.-]{0,20}["']?\s*[:=]{1,2}>?\s*["']([A-Za-z0-9_+/=.~-]{16,})["']/gi, {
        severity: 'medium',
        description: 'A random-looking value assigned to a name holding key, secret, token, password, auth or credential, in any common file format.',
        fix: 'If this is a real credential, rotate it and load it from a secret store; if it is not, add `slipway:allow` to the line.',
    }),
];

;// CONCATENATED MODULE: ./packages/security/src/secrets/rules/messaging.ts

/** Messaging, email and social platform credentials. */
const MESSAGING_RULES = [
    token('slack-token', 'Slack token', ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe', 'xapp-'], /\b((?:xox[abprs]|xoxe(?:\.xox[bp])?|xapp)-[0-9A-Za-z-]{10,})\b/g, {
        description: 'A Slack bot, user, app or configuration token.',
    }),
    token('slack-webhook', 'Slack webhook', ['hooks.slack.com'], /(https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]{16,})/g, {
        description: 'A Slack incoming-webhook URL.',
        fix: 'Delete the webhook in Slack and create a new one; keep its URL in a secret store.',
    }),
    token('discord-webhook', 'Discord webhook', ['discord.com/api/webhooks/', 'discordapp.com/api/webhooks/'], /(https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,68})(?![\w-])/g),
    keyed('discord-bot-token', 'Discord bot token', ['discord'], '[MNO][a-z0-9_-]{23,25}\\.[a-z0-9_-]{6}\\.[a-z0-9_-]{27,38}'),
    keyed('discord-client-secret', 'Discord client secret', ['discord'], '[a-z0-9_-]{32}'),
    token('telegram-bot-token', 'Telegram bot token', [':aa'], /\b(\d{8,10}:AA[A-Za-z0-9_-]{33})(?![\w-])/g),
    token('teams-webhook', 'Microsoft Teams webhook', ['webhook.office.com'], new RegExp(`(https://[a-z0-9-]+\\.webhook\\.office\\.com/webhookb2/${UUID}@${UUID}/IncomingWebhook/[a-f0-9]{32}/${UUID})`, 'g')),
    token('twilio-api-key', 'Twilio API key', ['twilio'], /twilio.{0,40}?\b(SK[0-9a-fA-F]{32})\b/gi, {
        description: 'A Twilio API key SID next to its secret or a Twilio keyword.',
    }),
    keyed('twilio-auth-token', 'Twilio auth token', ['twilio_auth', 'twilio.auth', 'twilioauth'], HEX(32)),
    token('sendgrid-key', 'SendGrid API key', ['sg.'], /\b(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})\b/g),
    token('mailgun-key', 'Mailgun API key', ['mailgun', 'key-'], /\b(key-[0-9a-f]{32})\b/g, {
        description: 'A Mailgun private API key.',
    }),
    token('mailgun-public-key', 'Mailgun public validation key', ['pubkey-'], /\b(pubkey-[0-9a-f]{32})\b/g, {
        severity: 'medium',
        // Mailgun calls it public, but it bills the account for every validation made with it.
        namedPublic: true,
    }),
    keyed('mailgun-signing-key', 'Mailgun webhook signing key', ['mailgun'], `${HEX(32)}-${HEX(8)}-${HEX(8)}`),
    token('mailchimp-api-key', 'Mailchimp API key', ['-us'], /\b([a-f0-9]{32}-us[0-9]{1,2})\b/g),
    keyed('mandrill-api-key', 'Mailchimp Transactional (Mandrill) API key', ['mandrill'], '[a-z0-9_-]{22}'),
    keyed('postmark-token', 'Postmark server token', ['postmark'], UUID),
    token('brevo-api-key', 'Brevo (Sendinblue) API key', ['xkeysib-'], /\b(xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})\b/g),
    token('brevo-smtp-key', 'Brevo (Sendinblue) SMTP key', ['xsmtpsib-'], /\b(xsmtpsib-[a-f0-9]{64}-[A-Za-z0-9]{16})\b/g),
    keyed('messagebird-api-key', 'MessageBird API key', ['messagebird', 'message-bird', 'message_bird'], ALNUM(25)),
    keyed('messagebird-client-id', 'MessageBird client ID', ['messagebird', 'message-bird', 'message_bird'], UUID, {
        severity: 'medium',
    }),
    keyed('vonage-api-secret', 'Vonage (Nexmo) API secret', ['vonage', 'nexmo'], '[a-z0-9]{16}'),
    keyed('sendbird-token', 'Sendbird access token', ['sendbird'], HEX(40)),
    keyed('sendbird-app-id', 'Sendbird application ID', ['sendbird'], '[A-F0-9]{8}-[A-F0-9]{4}-[A-F0-9]{4}-[A-F0-9]{4}-[A-F0-9]{12}', { severity: 'medium' }),
    token('twitter-bearer-token', 'Twitter (X) bearer token', ['aaaaaaaaaaaaaaaaaaaaa'], /\b(A{22}[A-Za-z0-9%]{80,120})(?![A-Za-z0-9%])/g),
    keyed('twitter-api-key', 'Twitter (X) API key', ['twitter'], '[a-z0-9]{25}'),
    keyed('twitter-api-secret', 'Twitter (X) API secret', ['twitter'], '[a-z0-9]{50}'),
    keyed('twitter-access-token', 'Twitter (X) access token', ['twitter'], '[0-9]{15,25}-[a-z0-9]{20,40}'),
    keyed('twitter-access-secret', 'Twitter (X) access token secret', ['twitter'], '[a-z0-9]{45}'),
    token('facebook-access-token', 'Facebook access token', ['eaac', 'eaam'], /\b(EAA[CM][A-Za-z0-9]{100,})\b/g),
    keyed('facebook-app-secret', 'Facebook app secret', ['facebook'], HEX(32)),
    keyed('linkedin-client-secret', 'LinkedIn client secret', ['linkedin', 'linked-in', 'linked_in'], ALNUM(16)),
    keyed('linkedin-client-id', 'LinkedIn client ID', ['linkedin', 'linked-in', 'linked_in'], ALNUM(14), {
        severity: 'medium',
    }),
    keyed('twitch-api-token', 'Twitch API token', ['twitch'], ALNUM(30)),
    keyed('intercom-token', 'Intercom access token', ['intercom'], '[a-z0-9=_-]{60}'),
    keyed('zendesk-token', 'Zendesk API token', ['zendesk'], ALNUM(40)),
];

;// CONCATENATED MODULE: ./packages/security/src/secrets/rules/observability.ts

/** Observability platform credentials. */
const OBSERVABILITY_RULES = [
    keyed('datadog-api-key', 'Datadog API key', ['datadog', 'dd_api_key', 'dd-api-key'], HEX(32)),
    keyed('datadog-app-key', 'Datadog application key', ['datadog', 'dd_app_key', 'dd-application-key', 'dd_application_key'], HEX(40)),
    token('grafana-api-key', 'Grafana API key', ['eyjrijoi'], /\b(eyJrIjoi[A-Za-z0-9]{70,400}={0,2})(?![A-Za-z0-9=])/g),
    token('grafana-cloud-token', 'Grafana Cloud access policy token', ['glc_'], /\b(glc_[A-Za-z0-9+/]{32,400}={0,2})(?![A-Za-z0-9+/=])/g),
    token('grafana-service-account-token', 'Grafana service account token', ['glsa_'], /\b(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})\b/g),
    token('newrelic-user-api-key', 'New Relic user API key', ['nrak-'], /\b(NRAK-[A-Z0-9]{27})\b/g),
    token('newrelic-insert-key', 'New Relic insert key', ['nrii-'], /\b(NRII-[A-Za-z0-9_-]{32})(?![\w-])/g),
    token('newrelic-browser-key', 'New Relic browser API key', ['nrjs-'], /\b(NRJS-[a-f0-9]{19})\b/g, {
        severity: 'medium',
    }),
    token('newrelic-license-key', 'New Relic ingest license key', ['nral'], /\b([a-f0-9]{36}NRAL)\b/g),
    token('sentry-org-token', 'Sentry organization auth token', ['sntrys_'], /\b(sntrys_eyJpYXQiO[A-Za-z0-9+/=_]{50,})(?![A-Za-z0-9+/=_])/g),
    token('sentry-user-token', 'Sentry user auth token', ['sntryu_'], /\b(sntryu_[a-f0-9]{64})\b/g),
    keyed('sentry-legacy-token', 'Sentry auth token', ['sentry'], HEX(64)),
    token('dynatrace-token', 'Dynatrace API token', ['dt0c01.'], /\b(dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64})\b/g),
    keyed('honeycomb-api-key', 'Honeycomb API key', ['honeycomb'], '(?:hc[a-z]{2}_[a-z0-9]{58}|[a-z0-9]{22}|[a-z0-9]{32})'),
    keyed('rollbar-token', 'Rollbar access token', ['rollbar'], HEX(32)),
    keyed('bugsnag-api-key', 'Bugsnag API key', ['bugsnag'], HEX(32)),
    keyed('opsgenie-api-key', 'Opsgenie API key', ['opsgenie'], UUID),
    keyed('pagerduty-token', 'PagerDuty API token', ['pagerduty', 'pager_duty'], '(?:u\\+)?[a-z0-9_+-]{20}'),
    keyed('splunk-hec-token', 'Splunk HTTP Event Collector token', ['splunk'], UUID),
    keyed('logzio-token', 'Logz.io shipping token', ['logzio', 'logz_io', 'logz.io'], '[a-z]{32}'),
    keyed('launchdarkly-token', 'LaunchDarkly access token', ['launchdarkly', 'launch_darkly'], `(?:api|sdk)-${UUID}`),
    keyed('algolia-admin-key', 'Algolia admin API key', ['algolia'], HEX(32)),
    keyed('mixpanel-secret', 'Mixpanel API secret', ['mixpanel'], HEX(32)),
    token('posthog-personal-key', 'PostHog personal API key', ['phx_'], /\b(phx_[A-Za-z0-9]{43})\b/g),
];

;// CONCATENATED MODULE: ./packages/security/src/secrets/rules/payments.ts

const payments_critical = { severity: 'critical' };
/** Payment, commerce and exchange credentials. */
const PAYMENT_RULES = [
    token('stripe-key', 'Stripe secret key', ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_', 'sk_prod_', 'rk_prod_'], /\b((?:sk|rk)_(?:live|test|prod)_[0-9A-Za-z]{24,99})\b/g, {
        ...payments_critical,
        description: 'A Stripe secret or restricted key.',
    }),
    token('stripe-publishable-key', 'Stripe publishable key', ['pk_live_', 'pk_test_', 'pk_prod_'], /\b(pk_(?:live|test|prod)_[0-9A-Za-z]{24,99})\b/g, {
        severity: 'low',
        description: 'A Stripe publishable key: meant for browsers, but it names the account; keep it in configuration.',
    }),
    token('stripe-webhook-secret', 'Stripe webhook signing secret', ['whsec_'], /\b(whsec_[A-Za-z0-9+/]{32,})(?![A-Za-z0-9+/=])/g),
    token('square-access-token', 'Square access token', ['eaaa', 'sq0atp-'], /\b(EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22})(?![\w-])/g, payments_critical),
    token('square-oauth-secret', 'Square OAuth secret', ['sq0csp-'], /\b(sq0csp-[A-Za-z0-9_-]{43})(?![\w-])/g, payments_critical),
    token('braintree-access-token', 'PayPal Braintree access token', ['access_token$'], /\b(access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32})\b/g, payments_critical),
    keyed('paypal-client-secret', 'PayPal client secret', ['paypal'], '[a-z0-9_-]{80}', payments_critical),
    token('plaid-access-token', 'Plaid access token', ['access-production-', 'access-development-', 'access-sandbox-'], new RegExp(`\\b(access-(?:production|development|sandbox)-${UUID})\\b`, 'g'), payments_critical),
    keyed('plaid-secret', 'Plaid secret key', ['plaid'], HEX(30), payments_critical),
    keyed('plaid-client-id', 'Plaid client ID', ['plaid'], HEX(24), { severity: 'medium' }),
    keyed('coinbase-access-token', 'Coinbase access token', ['coinbase'], '[a-z0-9_-]{64}', payments_critical),
    keyed('kucoin-api-key', 'KuCoin API key', ['kucoin'], HEX(24)),
    keyed('kucoin-secret-key', 'KuCoin secret key', ['kucoin'], UUID, payments_critical),
    keyed('binance-api-key', 'Binance API key or secret', ['binance'], '[a-z0-9]{64}', payments_critical),
    keyed('finicity-client-secret', 'Finicity client secret', ['finicity'], ALNUM(20), payments_critical),
    keyed('finicity-api-token', 'Finicity API token', ['finicity'], HEX(32)),
    token('flutterwave-secret-key', 'Flutterwave secret key', ['flwseck_test-', 'flwseck-'], /\b(FLWSECK(?:_TEST)?-[a-h0-9]{32}-X)(?![\w-])/gi, payments_critical),
    token('flutterwave-encryption-key', 'Flutterwave encryption key', ['flwseck_test', 'flwseck'], /\b(FLWSECK(?:_TEST)?[a-h0-9]{12})\b/gi),
    token('razorpay-key-id', 'Razorpay key ID', ['rzp_live_', 'rzp_test_'], /\b(rzp_(?:live|test)_[A-Za-z0-9]{14})\b/g),
    keyed('gocardless-token', 'GoCardless access token', ['gocardless'], '(?:live|sandbox)_[a-z0-9_=-]{40}', payments_critical),
    token('shopify-token', 'Shopify token', ['shpat_', 'shpca_', 'shppa_', 'shpss_'], /\b(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})\b/g, {
        description: 'A Shopify access, custom-app, private-app or shared secret.',
    }),
    token('shippo-token', 'Shippo API token', ['shippo_live_', 'shippo_test_'], /\b(shippo_(?:live|test)_[a-f0-9]{40})\b/g),
    token('easypost-api-key', 'EasyPost production API key', ['ezak'], /\b(EZAK[A-Za-z0-9]{54})\b/g),
    token('easypost-test-key', 'EasyPost test API key', ['eztk'], /\b(EZTK[A-Za-z0-9]{54})\b/g, { severity: 'medium' }),
    token('duffel-token', 'Duffel API token', ['duffel_test_', 'duffel_live_'], /\b(duffel_(?:test|live)_[A-Za-z0-9_=-]{43})(?![\w=-])/g),
    keyed('lob-api-key', 'Lob API key', ['lob'], '(?:live|test)_[a-f0-9]{35}'),
    keyed('lob-publishable-key', 'Lob publishable key', ['lob'], '(?:live|test)_pub_[a-f0-9]{31}', {
        severity: 'low',
        namedPublic: true,
    }),
    keyed('etsy-api-key', 'Etsy API key', ['etsy'], ALNUM(24)),
];

;// CONCATENATED MODULE: ./packages/security/src/secrets/rules/saas.ts

/** Productivity and content platform credentials. */
const SAAS_RULES = [
    token('linear-api-key', 'Linear API key', ['lin_api_'], /\b(lin_api_[A-Za-z0-9]{40})\b/g),
    keyed('linear-client-secret', 'Linear OAuth client secret', ['linear'], HEX(32)),
    token('notion-token', 'Notion integration token', ['ntn_'], /\b(ntn_[0-9]{11}[A-Za-z0-9]{35})\b/g),
    token('notion-legacy-token', 'Notion integration token (legacy format)', ['secret_'], /\b(secret_[A-Za-z0-9]{43})\b/g),
    keyed('asana-token', 'Asana personal access token', ['asana'], '[0-9]/[0-9]{16}:[a-z0-9]{32}|[0-9]{16}'),
    keyed('airtable-api-key', 'Airtable API key', ['airtable'], '(?:key[a-z0-9]{14}|pat[a-z0-9]{14}\\.[a-f0-9]{64})'),
    token('clickup-token', 'ClickUp personal API token', ['pk_'], /\b(pk_[0-9]{6,9}_[A-Z0-9]{32})\b/g),
    token('hubspot-private-app-token', 'HubSpot private app token', ['pat-na1-', 'pat-eu1-'], new RegExp(`\\b(pat-(?:na|eu)1-${UUID})\\b`, 'g')),
    keyed('hubspot-api-key', 'HubSpot API key', ['hubspot', 'hapikey'], UUID),
    token('figma-token', 'Figma personal access token', ['figd_'], /\b(figd_[A-Za-z0-9_-]{40})(?![\w-])/g),
    token('typeform-token', 'Typeform personal access token', ['tfp_'], /\b(tfp_[A-Za-z0-9_=.-]{59})(?![\w=.-])/g),
    token('contentful-token', 'Contentful personal access token', ['cfpat-'], /\b(CFPAT-[A-Za-z0-9_=-]{43})(?![\w=-])/g),
    token('mapbox-secret-token', 'Mapbox secret access token', ['sk.eyj'], /\b(sk\.eyJ[A-Za-z0-9_-]{50,}\.[A-Za-z0-9_-]{20,})(?![\w-])/g),
    token('frameio-token', 'Frame.io API token', ['fio-u-'], /\b(fio-u-[A-Za-z0-9_=-]{64})(?![\w=-])/g),
    keyed('beamer-api-token', 'Beamer API token', ['beamer'], 'b_[a-z0-9=_-]{44}'),
    keyed('flickr-api-key', 'Flickr API key', ['flickr'], HEX(32)),
    keyed('adafruit-io-key', 'Adafruit IO key', ['adafruit'], '[a-z0-9_-]{32}'),
    keyed('dropbox-api-secret', 'Dropbox app secret', ['dropbox'], '[a-z0-9]{15}'),
    keyed('zoom-client-secret', 'Zoom client secret', ['zoom'], '[a-z0-9]{32}'),
];

;// CONCATENATED MODULE: ./packages/security/src/secrets/rules/secret-stores.ts

const secret_stores_critical = { severity: 'critical' };
/** A Doppler token kind: `dp.<kind>.` then 40 to 44 characters. */
const doppler = (kind, name) => token(`doppler-${name.toLowerCase().replace(/ /g, '-')}-token`, `Doppler ${name} token`, [`dp.${kind}.`], new RegExp(`\\b(dp\\.${kind}\\.[A-Za-z0-9]{40,44})\\b`, 'g'), secret_stores_critical);
/** Secret-manager tokens and key files. */
const SECRET_STORE_RULES = [
    token('vault-service-token', 'HashiCorp Vault service token', ['hvs.'], /\b(hvs\.[A-Za-z0-9_-]{90,120})(?![\w-])/g, secret_stores_critical),
    token('vault-batch-token', 'HashiCorp Vault batch token', ['hvb.'], /\b(hvb\.[A-Za-z0-9_-]{138,300})(?![\w-])/g, secret_stores_critical),
    keyed('vault-legacy-token', 'HashiCorp Vault token (legacy format)', ['vault'], 's\\.[a-z0-9]{24}', secret_stores_critical),
    doppler('pt', 'personal'),
    doppler('st', 'service'),
    doppler('ct', 'CLI'),
    doppler('sa', 'service account'),
    doppler('scim', 'SCIM'),
    doppler('audit', 'audit'),
    token('1password-secret-key', '1Password account secret key', ['a3-'], /\b(A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})\b/g, secret_stores_critical),
    token('1password-service-account-token', '1Password service account token', ['ops_eyj'], /\b(ops_eyJ[A-Za-z0-9+/]{250,}={0,3})(?![A-Za-z0-9+/=])/g, secret_stores_critical),
    token('age-secret-key', 'age secret key', ['age-secret-key-1'], /\b(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\b/g, secret_stores_critical),
    token('putty-private-key', 'PuTTY private key', ['putty-user-key-file-'], /(PuTTY-User-Key-File-[23]: (?:ssh-rsa|ssh-dss|ssh-ed25519|ssh-ed448|ecdsa-sha2-nistp\d{3}))/g, {
        ...secret_stores_critical,
        fix: 'Treat the key as compromised: revoke it, generate a new key pair, and keep the private key out of the repository.',
    }),
];

;// CONCATENATED MODULE: ./packages/security/src/secrets/rules/vcs.ts


const vcs_critical = { severity: 'critical' };
/** GitHub, GitLab, Atlassian and Azure DevOps credentials. */
const VCS_RULES = [
    token('github-token', 'GitHub token', ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], /\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36})\b/g, {
        ...vcs_critical,
        description: 'A GitHub personal access, OAuth, user-to-server, server-to-server or refresh token (its CRC-32 checked).',
        verify: base62Crc32Holds,
    }),
    token('github-fine-grained-token', 'GitHub fine-grained token', ['github_pat_'], /\b(github_pat_[A-Za-z0-9_]{82})\b/g, {
        ...vcs_critical,
        description: 'A GitHub fine-grained personal access token.',
    }),
    token('gitlab-token', 'GitLab token', ['glpat-', 'gldt-', 'glrt-', 'glptt-'], /\b((?:glpat|gldt|glrt|glptt)-[A-Za-z0-9_-]{20,})\b/g, {
        ...vcs_critical,
        description: 'A GitLab personal, deploy, runner authentication or pipeline trigger token.',
    }),
    token('gitlab-feed-token', 'GitLab feed token', ['glft-'], /\b(glft-[A-Za-z0-9_-]{20})(?![\w-])/g),
    token('gitlab-incoming-mail-token', 'GitLab incoming mail token', ['glimt-'], /\b(glimt-[A-Za-z0-9_-]{25})(?![\w-])/g),
    token('gitlab-agent-token', 'GitLab Kubernetes agent token', ['glagent-'], /\b(glagent-[A-Za-z0-9_-]{50})(?![\w-])/g, vcs_critical),
    token('gitlab-oauth-secret', 'GitLab OAuth application secret', ['gloas-'], /\b(gloas-[A-Za-z0-9_-]{64})(?![\w-])/g, vcs_critical),
    token('gitlab-ci-job-token', 'GitLab CI/CD job token', ['glcbt-'], /\b(glcbt-[0-9a-fA-F]{1,5}_[A-Za-z0-9_-]{20})(?![\w-])/g),
    token('gitlab-scim-token', 'GitLab SCIM token', ['glsoat-'], /\b(glsoat-[A-Za-z0-9_-]{20})(?![\w-])/g, vcs_critical),
    token('gitlab-feature-flag-token', 'GitLab feature flag client token', ['glffct-'], /\b(glffct-[A-Za-z0-9_-]{20})(?![\w-])/g),
    token('gitlab-runner-registration-token', 'GitLab runner registration token', ['gr1348941'], /\b(GR1348941[A-Za-z0-9_-]{20})(?![\w-])/g, vcs_critical),
    token('gitlab-session-cookie', 'GitLab session cookie', ['_gitlab_session='], /_gitlab_session=([0-9a-z]{32})\b/g),
    token('atlassian-api-token', 'Atlassian API token', ['atatt3'], /\b(ATATT3[A-Za-z0-9_=-]{186})(?![\w=-])/g, vcs_critical),
    keyed('atlassian-legacy-token', 'Atlassian (Jira, Confluence) API token', ['atlassian', 'confluence', 'jira'], '[a-z0-9]{24}'),
    keyed('bitbucket-client-id', 'Bitbucket OAuth client ID', ['bitbucket'], ALNUM(32), { severity: 'medium' }),
    keyed('bitbucket-client-secret', 'Bitbucket OAuth client secret', ['bitbucket'], '[a-z0-9_=-]{64}'),
    token('azure-devops-pat', 'Azure DevOps personal access token', ['azdo'], /\b([A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})\b/g, vcs_critical),
    keyed('azure-devops-legacy-pat', 'Azure DevOps personal access token (52 characters)', ['azure_devops', 'azure-devops', 'azure.devops', 'azuredevops', 'ado_', 'vsts'], '[a-z2-7]{52}', vcs_critical),
    keyed('gitea-token', 'Gitea access token', ['gitea'], HEX(40)),
];

;// CONCATENATED MODULE: ./packages/security/src/secrets/rules.ts










/**
 * Built-in rules, written for slipway from each provider's documented token format, grouped by
 * provider in `rules/`. The generic rule comes last.
 */
const DEFAULT_RULES = [
    ...VCS_RULES,
    ...CLOUD_RULES,
    ...DEVTOOLS_RULES,
    ...SECRET_STORE_RULES,
    ...PAYMENT_RULES,
    ...MESSAGING_RULES,
    ...AI_RULES,
    ...OBSERVABILITY_RULES,
    ...SAAS_RULES,
    ...FORMAT_RULES,
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


;// CONCATENATED MODULE: ./packages/security/src/secrets/placeholders.ts
/** Runs of these mean a value was blanked out: `ghp_xxxx…`, `AKIAXXXX…`, `****`, `####`, `....`. */
const MASK_RUN = /[xX*#.•]{5,}|[xX*#.•]{3,}$/;
/** The part after a credential's prefix: `xoxb-12345-abcd234` → `abcd234`, `ghp_ab12…` → `ab12…`. */
function body(secret) {
    return secret.replace(/^(?:[A-Za-z0-9]{1,12}[_-])+/, '').replace(/^(?:AKIA|ASIA|AIza|SK|SG\.)/, '');
}
/** Characters covered by ascending runs of 3 or more (`abc`, `123`, `wxyz`, `ABCDEF`). */
function sequentialShare(text) {
    let covered = 0;
    let run = 1;
    for (let i = 1; i <= text.length; i++) {
        if (i < text.length && text.charCodeAt(i) === text.charCodeAt(i - 1) + 1)
            run++;
        else {
            if (run >= 3)
                covered += run;
            run = 1;
        }
    }
    return text.length ? covered / text.length : 0;
}
/** True when the text repeats a unit of at most 8 characters (`abc123abc123…`, `1111…`). */
function periodic(text) {
    for (let p = 1; p <= 8 && p * 2 <= text.length; p++) {
        let ok = true;
        for (let i = p; i < text.length && ok; i++)
            ok = text[i] === text[i - p];
        if (ok)
            return true;
    }
    return false;
}
/** Public SSH and SPKI keys in base64 start with these (the encoded key type or DER header). */
const PUBLIC_KEY_BASE64 = /^(?:AAAAB3NzaC1yc2E|AAAAC3NzaC1lZDI1NTE5|AAAAE2VjZHNhLXNoYTIt|MFkwEwYHKoZIzj0CAQ|MIIBIjANBgkqhkiG9w0BAQEFAAOC|MCowBQYDK2Vw)/;
/**
 * True when a matched secret is a placeholder or not secret at all: a real prefix followed by
 * masking, repeated or sequential characters; an alphabet constant; an OID; a public key or a
 * value whose name says it is public (unless `publicName`: the rule's own credential is called
 * public by its provider); a private-key header with no key material after it.
 */
function isPlaceholder(secret, ctx, publicName = false) {
    const tail = body(secret);
    if (MASK_RUN.test(tail))
        return true;
    if (tail.length >= 6 && (periodic(tail) || sequentialShare(tail) >= 0.5))
        return true;
    if (/^\d+(?:\.\d+){3,}$/.test(secret))
        return true; // an OID such as 1.2.840.113549.1.1.1
    if (PUBLIC_KEY_BASE64.test(secret))
        return true;
    if (/^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d+|sk-ssh-ed25519@openssh\.com)$/.test(secret))
        return true;
    const before = ctx.text.slice(Math.max(ctx.lineStart, ctx.at - 80), ctx.at);
    if (/(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-\S+)\s+$/.test(before))
        return true;
    if (!publicName && namedPublic(before))
        return true;
    if (/^-----BEGIN [A-Z ]*PRIVATE KEY/.test(secret))
        return !hasKeyMaterial(ctx.text, ctx.at + secret.length);
    return false;
}
/** True when the name the value is assigned to says public: `public_key`, `publicKey`, `NEXT_PUBLIC_TOKEN`. */
function namedPublic(before) {
    const name = before.match(/key\s*=\s*["']([^"']+)["']\s+value\s*=\s*["']?$/i)?.[1] ??
        before.match(/([A-Za-z0-9_.-]+)["'`\]]{0,2}(?:\s*:\s*\w+|\s+(?:string|String))?\s*(?:[:?.+]{0,3}=>?|:|,|>)\s*["'`]?$/)?.[1];
    return name !== undefined && /(?:^|[_.-]|[a-z](?=P))(?:public|publishable)/i.test(name);
}
/**
 * True when key material follows a PEM header: in the same line after an escaped newline
 * (`"-----BEGIN …-----\nMIIE…"`) or on the next lines, after any `Name: value` headers.
 */
function hasKeyMaterial(text, from) {
    const rest = text.slice(from, from + 2000).replace(/^-----/, '');
    const lines = rest.split(/\r?\n|\\(?:r\\)?n/).slice(0, 12);
    for (const raw of lines) {
        const line = raw.replace(/^[\s"'`+,]+|[\s"'`+,]+$/g, '');
        if (line === '' || /^[\w-]+:\s/.test(line))
            continue;
        return /^[A-Za-z0-9+/=]{40,}$/.test(line) && !MASK_RUN.test(line) && !periodic(line);
    }
    return false;
}
/**
 * A note when a Google API key sits where Google publishes it by design: a Firebase web config
 * (`apiKey` next to `authDomain`/`projectId`) or a Maps JavaScript URL. Such keys are reported at
 * low severity, since their protection is an HTTP-referrer and API restriction, not secrecy.
 */
function publishedGoogleKey(ctx) {
    const line = ctx.text.slice(ctx.lineStart, ctx.lineEnd);
    if (/maps\.google(?:apis)?\.com\/maps\/api\/js\?[^\s"']*key=/i.test(line))
        return 'a Maps JavaScript API key in a script URL, public by design: restrict it to your HTTP referrers and the Maps APIs in the Cloud console';
    const near = ctx.text.slice(Math.max(0, ctx.lineStart - 1500), Math.min(ctx.text.length, ctx.lineEnd + 1500));
    if (/apiKey["']?\s*[:=]/.test(line) && /firebaseConfig|initializeApp|authDomain|messagingSenderId/.test(near))
        return 'a Firebase web config key, public by design: restrict it to your HTTP referrers and APIs in the Cloud console, and protect data with Firebase security rules';
    return undefined;
}

;// CONCATENATED MODULE: ./packages/security/src/secrets/prefilter.ts
let lowering;
/** Every character code whose lower case is `ch`, by trying all 65,536 (about 15 ms, so done once). */
function codesLoweringToByScan(ch) {
    if (!lowering) {
        lowering = new Map();
        for (let c = 0; c < 0x10000; c++) {
            const lower = String.fromCharCode(c).toLowerCase();
            if (lower.length !== 1)
                continue;
            const list = lowering.get(lower);
            if (list)
                list.push(c);
            else
                lowering.set(lower, [c]);
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
function codesLoweringTo(ch) {
    const code = ch.charCodeAt(0);
    if (ch.length !== 1 || code >= 0x80)
        return codesLoweringToByScan(ch);
    const upper = ch.toUpperCase().charCodeAt(0);
    if (ch.toLowerCase() !== ch)
        return [];
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
class KeywordPrefilter {
    /** Character code to its class (0: a character in no keyword). */
    classOf;
    /** Rows of the table are 2^shift wide, so a state's row starts at state << shift. */
    shift;
    /** The automaton: the next state's row = delta[row + class] (rows, not state numbers, save a multiply). */
    delta;
    /** For each state, the entries whose keywords end there (directly or through a suffix), or undefined. */
    outputs;
    /** The first row of a state with outputs; the newline's row is the last. */
    firstMarked;
    newlineRow;
    entryCount;
    /** Entries in all (the size of the per-line mark table). */
    marks;
    /** `keywords[i]` are entry i's keywords; empty strings are ignored. */
    constructor(keywords) {
        this.marks = keywords.length;
        // Entries without keywords can never be hit: only the others count towards "all hit".
        this.entryCount = keywords.filter((list) => list.some((k) => k !== '')).length;
        const classByChar = new Map();
        const words = [];
        keywords.forEach((list, entry) => {
            for (const kw of list) {
                if (kw === '')
                    continue;
                const chars = kw.toLowerCase();
                // Code units, not code points: the scan reads the text with charCodeAt.
                for (const ch of chars.split(''))
                    if (!classByChar.has(ch))
                        classByChar.set(ch, classByChar.size + 1);
                words.push({ chars, entry });
            }
        });
        // One more class for the newline, which ends every match (a keyword holding one never matches in a line).
        const newline = classByChar.size + 1;
        const classes = newline + 1;
        this.shift = Math.ceil(Math.log2(classes));
        const classOf = classes <= 0x100 ? new Uint8Array(0x10000) : new Uint16Array(0x10000);
        for (const [ch, cls] of classByChar)
            for (const c of codesLoweringTo(ch))
                classOf[c] = cls;
        classOf[10] = newline;
        this.classOf = classOf;
        // The trie, with transitions per class (-1: none yet).
        const goto = [new Array(classes).fill(-1)];
        const own = [new Set()];
        for (const { chars, entry } of words) {
            if (chars.includes('\n'))
                continue;
            let s = 0;
            for (let i = 0; i < chars.length; i++) {
                const cls = classOf[chars.charCodeAt(i)];
                let next = goto[s][cls];
                if (next < 0) {
                    next = goto.length;
                    goto.push(new Array(classes).fill(-1));
                    own.push(new Set());
                    goto[s][cls] = next;
                }
                s = next;
            }
            own[s].add(entry);
        }
        // Breadth-first: each state's failure link, outputs merged along it, and missing transitions
        // filled in from the failure state, which makes the table a DFA.
        const fail = new Int32Array(goto.length);
        const order = [];
        for (let cls = 0; cls < classes; cls++) {
            const next = goto[0][cls];
            if (next < 0)
                goto[0][cls] = 0;
            else
                order.push(next);
        }
        for (let q = 0; q < order.length; q++) {
            const s = order[q];
            for (const e of own[fail[s]])
                own[s].add(e);
            for (let cls = 0; cls < classes; cls++) {
                const next = goto[s][cls];
                const viaFail = goto[fail[s]][cls];
                if (next < 0)
                    goto[s][cls] = viaFail;
                else {
                    fail[next] = viaFail;
                    order.push(next);
                }
            }
        }
        // Renumber: the root first, states without outputs, then those with, then the newline's
        // state, which moves on like the root.
        const plain = goto.map((_, s) => s).filter((s) => s === 0 || own[s].size === 0);
        const marked = goto.map((_, s) => s).filter((s) => s !== 0 && own[s].size > 0);
        const number = new Int32Array(goto.length);
        [...plain, ...marked].forEach((s, n) => (number[s] = n));
        const states = goto.length + 1;
        const newlineState = goto.length;
        this.firstMarked = plain.length << this.shift;
        this.newlineRow = newlineState << this.shift;
        this.delta = new Int32Array(states << this.shift);
        const fill = (state, row) => row.forEach((next, cls) => {
            this.delta[(state << this.shift) + cls] = (cls === newline ? newlineState : number[next]) << this.shift;
        });
        goto.forEach((row, s) => fill(number[s], row));
        fill(newlineState, goto[0]);
        this.outputs = new Array(states).fill(undefined);
        own.forEach((set, s) => {
            if (set.size)
                this.outputs[number[s]] = [...set].sort((a, b) => a - b);
        });
    }
    /** The lines of the text that hold keywords, in order, each with the entries hit. */
    lines(text) {
        const { classOf, shift, delta, outputs, firstMarked, newlineRow, entryCount } = this;
        const found = [];
        const mark = new Int32Array(this.marks);
        let hits = [];
        let row = 0;
        let index = 0;
        let start = 0;
        const length = text.length;
        for (let i = 0; i < length; i++) {
            row = delta[row + classOf[text.charCodeAt(i)]];
            if (row < firstMarked)
                continue;
            if (row === newlineRow) {
                if (hits.length) {
                    found.push({ start, end: i, index, hits: hits.sort((a, b) => a - b) });
                    hits = [];
                }
                index++;
                start = i + 1;
                continue;
            }
            for (const e of outputs[row >> shift]) {
                if (mark[e] === index + 1)
                    continue;
                mark[e] = index + 1;
                hits.push(e);
            }
            if (hits.length === entryCount) {
                // Nothing left to find on this line: jump to its newline.
                const nl = text.indexOf('\n', i);
                i = (nl < 0 ? length : nl) - 1;
            }
        }
        if (hits.length)
            found.push({ start, end: length, index, hits: hits.sort((a, b) => a - b) });
        return found;
    }
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
/** A rule's matches in a line; the generic rule reads assignments with its own parser. */
function ruleMatches(rule, text) {
    if (rule.id !== GENERIC_RULE_ID)
        return matchesOf(rule.regex, text);
    return findGenericSecrets(text).map((m) => ({ index: m.index, groups: [m.secret, m.secret] }));
}
const INLINE_ALLOW = /slipway:allow|gitleaks:allow/;
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
 * Runs secret rules over text. One pass of a keyword automaton over the text finds, per line, the
 * rules whose keywords occur there (however many rules there are); a rule's own matcher runs only
 * on those lines, which is where most of the speed comes from (as in gitleaks and trufflehog).
 */
class SecretEngine {
    rules;
    allow;
    prefilter;
    infos = new Map();
    /** Rules without keywords (from configuration): they run on every line. */
    alwaysRules = [];
    constructor(rules, allow = { paths: [], regexes: [], stopwords: [] }) {
        this.rules = rules;
        this.allow = allow;
        rules.forEach((rule, i) => {
            if (rule.keywords.every((k) => k === ''))
                this.alwaysRules.push(i);
            this.infos.set(rule.id, ruleInfo(rule));
        });
        this.prefilter = new KeywordPrefilter(rules.map((r) => r.keywords));
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
        const check = (start, end, index, hits) => this.checkLine(text, start, end, hits, file, firstLine + index, scanner, seen, out);
        if (this.alwaysRules.length === 0) {
            for (const { start, end, index, hits } of this.prefilter.lines(text))
                check(start, end, index, hits);
            return out;
        }
        // Some rules run on every line: merge them into each line's keyword hits.
        const keywordLines = this.prefilter.lines(text)[Symbol.iterator]();
        let next = keywordLines.next();
        for (let start = 0, index = 0; start <= text.length; index++) {
            const nl = text.indexOf('\n', start);
            const end = nl < 0 ? text.length : nl;
            let hits = this.alwaysRules;
            if (!next.done && next.value.index === index) {
                hits = [...new Set([...next.value.hits, ...this.alwaysRules])].sort((a, b) => a - b);
                next = keywordLines.next();
            }
            if (end > start)
                check(start, end, index, hits);
            if (nl < 0)
                break;
            start = nl + 1;
        }
        return out;
    }
    /** Runs the candidate rules over one line, adding findings (a generic hit yields to a specific one). */
    checkLine(text, lineStart, lineEnd, candidates, file, line, scanner, seen, out) {
        const lineText = text.slice(lineStart, lineEnd);
        if (candidates.length === 0 || INLINE_ALLOW.test(lineText))
            return;
        const onLine = [];
        // Values a specific rule matched but its documented check (a checksum) refused: look-alikes,
        // which the generic rule must not report either.
        const lookAlikes = [];
        for (const r of candidates) {
            const rule = this.rules[r];
            if (rule.path && !rule.path.test(file))
                continue;
            for (const { index, groups } of ruleMatches(rule, lineText)) {
                const whole = groups[0];
                const secret = (rule.secretGroup !== undefined ? groups[rule.secretGroup] : groups.slice(1).find((g) => g !== undefined)) ??
                    whole;
                if (rule.verify && !rule.verify(secret)) {
                    lookAlikes.push(secret);
                    continue;
                }
                const offset = Math.max(0, whole.indexOf(secret));
                const ctx = { text, at: lineStart + index + offset, lineStart, lineEnd };
                if (!this.reportable(rule, secret) || isPlaceholder(secret, ctx, rule.namedPublic))
                    continue;
                const print = fingerprint(rule.id, file, (0,external_node_crypto_.createHash)('sha256').update(secret).digest('hex'));
                const key = `${print}:${line}`;
                if (seen?.has(key))
                    continue;
                // Google publishes some of its API keys in web pages by design: still worth a look, not an alarm.
                const note = rule.id === 'google-api-key' ? publishedGoogleKey(ctx) : undefined;
                onLine.push({
                    finding: {
                        scanner,
                        rule: this.infos.get(rule.id),
                        severity: note ? 'low' : rule.severity,
                        message: `${rule.name}: ${redact(secret)}${note ? ` (${note})` : ''}`,
                        file,
                        line,
                        column: index + 1 + offset,
                        fingerprint: print,
                    },
                    secret,
                    generic: rule.id === GENERIC_RULE_ID,
                    key,
                });
            }
        }
        const overlaps = (a, b) => a.includes(b) || b.includes(a);
        for (const hit of onLine) {
            if (hit.generic &&
                (onLine.some((o) => !o.generic && overlaps(o.secret, hit.secret)) ||
                    lookAlikes.some((s) => overlaps(s, hit.secret))))
                continue;
            seen?.add(hit.key);
            out.push(hit.finding);
        }
    }
    reportable(rule, secret) {
        // The generic rule measures entropy against each value's own alphabet (in generic.ts).
        if (rule.entropy !== undefined && rule.id !== GENERIC_RULE_ID && shannonEntropy(secret) < rule.entropy)
            return false;
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
/** A file's bytes, or undefined when it went away after it was listed. */
function readVanishing(abs) {
    try {
        return (0,external_node_fs_.readFileSync)(abs);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw err;
    }
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
        // A file that went away since the folder was listed (a build still running, /proc) is not scanned.
        const size = (0,external_node_fs_.lstatSync)(abs, { throwIfNoEntry: false })?.size;
        if (!size)
            continue;
        files++;
        bytes += size;
        onFile?.(files);
        if (size <= WINDOW) {
            // Most files are small: one synchronous read costs less than a stream's thread-pool hops.
            const data = readVanishing(abs);
            if (data === undefined)
                continue;
            if (!data.subarray(0, 8192).includes(0))
                findings.push(...engine.scan(data.toString('utf8'), path, 1));
        }
        else {
            try {
                findings.push(...(await scanStream(engine, (0,external_node_fs_.createReadStream)(abs, { highWaterMark: WINDOW }), path)));
            }
            catch (err) {
                if (err.code !== 'ENOENT')
                    throw err;
            }
        }
    }
    return { findings, files, bytes };
}

// EXTERNAL MODULE: ./packages/action-kit/src/lite.ts + 15 modules
var lite = __webpack_require__(36740);
// EXTERNAL MODULE: ./packages/lockfiles/src/index.ts + 30 modules
var src = __webpack_require__(14934);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./packages/security/src/workflows/rules.ts
/** The workflow rules: what each finds and, in `help`, how to fix it. */
const RULES = {
    'template-injection': {
        name: 'Untrusted input expanded into code',
        description: 'A `${{ }}` expression that an outsider controls is pasted into code that runs: `run:`, a github-script `script:`, an azure/cli or azure/powershell `inlineScript:`, a mikefarah/yq `cmd:`.',
        help: 'Pass the value through an environment variable (`env: TITLE: ${{ github.event.issue.title }}`) and use `"$TITLE"` (`$env:TITLE` in pwsh, `process.env.TITLE` in github-script), so it is data, not code.',
        severity: 'high',
    },
    'unpinned-action': {
        name: 'Action or reusable workflow not pinned to a commit',
        description: 'A step or job `uses:` reference points at a tag or branch, which its owner (or an attacker who takes it over) can move.',
        help: 'Pin to a full 40-character commit SHA and keep the version in a comment: `uses: owner/action@<sha> # v1.2.3`.',
        severity: 'medium',
    },
    'excessive-permissions': {
        name: 'Token permissions not limited',
        description: 'A job runs with the repository default token permissions (no `permissions:`), with `write-all`/`read-all`, or inherits write scopes granted to the whole workflow.',
        help: 'Add `permissions: contents: read` at the top and grant write scopes (`contents: write`, `id-token: write`, …) only in the jobs that need them.',
        severity: 'medium',
    },
    'dangerous-trigger': {
        name: 'Privileged trigger',
        description: "`pull_request_target`, `workflow_run` and `issue_comment` run with secrets and a write token on events outsiders cause; a job that checks out or runs the pull request's code hands both to them.",
        help: 'Use `pull_request` for building untrusted code, or split the work: build in `pull_request`, then act on its artifacts in a separate privileged workflow that never runs them. Never check out `github.event.pull_request.head.*` in a privileged workflow.',
        severity: 'medium',
    },
    'persisted-credentials': {
        name: 'Checkout keeps the token on disk',
        description: '`actions/checkout` writes the token into `.git/config` unless `persist-credentials: false`; any later step, artifact or image built from the workspace can carry it away.',
        help: 'Set `persist-credentials: false` on the checkout step; give the token to the one step that pushes, if any.',
        severity: 'low',
    },
    'secrets-inherit': {
        name: 'All secrets passed to a reusable workflow',
        description: '`secrets: inherit` hands every secret of the caller to the called workflow.',
        help: 'Pass only the secrets the called workflow needs, by name.',
        severity: 'medium',
    },
    'unpinned-image': {
        name: 'Container image not pinned to a digest',
        description: 'A `container:`, `services:` or `docker://` image is named by tag (or by nothing, meaning `latest`), which the registry or whoever pushes to it can change.',
        help: 'Pin the image by digest: `image: node:20@sha256:<digest>`.',
        severity: 'medium',
    },
    'overprovisioned-secrets': {
        name: 'Every secret handed to one place',
        description: '`toJSON(secrets)` serializes all of the repository and organization secrets into one value.',
        help: 'Name the secrets the step needs: `${{ secrets.DEPLOY_TOKEN }}`.',
        severity: 'medium',
    },
    'use-trusted-publishing': {
        name: 'Long-lived publishing token where trusted publishing exists',
        description: 'The registry (PyPI, npm, RubyGems, crates.io) accepts short-lived OIDC credentials from this workflow, yet a stored token is used.',
        help: "Configure trusted publishing on the registry, grant the job `id-token: write`, and remove the token (`pypa/gh-action-pypi-publish` without `password:`, `npm publish --provenance` with npm's trusted publisher, `rubygems/release-gem`, `rust-lang/crates-io-auth-action`).",
        severity: 'low',
    },
    'bot-conditions': {
        name: 'Bot check that an actor can spoof',
        description: "`github.actor == 'dependabot[bot]'` is the actor of the latest event, not the author of the code: anyone can make the bot the actor (by having it rebase their pull request).",
        help: "Check the author of the change instead: `github.event.pull_request.user.login == 'dependabot[bot]'`.",
        severity: 'medium',
    },
    'github-env': {
        name: 'Untrusted data written to GITHUB_ENV, GITHUB_PATH or GITHUB_OUTPUT',
        description: 'Lines written to `$GITHUB_ENV` or `$GITHUB_PATH` set variables (`LD_PRELOAD`, `NODE_OPTIONS`, `PATH`) for every later step; a newline in outsider data adds any variable it likes.',
        help: 'Do not write outsider data to these files; if a later step needs it, pass it through `env:` on that step, or write it with a random heredoc delimiter after validating it.',
        severity: 'high',
    },
    'cache-poisoning': {
        name: 'Cache restored in a release workflow',
        description: 'A workflow that publishes restores a cache that other workflows (a pull request build on the default branch) could have written, so their content can end up in the release.',
        help: 'Do not restore caches in release or publishing jobs: remove `actions/cache` and set `cache: false` (or leave `cache:` out) on setup actions there.',
        severity: 'medium',
    },
    'insecure-commands': {
        name: 'Deprecated workflow commands enabled',
        description: '`ACTIONS_ALLOW_UNSECURE_COMMANDS` turns `::set-env` and `::add-path` back on, so anything printed to the log (an issue title, a test name) can set variables and PATH.',
        help: 'Remove `ACTIONS_ALLOW_UNSECURE_COMMANDS` and write to `$GITHUB_ENV`/`$GITHUB_PATH` instead.',
        severity: 'high',
    },
    'hardcoded-container-credentials': {
        name: 'Registry password written in the workflow',
        description: 'A `container:` or `services:` `credentials.password` is a literal value, readable by anyone who reads the repository.',
        help: 'Store the password as a secret and reference it: `password: ${{ secrets.REGISTRY_PASSWORD }}`; then rotate the exposed one.',
        severity: 'high',
    },
    'unsound-contains': {
        name: '`contains()` on a string used as an allow-list',
        description: "`contains('refs/heads/main refs/heads/release', github.ref)` is a substring test: `refs/heads/mai` or `main` pass too.",
        help: 'Compare against a list: `contains(fromJSON(\'["refs/heads/main", "refs/heads/release"]\'), github.ref)`.',
        severity: 'medium',
    },
    'self-hosted-runner': {
        name: 'Self-hosted runner runs pull requests',
        description: 'A job on a self-hosted runner is started by `pull_request`, so a fork can run its code on the machine, which keeps state between jobs.',
        help: 'Run pull request jobs on GitHub-hosted or ephemeral runners, or require approval for fork workflows and restrict the runner group to trusted workflows.',
        severity: 'medium',
    },
    obfuscation: {
        name: 'Obfuscated expression or path',
        description: "A constant expression (`${{ 'curl' }}`), context indexing by string (`github['event']`) or a `uses:` path with `//`, `./` or `../` hides what the workflow does from reviewers and from audits.",
        help: 'Write it plainly: the literal text, `github.event.issue.title`, `owner/repo/path@<sha>`.',
        severity: 'low',
    },
    'known-vulnerable-action': {
        name: 'Action with a known vulnerability',
        description: "An action or reusable workflow is used at a release that an OSV advisory (the `GitHub Actions` ecosystem, from GitHub's advisory database) names as vulnerable or compromised. A floating tag (`v4`) is reported when every release it may point at is affected.",
        help: 'Move to the fixed release the message names and pin its commit SHA with the version in a comment: `uses: owner/action@<sha> # v1.2.3`. If no fix exists, replace the action.',
        severity: 'high',
    },
};
/** The rule as reported, with its severity for this finding. */
function rule(id, severity) {
    const r = RULES[id];
    return { id: `workflow/${id}`, ...r, severity: severity ?? r.severity };
}

;// CONCATENATED MODULE: ./packages/security/src/workflows/context.ts




/** A workflow that parses as YAML but is not one GitHub would run: the caller warns with its line. */
class WorkflowError extends lite/* UserError */.yo {
    line;
    constructor(message, file, line) {
        super(message, { file, line }, 'Fix the workflow: GitHub rejects it as it is.');
        this.line = line;
    }
}
/** What the audits share: the tree, the triggers, the jobs and the list findings go into. */
class context_AuditContext {
    tree;
    file;
    localActions;
    findings = [];
    seen = new Set();
    isAction;
    root;
    /** Trigger name → the node naming it. */
    triggers = new Map();
    /** Dispatch and workflow_call inputs of type boolean, number or choice (lower case). */
    safeInputs = new Set();
    jobs = [];
    constructor(tree, file, 
    /**
     * The repository's own composite actions, by folder (`.github/actions/greet`), with the inputs
     * each expands into code: a step that passes outsider data to one of them is an injection.
     */
    localActions = new Map()) {
        this.tree = tree;
        this.file = file;
        this.localActions = localActions;
        this.isAction = /(^|\/)action\.ya?ml$/.test(file);
        const root = tree.node(tree.doc.contents);
        if (!root || ((0,dist/* isScalar */.jn)(root) && (root.value === null || root.value === '')))
            this.fail('the file is empty', root);
        if (!(0,dist/* isMap */.jh)(root))
            this.fail('the top level must be a mapping', root);
        this.root = root;
        if (this.isAction)
            this.readAction();
        else
            this.readWorkflow();
    }
    /** Throws the error that makes the caller warn, naming the line. */
    fail(what, node) {
        throw new WorkflowError(`not a valid ${this.isAction ? 'action' : 'workflow'}: ${what}`, this.file, this.tree.line(node));
    }
    readWorkflow() {
        const t = this.tree;
        const on = t.get(this.root, 'on') ?? t.get(this.root, 'true');
        if (!on)
            this.fail('`on:` is missing', this.root);
        if ((0,dist/* isScalar */.jn)(on))
            this.triggers.set(String(on.value), on);
        else if ((0,dist/* isSeq */.oP)(on))
            for (const i of t.items(on))
                this.triggers.set(t.text(i) ?? '', i);
        else if ((0,dist/* isMap */.jh)(on))
            for (const e of t.entries(on))
                this.triggers.set(e.key, e.keyNode);
        else
            this.fail('`on:` must be an event, a list or a mapping', on);
        for (const event of ['workflow_dispatch', 'workflow_call'])
            for (const input of t.entries(t.get(t.get(on, event), 'inputs')))
                if (/^(boolean|number|choice)$/.test(t.text(t.get(input.value, 'type')) ?? ''))
                    this.safeInputs.add(input.key.toLowerCase());
        const jobs = t.get(this.root, 'jobs');
        if (!(0,dist/* isMap */.jh)(jobs))
            this.fail('`jobs:` must be a mapping of job ids to jobs', jobs ?? this.root);
        for (const e of t.entries(jobs)) {
            if (!(0,dist/* isMap */.jh)(e.value))
                this.fail(`job \`${e.key}\` must be a mapping`, e.value ?? e.keyNode);
            const job = { id: e.key, node: e.value, keyNode: e.keyNode, steps: [] };
            const uses = t.get(e.value, 'uses');
            if (uses && t.str(uses) === undefined)
                this.fail(`\`uses:\` of job \`${e.key}\` must be a string`, uses);
            this.readSteps(job, t.get(e.value, 'steps'));
            this.jobs.push(job);
        }
    }
    readAction() {
        const runs = this.tree.get(this.root, 'runs');
        if (runs && !(0,dist/* isMap */.jh)(runs))
            this.fail('`runs:` must be a mapping', runs);
        const job = { id: 'composite action', node: runs ?? this.root, keyNode: this.root, steps: [] };
        this.readSteps(job, this.tree.get(runs, 'steps'));
        this.jobs.push(job);
    }
    readSteps(job, steps) {
        const t = this.tree;
        if (steps === undefined)
            return;
        if (!(0,dist/* isSeq */.oP)(steps))
            this.fail(`\`steps:\` of \`${job.id}\` must be a list`, steps);
        t.items(steps).forEach((node, index) => {
            if (!(0,dist/* isMap */.jh)(node))
                this.fail(`step ${index + 1} of \`${job.id}\` must be a mapping`, node);
            const name = t.text(t.get(node, 'name'));
            const id = t.text(t.get(node, 'id'));
            const usesNode = t.get(node, 'uses');
            const uses = t.str(usesNode)?.trim();
            if (usesNode && !uses)
                this.fail(`\`uses:\` of step ${index + 1} in \`${job.id}\` must be a string`, usesNode);
            job.steps.push({
                job,
                node,
                index,
                label: name ? `"${name}"` : id ? `"${id}"` : `#${index + 1}`,
                key: `${job.id}/${id ?? name ?? index}`,
                ...(uses ? { uses, usesNode } : {}),
            });
        });
    }
    /** True when a trigger runs with secrets and a write token on outsiders' events. */
    get privileged() {
        return this.triggers.has('pull_request_target') || this.triggers.has('workflow_run');
    }
    /**
     * Records a finding once per fingerprint (a context named twice in one script is one finding).
     * `line` is a node or a line number.
     */
    add(id, at, message, key, severity) {
        const r = rule(id, severity);
        const fp = fingerprint(r.id, this.file, key);
        if (this.seen.has(fp))
            return;
        this.seen.add(fp);
        this.findings.push({
            scanner: 'workflows',
            rule: r,
            severity: r.severity,
            message,
            file: this.file,
            line: typeof at === 'number' ? at : this.tree.line(at),
            fingerprint: fp,
        });
    }
}
/** How a finding names where it is: `job build, step "Test"`. */
function where(step) {
    return step.job.id === 'composite action'
        ? `composite action step ${step.label}`
        : `job ${step.job.id}, step ${step.label}`;
}
/**
 * Whether a `uses:` names an action of the workflow's own repository: `./path`, or GitHub's newer
 * `$/path` (the same files at the same commit, so nothing to pin).
 */
function isLocalUses(uses) {
    return uses.startsWith('./') || uses.startsWith('$/');
}
/** The action a `uses:` names, lower case, without ref or subpath: `actions/checkout`. */
function actionOf(step) {
    if (!step.uses || isLocalUses(step.uses) || step.uses.startsWith('docker://'))
        return undefined;
    const [owner, repo] = step.uses.split('@')[0].split('/');
    return `${owner}/${repo}`.toLowerCase();
}
/** `in job X, step Y` for a node inside a step, `in job X` inside a job, else ''. */
function placeOf(ctx, node) {
    const step = ctx.jobs.flatMap((j) => j.steps).find((s) => inside(s.node, node));
    if (step)
        return ` in ${where(step)}`;
    const job = ctx.jobs.find((j) => inside(j.node, node));
    return job ? ` in job ${job.id}` : '';
}
/** True when `inner`'s source lies within `outer`'s. */
function inside(outer, inner) {
    const o = outer.range;
    const i = inner.range;
    return !!o && !!i && i[0] >= o[0] && i[0] < o[2];
}

;// CONCATENATED MODULE: ./packages/security/src/workflows/audit-checkout.ts

/** Steps that can carry the workspace (and `.git/config`) away: artifacts, pages, images, archives. */
function exposes(ctx, step) {
    const action = actionOf(step) ?? '';
    if (/^actions\/upload-(pages-)?artifact$|^docker\/build-push-action$/.test(action))
        return true;
    return /\b(docker\s+build|tar\s+-?c|zip\s+-r)\b/.test(ctx.tree.str(ctx.tree.get(step.node, 'run')) ?? '');
}
/** persisted-credentials: every checkout that leaves the token in `.git/config`. */
function auditPersistedCredentials(ctx) {
    const t = ctx.tree;
    for (const job of ctx.jobs)
        job.steps.forEach((step, i) => {
            if (actionOf(step) !== 'actions/checkout')
                return;
            if (t.text(t.get(t.get(step.node, 'with'), 'persist-credentials')) === 'false')
                return;
            const later = job.steps.slice(i + 1).find((s) => exposes(ctx, s));
            ctx.add('persisted-credentials', step.usesNode, later
                ? `${where(step)} keeps the token in .git/config and ${where(later).replace(/^job \S+, /, '')} can carry it away.`
                : `${where(step)} keeps the token in .git/config for every later step.`, `${step.key}:persist`, later ? 'medium' : 'low');
        });
}

;// CONCATENATED MODULE: ./packages/security/src/workflows/expressions.ts
/**
 * Every `${{ … }}` in a string. A `}}` inside a string literal (`format('{0}}', …)`) does not end
 * the expression: literals are skipped as GitHub's parser does (`''` escapes a quote).
 */
function expressions(s) {
    const out = [];
    let from = 0;
    for (;;) {
        const start = s.indexOf('${{', from);
        if (start < 0)
            return out;
        let i = start + 3;
        let end = -1;
        while (i < s.length) {
            if (s[i] === "'") {
                i++;
                while (i < s.length && !(s[i] === "'" && s[i + 1] !== "'"))
                    i += s[i] === "'" ? 2 : 1;
                i++;
            }
            else if (s.startsWith('}}', i)) {
                end = i;
                break;
            }
            else
                i++;
        }
        if (end < 0)
            return out;
        out.push({ raw: s.slice(start, end + 2), body: s.slice(start + 3, end) });
        from = end + 2;
    }
}
/** The expression with string literals blanked out (same length), so operators inside them are not seen. */
function blankLiterals(e) {
    return e.replace(/'(?:[^']|'')*'/g, (m) => `'${' '.repeat(m.length - 2)}'`);
}
/** Splits at depth-0 occurrences of `sep` (on the literal-blanked text). */
function splitTop(e, sep) {
    const blank = blankLiterals(e);
    const parts = [];
    let depth = 0;
    let last = 0;
    for (let i = 0; i < blank.length; i++) {
        const c = blank[i];
        if (c === '(' || c === '[')
            depth++;
        else if (c === ')' || c === ']')
            depth--;
        else if (depth === 0) {
            const m = sep.exec(blank.slice(i, i + 2));
            if (m && m.index === 0) {
                parts.push(e.slice(last, i));
                i += m[0].length - 1;
                last = i + 1;
            }
        }
    }
    parts.push(e.slice(last));
    return parts;
}
/** Context paths named in an expression (outside literals), normalized: `a['b'][0]` → `a.b.*`. */
function contextPaths(e) {
    const paths = [];
    const blank = blankLiterals(e);
    const re = /(?<![\w.'-])([A-Za-z_][\w-]*)((?:\s*\.\s*[\w*-]+|\s*\[[^\]]*\])*)(\s*\()?/g;
    for (const m of blank.matchAll(re)) {
        if (m[3] || /^(true|false|null|NaN|Infinity)$/.test(m[1]))
            continue;
        const start = m.index + m[1].length;
        const rest = e.slice(start, start + m[2].length);
        const tail = rest
            .replace(/\s+/g, '')
            .replace(/\['([^']*)'\]/g, '.$1')
            .replace(/\[[^\]]*\]/g, '.*');
        paths.push(`${m[1]}${tail}`.toLowerCase());
    }
    return paths;
}
const BOOLEAN_FUNCTIONS = /^(contains|startswith|endswith|success|failure|always|cancelled|hashfiles)$/i;
/**
 * The context paths whose value can end up in the expression's result. A comparison, a negation or
 * a function returning a boolean yields `true`/`false`, never the text compared; `a && b || c`
 * yields one of its operands.
 */
function resultPaths(e) {
    const operands = splitTop(e, /^(&&|\|\|)/);
    if (operands.length > 1)
        return operands.flatMap(resultPaths);
    const s = e.trim();
    if (!s || s.startsWith('!'))
        return [];
    if (splitTop(s, /^(==|!=|<=|>=|<|>)/).length > 1)
        return [];
    const blank = blankLiterals(s);
    if (blank.startsWith('(') && closes(blank, 0) === blank.length - 1)
        return resultPaths(s.slice(1, -1));
    const call = /^([A-Za-z_][\w-]*)\s*\(/.exec(blank);
    if (call && closes(blank, call[0].length - 1) === blank.length - 1) {
        return BOOLEAN_FUNCTIONS.test(call[1]) ? [] : contextPaths(s.slice(call[0].length, -1));
    }
    return contextPaths(s);
}
/** The index of the bracket closing the one at `open`. */
function closes(blank, open) {
    let depth = 0;
    for (let i = open; i < blank.length; i++) {
        if (blank[i] === '(')
            depth++;
        else if (blank[i] === ')' && --depth === 0)
            return i;
    }
    return -1;
}
/** Why an expression reads as hiding what it does, or undefined: a constant string, `a['b']` indexing. */
function obfuscated(body) {
    const blank = blankLiterals(body);
    if (/[\w\]]\s*\[\s*'/.test(blank))
        return 'indexes a context with a string literal';
    if (blank.includes("'") && contextPaths(body).length === 0 && !/\b(fromjson|hashfiles)\s*\(/i.test(blank))
        return 'is a constant';
    return undefined;
}
/** Event fields an outsider writes: titles, bodies, branch names, commit messages, fork metadata. */
const UNTRUSTED = [
    /^github\.head_ref$/,
    /^github\.event(\.(issue|pull_request|comment|review|review_comment|discussion|head_commit|commits|workflow_run|pages|pull_request\.head))?$/,
    /^github\.event\.(issue|pull_request|discussion)\.(title|body)$/,
    /^github\.event\.(comment|review|review_comment)\.body$/,
    /^github\.event\.pull_request\.head\.(ref|label)$/,
    /^github\.event\.pull_request\.head\.repo\.(default_branch|description|homepage)$/,
    /^github\.event\.pages\.\*\.page_name$/,
    /^github\.event\.(head_commit|commits\.\*)\.(message|author\.(name|email)|committer\.(name|email))$/,
    /^github\.event\.workflow_run\.(head_branch|display_title|head_commit\.(message|author\.(name|email)|committer\.(name|email)))$/,
    /^github\.event\.workflow_run\.pull_requests\.\*\.head\.ref$/,
];
/**
 * Whether a context is attacker-controlled ('untrusted'), a caller's input ('input'), or neither.
 * `safeInputs` are inputs declared `type: boolean | number | choice`, which cannot carry code.
 */
function taintOf(path, safeInputs) {
    if (UNTRUSTED.some((r) => r.test(path)))
        return 'untrusted';
    const input = /^(?:github\.event\.)?inputs\.([\w-]+)$/.exec(path);
    if (input)
        return safeInputs.has(input[1]) ? undefined : 'input';
    return undefined;
}

;// CONCATENATED MODULE: ./packages/security/src/workflows/audit-injection.ts


/** Inputs of well-known actions that run their value as code. */
const CODE_INPUTS = {
    'actions/github-script': ['script'],
    'azure/cli': ['inlinescript'],
    'azure/powershell': ['inlinescript'],
    'mikefarah/yq': ['cmd'],
};
/** The step's code sinks: `run:` and the code inputs of the actions above. */
function sinks(ctx, step) {
    const t = ctx.tree;
    const out = [];
    const run = t.get(step.node, 'run');
    if (run)
        out.push({ node: run, what: 'a run: script' });
    const inputs = CODE_INPUTS[actionOf(step) ?? ''];
    if (inputs)
        for (const e of t.entries(t.get(step.node, 'with')))
            if (e.value && inputs.includes(e.key.toLowerCase()))
                out.push({ node: e.value, what: `the \`${e.key}\` input of ${actionOf(step)}` });
    // A composite action of this repository that pastes an input into its own run: scripts.
    const local = step.uses && isLocalUses(step.uses) ? ctx.localActions.get(localFolder(step.uses)) : undefined;
    if (local)
        for (const e of t.entries(t.get(step.node, 'with')))
            if (e.value && local.has(e.key.toLowerCase()))
                out.push({
                    node: e.value,
                    what: `the \`${e.key}\` input of ${step.uses}, which that action expands into a run: script`,
                });
    return out;
}
/** A local `uses: ./path/` as the folder it names, relative to the repository root. */
function localFolder(uses) {
    return uses.replace(/^[.$]\//, '').replace(/\/+$/, '');
}
/**
 * The inputs a composite action expands into its own code sinks (`run: echo ${{ inputs.name }}`),
 * lower case: what a caller passes to them runs as code.
 */
function codeInputs(ctx) {
    const out = new Set();
    if (!ctx.isAction)
        return out;
    for (const job of ctx.jobs)
        for (const step of job.steps)
            for (const sink of sinks(ctx, step))
                for (const e of expressions(ctx.tree.str(sink.node) ?? ''))
                    for (const path of resultPaths(e.body)) {
                        const m = /^inputs\.([\w-]+)$/i.exec(path);
                        if (m)
                            out.add(m[1].toLowerCase());
                    }
    return out;
}
/** The untrusted contexts an expression's value can carry, with their severity. */
function tainted(ctx, body) {
    const out = [];
    for (const path of resultPaths(body)) {
        const taint = taintOf(path, ctx.safeInputs);
        if (taint === 'input')
            out.push({ path, severity: 'medium' });
        else if (taint === 'untrusted')
            out.push({ path, severity: ctx.privileged ? 'critical' : 'high' });
    }
    return out;
}
/** template-injection: outsider-controlled `${{ }}` pasted into code. */
function auditTemplateInjection(ctx) {
    for (const job of ctx.jobs)
        for (const step of job.steps)
            for (const sink of sinks(ctx, step)) {
                const body = ctx.tree.str(sink.node);
                if (!body)
                    continue;
                for (const e of expressions(body))
                    for (const { path, severity } of tainted(ctx, e.body))
                        ctx.add('template-injection', ctx.tree.lineOf(sink.node, e.raw), `\`${path}\` is expanded into ${sink.what} in ${where(step)}; whoever controls it can run commands. Pass it through \`env:\` instead.`, `${step.key}:${path}`, severity);
            }
}
const WRITES_ENV = /(GITHUB_ENV|GITHUB_PATH|GITHUB_OUTPUT)\b/;
/** Names of `env:` variables (step, job, workflow) whose value carries an untrusted context. */
function taintedEnv(ctx, step) {
    const t = ctx.tree;
    const names = new Set();
    for (const scope of [ctx.root, step.job.node, step.node])
        for (const e of t.entries(t.get(scope, 'env'))) {
            const value = t.str(e.value) ?? '';
            if (expressions(value).some((x) => tainted(ctx, x.body).some((p) => p.severity !== 'medium')))
                names.add(e.key);
        }
    return names;
}
/** github-env: outsider data (directly or through `env:`) written to GITHUB_ENV/PATH/OUTPUT. */
function auditGithubEnv(ctx) {
    for (const job of ctx.jobs)
        for (const step of job.steps) {
            const run = ctx.tree.get(step.node, 'run');
            const script = ctx.tree.str(run);
            if (!script || !WRITES_ENV.test(script))
                continue;
            const vars = taintedEnv(ctx, step);
            for (const line of script.split('\n')) {
                const file = WRITES_ENV.exec(line)?.[1];
                if (!file)
                    continue;
                const direct = expressions(line).some((x) => tainted(ctx, x.body).some((p) => p.severity !== 'medium'));
                const viaEnv = [...line.matchAll(/\$(?:env:|\{)?([A-Za-z_]\w*)/g)].find((m) => vars.has(m[1]))?.[1];
                // On pull_request_target and workflow_run, files and command output come from the outsider's
                // code or artifacts (`$(cat pr/title.txt)`): written to GITHUB_ENV/PATH they set variables too.
                const fromFiles = ctx.privileged && file !== 'GITHUB_OUTPUT' && /\$\(|`|<\s*\S|\bcat\b/.test(line);
                if (!direct && !viaEnv && !fromFiles)
                    continue;
                ctx.add('github-env', ctx.tree.lineOf(run, line.trim()), `${where(step)} writes outsider data${viaEnv ? ` (\`$${viaEnv}\`)` : ''} to \`${file}\`; a newline in it sets any variable for the later steps.`, `${step.key}:${file}:${viaEnv ?? 'expr'}`, file === 'GITHUB_OUTPUT' ? 'medium' : 'high');
            }
        }
}

;// CONCATENATED MODULE: ./packages/security/src/workflows/audit-obfuscation.ts


/** obfuscation: expressions and `uses:` paths written to hide what they do. */
function auditObfuscation(ctx) {
    for (const job of ctx.jobs)
        for (const step of job.steps) {
            const path = step.uses?.split('@')[0] ?? '';
            if (step.uses &&
                !step.uses.startsWith('docker://') &&
                /\/\/|(^|\/)\.\.?(\/|$)|\/$/.test(path.replace(/^\.\//, '')))
                ctx.add('obfuscation', step.usesNode, `\`${step.uses}\` in ${where(step)} is an obfuscated path.`, `${step.key}:uses`);
        }
    for (const { value, node } of ctx.tree.strings(ctx.root))
        for (const e of expressions(value)) {
            const why = obfuscated(e.body);
            if (why)
                ctx.add('obfuscation', ctx.tree.lineOf(node, e.raw), `\`${e.raw}\`${placeOf(ctx, node)} ${why}.`, `expr:${placeOf(ctx, node)}:${e.raw}`);
        }
}

;// CONCATENATED MODULE: ./packages/security/src/workflows/audit-permissions.ts

/** Scopes whose write access lets a job change code, releases, packages or identity. */
const SENSITIVE = /^(contents|id-token|packages|actions|deployments|pull-requests|issues|statuses|checks|security-events|attestations|pages|discussions|repository-projects)$/;
/** excessive-permissions: judged per job against the workflow-level grant. */
function auditPermissions(ctx) {
    if (ctx.isAction)
        return;
    const t = ctx.tree;
    const top = t.get(ctx.root, 'permissions');
    const topText = t.text(top);
    if (topText === 'write-all')
        ctx.add('excessive-permissions', top, 'The workflow grants `permissions: write-all`.', 'top-write-all', 'high');
    if (topText === 'read-all')
        ctx.add('excessive-permissions', top, 'The workflow grants `permissions: read-all`; name the scopes it reads.', 'top-read-all');
    const topWrites = (0,dist/* isMap */.jh)(top)
        ? t
            .entries(top)
            .filter((e) => t.text(e.value) === 'write' && SENSITIVE.test(e.key))
            .map((e) => `${e.key}: write`)
        : [];
    const inheriting = ctx.jobs.filter((j) => !t.get(j.node, 'permissions'));
    for (const job of ctx.jobs) {
        const own = t.get(job.node, 'permissions');
        const ownText = t.text(own);
        if (ownText === 'write-all' || ownText === 'read-all')
            ctx.add('excessive-permissions', own, `Job ${job.id} grants \`permissions: ${ownText}\`.`, `${job.id}:${ownText}`, ownText === 'write-all' ? 'high' : 'medium');
        if (own)
            continue;
        if (!top)
            ctx.add('excessive-permissions', job.keyNode, `Job ${job.id} has no \`permissions:\` and the workflow none either: the token gets the repository default, which may be read/write.`, `${job.id}:default`);
        else if (topWrites.length && inheriting.length > 1)
            ctx.add('excessive-permissions', job.keyNode, `Job ${job.id} inherits \`${topWrites.join('`, `')}\` granted to the whole workflow; grant it only to the jobs that need it.`, `${job.id}:inherits`, topWrites.some((w) => /^(contents|id-token)/.test(w)) ? 'medium' : 'low');
    }
}

;// CONCATENATED MODULE: ./packages/security/src/workflows/audit-pinning.ts

/** True for a `uses:` that names a remote action or workflow by a full commit SHA. */
function pinned(uses) {
    return /^[0-9a-f]{40}$/i.test(uses.split('@')[1] ?? '');
}
/** unpinned-action: step and job-level (reusable workflow) `uses:` not pinned to a commit. */
function auditUnpinnedUses(ctx) {
    const report = (uses, node, place, key) => {
        if (isLocalUses(uses) || uses.startsWith('docker://') || pinned(uses))
            return;
        const target = uses.split('@')[0];
        ctx.add('unpinned-action', ctx.tree.lineOf(node, uses), `\`${uses}\` in ${place} is not pinned to a commit SHA.`, `${key}:${target}`, /^(actions|github)\//.test(target) ? 'low' : 'medium');
    };
    for (const job of ctx.jobs) {
        const usesNode = ctx.tree.get(job.node, 'uses');
        const uses = ctx.tree.str(usesNode)?.trim();
        if (uses && usesNode)
            report(uses, usesNode, `job ${job.id} (reusable workflow)`, job.id);
        for (const step of job.steps)
            if (step.uses)
                report(step.uses, step.usesNode, where(step), step.key);
    }
}
/** The images a job runs in: `container:`, each of `services:`, `docker://` steps. */
function audit_pinning_images(ctx, job) {
    const t = ctx.tree;
    const out = [];
    const add = (spec, place) => {
        const node = t.str(spec) !== undefined ? spec : t.get(spec, 'image');
        const image = t.str(node)?.trim();
        if (image && node)
            out.push({ image, node, place });
    };
    add(t.get(job.node, 'container'), `job ${job.id} container`);
    for (const s of t.entries(t.get(job.node, 'services')))
        add(s.value, `job ${job.id} service ${s.key}`);
    for (const step of job.steps)
        if (step.uses?.startsWith('docker://'))
            out.push({ image: step.uses.slice('docker://'.length), node: step.usesNode, place: where(step) });
    return out;
}
/** unpinned-image: container and service images without a digest. */
function auditUnpinnedImages(ctx) {
    for (const job of ctx.jobs)
        for (const { image, node, place } of audit_pinning_images(ctx, job)) {
            if (image.includes('${{') || /@sha256:[0-9a-f]{64}$/i.test(image))
                continue;
            const tag = /:([^/:]+)$/.exec(image)?.[1];
            ctx.add('unpinned-image', node, `\`${image}\` in ${place} is not pinned to a digest${tag && tag !== 'latest' ? '' : ' (it floats on `latest`)'}.`, `${place}:${image}`, tag && tag !== 'latest' ? 'medium' : 'high');
        }
}
/** hardcoded-container-credentials: a literal registry password on a container or service. */
function auditContainerCredentials(ctx) {
    const t = ctx.tree;
    for (const job of ctx.jobs) {
        const specs = [
            { spec: t.get(job.node, 'container'), place: `job ${job.id} container` },
            ...t
                .entries(t.get(job.node, 'services'))
                .map((s) => ({ spec: s.value, place: `job ${job.id} service ${s.key}` })),
        ];
        for (const { spec, place } of specs) {
            const password = t.get(t.get(spec, 'credentials'), 'password');
            const value = t.text(password);
            if (password && value && !value.trim().startsWith('${{'))
                ctx.add('hardcoded-container-credentials', password, `The registry password of ${place} is written in the workflow.`, `${place}:password`);
        }
    }
}

;// CONCATENATED MODULE: ./packages/security/src/workflows/audit-release.ts

/** A step that publishes a release, package or image. */
const PUBLISHES = /\b(npm|pnpm|yarn)\s+publish\b|\btwine\s+upload\b|\bcargo\s+publish\b|\bgem\s+push\b|\bdocker\s+push\b|\bgh\s+release\s+(create|upload)\b|\bgoreleaser\b/;
const PUBLISH_ACTIONS = /^(pypa\/gh-action-pypi-publish|softprops\/action-gh-release|goreleaser\/goreleaser-action|docker\/build-push-action|rubygems\/release-gem|changesets\/action)$/;
function publishes(ctx, job) {
    return job.steps.some((s) => PUBLISH_ACTIONS.test(actionOf(s) ?? '') || PUBLISHES.test(ctx.tree.str(ctx.tree.get(s.node, 'run')) ?? ''));
}
/** A workflow that exists to release: on `release`, or on pushed tags. */
function releaseWorkflow(ctx) {
    if (ctx.triggers.has('release'))
        return true;
    const on = ctx.tree.get(ctx.root, 'on');
    return ctx.tree.get(ctx.tree.get(on, 'push'), 'tags') !== undefined;
}
/** The step restores a cache: actions/cache(/restore), or a setup action with caching on. */
function restoresCache(ctx, step) {
    const t = ctx.tree;
    const action = actionOf(step) ?? '';
    if (action === 'actions/cache')
        return !/\/save$/.test(step.uses.split('@')[0]);
    if (!/^actions\/setup-(node|python|java|go|dotnet)$/.test(action))
        return false;
    const cache = t.text(t.get(t.get(step.node, 'with'), 'cache'))?.trim();
    if (action === 'actions/setup-go')
        return cache !== 'false';
    return !!cache && cache !== 'false';
}
/** cache-poisoning: caches restored where releases are built. */
function auditCachePoisoning(ctx) {
    const release = releaseWorkflow(ctx);
    for (const job of ctx.jobs) {
        if (!release && !publishes(ctx, job))
            continue;
        for (const step of job.steps)
            if (restoresCache(ctx, step))
                ctx.add('cache-poisoning', step.usesNode, `${where(step)} restores a cache in a job that ${release ? 'runs for a release' : 'publishes'}; a poisoned cache ends up in what is shipped.`, `${step.key}:cache`);
    }
}
/** unsound-contains: `contains('a b c', ctx)` tests a substring, not membership. */
function auditUnsoundContains(ctx) {
    const t = ctx.tree;
    const check = (node, place, key) => {
        const cond = t.str(node);
        if (!cond)
            return;
        for (const m of cond.matchAll(/\bcontains\s*\(\s*'((?:[^']|'')*)'\s*,\s*([A-Za-z_][\w.-]*)\s*\)/gi))
            ctx.add('unsound-contains', node, `The \`if:\` of ${place} tests \`${m[2]}\` as a substring of '${m[1]}', so a part of one entry passes too.`, `${key}:${m[2]}`);
    };
    for (const job of ctx.jobs) {
        check(t.get(job.node, 'if'), `job ${job.id}`, job.id);
        for (const step of job.steps)
            check(t.get(step.node, 'if'), where(step), step.key);
    }
}

;// CONCATENATED MODULE: ./packages/security/src/workflows/audit-secrets.ts


/** secrets-inherit: every secret handed to a reusable workflow. */
function auditSecretsInherit(ctx) {
    const t = ctx.tree;
    for (const job of ctx.jobs) {
        const secrets = t.get(job.node, 'secrets');
        if (t.text(secrets) === 'inherit')
            ctx.add('secrets-inherit', secrets, `Job ${job.id} passes every secret to ${t.str(t.get(job.node, 'uses'))?.trim() ?? 'a reusable workflow'}.`, `${job.id}:inherit`);
    }
}
/** overprovisioned-secrets: `toJSON(secrets)` anywhere in the file. */
function auditToJsonSecrets(ctx) {
    for (const { value, node } of ctx.tree.strings(ctx.root))
        for (const e of expressions(value))
            if (/\btojson\s*\(\s*secrets\s*\)/i.test(e.body.replace(/'(?:[^']|'')*'/g, "''")))
                ctx.add('overprovisioned-secrets', ctx.tree.lineOf(node, e.raw), `\`${e.raw}\` hands every secret to one place${placeOf(ctx, node)}.`, `tojson:${placeOf(ctx, node)}`);
}
/** Publishing with a stored token where the registry offers trusted publishing. */
const TOKEN_PUBLISH = [
    {
        registry: 'PyPI',
        matches: (ctx, s) => (actionOf(s) === 'pypa/gh-action-pypi-publish' && !!ctx.tree.get(ctx.tree.get(s.node, 'with'), 'password')) ||
            (/\btwine\s+upload\b/.test(run(ctx, s)) && envHasSecret(ctx, s, /^TWINE_(PASSWORD|TOKEN)$/)),
    },
    {
        registry: 'npm',
        matches: (ctx, s) => /\bnpm\s+publish\b/.test(run(ctx, s)) && envHasSecret(ctx, s, /^NODE_AUTH_TOKEN$|^NPM_TOKEN$/),
    },
    {
        registry: 'RubyGems',
        matches: (ctx, s) => /\bgem\s+push\b/.test(run(ctx, s)) && envHasSecret(ctx, s, /^GEM_HOST_API_KEY$/),
    },
    {
        registry: 'crates.io',
        matches: (ctx, s) => /\bcargo\s+publish\b/.test(run(ctx, s)) &&
            (envHasSecret(ctx, s, /^CARGO_REGISTRY_TOKEN$/) || /--token\s+\S*secrets\./.test(run(ctx, s))),
    },
];
function run(ctx, s) {
    return ctx.tree.str(ctx.tree.get(s.node, 'run')) ?? '';
}
function envHasSecret(ctx, s, name) {
    const t = ctx.tree;
    return [ctx.root, s.job.node, s.node].some((scope) => t.entries(t.get(scope, 'env')).some((e) => name.test(e.key) && /\bsecrets\./.test(t.str(e.value) ?? '')));
}
/** use-trusted-publishing: a long-lived token used to publish. */
function auditTrustedPublishing(ctx) {
    for (const job of ctx.jobs)
        for (const step of job.steps)
            for (const p of TOKEN_PUBLISH)
                if (p.matches(ctx, step))
                    ctx.add('use-trusted-publishing', step.usesNode ?? ctx.tree.get(step.node, 'run'), `${where(step)} publishes to ${p.registry} with a stored token; ${p.registry} supports trusted publishing from this workflow.`, `${step.key}:${p.registry}`);
}
/** insecure-commands: `ACTIONS_ALLOW_UNSECURE_COMMANDS` set anywhere. */
function auditInsecureCommands(ctx) {
    const t = ctx.tree;
    const scopes = [
        { node: ctx.root, place: 'the workflow', key: 'top' },
        ...ctx.jobs.flatMap((j) => [
            { node: j.node, place: `job ${j.id}`, key: j.id },
            ...j.steps.map((s) => ({ node: s.node, place: where(s), key: s.key })),
        ]),
    ];
    for (const { node, place, key } of scopes) {
        const v = t.get(t.get(node, 'env'), 'ACTIONS_ALLOW_UNSECURE_COMMANDS');
        if (v && !/^(false|0|)$/i.test(t.text(v)?.trim() ?? ''))
            ctx.add('insecure-commands', v, `${place} sets ACTIONS_ALLOW_UNSECURE_COMMANDS.`, `${key}:unsecure`);
    }
}

;// CONCATENATED MODULE: ./packages/security/src/workflows/audit-triggers.ts


const DANGEROUS = ['pull_request_target', 'workflow_run', 'issue_comment'];
/** A checkout `ref:` that names the pull request's code. */
const PR_REF = /github\.event\.pull_request\.(?:head\.(?:sha|ref)|merge_commit_sha)|github\.head_ref|github\.event\.workflow_run\.head_(?:sha|branch)|refs\/pull\/|github\.event\.issue\.number/;
/** A script that fetches or checks out the pull request's code. */
const PR_RUN = /\bgh\s+pr\s+checkout\b|\bgit\s+fetch\b[^\n]*\bpull\/|\bgit\s+(?:checkout|switch)\b[^\n]*(?:head_ref|pull_request\.head)/;
/** The first step of a job that checks out or fetches the pull request's code. */
function runsPrCode(ctx, job) {
    const t = ctx.tree;
    for (const step of job.steps) {
        if (actionOf(step) === 'actions/checkout') {
            const ref = t.text(t.get(t.get(step.node, 'with'), 'ref')) ?? '';
            if (PR_REF.test(ref))
                return { node: step.usesNode, label: `${where(step)} (\`ref: ${ref}\`)`, key: step.key };
        }
        const run = t.get(step.node, 'run');
        if (PR_RUN.test(t.str(run) ?? ''))
            return { node: run, label: where(step), key: step.key };
    }
    return undefined;
}
/** dangerous-trigger: privileged triggers, critical where a job runs the pull request's code. */
function auditDangerousTriggers(ctx) {
    const present = DANGEROUS.filter((d) => ctx.triggers.has(d));
    if (!present.length)
        return;
    let checkedOut = false;
    for (const job of ctx.jobs) {
        const hit = runsPrCode(ctx, job);
        if (!hit)
            continue;
        checkedOut = true;
        ctx.add('dangerous-trigger', hit.node, `${present.join('/')} checks out untrusted code in ${hit.label}, with the repository's secrets and a write token.`, `${hit.key}:checkout`, 'critical');
    }
    if (checkedOut)
        return;
    for (const trigger of present)
        ctx.add('dangerous-trigger', ctx.triggers.get(trigger), `\`${trigger}\` runs with secrets and a write token on events outsiders cause; make sure no job runs their code or pastes their data into scripts.`, `trigger:${trigger}`);
}
/** self-hosted-runner: self-hosted machines running `pull_request` jobs. */
function auditSelfHostedRunners(ctx) {
    if (!ctx.triggers.has('pull_request') && !ctx.triggers.has('pull_request_target'))
        return;
    const t = ctx.tree;
    for (const job of ctx.jobs) {
        const runsOn = t.get(job.node, 'runs-on');
        const labels = [runsOn, t.get(runsOn, 'labels'), t.get(runsOn, 'group')].flatMap((n) => t.str(n) !== undefined ? [t.str(n)] : t.items(n).map((i) => t.text(i) ?? ''));
        if (labels.some((l) => /^self-hosted$/i.test(l.trim())))
            ctx.add('self-hosted-runner', runsOn, `Job ${job.id} runs pull request code on a self-hosted runner.`, `${job.id}:self-hosted`);
    }
}
const SPOOFABLE_BOT = /\bgithub\.(?:actor|triggering_actor)\s*==\s*'[^']*\[bot\]'|'[^']*\[bot\]'\s*==\s*github\.(?:actor|triggering_actor)\b/i;
/** bot-conditions: `if:` trusting `github.actor` to be a bot. */
function auditBotConditions(ctx) {
    const t = ctx.tree;
    const check = (node, place, key) => {
        const cond = t.str(node);
        if (!cond)
            return;
        const body = cond.includes('${{')
            ? expressions(cond)
                .map((e) => e.body)
                .join(' ')
            : cond;
        if (SPOOFABLE_BOT.test(body))
            ctx.add('bot-conditions', node, `The \`if:\` of ${place} trusts \`github.actor\` to be a bot; anyone can make the bot the actor.`, `${key}:if`, ctx.privileged ? 'high' : 'medium');
    };
    for (const job of ctx.jobs) {
        check(t.get(job.node, 'if'), `job ${job.id}`, job.id);
        for (const step of job.steps)
            check(t.get(step.node, 'if'), where(step), step.key);
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




/** The name as OSV keys it in an ecosystem (PyPI names are normalised; GitHub's owner/repo ignores case). */
function osvKey(ecosystem, name) {
    const eco = ecosystem.split(':')[0];
    return `${eco}\0${eco === 'PyPI' ? (0,src/* pypiName */.sS)(name) : eco === 'GitHub Actions' ? name.toLowerCase() : name}`;
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
/** What a finding says of an advisory for a package: severity, fixed versions, other ids, one-line summary ('' when none). */
function advisoryFacts(record, pkg) {
    return {
        sev: recordSeverity(record),
        fixed: fixedVersions(record, pkg),
        aliases: (record.aliases ?? []).filter((a) => a !== record.id),
        summary: record.summary ?? record.details?.split('\n')[0] ?? '',
    };
}

;// CONCATENATED MODULE: ./packages/security/src/workflows/yaml-tree.ts

/** Merge chains deeper than this are treated as absent (a loop of aliases ends here). */
const MAX_DEPTH = 16;
/**
 * A parsed workflow with lookups that follow anchors, aliases and merge keys, as GitHub does,
 * so a context hidden behind `*alias` or `<<: *defaults` is seen where it is used.
 */
class yaml_tree_YamlTree {
    source;
    doc;
    lc = new dist/* LineCounter */.HN();
    constructor(source) {
        this.source = source;
        this.doc = (0,dist/* parseDocument */.Tp)(source, { lineCounter: this.lc, uniqueKeys: false, merge: true });
    }
    /** The node an alias stands for (the node itself otherwise). */
    node(n) {
        let cur = n;
        for (let i = 0; i < MAX_DEPTH && (0,dist/* isAlias */.Vj)(cur); i++)
            cur = cur.resolve(this.doc);
        return (0,dist/* isAlias */.Vj)(cur) ? undefined : cur;
    }
    /** A mapping's keys in order, merged keys first and overridden by the mapping's own. */
    entries(map, depth = 0) {
        const m = this.node(map);
        if (!(0,dist/* isMap */.jh)(m) || depth > MAX_DEPTH)
            return [];
        const own = [];
        const merged = [];
        for (const pair of m.items) {
            const k = this.node(pair.key);
            if (!(0,dist/* isScalar */.jn)(k))
                continue;
            if (k.value === '<<' || typeof k.value === 'symbol') {
                const from = this.node(pair.value);
                for (const src of (0,dist/* isSeq */.oP)(from) ? from.items : [from])
                    merged.push(...this.entries(src, depth + 1));
                continue;
            }
            own.push({ key: String(k.value), keyNode: k, value: this.node(pair.value) });
        }
        if (!merged.length)
            return own;
        const ownKeys = new Set(own.map((e) => e.key));
        return [...merged.filter((e) => !ownKeys.has(e.key)), ...own];
    }
    /** The value under `key`, or undefined. */
    get(map, key) {
        const m = this.node(map);
        if (!(0,dist/* isMap */.jh)(m))
            return undefined;
        const found = this.entries(m).filter((e) => e.key === key);
        return found[found.length - 1]?.value;
    }
    /** The items of a sequence, aliases followed. */
    items(seq) {
        const s = this.node(seq);
        return (0,dist/* isSeq */.oP)(s) ? s.items.map((i) => this.node(i)).filter((i) => i !== undefined) : [];
    }
    /** A scalar's value as text (numbers and booleans too); undefined for anything else. */
    text(node) {
        const n = this.node(node);
        return (0,dist/* isScalar */.jn)(n) && n.value !== null ? String(n.value) : undefined;
    }
    /** A scalar's value only when YAML reads it as a string. */
    str(node) {
        const n = this.node(node);
        return (0,dist/* isScalar */.jn)(n) && typeof n.value === 'string' ? n.value : undefined;
    }
    /** Every string scalar under a node (keys excluded), for expression scans. */
    strings(node, depth = 0) {
        const n = this.node(node);
        if (!n || depth > 64)
            return [];
        if ((0,dist/* isScalar */.jn)(n))
            return typeof n.value === 'string' ? [{ value: n.value, node: n }] : [];
        if ((0,dist/* isMap */.jh)(n))
            return this.entries(n).flatMap((e) => this.strings(e.value, depth + 1));
        if ((0,dist/* isSeq */.oP)(n))
            return this.items(n).flatMap((i) => this.strings(i, depth + 1));
        return [];
    }
    /** The 1-based line a node starts on. */
    line(node) {
        const range = node?.range;
        return range ? this.lc.linePos(range[0]).line : 1;
    }
    /** The line of `needle` inside a node's source text (a block scalar spans lines), else the node's line. */
    lineOf(node, needle) {
        const range = node?.range;
        if (!range)
            return 1;
        const at = this.source.slice(range[0], range[1]).indexOf(needle);
        return this.lc.linePos(at >= 0 ? range[0] + at : range[0]).line;
    }
}
/**
 * The first key that a mapping repeats, with its line. The yaml library's own check compares every
 * key with every other (a 100,000-job file took minutes); a Set per mapping is linear.
 */
function duplicateKey(tree) {
    let found;
    (0,dist/* visit */.YR)(tree.doc, {
        Map(_key, map) {
            const keys = new Set();
            for (const pair of map.items) {
                if (!(0,dist/* isScalar */.jn)(pair.key) || typeof pair.key.value === 'symbol')
                    continue;
                const key = String(pair.key.value);
                if (keys.has(key)) {
                    found = { key, line: tree.line(pair.key) };
                    return dist/* visit */.YR.BREAK;
                }
                keys.add(key);
            }
            return undefined;
        },
    });
    return found;
}

;// CONCATENATED MODULE: ./packages/security/src/workflows/known-vulnerable.ts






const ECOSYSTEM = 'GitHub Actions';
/** `1.2.3`, `v1.2.3`, `1.2.3-rc.1`: an exact release. */
const EXACT = /^v?(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?)$/;
/** `v4`, `v4.2`: a tag that follows the newest release of a line. */
const FLOATING = /^v?(\d+)(?:\.(\d+))?$/;
/** The version a SHA pin keeps in its comment, as Dependabot and Renovate write it: `# v4.1.1`, `# tag=v3.0.2`. */
const COMMENT_VERSION = /#\s*(?:tag=|ratchet:[\w./-]+@)?v?(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?)\b/;
/**
 * The actions and reusable workflows a workflow or composite action uses, each with the version its
 * reference resolves to without asking GitHub: a release tag, a SHA pin's version comment, or the
 * first release of a floating major or minor tag. Branches, bare SHAs, local and `docker://`
 * references cannot be placed in a version order offline and are left out.
 */
function actionReferences(source, file) {
    const tree = new YamlTree(source);
    if (tree.doc.errors.length)
        return [];
    return actionReferencesOf(new AuditContext(tree, file), source);
}
/** The references of a workflow the audit already read (see actionReferences). */
function actionReferencesOf(ctx, source) {
    const { tree, file } = ctx;
    const lines = source.split('\n');
    const out = [];
    const add = (uses, line, place) => {
        const m = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)(?:\/[^@]*)?@(.+)$/.exec(uses);
        if (!m)
            return;
        const [, name, ref] = m;
        const base = { ecosystem: ECOSYSTEM, name, uses, place, dev: false, hashes: [], file, line };
        const exact = EXACT.exec(ref);
        if (exact)
            return void out.push({ ...base, version: exact[1] });
        if (/^[0-9a-f]{40}$/i.test(ref)) {
            const comment = COMMENT_VERSION.exec(lines[line - 1]?.slice(lines[line - 1].indexOf(uses)) ?? '');
            if (comment)
                out.push({ ...base, version: comment[1] });
            return;
        }
        const floating = FLOATING.exec(ref);
        if (!floating)
            return;
        const major = Number(floating[1]);
        const minor = floating[2] === undefined ? undefined : Number(floating[2]);
        const from = `${major}.${minor ?? 0}.0`;
        const to = minor === undefined ? `${major + 1}.0.0` : `${major}.${minor + 1}.0`;
        out.push({ ...base, version: from, series: { from, to } });
    };
    for (const job of ctx.jobs) {
        const usesNode = tree.get(job.node, 'uses');
        const uses = tree.str(usesNode)?.trim();
        if (uses && usesNode)
            add(uses, tree.lineOf(usesNode, uses), `job ${job.id} (reusable workflow)`);
        for (const step of job.steps)
            if (step.uses && step.usesNode)
                add(step.uses, tree.lineOf(step.usesNode, step.uses), where(step));
    }
    return out;
}
/**
 * True when a record affects every release a floating tag may point at: the line's first release
 * is affected (the caller matched it) and no fix or last affected release falls inside the line.
 */
function wholeLineAffected(record, ref) {
    if (!ref.series)
        return true;
    const cmp = comparatorFor(ECOSYSTEM);
    const { from, to } = ref.series;
    for (const a of record.affected ?? [])
        for (const r of a.ranges ?? [])
            for (const e of r.events) {
                const end = e.fixed ?? e.last_affected ?? e.limit;
                if (end !== undefined && end !== '*' && cmp(end, from) >= 0 && cmp(end, to) < 0)
                    return false;
            }
    return true;
}
/** Findings for the references OSV records affect (the matches come from the dependency scanner's data). */
function vulnerableActionFindings(matches) {
    const out = [];
    const seen = new Set();
    for (const { pkg, record } of matches) {
        const ref = pkg;
        if (!wholeLineAffected(record, ref))
            continue;
        const { sev, fixed, aliases, summary } = advisoryFacts(record, pkg);
        const print = fingerprint('workflow/known-vulnerable-action', ref.file, ref.uses, record.id);
        if (seen.has(`${print}:${ref.line}`))
            continue;
        seen.add(`${print}:${ref.line}`);
        const r = rule('known-vulnerable-action', sev.severity);
        const version = ref.series ? `every ${ref.uses.split('@')[1]} release` : `version ${ref.version}`;
        out.push({
            scanner: 'workflows',
            rule: r,
            severity: sev.severity,
            message: `\`${ref.uses}\` in ${ref.place} (${version}) is affected by ${record.id}${aliases.length ? ` (${aliases.join(', ')})` : ''}: ${summary || 'see the advisory'}. ${fixed.length ? `Fixed in ${fixed.join(', ')}: pin that release's commit SHA.` : 'No fixed release yet: replace the action.'}`,
            file: ref.file,
            line: ref.line ?? 1,
            fingerprint: print,
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/security/src/workflows/audit.ts











/** Every audit, in the order their findings are listed. */
const AUDITS = [
    auditTemplateInjection,
    auditUnpinnedUses,
    auditPermissions,
    auditDangerousTriggers,
    auditPersistedCredentials,
    auditSecretsInherit,
    auditUnpinnedImages,
    auditToJsonSecrets,
    auditTrustedPublishing,
    auditObfuscation,
    auditBotConditions,
    auditGithubEnv,
    auditCachePoisoning,
    auditInsecureCommands,
    auditContainerCredentials,
    auditUnsoundContains,
    auditSelfHostedRunners,
];
/**
 * Audits one workflow or action metadata file. A file that is not valid YAML, or not a workflow
 * GitHub would run (empty, a list where a mapping belongs), throws an error with its `line`, which
 * the caller reports as a warning naming the file.
 */
function auditWorkflow(source, file, localActions) {
    return auditWorkflowAndActions(source, file, localActions).findings;
}
/**
 * The repository's composite actions and the inputs each expands into code, by folder, from the
 * action files among `files` (path → text). Files that do not parse are left out (their audit warns).
 */
function localCodeInputs(files) {
    const out = new Map();
    for (const [path, text] of files) {
        if (!/(^|\/)action\.ya?ml$/.test(path))
            continue;
        try {
            const tree = new yaml_tree_YamlTree(text);
            if (tree.doc.errors.length)
                continue;
            const inputs = codeInputs(new context_AuditContext(tree, path));
            if (inputs.size)
                out.set(path.replace(/\/?action\.ya?ml$/, ''), inputs);
        }
        catch {
            // Not a valid action: its own audit says so.
        }
    }
    return out;
}
/** Audits a workflow and lists the actions it uses (for the known-vulnerable check), from one parse. */
function auditWorkflowAndActions(source, file, localActions) {
    const tree = new yaml_tree_YamlTree(source);
    const err = tree.doc.errors[0];
    if (err)
        throw Object.assign(new Error(err.message.split('\n')[0]), { line: err.linePos?.[0]?.line });
    const dup = duplicateKey(tree);
    if (dup)
        throw Object.assign(new Error(`Map keys must be unique: '${dup.key}' appears twice`), { line: dup.line });
    const ctx = new context_AuditContext(tree, file, localActions);
    for (const audit of AUDITS)
        audit(ctx);
    return { findings: ctx.findings, actions: actionReferencesOf(ctx, source) };
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
/** A workflow's findings and the actions it uses; one that is not valid YAML is a warning with its file and line. */
function auditOrWarn(text, path, logger, localActions) {
    try {
        return auditWorkflowAndActions(text, path, localActions);
    }
    catch (err) {
        const line = err.line;
        // A workflow GitHub would reject says what is wrong itself ("not a valid workflow: …"); anything else is YAML the parser refused.
        const message = err.message;
        const what = err instanceof WorkflowError ? `is ${message}` : `is not valid YAML (${message})`;
        logger.warning(`${path} ${what}; not audited`, {
            file: path,
            ...(line ? { startLine: line } : {}),
        });
        return { findings: [], actions: [] };
    }
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
/**
 * Reads every lockfile under a root and matches its packages against OSV. `alsoMatch` are more
 * packages (the actions workflows use) matched with the same data in the same load; what affects
 * them comes back in `alsoMatched`, for their scanner to report.
 */
async function scanDependencies(root, source, logger, alsoMatch = []) {
    const { packages, lockfiles } = readLockfiles(root, logger);
    return { ...(await matchPackages(packages, source, logger, alsoMatch)), lockfiles };
}
/**
 * The records affecting each package, from an offline folder (loading only the packages' records)
 * or the OSV API. An empty offline database is an error: it would pass every package.
 */
async function findAffecting(packages, source, logger) {
    const matches = [];
    if (source.kind === 'offline') {
        const loaded = await loadOsvDb(source.path, new Set(packages.map((p) => osvKey(p.ecosystem, p.name))), (m) => logger.warning(m), source);
        if (loaded.records === 0)
            throw new lite/* UserError */.yo(`'${source.path}' holds no OSV records, so no dependency could be checked.`, { input: 'osv-db' }, 'Give a folder of OSV JSON records (*.json) or all.zip files from https://osv-vulnerabilities.storage.googleapis.com, or leave osv-db empty to query the OSV API.');
        for (const pkg of packages)
            for (const record of loaded.index.get(osvKey(pkg.ecosystem, pkg.name)) ?? [])
                if (affects(record, pkg))
                    matches.push({ pkg, record });
        return { matches, records: loaded.records };
    }
    const byPackage = await queryOsv(packages, source);
    for (const pkg of packages)
        for (const record of byPackage.get(`${pkg.ecosystem}\0${pkg.name}\0${pkg.version}`) ?? [])
            matches.push({ pkg, record });
    return { matches };
}
/** Matches locked packages against OSV and returns one finding per package and vulnerability. */
async function matchPackages(all, source, logger, alsoMatch = []) {
    // Packages of an ecosystem OSV does not know (CocoaPods) are listed in the SBOM but never queried.
    const unique = dedupeByFile([...all]).filter((p) => (0,src/* isOsvEcosystem */.vt)(p.ecosystem));
    const extra = new Set(alsoMatch);
    const { matches, records } = await findAffecting([...unique, ...alsoMatch], source, logger);
    const findings = [];
    for (const { pkg, record } of matches) {
        if (extra.has(pkg))
            continue;
        const { sev, fixed, aliases, summary } = advisoryFacts(record, pkg);
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
    }
    return {
        findings,
        packages: unique.length,
        ...(records !== undefined ? { records } : {}),
        alsoMatched: matches.filter((m) => extra.has(m.pkg)),
    };
}
/**
 * The actions to match against OSV: all of them when the dependency scanner runs too (its data,
 * its consent to ask the API), or when the data is offline; none otherwise, so the workflow
 * scanner alone never asks the OSV API.
 */
function actionsToMatch(actions, dependencies, source) {
    return dependencies || source.kind === 'offline' ? actions : [];
}
/**
 * Matches only the actions workflows use (the workflow scanner without the dependency scanner):
 * offline data without records is a warning here, since no dependency was meant to be checked.
 */
async function matchActionsOnly(actions, source, logger) {
    try {
        const { matches, records } = await findAffecting(actions, source, logger);
        return { alsoMatched: matches, ...(records !== undefined ? { records } : {}) };
    }
    catch (err) {
        if (!(0,lite/* isUserError */.iU)(err))
            throw err;
        logger.warning(`security-scan: workflows: known-vulnerable actions not checked: ${err.message}`);
        return { alsoMatched: [] };
    }
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
    const actions = [];
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
                const audited = auditOrWarn(text, path, logger);
                out.findings.push(...audited.findings);
                actions.push(...audited.actions);
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
    const checked = actionsToMatch(actions, want.has('dependencies'), osv);
    if (want.has('dependencies') || checked.length > 0) {
        const matched = want.has('dependencies')
            ? await matchPackages(packages, osv, logger, checked)
            : { ...(await matchActionsOnly(checked, osv, logger)), findings: [], packages: 0 };
        out.findings.push(...matched.findings, ...vulnerableActionFindings(matched.alsoMatched));
        if (want.has('dependencies'))
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
    // Workflows are read first: the actions they use are matched against OSV with the dependencies,
    // in the same load of the data.
    const workflowFindings = [];
    const actions = [];
    if (want.has('workflows')) {
        const texts = new Map();
        for (const path of listFiles(options.target)) {
            if (!isWorkflowFile(path))
                continue;
            const text = readWorkflow((0,external_node_path_.join)(options.target, path), path, logger);
            if (text !== undefined)
                texts.set(path, text);
        }
        // The repository's composite actions first: a workflow step passing outsider data to an input
        // one of them runs as code is an injection the step's own file does not show.
        const localActions = localCodeInputs(texts);
        for (const [path, text] of texts) {
            stats.workflows++;
            const audited = auditOrWarn(text, path, logger, localActions);
            workflowFindings.push(...audited.findings);
            actions.push(...audited.actions);
        }
    }
    const checked = actionsToMatch(actions, want.has('dependencies'), options.osv);
    let actionMatches = [];
    if (want.has('dependencies')) {
        const r = await scanDependencies(options.target, options.osv, logger, checked);
        findings.push(...r.findings);
        actionMatches = r.alsoMatched;
        stats.packages = r.packages;
        stats.lockfiles = r.lockfiles.length;
        if (r.records !== undefined)
            stats.osvRecords = r.records;
        if (r.lockfiles.length === 0)
            logger.info('security-scan: dependencies: no lockfile was found, so no dependency was checked');
    }
    else if (checked.length > 0) {
        const r = await matchActionsOnly(checked, options.osv, logger);
        actionMatches = r.alsoMatched;
        if (r.records !== undefined)
            stats.osvRecords = r.records;
    }
    findings.push(...workflowFindings, ...vulnerableActionFindings(actionMatches));
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
function config_placeOf(problem, doc) {
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
        throw new lite/* UserError */.yo(`${path} is not a gitleaks configuration slipway can use: ${config_placeOf(checked.problem, raw)}.`, { input: 'config', file: path }, 'See https://github.com/gitleaks/gitleaks#configuration for the format.');
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
