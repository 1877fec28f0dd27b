import {
  CloudWatchLogsClient,
  GetLogEventsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { SECRET_SHAPES } from '@aws-glue-backstage/plugin-aws-glue-node/testUtils';
import { mockClient } from 'aws-sdk-client-mock';
import { readAwsGlueBackendConfig } from '../../lib/config';
import { migratedDatabase } from '../../lib/database';
import { createRedactor } from '../../lib/redaction';
import { JobRef, StoredJob, StoredJobRun } from '../../lib/shapes';
import { JobDefinitionStore } from '../../runIndex/JobDefinitions';
import { RunStore } from '../../runIndex/RunStore';
import { RunTriage } from './RunTriage';

const job: JobRef = {
  arn: 'arn:aws:glue:eu-west-1:123456789012:job/freshers_in_dependent_job',
  partition: 'aws',
  region: 'eu-west-1',
  accountId: '123456789012',
  name: 'freshers_in_dependent_job',
};

const definition = {
  name: job.name,
  defaultArguments: { '--batch_size': '100', '--input': 's3://in/' },
} as unknown as StoredJob;

const run = (overrides: Partial<StoredJobRun>): StoredJobRun => ({
  id: 'jr_fail',
  jobName: job.name,
  state: 'FAILED',
  startedOn: '2026-03-02T02:00:00.000Z',
  errorMessage: 'AnalysisException: path does not exist',
  arguments: { '--batch_size': '500' },
  predecessorRuns: [],
  numberOfWorkers: 2,
  ...overrides,
});

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function setup() {
  const knex = await databases.init('SQLITE_3');
  await migratedDatabase(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  const store = new RunStore(knex, () => Date.parse('2026-03-03T00:00:00Z'));
  let now = Date.parse('2026-03-01T00:00:00Z');
  const definitions = new JobDefinitionStore(
    knex,
    mockServices.logger.mock(),
    () => now,
  );
  const entity = (workers: string) =>
    ({
      job,
      entityRef: 'component:default/freshers',
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'freshers',
          annotations: {
            'aws.amazon.com/aws-glue-job-number-of-workers': workers,
            'aws.amazon.com/aws-glue-job-script-location':
              's3://scripts/freshers.py',
          },
        },
      },
    } as any);
  expect(await definitions.record([entity('10')])).toBe(1);
  expect(await definitions.record([entity('10')])).toBe(0); // unchanged: no write
  now = Date.parse('2026-03-01T12:00:00Z');
  expect(await definitions.record([entity('2')])).toBe(1);
  const logs = mockClient(CloudWatchLogsClient);
  const triage = new RunTriage({
    clients: {
      getClient: jest.fn(),
      getLogsClient: async () =>
        new CloudWatchLogsClient({ region: 'eu-west-1' }),
    },
    redactor: createRedactor(
      readAwsGlueBackendConfig(new ConfigReader({})).redaction,
    ),
    logger: mockServices.logger.mock(),
    store,
    definitions,
    logLines: 50,
    callTimeoutMs: 5000,
  });
  return { store, triage, logs };
}

describe('RunTriage', () => {
  afterEach(() => mockClient(CloudWatchLogsClient).restore());

  it('shows the redacted log tail and what changed since the last successful run', async () => {
    const { store, triage, logs } = await setup();
    await store.upsertRuns(
      job,
      [
        run({
          id: 'jr_ok',
          state: 'SUCCEEDED',
          startedOn: '2026-03-01T02:00:00.000Z',
          arguments: { '--batch_size': '100' },
          numberOfWorkers: 10,
          errorMessage: undefined,
        }),
      ],
      true,
    );
    logs
      .on(GetLogEventsCommand, {
        logGroupName: '/aws-glue/jobs/error',
        logStreamName: 'jr_fail',
      })
      .resolves({
        events: [
          ...SECRET_SHAPES.map((shape, i) => ({
            timestamp: Date.parse('2026-03-02T02:05:00Z') + i,
            message: shape.text,
          })),
          {
            timestamp: Date.parse('2026-03-02T02:06:00Z'),
            message: 'AnalysisException: path does not exist',
          },
        ],
      });

    const result = await triage.triage(job, definition, run({}));

    expect(logs.commandCalls(GetLogEventsCommand)[0].args[0].input).toEqual({
      logGroupName: '/aws-glue/jobs/error',
      logStreamName: 'jr_fail',
      startFromHead: false,
      limit: 50,
    });
    const [log] = result.log;
    expect(log.lines).toHaveLength(SECRET_SHAPES.length + 1);
    expect(log.lines.at(-1)!.message).toBe(
      'AnalysisException: path does not exist',
    );
    expect(log.consoleUrl).toContain('log-events/jr_fail');
    const shown = JSON.stringify(result);
    for (const shape of SECRET_SHAPES) {
      for (const secret of shape.secrets) {
        expect({ shape: shape.name, leaked: shown.includes(secret) }).toEqual({
          shape: shape.name,
          leaked: false,
        });
      }
    }
    expect(result.lastSuccess).toEqual({
      runId: 'jr_ok',
      startedOn: '2026-03-01T02:00:00.000Z',
    });
    expect(result.changes).toEqual([
      { kind: 'argument', field: '--batch_size', before: '100', after: '500' },
      {
        kind: 'definition',
        field: 'numberOfWorkers',
        before: '10',
        after: '2',
      },
    ]);
    expect(result.effectiveArguments).toEqual([
      { key: '--batch_size', value: '500', source: 'run-overrides-default' },
      { key: '--input', value: 's3://in/', source: 'default' },
    ]);
  });

  it('says why a log cannot be read instead of failing', async () => {
    const { triage, logs } = await setup();
    logs.on(GetLogEventsCommand).rejects(
      new ResourceNotFoundException({
        message: 'The specified log stream does not exist.',
        $metadata: {},
      }),
    );
    const result = await triage.triage(job, definition, run({}));
    expect(result.log[0]).toMatchObject({
      lines: [],
      error:
        'No log stream jr_fail in /aws-glue/jobs/error: the run wrote none there, or the logs expired',
    });
    expect(result.changes).toEqual([]); // no successful run stored
    expect(result.lastSuccess).toBeUndefined();
  });
});
