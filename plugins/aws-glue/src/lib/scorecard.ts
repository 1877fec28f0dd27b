/**
 * The scorecard's data: what Tech Insights answers to
 * `POST /api/tech-insights/checks/run/:namespace/:kind/:name`, written out
 * here (the frontend does not import `@backstage-community/*`, whose common
 * package pulls in backend dependencies), and its one validating reader.
 *
 * The wire shape is an array of `BooleanCheckResult`s of
 * `@backstage-community/plugin-tech-insights-common`, as the JSON rules
 * engine fact checker builds them:
 *
 * ```json
 * [{ "check": { "id": "aws-glue-success-rate-30d", "type": "json-rules-engine",
 *               "name": "...", "description": "...", "factIds": ["aws-glue-job-facts"],
 *               "links": [{ "title": "...", "url": "..." }] },
 *    "result": true,
 *    "facts": { "successRate30d": { "value": 0.97, "type": "float", "description": "..." } } }]
 * ```
 */
import { formatDateTime } from './format';

/** The checks of this plugin's Tech Insights module start with this. */
export const GLUE_SCORECARD_CHECK_PREFIX = 'aws-glue-';

/**
 * A JSON value, as a fact holds it.
 *
 * @public
 */
export type GlueScorecardFactValue =
  | string
  | number
  | boolean
  | null
  | GlueScorecardFactValue[]
  | { [key: string]: GlueScorecardFactValue };

/**
 * One fact a check used, with its value for the entity.
 *
 * @public
 */
export interface GlueScorecardFact {
  /** The fact's name in its retriever's schema, e.g. `successRate30d`. */
  name: string;
  value: GlueScorecardFactValue;
  /** `integer`, `float`, `string`, `boolean`, `datetime`, `set` or `object`. */
  type?: string;
  description?: string;
}

/**
 * A Tech Insights check, as its result carries it.
 *
 * @public
 */
export interface GlueScorecardCheck {
  id: string;
  name: string;
  /** What the check wants, with its threshold. */
  description: string;
  /** The fact checker's type, e.g. `json-rules-engine`. */
  type: string;
  /** The fact retrievers whose facts the check reads. */
  factIds: string[];
  links: Array<{ title: string; url: string }>;
}

/**
 * One check's result for an entity.
 *
 * @public
 */
export interface GlueScorecardCheckResult {
  check: GlueScorecardCheck;
  passed: boolean;
  /** The facts the check used, where the answer carries them. */
  facts: GlueScorecardFact[];
}

/**
 * The check results of an entity.
 *
 * @public
 */
export interface GlueScorecardResponse {
  results: GlueScorecardCheckResult[];
  /** Entries of the answer that were not a boolean check result (left out). */
  dropped: number;
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optionalString = (value: unknown) =>
  typeof value === 'string' ? value : undefined;

function readLinks(raw: unknown): GlueScorecardCheck['links'] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap(link =>
    isObject(link) &&
    typeof link.url === 'string' &&
    /^https?:\/\//.test(link.url)
      ? [{ title: optionalString(link.title) || link.url, url: link.url }]
      : [],
  );
}

function readCheck(raw: unknown): GlueScorecardCheck | undefined {
  if (!isObject(raw)) return undefined;
  const { id, name, description, type, factIds } = raw;
  if (typeof id !== 'string' || id === '') return undefined;
  return {
    id,
    name: typeof name === 'string' && name !== '' ? name : id,
    description: optionalString(description) ?? '',
    type: optionalString(type) ?? '',
    factIds: Array.isArray(factIds)
      ? factIds.filter((f): f is string => typeof f === 'string')
      : [],
    links: readLinks(raw.links),
  };
}

function readFacts(raw: unknown): GlueScorecardFact[] {
  if (!isObject(raw)) return [];
  return Object.entries(raw).flatMap(([name, fact]) => {
    if (!isObject(fact) || !('value' in fact)) return [];
    return [
      {
        name,
        value: (fact.value ?? null) as GlueScorecardFactValue,
        type: optionalString(fact.type),
        description: optionalString(fact.description),
      },
    ];
  });
}

/**
 * Reads Tech Insights' answer to a check run. Throws when it is not a list
 * (not Tech Insights' answer at all); entries that are not a boolean check
 * result with a check id are left out and counted in `dropped`; unknown keys
 * are dropped.
 */
export function readScorecardResponse(raw: unknown): GlueScorecardResponse {
  if (!Array.isArray(raw)) {
    throw new Error(
      'Tech Insights answered the check run with something other than a list of check results',
    );
  }
  const results: GlueScorecardCheckResult[] = [];
  for (const entry of raw) {
    const check = isObject(entry) ? readCheck(entry.check) : undefined;
    if (!check || typeof entry.result !== 'boolean') continue;
    results.push({
      check,
      passed: entry.result,
      facts: readFacts(entry.facts),
    });
  }
  return { results, dropped: raw.length - results.length };
}

/** The results of this plugin's checks (ids starting `aws-glue-`), failing first, then by name. */
export function glueScorecardResults(
  results: GlueScorecardCheckResult[],
): GlueScorecardCheckResult[] {
  return results
    .filter(r => r.check.id.startsWith(GLUE_SCORECARD_CHECK_PREFIX))
    .sort(
      (a, b) =>
        Number(a.passed) - Number(b.passed) ||
        a.check.name.localeCompare(b.check.name, 'en-US'),
    );
}

/** `N of M checks pass`. */
export function describeScore(results: GlueScorecardCheckResult[]): string {
  const passed = results.filter(r => r.passed).length;
  const total = results.length;
  return `${passed} of ${total} ${
    total === 1 ? 'check passes' : 'checks pass'
  }`;
}

const numberFormat = new Intl.NumberFormat('en-US', {
  maximumFractionDigits: 2,
});

/** A fact's value in words: numbers to two decimals, `yes`/`no`, dates, lists. */
export function formatFactValue(fact: {
  value: GlueScorecardFactValue;
  type?: string;
}): string {
  const { value } = fact;
  if (value === null) return 'none';
  if (typeof value === 'number') return numberFormat.format(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') {
    return fact.type === 'datetime' && !Number.isNaN(Date.parse(value))
      ? formatDateTime(value)
      : value;
  }
  if (Array.isArray(value)) {
    return value.length
      ? value.map(v => formatFactValue({ value: v })).join(', ')
      : 'none';
  }
  return JSON.stringify(value);
}
