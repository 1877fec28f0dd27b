import {
  describeScore,
  formatFactValue,
  glueScorecardResults,
  readScorecardResponse,
} from './scorecard';
import { wireScorecard } from '../__testUtils__/scorecard';

describe('readScorecardResponse', () => {
  it('reads the check, its boolean result and the facts it used', () => {
    const { results, dropped } = readScorecardResponse(wireScorecard);
    expect(dropped).toBe(0);
    expect(results).toHaveLength(4);
    expect(results[0]).toEqual({
      check: {
        id: 'aws-glue-success-rate-30d',
        name: 'Success rate over 30 days',
        description: 'At least 95% of the runs of the last 30 days succeeded.',
        type: 'json-rules-engine',
        factIds: ['aws-glue-job-facts'],
        links: [],
      },
      passed: true,
      facts: [
        {
          name: 'successRate30d',
          value: 0.9667,
          type: 'float',
          description: 'The successRate30d fact',
        },
      ],
    });
  });

  it('leaves out and counts entries that are not a boolean check result', () => {
    const { results, dropped } = readScorecardResponse([
      wireScorecard[0],
      { ...wireScorecard[1], result: 'maybe' },
      { result: true, facts: {} },
      { check: { name: 'no id' }, result: true },
      'nonsense',
      null,
    ]);
    expect(results.map(r => r.check.id)).toEqual(['aws-glue-success-rate-30d']);
    expect(dropped).toBe(5);
  });

  it('tolerates missing facts, names and odd links', () => {
    const { results } = readScorecardResponse([
      {
        check: {
          id: 'aws-glue-x',
          links: [
            { title: 'Docs', url: 'https://example.com' },
            { title: 'Local', url: 'file:///etc/passwd' },
            'nonsense',
          ],
        },
        result: false,
        facts: { a: { type: 'integer' }, b: { value: null } },
      },
    ]);
    expect(results[0]).toEqual({
      check: {
        id: 'aws-glue-x',
        name: 'aws-glue-x',
        description: '',
        type: '',
        factIds: [],
        links: [{ title: 'Docs', url: 'https://example.com' }],
      },
      passed: false,
      facts: [{ name: 'b', value: null }],
    });
  });

  it('throws when the answer is not a list', () => {
    expect(() => readScorecardResponse({ error: 'x' })).toThrow(
      /other than a list of check results/,
    );
  });
});

describe('glueScorecardResults', () => {
  it('keeps the aws-glue checks, failing first, then by name', () => {
    const { results } = readScorecardResponse(wireScorecard);
    expect(glueScorecardResults(results).map(r => r.check.id)).toEqual([
      'aws-glue-timeout-set',
      'aws-glue-retries-configured',
      'aws-glue-success-rate-30d',
    ]);
  });
});

describe('describeScore', () => {
  it('counts the passing checks', () => {
    const { results } = readScorecardResponse(wireScorecard);
    expect(describeScore(glueScorecardResults(results))).toBe(
      '2 of 3 checks pass',
    );
    expect(describeScore(results.slice(0, 1))).toBe('1 of 1 check passes');
  });
});

describe('formatFactValue', () => {
  it.each([
    [{ value: 0.96667, type: 'float' }, '0.97'],
    [{ value: 2880, type: 'integer' }, '2,880'],
    [{ value: true, type: 'boolean' }, 'yes'],
    [{ value: false, type: 'boolean' }, 'no'],
    [{ value: null }, 'none'],
    [{ value: [] }, 'none'],
    [{ value: ['a', 'b'], type: 'set' }, 'a, b'],
    [{ value: 'group:default/data', type: 'string' }, 'group:default/data'],
    [{ value: { a: 1 }, type: 'object' }, '{"a":1}'],
    [{ value: 'not a date', type: 'datetime' }, 'not a date'],
  ])('%j reads %s', (fact, expected) => {
    expect(formatFactValue(fact)).toBe(expected);
  });

  it('shows a datetime in the user’s time zone', () => {
    expect(
      formatFactValue({ value: '2025-03-04T02:15:00Z', type: 'datetime' }),
    ).toMatch(/Mar 4, 2025/);
  });
});
