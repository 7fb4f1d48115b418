// Live traffic per Deployment from Prometheus: the kubernetes routers' own data planes (a Service,
// a gateway, ingress-nginx, Envoy) report nothing to slipway, but the cluster's Prometheus counts
// every request. Two counter queries, `$deployment` standing for the stable's or the canary's name,
// are read at every look of the analysis; what each counter grew since the previous look is that
// release's traffic. A counter that went down (its pods restarted) counts from zero again.
import type { Http, Logger } from '@slipway/action-kit/lite';
import { evaluateQuery } from '@slipway/health';
import type { TrafficSample } from '../../types.js';

/** Counters of one Deployment. */
interface Counts {
  requests: number;
  errors: number;
}

/** What reading the counters needs. */
export interface PromTrafficOptions {
  url: string;
  requestsQuery: string;
  errorsQuery: string;
  http: Http;
  logger: Logger;
}

/** Reads the stable's and the canary's traffic since the previous reading; undefined when Prometheus cannot tell. */
export class PromTraffic {
  private last = new Map<string, Counts>();
  private warned = false;

  constructor(private readonly o: PromTrafficOptions) {}

  /** Traffic per release id since the previous call (zero at the first call, which sets the baseline). */
  async read(releases: { id: string; deployment: string }[]): Promise<Map<string, TrafficSample> | undefined> {
    const now = await Promise.all(releases.map((r) => this.counts(r.deployment)));
    const problem = now.find((c): c is { problem: string } => 'problem' in c);
    if (problem) {
      // Read at every look: one warning says it, the next would only repeat it.
      const line = `prometheus-url: ${problem.problem}; steps are judged on canary-url alone until it answers`;
      if (this.warned) this.o.logger.debug(line);
      else this.o.logger.warning(line);
      this.warned = true;
      return undefined;
    }
    const out = new Map<string, TrafficSample>();
    releases.forEach((r, i) => {
      const c = now[i] as Counts;
      const before = this.last.get(r.deployment);
      this.last.set(r.deployment, c);
      const grew = (a: number, b: number | undefined) => (b === undefined ? 0 : a >= b ? a - b : a);
      const requests = grew(c.requests, before?.requests);
      out.set(r.id, { requests, errors: Math.min(requests, grew(c.errors, before?.errors)), latenciesMs: [] });
    });
    return out;
  }

  /** Forgets the previous readings (a new step, other Deployments). */
  reset(): void {
    this.last.clear();
  }

  private async counts(deployment: string): Promise<Counts | { problem: string }> {
    const [requests, errors] = await Promise.all(
      [this.o.requestsQuery, this.o.errorsQuery].map((q, i) =>
        evaluateQuery(
          this.o.url,
          {
            name: i === 0 ? 'requests-query' : 'errors-query',
            promql: q.replaceAll('$deployment', deployment),
            op: '>=',
            threshold: 0,
          },
          this.o.http,
          Date.now(),
        ),
      ),
    );
    for (const e of [requests!, errors!])
      // No series yet is no traffic yet: a Deployment that served nothing has no counter.
      if (e.passed === 'no-data' && e.note !== 'the query returned no data') return { problem: `${e.name}: ${e.note}` };
    const sum = (values: number[]) => values.reduce((a, v) => a + v, 0);
    return { requests: sum(requests!.values), errors: sum(errors!.values) };
  }
}
