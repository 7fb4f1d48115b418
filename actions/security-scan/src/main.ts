import {
  actionsExec,
  credentialParts,
  InputReader,
  maskCredential,
  OutputWriter,
  realWorkspace,
  shownPath,
  systemClock,
  UserError,
  writeFileAtomic,
  type ActionSeams,
  type Clock,
  type Http,
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

/** What tests may put in place of the network and the clock. */
export interface SecurityScanSeams {
  http?: Http;
  clock?: Clock;
  /** Milliseconds one OSV API request may take (default 30 s). */
  osvTimeoutMs?: number;
}

const WRITE_FAILURES: Record<string, string> = {
  EACCES: 'cannot be written (permission denied)',
  EPERM: 'cannot be written (permission denied)',
  EROFS: 'is on a read-only file system',
  EISDIR: 'is a folder',
  ENOTDIR: 'is under something that is not a folder',
  ENAMETOOLONG: 'has a name that is too long',
  ENOSPC: 'cannot be written: the disk is full',
  EEXIST: 'is under something that is not a folder',
};

/** Writes a file the user named; a failure the user can fix names the input. */
async function writeFor(input: string, path: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (err) {
    const why = WRITE_FAILURES[(err as NodeJS.ErrnoException).code ?? ''];
    if (!why) throw err;
    throw new UserError(`${path} ${why}.`, { input }, 'Give a path the job can write, inside the workspace.');
  }
}

/**
 * A mirror's URL may hold a password, and a careless value of any input may hold one too: the
 * runner hides them from every line printed after this, before anything is printed.
 */
function maskInputs(reader: InputReader, mask: ActionSeams['mask']): void {
  for (const name of Object.keys(metadata.inputs)) {
    const value = reader.raw(name);
    // Credentials live in URLs' user information; without '://' there is none to find, and the
    // search costs time on a long value.
    if (!value.includes('://')) continue;
    if (name === 'osv-api-url') maskCredential(value, mask);
    else for (const part of credentialParts(value)) mask(part);
  }
}

/** Scans, writes SARIF and the report, annotates, summarises, and fails by the severity policy. */
export async function run({ env, logger, setOutput, mask }: ActionSeams, seams: SecurityScanSeams = {}): Promise<void> {
  const reader = new InputReader(metadata, env);
  maskInputs(reader, mask);
  const workspace = realWorkspace(env.GITHUB_WORKSPACE || process.cwd());
  const inputs = parseInputs(reader, workspace, env.HOME);
  // Relative to the workspace when inside it, else absolute (sarif in RUNNER_TEMP).
  const rel = (abs: string): string => shownPath(abs, workspace);
  const custom = inputs.config ? loadGitleaksConfig(inputs.config) : undefined;
  const baseline = inputs.baseline ? readBaseline(inputs.baseline) : undefined;
  const osv: OsvSource = inputs.osvDb
    ? { kind: 'offline', path: inputs.osvDb }
    : {
        kind: 'api',
        baseUrl: inputs.osvApiUrl,
        http: seams.http ?? fetch,
        clock: seams.clock ?? systemClock,
        ...(seams.osvTimeoutMs !== undefined ? { timeoutMs: seams.osvTimeoutMs } : {}),
      };
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

  let dropped = 0;
  await writeFor('sarif', inputs.sarif, async () => {
    dropped = await writeSarif(inputs.sarif, result.active, inputs.scanners, '0.1.0');
  });
  if (dropped)
    logger.warning(
      `security-scan: ${dropped} low-severity results were left out of the SARIF file to stay within GitHub's limits; the report has them all.`,
    );
  const reportPath = inputs.report;
  await writeFor('sarif', reportPath, () =>
    writeFileAtomic(
      reportPath,
      `${JSON.stringify({ version: 1, target: rel(inputs.target), scanners: inputs.scanners, stats, counts: result.counts, passed: result.passed, reason: result.reason, findings: findings.map((f) => ({ scanner: f.scanner, rule: f.rule.id, severity: f.severity, message: f.message, file: f.file, line: f.line, fingerprint: f.fingerprint, baselined: baseline?.has(f.fingerprint) ?? false })) }, null, 2)}\n`,
    ),
  );
  const baselinePath = inputs.writeBaseline;
  if (baselinePath) await writeFor('write-baseline', baselinePath, () => writeBaseline(baselinePath, findings));

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
