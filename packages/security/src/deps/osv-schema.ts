import * as v from 'valibot';

/**
 * `database_specific` and `ecosystem_specific` are free-form in the OSV schema: only a string
 * `severity` in them is read, and any other shape is dropped rather than refusing a record that is
 * otherwise fine.
 */
const specific = v.optional(
  v.pipe(
    v.unknown(),
    v.transform((x): { severity?: string } | undefined => {
      if (typeof x !== 'object' || x === null) return undefined;
      const severity = (x as { severity?: unknown }).severity;
      return typeof severity === 'string' ? { severity } : {};
    }),
  ),
);

const event = v.object({
  introduced: v.optional(v.string()),
  fixed: v.optional(v.string()),
  last_affected: v.optional(v.string()),
  limit: v.optional(v.string()),
});

/** The parts of an OSV record (schema 1.x) that matching and reporting read, checked where it enters. */
export const osvRecordSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  modified: v.optional(v.string()),
  summary: v.optional(v.string()),
  details: v.optional(v.string()),
  aliases: v.optional(v.array(v.string())),
  withdrawn: v.optional(v.string()),
  severity: v.optional(v.array(v.object({ type: v.string(), score: v.string() }))),
  affected: v.optional(
    v.array(
      v.object({
        package: v.optional(
          v.object({ ecosystem: v.optional(v.string()), name: v.optional(v.string()), purl: v.optional(v.string()) }),
        ),
        ranges: v.optional(v.array(v.object({ type: v.string(), events: v.array(event) }))),
        versions: v.optional(v.array(v.string())),
        ecosystem_specific: specific,
        database_specific: specific,
      }),
    ),
  ),
  database_specific: specific,
});

/** The OSV API's /v1/querybatch answer: one result per query, each with the ids of what affects it. */
export const queryBatchSchema = v.object({
  results: v.array(v.object({ vulns: v.optional(v.array(v.object({ id: v.pipe(v.string(), v.minLength(1)) }))) })),
});
