/*
 * Helpers for the emulator's own tests: SDK clients pointed at an emulator, a
 * manual clock and a small fixture.
 */
import { resolve } from 'node:path';
import { GlueClient } from '@aws-sdk/client-glue';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { Fixture, loadFixture } from '../fixture';

export interface ClientOptions {
  region?: string;
  accessKeyId?: string;
  maxAttempts?: number;
}

export function glueClient(url: string, options: ClientOptions = {}) {
  return new GlueClient({
    endpoint: url,
    region: options.region ?? 'us-east-1',
    credentials: {
      accessKeyId: options.accessKeyId ?? 'test',
      secretAccessKey: 'test',
    },
    maxAttempts: options.maxAttempts ?? 1,
  });
}

export function taggingClient(url: string, options: ClientOptions = {}) {
  return new ResourceGroupsTaggingAPIClient({
    endpoint: url,
    region: options.region ?? 'us-east-1',
    credentials: {
      accessKeyId: options.accessKeyId ?? 'test',
      secretAccessKey: 'test',
    },
    maxAttempts: options.maxAttempts ?? 1,
  });
}

/** A clock that only moves when told to. */
export function manualClock(start = '2026-11-23T12:00:00Z') {
  let now = Date.parse(start);
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
    set(iso: string) {
      now = Date.parse(iso);
    },
  };
}

export const MINUTE = 60_000;
export const HOUR = 3_600_000;

/** Captures a rejected promise's error. */
export async function errorOf(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail');
}

const role = 'arn:aws:iam::123456789012:role/GlueJobRole';

/**
 * A small account: a chain a -> b (SUCCEEDED) plus an error handler on a
 * FAILED, an AND / ANY pair, a crawler, a workflow and tags.
 */
export function smallFixture(): Fixture {
  const job = (Name: string, extra: Record<string, unknown> = {}) => ({
    Name,
    Role: role,
    Command: { Name: 'glueetl', ScriptLocation: `s3://scripts/${Name}.py` },
    GlueVersion: '4.0',
    WorkerType: 'G.1X',
    NumberOfWorkers: 2,
    Timeout: 60,
    Simulation: {
      durationSeconds: 600,
      failureRate: 0,
      timeoutRate: 0,
      stopRate: 0,
    },
    ...extra,
  });
  return {
    seed: 7,
    accounts: [
      {
        accountId: '123456789012',
        regions: {
          'us-east-1': {
            jobs: [
              job('a', {
                DefaultArguments: {
                  '--input': 's3://in/',
                  '--output': 's3://a-out/',
                  '--mode': 'default',
                },
                Tags: { owner: 'team-a' },
              }),
              job('b', {
                DefaultArguments: {
                  '--input': 's3://a-out/',
                  '--job-bookmark-option': 'job-bookmark-enable',
                },
                Tags: { owner: 'team-b', env: 'prod' },
              }),
              job('c', { Tags: { team: 'team-c' } }),
              job('both', {}),
              job('either', {}),
              job('on-failure', {}),
              job('flaky', {
                Simulation: {
                  durationSeconds: 300,
                  outcomes: ['FAILED', 'SUCCEEDED'],
                },
              }),
              job('wf-start', { Tags: { owner: 'team-a' } }),
              job('wf-next', {}),
            ],
            triggers: [
              {
                Name: 'start-a',
                Type: 'ON_DEMAND',
                Actions: [{ JobName: 'a', Arguments: { '--mode': 'trigger' } }],
              },
              {
                Name: 'a-then-b',
                Type: 'CONDITIONAL',
                State: 'ACTIVATED',
                Predicate: {
                  Conditions: [
                    {
                      LogicalOperator: 'EQUALS',
                      JobName: 'a',
                      State: 'SUCCEEDED',
                    },
                  ],
                },
                Actions: [
                  {
                    JobName: 'b',
                    Arguments: { '--dependency-param': 'value' },
                  },
                  { CrawlerName: 'crawl-b' },
                ],
                Tags: { owner: 'team-b' },
              },
              {
                Name: 'and-a-c',
                Type: 'CONDITIONAL',
                State: 'ACTIVATED',
                Predicate: {
                  Logical: 'AND',
                  Conditions: [
                    {
                      LogicalOperator: 'EQUALS',
                      JobName: 'a',
                      State: 'SUCCEEDED',
                    },
                    {
                      LogicalOperator: 'EQUALS',
                      JobName: 'c',
                      State: 'SUCCEEDED',
                    },
                  ],
                },
                Actions: [{ JobName: 'both' }],
              },
              {
                Name: 'any-a-c',
                Type: 'CONDITIONAL',
                State: 'ACTIVATED',
                Predicate: {
                  Logical: 'ANY',
                  Conditions: [
                    {
                      LogicalOperator: 'EQUALS',
                      JobName: 'a',
                      State: 'SUCCEEDED',
                    },
                    {
                      LogicalOperator: 'EQUALS',
                      JobName: 'c',
                      State: 'SUCCEEDED',
                    },
                  ],
                },
                Actions: [{ JobName: 'either' }],
              },
              {
                Name: 'flaky-failed',
                Type: 'CONDITIONAL',
                State: 'ACTIVATED',
                Predicate: {
                  Conditions: [
                    {
                      LogicalOperator: 'EQUALS',
                      JobName: 'flaky',
                      State: 'FAILED',
                    },
                  ],
                },
                Actions: [{ JobName: 'on-failure' }],
              },
              {
                Name: 'hourly-c',
                Type: 'SCHEDULED',
                State: 'DEACTIVATED',
                Schedule: 'cron(0 * * * ? *)',
                Actions: [{ JobName: 'c' }],
                Tags: { team: 'team-c' },
              },
              {
                Name: 'wf-trigger',
                WorkflowName: 'wf',
                Type: 'ON_DEMAND',
                Actions: [{ JobName: 'wf-start' }],
              },
              {
                Name: 'wf-after-start',
                WorkflowName: 'wf',
                Type: 'CONDITIONAL',
                State: 'ACTIVATED',
                Predicate: {
                  Conditions: [
                    {
                      LogicalOperator: 'EQUALS',
                      JobName: 'wf-start',
                      State: 'SUCCEEDED',
                    },
                  ],
                },
                Actions: [{ JobName: 'wf-next' }],
              },
            ],
            workflows: [
              {
                Name: 'wf',
                DefaultRunProperties: { env: 'test' },
                Tags: { owner: 'team-a' },
              },
            ],
            crawlers: [
              {
                Name: 'crawl-b',
                Role: role,
                DatabaseName: 'db',
                Targets: { S3Targets: [{ Path: 's3://a-out/' }] },
                Tags: { owner: 'team-b' },
                Simulation: { durationSeconds: 120, history: 0 },
              },
            ],
          },
        },
      },
    ],
  };
}

/** The demo fixture shipped in examples/glue. */
export const DEMO_FIXTURE = resolve(
  __dirname,
  '../../../../examples/glue/demo.yaml',
);

/**
 * The demo fixture with the live outcomes of some jobs scripted, for tests
 * that follow a whole chain and must not depend on the demo's failure rates.
 */
export function demoFixtureWithOutcomes(
  outcomes: Record<string, string[]>,
): Fixture {
  const fixture = loadFixture(DEMO_FIXTURE);
  for (const account of fixture.accounts) {
    for (const region of Object.values(account.regions)) {
      for (const job of region.jobs ?? []) {
        if (outcomes[job.Name]) {
          job.Simulation = { ...job.Simulation, outcomes: outcomes[job.Name] };
        }
      }
    }
  }
  return fixture;
}
