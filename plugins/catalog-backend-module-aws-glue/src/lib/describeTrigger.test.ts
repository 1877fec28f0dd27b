import type { Trigger } from '@aws-sdk/client-glue';
import { describePredicate } from '@aws-glue-backstage/plugin-aws-glue-common';
import { describeActions, describeTrigger } from './describeTrigger';

describe('describeTrigger', () => {
  it.each<[string, Trigger, string]>([
    [
      'the seed trigger',
      {
        Name: 'dependency_trigger',
        Type: 'CONDITIONAL',
        State: 'ACTIVATED',
        Actions: [
          {
            JobName: 'freshers_in_dependent_job',
            Arguments: { '--dependency-param': 'value' },
          },
        ],
        Predicate: {
          Conditions: [
            {
              LogicalOperator: 'EQUALS',
              JobName: 'triggering_job',
              State: 'SUCCEEDED',
            },
          ],
        },
      },
      'Starts freshers_in_dependent_job when triggering_job SUCCEEDED',
    ],
    [
      'an AND of a success and a failure',
      {
        Type: 'CONDITIONAL',
        State: 'ACTIVATED',
        Actions: [{ JobName: 'B' }],
        Predicate: {
          Logical: 'AND',
          Conditions: [
            { JobName: 'A', State: 'SUCCEEDED' },
            { JobName: 'C', State: 'FAILED' },
          ],
        },
      },
      'Starts B when A SUCCEEDED and C FAILED',
    ],
    [
      'an ANY of three',
      {
        Type: 'CONDITIONAL',
        Actions: [{ JobName: 'B' }],
        Predicate: {
          Logical: 'ANY',
          Conditions: [
            { JobName: 'A', State: 'SUCCEEDED' },
            { JobName: 'C', State: 'FAILED' },
            { CrawlerName: 'landing', CrawlState: 'SUCCEEDED' },
          ],
        },
      },
      'Starts B when A SUCCEEDED, C FAILED or crawler landing SUCCEEDED',
    ],
    [
      'several actions including a crawler',
      {
        Type: 'CONDITIONAL',
        Actions: [{ JobName: 'B' }, { JobName: 'D' }, { CrawlerName: 'cr' }],
        Predicate: { Conditions: [{ JobName: 'A', State: 'SUCCEEDED' }] },
      },
      'Starts B, D and crawler cr when A SUCCEEDED',
    ],
    [
      'an empty condition',
      { Type: 'CONDITIONAL', Actions: [{ JobName: 'B' }] },
      'Starts B when its (empty) condition is met',
    ],
    [
      'a schedule',
      {
        Type: 'SCHEDULED',
        State: 'ACTIVATED',
        Schedule: 'cron(15 2 * * ? *)',
        Actions: [{ JobName: 'orders-daily-etl' }],
      },
      'Starts orders-daily-etl on schedule cron(15 2 * * ? *)',
    ],
    [
      'a deactivated schedule with a description',
      {
        Type: 'SCHEDULED',
        State: 'DEACTIVATED',
        Schedule: 'cron(0 * * * ? *)',
        Actions: [{ JobName: 'hourly' }],
        Description: 'Paused during migration',
      },
      'Starts hourly on schedule cron(0 * * * ? *) (trigger deactivated). Paused during migration',
    ],
    [
      'on demand (state not mentioned)',
      {
        Type: 'ON_DEMAND',
        State: 'CREATED',
        Actions: [{ JobName: 'manual' }],
      },
      'Starts manual when started on demand',
    ],
    [
      'an event trigger with batching',
      {
        Type: 'EVENT',
        Actions: [{ JobName: 'ingest' }],
        EventBatchingCondition: { BatchSize: 5, BatchWindow: 300 },
      },
      'Starts ingest on EventBridge events (batches of 5 within 300 s)',
    ],
    [
      'an event trigger without batching',
      { Type: 'EVENT', Actions: [{ JobName: 'ingest' }] },
      'Starts ingest on EventBridge events',
    ],
    [
      'no actions',
      { Type: 'ON_DEMAND' },
      'Starts nothing when started on demand',
    ],
  ])('%s', (_, trigger, expected) => {
    expect(describeTrigger(trigger)).toBe(expected);
  });
});

describe('describeActions / describePredicate', () => {
  it.each<[Trigger, string]>([
    [{ Actions: [] }, 'nothing'],
    [{ Actions: [{ JobName: 'a' }] }, 'a'],
    [{ Actions: [{ JobName: 'a' }, { JobName: 'b' }] }, 'a and b'],
    [{ Actions: [{}] }, 'crawler ?'],
  ])('actions %j -> %j', (trigger, expected) => {
    expect(describeActions(trigger)).toBe(expected);
  });

  it.each<[Trigger, string | undefined]>([
    [{}, undefined],
    [{ Predicate: { Conditions: [] } }, undefined],
    [
      { Predicate: { Conditions: [{ JobName: 'a', State: 'TIMEOUT' }] } },
      'a TIMEOUT',
    ],
    [
      {
        Predicate: {
          Logical: 'ANY',
          Conditions: [{ JobName: 'a', State: 'FAILED' }, { JobName: 'b' }],
        },
      },
      'a FAILED or b ?',
    ],
  ])('predicate %j -> %j', (trigger, expected) => {
    expect(describePredicate(trigger.Predicate)).toBe(expected);
  });
});

describe('describeTrigger with a Glue description', () => {
  const trigger: Trigger = {
    Name: 't',
    Type: 'CONDITIONAL',
    State: 'ACTIVATED',
    Predicate: {
      Conditions: [
        { LogicalOperator: 'EQUALS', JobName: 'a', State: 'SUCCEEDED' },
      ],
    },
    Actions: [{ JobName: 'b' }],
  };

  it('does not repeat a description that says the same thing', () => {
    expect(
      describeTrigger({
        ...trigger,
        Description: 'Starts b when a SUCCEEDED.',
      }),
    ).toBe('Starts b when a SUCCEEDED');
  });

  it('appends a description that adds something', () => {
    expect(
      describeTrigger({ ...trigger, Description: 'Owned by the night shift' }),
    ).toBe('Starts b when a SUCCEEDED. Owned by the night shift');
  });

  it('says a description that restates and extends the sentence once', () => {
    const extended: Trigger = {
      Name: 'run-glueetl-after-upstream',
      Type: 'CONDITIONAL',
      State: 'ACTIVATED',
      Predicate: {
        Conditions: [
          {
            LogicalOperator: 'EQUALS',
            JobName: 'upstream_job',
            State: 'SUCCEEDED',
          },
        ],
      },
      Actions: [{ JobName: 'glueetl' }],
      Description:
        'Starts glueetl when upstream_job SUCCEEDED (glueetl reads what upstream_job writes)',
    };
    expect(describeTrigger(extended)).toBe(
      'Starts glueetl when upstream_job SUCCEEDED (glueetl reads what upstream_job writes)',
    );
  });
});
