import { readScorecardResponse } from '../lib/scorecard';

/** One result as Tech Insights' JSON rules engine fact checker answers it. */
export function makeWireCheckResult(options: {
  id: string;
  name: string;
  description: string;
  result: boolean;
  facts?: Record<string, { value: unknown; type?: string }>;
}) {
  return {
    check: {
      id: options.id,
      type: 'json-rules-engine',
      name: options.name,
      description: options.description,
      factIds: ['aws-glue-job-facts'],
      metadata: {},
      rule: { conditions: {} },
    },
    result: options.result,
    facts: Object.fromEntries(
      Object.entries(options.facts ?? {}).map(([name, fact]) => [
        name,
        { description: `The ${name} fact`, type: 'float', ...fact },
      ]),
    ),
  };
}

/**
 * Tech Insights' answer for a Glue job: two aws-glue checks that pass, one
 * that fails, and a check of another module the card leaves out.
 */
export const wireScorecard = [
  makeWireCheckResult({
    id: 'aws-glue-success-rate-30d',
    name: 'Success rate over 30 days',
    description: 'At least 95% of the runs of the last 30 days succeeded.',
    result: true,
    facts: { successRate30d: { value: 0.9667 } },
  }),
  makeWireCheckResult({
    id: 'aws-glue-timeout-set',
    name: 'Timeout below 48 hours',
    description: "The job's timeout is set below Glue's 48-hour default.",
    result: false,
    facts: { timeoutMinutes: { value: 2880, type: 'integer' } },
  }),
  makeWireCheckResult({
    id: 'aws-glue-retries-configured',
    name: 'Retries configured',
    description: 'The job retries at least once.',
    result: true,
    facts: { maxRetries: { value: 1, type: 'integer' } },
  }),
  makeWireCheckResult({
    id: 'tech-docs-present',
    name: 'Has TechDocs',
    description: 'Another module’s check.',
    result: false,
  }),
];

/** {@link wireScorecard} as the client returns it. */
export const scorecardResponse = readScorecardResponse(wireScorecard);
