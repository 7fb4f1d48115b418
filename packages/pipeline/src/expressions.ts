// GitHub's expressions, evaluated by GitHub's own evaluator (@actions/expressions): `${{ … }}` in
// `with:`, `env:` and outputs, and the `if:` conditions of jobs and steps, with the status
// functions (success(), failure(), always(), cancelled()) answered from the run's state.
import { data, Evaluator, Lexer, Parser, type Expr } from '@actions/expressions';
import { UserError } from '@slipway/action-kit/lite';

/** The contexts an expression reads (`github`, `inputs`, `needs`, `steps`, `matrix`, `env`, `secrets`…). */
export type Contexts = Record<string, unknown>;

/** Where the run stands, for the status functions. */
export interface Status {
  /** A previous step (or a needed job) failed. */
  failed: boolean;
  /** The run is being cancelled. */
  cancelled: boolean;
  /** A needed job did not succeed without failing (it was skipped): success() is false, failure() too. */
  skipped?: boolean;
}

const STATUS_FUNCTIONS = ['success', 'failure', 'always', 'cancelled'];

function toData(contexts: Contexts): data.Dictionary {
  return JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
}

function fromData(value: data.ExpressionData): unknown {
  return JSON.parse(JSON.stringify(value, data.replacer)) as unknown;
}

function evaluate(expression: string, contexts: Contexts, where: string, status?: Status): unknown {
  const functions = new Map(
    STATUS_FUNCTIONS.map((name) => [
      name,
      {
        name,
        description: name,
        minArgs: 0,
        maxArgs: 0,
        call: (): data.ExpressionData =>
          new data.BooleanData(
            name === 'always'
              ? true
              : name === 'cancelled'
                ? !!status?.cancelled
                : name === 'failure'
                  ? !!status?.failed && !status.cancelled
                  : !status?.failed && !status?.cancelled,
          ),
      },
    ]),
  );
  const lexed = new Lexer(expression).lex();
  const parser = new Parser(
    lexed.tokens,
    Object.keys(contexts),
    STATUS_FUNCTIONS.map((name) => ({ name, description: name, minArgs: 0, maxArgs: 0 })),
  );
  let tree: Expr;
  try {
    tree = parser.parse();
  } catch (err) {
    throw new UserError(
      `has an expression GitHub would refuse: ${expression.slice(0, 120)}: ${(err as Error).message}.`,
      { file: where },
    );
  }
  return fromData(new Evaluator(tree, toData(contexts), functions).evaluate());
}

/** The value of one expression (the text between `${{` and `}}`). */
export function evaluateExpression(expression: string, contexts: Contexts, where = 'workflow'): unknown {
  return evaluate(expression, contexts, where);
}

/** GitHub's string form of a value: objects and arrays as JSON, null as ''. */
export function asString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * A value of a workflow with its `${{ … }}` evaluated: a string that is one whole expression keeps
 * the expression's type (as `strategy.matrix: ${{ fromJSON(…) }}` needs); any other string has
 * each expression replaced by its string form; other values are returned as they are.
 */
export function interpolate(value: unknown, contexts: Contexts, where = 'workflow'): unknown {
  if (typeof value !== 'string' || !value.includes('${{')) return value;
  const whole = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(value);
  if (whole && !whole[1]!.includes('}}')) return evaluate(whole[1]!, contexts, where);
  return value.replace(/\$\{\{([\s\S]*?)\}\}/g, (_m, e: string) => asString(evaluate(e, contexts, where)));
}

/**
 * Whether a job or step with this `if:` runs. As on GitHub: no condition means `success()`, and a
 * condition that calls no status function is `success() && (condition)`. `${{ }}` around it is optional.
 */
export function condition(text: unknown, contexts: Contexts, status: Status, where = 'workflow'): boolean {
  const success = !status.failed && !status.cancelled && !status.skipped;
  if (text === undefined || text === null || text === '') return success;
  if (typeof text === 'boolean') return text && success;
  let expression = String(text).trim();
  const wrapped = /^\$\{\{([\s\S]*)\}\}$/.exec(expression);
  if (wrapped) expression = wrapped[1]!.trim();
  const callsStatus = STATUS_FUNCTIONS.some((f) => new RegExp(`\\b${f}\\s*\\(`).test(expression));
  const full = callsStatus ? expression : `success() && (${expression})`;
  return truthy(evaluate(full, contexts, where, status));
}

/** GitHub's truthiness: false, 0, '', null are false; everything else true. */
export function truthy(value: unknown): boolean {
  return !(
    value === false ||
    value === 0 ||
    value === '' ||
    value === null ||
    value === undefined ||
    Number.isNaN(value)
  );
}
