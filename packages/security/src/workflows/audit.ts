import type { Finding } from '../types.js';
import { auditPersistedCredentials } from './audit-checkout.js';
import { auditGithubEnv, auditTemplateInjection, codeInputs } from './audit-injection.js';
import { auditObfuscation } from './audit-obfuscation.js';
import { auditPermissions } from './audit-permissions.js';
import { auditContainerCredentials, auditUnpinnedImages, auditUnpinnedUses } from './audit-pinning.js';
import { auditCachePoisoning, auditUnsoundContains } from './audit-release.js';
import {
  auditInsecureCommands,
  auditSecretsInherit,
  auditToJsonSecrets,
  auditTrustedPublishing,
} from './audit-secrets.js';
import { auditBotConditions, auditDangerousTriggers, auditSelfHostedRunners } from './audit-triggers.js';
import { AuditContext } from './context.js';
import { actionReferencesOf, type ActionReference } from './known-vulnerable.js';
import { YamlTree, duplicateKey } from './yaml-tree.js';

/** Every audit, in the order their findings are listed. */
const AUDITS: Array<(ctx: AuditContext) => void> = [
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
export function auditWorkflow(
  source: string,
  file: string,
  localActions?: ReadonlyMap<string, ReadonlySet<string>>,
): Finding[] {
  return auditWorkflowAndActions(source, file, localActions).findings;
}

/**
 * The repository's composite actions and the inputs each expands into code, by folder, from the
 * action files among `files` (path → text). Files that do not parse are left out (their audit warns).
 */
export function localCodeInputs(files: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [path, text] of files) {
    if (!/(^|\/)action\.ya?ml$/.test(path)) continue;
    try {
      const tree = new YamlTree(text);
      if (tree.doc.errors.length) continue;
      const inputs = codeInputs(new AuditContext(tree, path));
      if (inputs.size) out.set(path.replace(/\/?action\.ya?ml$/, ''), inputs);
    } catch {
      // Not a valid action: its own audit says so.
    }
  }
  return out;
}

/** Audits a workflow and lists the actions it uses (for the known-vulnerable check), from one parse. */
export function auditWorkflowAndActions(
  source: string,
  file: string,
  localActions?: ReadonlyMap<string, ReadonlySet<string>>,
): { findings: Finding[]; actions: ActionReference[] } {
  const tree = new YamlTree(source);
  const err = tree.doc.errors[0];
  if (err) throw Object.assign(new Error(err.message.split('\n')[0]), { line: err.linePos?.[0]?.line });
  const dup = duplicateKey(tree);
  if (dup) throw Object.assign(new Error(`Map keys must be unique: '${dup.key}' appears twice`), { line: dup.line });
  const ctx = new AuditContext(tree, file, localActions);
  for (const audit of AUDITS) audit(ctx);
  return { findings: ctx.findings, actions: actionReferencesOf(ctx, source) };
}

/** True for the files the workflow scanner reads. */
export function isWorkflowFile(path: string): boolean {
  return /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path) || /(^|\/)action\.ya?ml$/.test(path);
}
