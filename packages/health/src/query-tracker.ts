import { describeEvaluation, evaluateQuery, type QueryEvaluation } from './prometheus.js';
import type { Verdict, VerifyOptions, VerifyResult } from './types.js';

/** Evaluates the PromQL thresholds and remembers enough to decide: sustained breaches fail, no-data follows its policy. */
export class QueryTracker {
  readonly evaluations: QueryEvaluation[] = [];
  private readonly streak = new Map<string, number>();
  private readonly last = new Map<string, QueryEvaluation>();
  private readonly everPassed = new Set<string>();

  constructor(
    private readonly p: NonNullable<VerifyOptions['prometheus']>,
    private readonly limit: number,
  ) {}

  /** One evaluation of every query. */
  async evaluate(at: number): Promise<void> {
    const results = await Promise.all(
      this.p.queries.map((q) => evaluateQuery(this.p.url, q, this.p.http, Math.round(at))),
    );
    for (const e of results) {
      this.evaluations.push(e);
      this.last.set(e.name, e);
      const breach = e.passed === false || (e.passed === 'no-data' && this.p.noData === 'fail');
      this.streak.set(e.name, breach ? (this.streak.get(e.name) ?? 0) + 1 : 0);
      if (e.passed === true || (e.passed === 'no-data' && this.p.noData === 'pass')) this.everPassed.add(e.name);
    }
  }

  /** A verdict when the queries force one: early on a sustained breach, at the end on what was last seen. */
  decide(final: boolean): { verdict: Verdict; reason: string } | undefined {
    for (const q of this.p.queries) {
      const e = this.last.get(q.name);
      if (!e) continue;
      const streak = this.streak.get(q.name) ?? 0;
      if (streak >= this.limit || (final && streak > 0 && !this.everPassed.has(q.name))) {
        return {
          verdict: 'fail',
          reason: `query ${describeEvaluation(q, e)}${streak > 1 ? ` for ${streak} evaluations in a row` : ''}`,
        };
      }
    }
    if (final) {
      for (const q of this.p.queries) {
        const e = this.last.get(q.name);
        if (e?.passed === 'no-data' && this.p.noData === 'inconclusive')
          return { verdict: 'inconclusive', reason: `query ${describeEvaluation(q, e)} (no-data: inconclusive)` };
      }
    }
    return undefined;
  }

  /** Rows for the checks table. */
  checks(): VerifyResult['checks'] {
    return this.p.queries.map((q) => {
      const e = this.last.get(q.name);
      const observed = !e
        ? 'not evaluated'
        : e.passed === 'no-data'
          ? `no data (${e.note})`
          : e.values.map((v) => Number(v.toPrecision(6))).join(', ');
      return {
        name: `query ${q.name}`,
        observed,
        threshold: `${q.op} ${q.threshold}`,
        passed: e ? e.passed === true || (e.passed === 'no-data' && this.p.noData === 'pass') : false,
      };
    });
  }
}
