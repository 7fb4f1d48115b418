import { relative, sep } from 'node:path';
import {
  actionsExec,
  InputReader,
  OutputWriter,
  realWorkspace,
  systemClock,
  UserError,
  writeFileAtomic,
  type ActionSeams,
} from '@slipway/action-kit/lite';
import {
  gate,
  loadGitleaksConfig,
  readBaseline,
  scan,
  severityRank,
  writeBaseline,
  writeSarif,
  type OsvSource,
} from '@slipway/security';
import { parseInputs } from './inputs.js';
import { metadata } from './metadata.generated.js';
import { scanSummary } from './summary.js';

/** How many annotations a run shows (most severe first); the rest are in SARIF and the report. */
const MAX_ANNOTATIONS = 50;

/** Scans, writes SARIF and the report, annotates, summarises, and fails by the severity policy. */
export async function run({ env, logger, setOutput }: ActionSeams): Promise<void> {
  const workspace = realWorkspace(env.GITHUB_WORKSPACE || process.cwd());
  const inputs = parseInputs(new InputReader(metadata, env), workspace);
  const rel = (abs: string): string => relative(workspace, abs).split(sep).join('/');
  const custom = inputs.config ? loadGitleaksConfig(inputs.config) : undefined;
  const baseline = inputs.baseline ? readBaseline(inputs.baseline) : undefined;
  const osv: OsvSource = inputs.osvDb
    ? { kind: 'offline', path: inputs.osvDb }
    : { kind: 'api', baseUrl: inputs.osvApiUrl, http: fetch, clock: systemClock };
  const { findings, stats } = await scan(
    {
      target: inputs.target,
      scanners: inputs.scanners,
      ...(custom ? { extraRules: custom.rules, allow: custom.allow } : {}),
      osv,
      ...(inputs.historySince ? { historySince: inputs.historySince } : {}),
    },
    { exec: actionsExec, logger },
  );
  findings.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line),
  );
  const result = gate(findings, baseline, inputs.failOn);

  const dropped = await writeSarif(inputs.sarif, result.active, inputs.scanners, '0.1.0');
  if (dropped)
    logger.warning(
      `security-scan: ${dropped} low-severity results were left out of the SARIF file to stay within GitHub's limits; the report has them all.`,
    );
  const reportPath = inputs.sarif.replace(/(\.sarif)?$/, '.report.json');
  await writeFileAtomic(
    reportPath,
    `${JSON.stringify({ version: 1, target: rel(inputs.target) || '.', scanners: inputs.scanners, stats, counts: result.counts, passed: result.passed, reason: result.reason, findings: findings.map((f) => ({ scanner: f.scanner, rule: f.rule.id, severity: f.severity, message: f.message, file: f.file, line: f.line, fingerprint: f.fingerprint, baselined: baseline?.has(f.fingerprint) ?? false })) }, null, 2)}\n`,
  );
  if (inputs.writeBaseline) await writeBaseline(inputs.writeBaseline, findings);

  const annotated = inputs.target === workspace ? '' : `${rel(inputs.target)}/`;
  for (const f of result.active.slice(0, MAX_ANNOTATIONS)) {
    const props = {
      file: f.file.includes('!/') ? rel(inputs.target) : annotated + f.file,
      startLine: f.line,
      title: `${f.severity}: ${f.rule.name}`,
    };
    if (severityRank(f.severity) <= 1) logger.error(f.message, props);
    else logger.warning(f.message, props);
  }
  if (result.active.length > MAX_ANNOTATIONS)
    logger.info(
      `security-scan: ${result.active.length - MAX_ANNOTATIONS} more findings are in the SARIF file and the report.`,
    );

  const out = new OutputWriter(metadata, setOutput);
  out.set('sarif-path', rel(inputs.sarif));
  out.set('report-path', rel(reportPath));
  out.set('findings', result.active.length);
  out.set('critical', result.counts.critical);
  out.set('high', result.counts.high);
  out.set('medium', result.counts.medium);
  out.set('low', result.counts.low);
  out.set('new-findings', result.newFindings);
  out.set('passed', result.passed);
  out.set('reason', result.reason);
  await scanSummary(result, stats, inputs.scanners).write(env);
  logger.info(`security-scan: ${result.reason}`);
  if (!result.passed)
    throw new UserError(result.reason, { input: 'fail-on' }, 'Fix the findings, or accept them in a baseline.');
}
