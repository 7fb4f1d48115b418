import type { Ecosystem, LockedPackage } from '@slipway/lockfiles';
import { advisoryFacts, type OsvRecord } from '../deps/osv.js';
import { comparatorFor } from '../deps/versions.js';
import { fingerprint } from '../fingerprint.js';
import type { Finding } from '../types.js';
import { AuditContext, where } from './context.js';
import { rule } from './rules.js';
import { YamlTree } from './yaml-tree.js';

const ECOSYSTEM: Ecosystem = 'GitHub Actions';

/** An action or reusable workflow a workflow uses, as a package OSV's `GitHub Actions` ecosystem names. */
export interface ActionReference extends LockedPackage {
  /** What the workflow says: `owner/repo/path@ref`. */
  uses: string;
  /** Where: `job build, step "Checkout"`. */
  place: string;
  /**
   * For a tag that moves within a major or minor line (`v4`, `v4.2`): the first version of that
   * line, which `version` holds; the tag may point at any release of the line.
   */
  series?: { from: string; to: string };
}

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
export function actionReferences(source: string, file: string): ActionReference[] {
  const tree = new YamlTree(source);
  if (tree.doc.errors.length) return [];
  return actionReferencesOf(new AuditContext(tree, file), source);
}

/** The references of a workflow the audit already read (see actionReferences). */
export function actionReferencesOf(ctx: AuditContext, source: string): ActionReference[] {
  const { tree, file } = ctx;
  const lines = source.split('\n');
  const out: ActionReference[] = [];
  const add = (uses: string, line: number, place: string): void => {
    const m = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)(?:\/[^@]*)?@(.+)$/.exec(uses);
    if (!m) return;
    const [, name, ref] = m as unknown as [string, string, string];
    const base = { ecosystem: ECOSYSTEM, name, uses, place, dev: false, hashes: [], file, line };
    const exact = EXACT.exec(ref);
    if (exact) return void out.push({ ...base, version: exact[1]! });
    if (/^[0-9a-f]{40}$/i.test(ref)) {
      const comment = COMMENT_VERSION.exec(lines[line - 1]?.slice(lines[line - 1]!.indexOf(uses)) ?? '');
      if (comment) out.push({ ...base, version: comment[1]! });
      return;
    }
    const floating = FLOATING.exec(ref);
    if (!floating) return;
    const major = Number(floating[1]);
    const minor = floating[2] === undefined ? undefined : Number(floating[2]);
    const from = `${major}.${minor ?? 0}.0`;
    const to = minor === undefined ? `${major + 1}.0.0` : `${major}.${minor + 1}.0`;
    out.push({ ...base, version: from, series: { from, to } });
  };
  for (const job of ctx.jobs) {
    const usesNode = tree.get(job.node, 'uses');
    const uses = tree.str(usesNode)?.trim();
    if (uses && usesNode) add(uses, tree.lineOf(usesNode, uses), `job ${job.id} (reusable workflow)`);
    for (const step of job.steps)
      if (step.uses && step.usesNode) add(step.uses, tree.lineOf(step.usesNode, step.uses), where(step));
  }
  return out;
}

/**
 * True when a record affects every release a floating tag may point at: the line's first release
 * is affected (the caller matched it) and no fix or last affected release falls inside the line.
 */
function wholeLineAffected(record: OsvRecord, ref: ActionReference): boolean {
  if (!ref.series) return true;
  const cmp = comparatorFor(ECOSYSTEM);
  const { from, to } = ref.series;
  for (const a of record.affected ?? [])
    for (const r of a.ranges ?? [])
      for (const e of r.events) {
        const end = e.fixed ?? e.last_affected ?? e.limit;
        if (end !== undefined && end !== '*' && cmp(end, from) >= 0 && cmp(end, to) < 0) return false;
      }
  return true;
}

/** Findings for the references OSV records affect (the matches come from the dependency scanner's data). */
export function vulnerableActionFindings(matches: readonly { pkg: LockedPackage; record: OsvRecord }[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const { pkg, record } of matches) {
    const ref = pkg as ActionReference;
    if (!wholeLineAffected(record, ref)) continue;
    const { sev, fixed, aliases, summary } = advisoryFacts(record, pkg);
    const print = fingerprint('workflow/known-vulnerable-action', ref.file, ref.uses, record.id);
    if (seen.has(`${print}:${ref.line}`)) continue;
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
