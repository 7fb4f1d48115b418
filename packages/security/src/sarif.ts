import type * as Sarif from 'sarif';
import { securitySeverity, severityRank, type Finding, type ScannerName } from './types.js';

/** GitHub's limit of results per run. */
export const MAX_RESULTS_PER_RUN = 25_000;

const TOOL_NAME: Record<ScannerName, string> = {
  secrets: 'slipway-secrets',
  'secrets-history': 'slipway-secrets-history',
  dependencies: 'slipway-dependencies',
  workflows: 'slipway-workflows',
};

/** What building the SARIF log dropped to stay within GitHub's limits. */
export interface SarifBuild {
  log: Sarif.Log;
  dropped: number;
}

/**
 * A SARIF 2.1.0 log with one run per scanner (each with its own automationDetails.id category,
 * since GitHub rejects duplicate categories in one upload). Rules carry security-severity and
 * help; results carry partialFingerprints. Past 25,000 results a run keeps the most severe.
 */
export function buildSarif(
  findings: readonly Finding[],
  scanners: readonly ScannerName[],
  version: string,
  categoryPrefix = 'slipway',
): SarifBuild {
  let dropped = 0;
  const runs: Sarif.Run[] = scanners.map((scanner) => {
    let mine = findings.filter((f) => f.scanner === scanner);
    if (mine.length > MAX_RESULTS_PER_RUN) {
      mine = [...mine].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
      dropped += mine.length - MAX_RESULTS_PER_RUN;
      mine = mine.slice(0, MAX_RESULTS_PER_RUN);
    }
    const rules = new Map<string, Sarif.ReportingDescriptor>();
    for (const f of mine) {
      if (rules.has(f.rule.id)) continue;
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
    const sortedRules = ruleIds.map((id) => rules.get(id)!);
    const results: Sarif.Result[] = mine.map((f) => ({
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

function levelOf(severity: Finding['severity']): Sarif.Result.level {
  return severity === 'critical' || severity === 'high' ? 'error' : severity === 'medium' ? 'warning' : 'note';
}
