import {
  LineCounter,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Node,
  type YAMLMap,
} from 'yaml';
import { fingerprint } from '../fingerprint.js';
import type { Finding, RuleInfo, Severity } from '../types.js';

const RULES: Record<string, Omit<RuleInfo, 'id'>> = {
  'template-injection': {
    name: 'Untrusted input expanded into a script',
    description:
      'A `${{ }}` expression that an outsider controls is pasted into `run:` or a github-script `script:`, where it runs as code.',
    help: 'Pass the value through an environment variable (`env: TITLE: ${{ github.event.issue.title }}`) and use `"$TITLE"` in the script, so it is data, not code.',
    severity: 'high',
  },
  'unpinned-action': {
    name: 'Action not pinned to a commit',
    description:
      'A `uses:` reference points at a tag or branch, which its owner (or an attacker who takes it over) can move.',
    help: 'Pin to a full 40-character commit SHA and keep the version in a comment: `uses: owner/action@<sha> # v1.2.3`.',
    severity: 'medium',
  },
  'excessive-permissions': {
    name: 'Token permissions not limited',
    description:
      'The workflow has no top-level `permissions:` (so the token gets the repository default) or grants `write-all`.',
    help: 'Add `permissions: contents: read` at the top and grant more only to the jobs that need it.',
    severity: 'medium',
  },
  'dangerous-trigger': {
    name: 'Privileged trigger runs untrusted code',
    description:
      "`pull_request_target` or `workflow_run` runs with secrets and a write token, and this job checks out the pull request's code.",
    help: 'Use `pull_request` for building untrusted code, or split the work: build in `pull_request`, then act on its artifacts in a separate privileged workflow that never runs them.',
    severity: 'critical',
  },
  'persisted-credentials': {
    name: 'Checkout keeps the token on disk next to an artifact upload',
    description:
      '`actions/checkout` writes the token into `.git/config` unless `persist-credentials: false`; this job uploads an artifact that may include it.',
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

const UNTRUSTED =
  /\$\{\{[^}]*?\b(github\.event\.(?:issue\.(?:title|body)|pull_request\.(?:title|body|head\.ref|head\.label|head\.repo\.default_branch)|comment\.body|review\.body|review_comment\.body|discussion\.(?:title|body)|pages\.[^}\s]*\.page_name|head_commit\.(?:message|author\.(?:name|email))|commits\.[^}\s]*\.(?:message|author\.(?:name|email))|workflow_run\.(?:head_branch|head_commit\.message|display_title))|github\.head_ref|inputs\.[A-Za-z0-9_-]+)\b[^}]*\}\}/g;
const UNTRUSTED_CHECKOUT =
  /github\.event\.pull_request\.head\.(?:sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(?:sha|branch)|refs\/pull\//;

function rule(id: string, severity?: Severity): RuleInfo {
  const r = RULES[id]!;
  return { id: `workflow/${id}`, ...r, severity: severity ?? r.severity };
}

function get(map: unknown, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  for (const pair of (map as YAMLMap).items)
    if (isScalar(pair.key) && pair.key.value === key) return pair.value as Node;
  return undefined;
}

function text(node: unknown): string | undefined {
  return isScalar(node) ? String(node.value) : undefined;
}

/**
 * The first key that a mapping repeats, with its line. The yaml library's own check compares every
 * key with every other (a 100,000-job file took minutes); a Set per mapping is linear.
 */
function duplicateKey(doc: Document, lc: LineCounter): { key: string; line: number } | undefined {
  let found: { key: string; line: number } | undefined;
  visit(doc, {
    Map(_key, map) {
      const keys = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (keys.has(key)) {
          found = { key, line: pair.key.range ? lc.linePos(pair.key.range[0]).line : 1 };
          return visit.BREAK;
        }
        keys.add(key);
      }
      return undefined;
    },
  });
  return found;
}

/** Audits one workflow or action metadata file; a file that does not parse is reported by the caller. */
export function auditWorkflow(source: string, file: string): Finding[] {
  const lc = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lc, uniqueKeys: false });
  if (doc.errors.length)
    throw Object.assign(new Error(doc.errors[0]!.message.split('\n')[0]), { line: doc.errors[0]!.linePos?.[0]?.line });
  const dup = duplicateKey(doc, lc);
  if (dup) throw Object.assign(new Error(`Map keys must be unique: '${dup.key}' appears twice`), { line: dup.line });
  const root = doc.contents;
  const findings: Finding[] = [];
  const lineOf = (node: unknown): number => {
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    return range ? lc.linePos(range[0]).line : 1;
  };
  const add = (id: string, node: unknown, message: string, key: string, severity?: Severity): void => {
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
  const on = get(root, 'on') ?? get(root, true as unknown as string);
  const triggers = new Set<string>(
    isScalar(on)
      ? [String(on.value)]
      : isSeq(on)
        ? on.items.map((i) => text(i) ?? '')
        : isMap(on)
          ? on.items.map((p) => text(p.key) ?? '')
          : [],
  );
  const privileged = triggers.has('pull_request_target') || triggers.has('workflow_run');

  const jobs = get(root, 'jobs');
  if (!isAction) {
    const top = get(root, 'permissions');
    const allJobsScoped = isMap(jobs) && jobs.items.every((p) => get(p.value, 'permissions') !== undefined);
    if (!top && !allJobsScoped && isMap(jobs))
      add(
        'excessive-permissions',
        root,
        'The workflow has no top-level `permissions:`; the token gets the repository default, which may be read/write.',
        'top',
      );
    if (text(top) === 'write-all')
      add('excessive-permissions', top, 'The workflow grants `permissions: write-all`.', 'top-write-all', 'high');
  }

  const auditSteps = (steps: unknown, jobId: string): void => {
    if (!isSeq(steps)) return;
    const uploads = steps.items.some((s) => /actions\/upload-artifact@/.test(text(get(s, 'uses')) ?? ''));
    steps.items.forEach((step, index) => {
      const stepKey = `${jobId}/${text(get(step, 'id')) ?? text(get(step, 'name')) ?? index}`;
      const usesNode = get(step, 'uses');
      const uses = text(usesNode);
      const run = get(step, 'run');
      const script = /actions\/github-script@/.test(uses ?? '') ? get(get(step, 'with'), 'script') : undefined;
      for (const node of [run, script]) {
        const body = text(node);
        if (!body) continue;
        for (const m of body.matchAll(UNTRUSTED)) {
          const ctx = m[1]!;
          const sev: Severity = ctx.startsWith('inputs.') ? 'medium' : privileged ? 'critical' : 'high';
          add(
            'template-injection',
            node,
            `\`${ctx}\` is expanded into ${node === run ? 'a run: script' : 'a github-script script'} in ${jobId}; whoever controls it can run commands.`,
            `${stepKey}:${ctx}`,
            sev,
          );
        }
      }
      if (uses && !uses.startsWith('./') && !uses.startsWith('docker://')) {
        const [target, ref = ''] = uses.split('@');
        if (!/^[0-9a-f]{40}$/.test(ref)) {
          const firstParty = /^(actions|github)\//.test(target!);
          add(
            'unpinned-action',
            usesNode,
            `\`${uses}\` is not pinned to a commit SHA.`,
            `${stepKey}:${target}`,
            firstParty ? 'low' : 'medium',
          );
        }
      }
      if (/^actions\/checkout@/.test(uses ?? '')) {
        const withNode = get(step, 'with');
        const ref = text(get(withNode, 'ref')) ?? '';
        if (privileged && UNTRUSTED_CHECKOUT.test(ref))
          add(
            'dangerous-trigger',
            usesNode,
            `${[...triggers].filter((t) => t === 'pull_request_target' || t === 'workflow_run').join('/')} checks out untrusted code (\`ref: ${ref}\`) in ${jobId}.`,
            `${stepKey}:checkout`,
          );
        if (uploads && text(get(withNode, 'persist-credentials')) !== 'false')
          add(
            'persisted-credentials',
            usesNode,
            `${jobId} checks out with the token persisted and uploads an artifact.`,
            `${stepKey}:persist`,
          );
      }
    });
  };

  if (isMap(jobs)) {
    for (const pair of jobs.items) {
      const jobId = text(pair.key) ?? '?';
      const job = pair.value;
      if (text(get(job, 'permissions')) === 'write-all')
        add(
          'excessive-permissions',
          get(job, 'permissions'),
          `Job ${jobId} grants \`permissions: write-all\`.`,
          `${jobId}:write-all`,
          'high',
        );
      if (text(get(job, 'secrets')) === 'inherit')
        add(
          'secrets-inherit',
          get(job, 'secrets'),
          `Job ${jobId} passes every secret to ${text(get(job, 'uses')) ?? 'a reusable workflow'}.`,
          `${jobId}:inherit`,
        );
      auditSteps(get(job, 'steps'), jobId);
    }
  }
  if (isAction) auditSteps(get(get(root, 'runs'), 'steps'), 'composite action');
  return findings;
}

/** True for the files the workflow scanner reads. */
export function isWorkflowFile(path: string): boolean {
  return /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path) || /(^|\/)action\.ya?ml$/.test(path);
}
