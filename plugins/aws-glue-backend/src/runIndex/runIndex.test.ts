/*
 * The run index's feeds on a real (SQLite) store: events through the one
 * reader, GetJobRun through the real SDK (mocked on the wire with
 * aws-sdk-client-mock), notifications once per run, and the reconciler's
 * budget, stopping rule, backfill and throttling.
 */
import {
  GetJobRunCommand,
  GetJobRunsCommand,
  GlueClient,
  JobRun,
} from '@aws-sdk/client-glue';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mockClient } from 'aws-sdk-client-mock';
import {
  ANNOTATION_AWS_GLUE_NOTIFICATIONS,
  GLUE_ANNOTATIONS,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { ACCOUNT, jobEntity, PROVIDER_UNITS } from '../__fixtures__/entities';
import { readAwsGlueBackendConfig } from '../lib/config';
import { migratedDatabase } from '../lib/database';
import { createRedactor } from '../lib/redaction';
import { GlueEventsConsumer } from './GlueEventsConsumer';
import { FleetJobTable } from './FleetJobs';
import { GlueRunReader } from './GlueRunReader';
import { RunIndex } from './RunIndex';
import { RunNotifier } from './RunNotifier';
import { RunReconciler } from './RunReconciler';
import { RunStore } from './RunStore';
import { WorkflowRunStore } from './WorkflowRunStore';
import { SyncedJobDirectory } from './SyncedJobs';
import { SECRET_SHAPES } from '@aws-glue-backstage/plugin-aws-glue-node/testUtils';
import { inspect } from 'node:util';

const glue = mockClient(GlueClient);
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const NOW = Date.parse('2026-06-15T03:00:00Z');
const iso = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000);
const ORDERS_ARN = `arn:aws:glue:us-east-1:${ACCOUNT}:job/orders`;

function glueRun(overrides: Partial<JobRun>): JobRun {
  return {
    Id: 'jr_1',
    JobName: 'orders',
    Attempt: 0,
    JobRunState: 'FAILED',
    StartedOn: iso(20),
    CompletedOn: iso(2),
    ExecutionTime: 1080,
    WorkerType: 'G.1X',
    NumberOfWorkers: 10,
    ErrorMessage:
      'Connection refused for jdbc:postgresql://etl:Sup3r/Secret@db:5432/x',
    Arguments: { '--password': 'hunter2', '--input': 's3://raw/' },
    ...overrides,
  };
}

function envelope(detail: object, overrides: object = {}) {
  return {
    version: '0',
    id: 'e-1',
    'detail-type': 'Glue Job State Change',
    source: 'aws.glue',
    account: ACCOUNT,
    time: iso(2).toISOString(),
    region: 'us-east-1',
    resources: [],
    detail: {
      jobName: 'orders',
      severity: 'ERROR',
      state: 'FAILED',
      jobRunId: 'jr_1',
      message: 'Job run failed',
      ...detail,
    },
    ...overrides,
  };
}

async function setup(
  options: { entity?: Entity; config?: object; catalog?: any } = {},
) {
  glue.reset();
  const knex = await databases.init('SQLITE_3');
  const migrated = await migratedDatabase(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  const store = new RunStore(migrated, () => NOW);
  const entity = options.entity ?? jobEntity('orders');
  const config = readAwsGlueBackendConfig(
    mockServices.rootConfig({ data: { awsGlue: options.config ?? {} } }),
  );
  const logger = mockServices.logger.mock();
  const notifications = { send: jest.fn(async () => {}) };
  const signals = { publish: jest.fn(async () => {}) };
  const redactor = createRedactor(config.redaction);
  const reader = new GlueRunReader({
    clients: { getClient: async () => new GlueClient({ region: 'us-east-1' }) },
    redactor,
    callTimeoutMs: 5_000,
    concurrency: 4,
  });
  const index = new RunIndex({
    store,
    workflowRuns: new WorkflowRunStore(migrated, () => NOW),
    jobs: new SyncedJobDirectory({
      catalog: options.catalog ?? catalogServiceMock({ entities: [entity] }),
      auth: mockServices.auth(),
      units: PROVIDER_UNITS,
    }),
    fleetJobs: new FleetJobTable(migrated, logger),
    notifier: new RunNotifier({
      store,
      notifications,
      logger,
      config: config.notifications,
      now: () => NOW,
    }),
    signals,
    logger,
    reader,
    enabled: true,
  });
  const consumer = new GlueEventsConsumer({ index, reader, redactor, logger });
  const reconciler = new RunReconciler({
    index,
    reader,
    logger,
    config: config.runIndex,
    now: () => NOW,
  });
  return {
    store,
    consumer,
    reconciler,
    notifications,
    signals,
    logger,
    knex,
  };
}

describe('the events feed', () => {
  it('stores Glue’s run for an event and tells the owner once, redacted', async () => {
    const { store, consumer, notifications, signals } = await setup();
    glue.on(GetJobRunCommand).resolves({ JobRun: glueRun({}) });
    await consumer.handle(envelope({}));
    await consumer.handle(envelope({})); // the same event again (at-least-once delivery)
    await consumer.handle(JSON.stringify(envelope({}, { id: 'e-2' }))); // as SQS text

    const [stored] = await store.getRuns(ORDERS_ARN, ['jr_1']);
    expect(stored.complete).toBe(true);
    expect(stored.run.executionTime).toBe(1080);
    expect(JSON.stringify(stored)).not.toMatch(/hunter2|Sup3r/);
    expect(notifications.send).toHaveBeenCalledTimes(1);
    const [sent] = notifications.send.mock.calls[0] as any[];
    expect(sent.recipients).toEqual({
      type: 'entity',
      entityRef: 'group:default/data-platform',
    });
    expect(sent.payload.title).toBe('AWS Glue job orders FAILED');
    expect(sent.payload.link).toBe(
      '/catalog/default/component/orders/runs?run=jr_1',
    );
    expect(JSON.stringify(sent)).not.toMatch(/Sup3r|hunter2/);
    expect(sent.payload.description).toContain('Connection refused');
    expect(signals.publish).toHaveBeenCalledWith({
      recipients: { type: 'broadcast' },
      channel: 'aws-glue:runs',
      message: { jobArn: ORDERS_ARN },
    });
    expect(consumer.stats()).toEqual({ applied: 3 });
  });

  it('waits for the last attempt when the job retries', async () => {
    const entity = jobEntity('orders');
    entity.metadata.annotations![GLUE_ANNOTATIONS.jobMaxRetries] = '1';
    const { consumer, notifications } = await setup({ entity });
    glue
      .on(GetJobRunCommand, { RunId: 'jr_1' })
      .resolves({ JobRun: glueRun({}) })
      .on(GetJobRunCommand, { RunId: 'jr_1_attempt_1' })
      .resolves({ JobRun: glueRun({ Id: 'jr_1_attempt_1', Attempt: 1 }) });
    await consumer.handle(envelope({}));
    expect(notifications.send).not.toHaveBeenCalled();
    await consumer.handle(
      envelope({ jobRunId: 'jr_1_attempt_1' }, { id: 'e-2' }),
    );
    expect(notifications.send).toHaveBeenCalledTimes(1);
  });

  it('respects the opt-out annotation and the notification states', async () => {
    const entity = jobEntity('orders');
    entity.metadata.annotations![ANNOTATION_AWS_GLUE_NOTIFICATIONS] =
      'disabled';
    const optedOut = await setup({ entity });
    glue.on(GetJobRunCommand).resolves({ JobRun: glueRun({}) });
    await optedOut.consumer.handle(envelope({}));
    expect(optedOut.notifications.send).not.toHaveBeenCalled();

    const onlyTimeouts = await setup({
      config: { notifications: { states: ['TIMEOUT'] } },
    });
    glue.on(GetJobRunCommand).resolves({ JobRun: glueRun({}) });
    await onlyTimeouts.consumer.handle(envelope({}));
    expect(onlyTimeouts.notifications.send).not.toHaveBeenCalled();
  });

  it('applies an event for a job synced after the directory was loaded, and asks for an unknown job once', async () => {
    const entity = jobEntity('orders');
    let synced: Entity[] = [];
    const name = 'metadata.annotations.aws.amazon.com/aws-glue-name';
    const streamEntities = jest.fn(async function* stream(request: any) {
      yield synced.filter(
        e =>
          !request.filter[name] ||
          request.filter[name] ===
            e.metadata.annotations![GLUE_ANNOTATIONS.name],
      );
    });
    const { store, consumer, reconciler } = await setup({
      catalog: { streamEntities },
    });
    glue.on(GetJobRunCommand).resolves({ JobRun: glueRun({}) });
    await reconciler.reconcile(); // loads the (empty) directory
    await consumer.handle(envelope({ jobName: 'ghost' }));
    await consumer.handle(envelope({ jobName: 'ghost' }, { id: 'e-2' }));
    const calls = streamEntities.mock.calls.length;
    synced = [entity]; // the catalog module syncs the job
    await consumer.handle(envelope({}));
    expect((await store.getRuns(ORDERS_ARN, ['jr_1']))[0].run.state).toBe(
      'FAILED',
    );
    // the unknown job was asked for once, the new one once
    expect(calls).toBe(2);
    expect(streamEntities.mock.calls.length).toBe(3);
  });

  it('drops bad and foreign events, counts them and logs each kind once', async () => {
    const { store, consumer, logger, notifications } = await setup();
    glue.on(GetJobRunCommand).rejects(
      Object.assign(new Error('Run not found'), {
        name: 'EntityNotFoundException',
      }),
    );
    const bad: unknown[] = [
      'not json',
      { hello: 'world' },
      envelope({}, { source: 'aws.s3' }),
      envelope({}, { 'detail-type': 'Glue Data Catalog Table State Change' }),
      envelope({ jobRunId: undefined }),
      envelope({ state: 'EXPLODED' }),
      envelope({}, { account: '999999999999' }),
      envelope({}, { region: 'ap-south-1' }),
      envelope({ jobName: 'not-in-the-catalog' }),
      envelope({ jobRunId: 'jr_forged' }),
      envelope({ jobRunId: 'jr_forged_again' }),
    ];
    for (const payload of bad) await consumer.handle(payload);
    expect(consumer.stats()).toEqual({
      'dropped:not-an-event': 2,
      'dropped:foreign-source': 1,
      'dropped:other-detail-type': 1,
      'dropped:bad-detail': 2,
      'dropped:unknown-account-or-region': 2,
      'dropped:unknown-job': 1,
      'dropped:unknown-run': 2,
    });
    expect(logger.warn).toHaveBeenCalledTimes(7);
    expect(await store.countRuns()).toBe(0);
    expect(notifications.send).not.toHaveBeenCalled();
  });

  it('stores the event’s state when Glue cannot answer, and notifies once the reconciler has Glue’s word', async () => {
    const { store, consumer, reconciler, notifications } = await setup();
    glue.on(GetJobRunCommand).rejects(
      Object.assign(new Error('Rate exceeded'), {
        name: 'ThrottlingException',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    await consumer.handle(envelope({}));
    const [partial] = await store.getRuns(ORDERS_ARN, ['jr_1']);
    expect(partial).toMatchObject({
      complete: false,
      run: { state: 'FAILED' },
    });
    expect(notifications.send).not.toHaveBeenCalled();

    glue.on(GetJobRunsCommand).resolves({ JobRuns: [glueRun({})] });
    await reconciler.reconcile();
    const [complete] = await store.getRuns(ORDERS_ARN, ['jr_1']);
    expect(complete.complete).toBe(true);
    expect(notifications.send).toHaveBeenCalledTimes(1);
  });
});

describe('secret shapes in the run index', () => {
  const throttled = Object.assign(new Error('Rate exceeded'), {
    name: 'ThrottlingException',
    $metadata: { httpStatusCode: 400 },
  });

  /** A failed run carrying `shape` in its arguments and its error. */
  const shapeRun = (id: string, i: number) => {
    const shape = SECRET_SHAPES[i];
    return glueRun({
      Id: id,
      StartedOn: iso(20 + i),
      CompletedOn: iso(2),
      ErrorMessage: shape.text,
      Arguments: {
        [shape.key]: shape.value,
        '--shape': shape.anywhere,
        '--input': 's3://raw/',
      },
    });
  };

  /** Every row of every table of the plugin's database, as one string. */
  async function storedRows(knex: Awaited<ReturnType<typeof setup>>['knex']) {
    const tables: string[] = await knex('sqlite_master')
      .where({ type: 'table' })
      .pluck('name');
    const rows: Record<string, unknown[]> = {};
    for (const table of tables) rows[table] = await knex(table).select();
    return { tables, json: JSON.stringify(rows) };
  }

  /** `[where, shape, secret]` for each secret found in `texts`. */
  const leaksIn = (texts: Record<string, string>) =>
    SECRET_SHAPES.flatMap(shape =>
      shape.secrets.flatMap(secret =>
        Object.entries(texts)
          .filter(
            ([, text]) =>
              text.includes(secret) ||
              // also with JSON's escapes removed
              text.replace(/\\/g, '').includes(secret),
          )
          .map(([where]) => `${where}: ${shape.name}: ${secret}`),
      ),
    );

  it('stores, notifies and logs no part of any shape, from every feed', async () => {
    const { consumer, reconciler, notifications, logger, knex } = await setup();
    // runs Glue answers for (GetJobRun after an event) and runs it cannot
    // answer for (the event's own message is stored), one per shape each
    SECRET_SHAPES.forEach((_, i) => {
      glue
        .on(GetJobRunCommand, { RunId: `jr_event_${i}` })
        .resolves({ JobRun: shapeRun(`jr_event_${i}`, i) })
        .on(GetJobRunCommand, { RunId: `jr_throttled_${i}` })
        .rejects(throttled);
    });
    // the reconciler's pages carry every shape too
    glue.on(GetJobRunsCommand).resolves({
      JobRuns: SECRET_SHAPES.map((_, i) => shapeRun(`jr_listed_${i}`, i)),
    });
    for (const [i, shape] of SECRET_SHAPES.entries()) {
      for (const id of [`jr_event_${i}`, `jr_throttled_${i}`]) {
        await consumer.handle(
          envelope({ jobRunId: id, message: shape.text }, { id: `e-${id}` }),
        );
      }
      await consumer.handle(
        envelope(
          {
            crawlerName: 'raw-crawler',
            state: 'Failed',
            errorMessage: shape.text,
          },
          {
            id: `e-crawl-${i}`,
            'detail-type': 'Glue Crawler State Change',
            time: iso(30 - i).toISOString(),
          },
        ),
      );
    }
    await reconciler.reconcile();
    expect(consumer.stats()).toEqual({ applied: 3 * SECRET_SHAPES.length });

    const { tables, json } = await storedRows(knex);
    expect(tables).toEqual(
      expect.arrayContaining([
        'aws_glue_job_runs',
        'aws_glue_crawls',
        'aws_glue_run_notifications',
      ]),
    );
    // every run and crawl is there, with the rest of its error
    for (const prefix of ['jr_event', 'jr_throttled', 'jr_listed']) {
      for (let i = 0; i < SECRET_SHAPES.length; i++) {
        expect(json).toContain(`"${prefix}_${i}"`);
      }
    }
    expect(json.split('raw-crawler').length - 1).toBeGreaterThanOrEqual(
      SECRET_SHAPES.length,
    );
    expect(json).toContain('(see the logs)');
    expect(json).toContain('s3://raw/'); // the arguments are stored

    // only Glue's word notifies: once per run Glue answered for (after an
    // event or in the reconciler's pages), never for an event alone
    const sent = notifications.send.mock.calls.map(call =>
      JSON.stringify(call),
    );
    const notified = notifications.send.mock.calls.map(
      ([n]: any[]) => n.payload.link.split('?run=')[1],
    );
    expect(notified.sort()).toEqual(
      SECRET_SHAPES.flatMap((_, i) => [
        `jr_event_${i}`,
        `jr_listed_${i}`,
      ]).sort(),
    );
    expect(sent.join('\n')).toContain('(see the logs)');

    const logged = inspect(
      [logger.error, logger.warn, logger.info, logger.debug].map(
        fn => fn.mock.calls,
      ),
      { depth: 20, maxArrayLength: null, maxStringLength: null },
    );
    expect(
      leaksIn({
        'stored rows': json,
        notifications: sent.join('\n'),
        logs: logged,
      }),
    ).toEqual([]);
  });
});

describe('the reconciler', () => {
  const runs = (count: number, from = 0) =>
    Array.from({ length: count }, (_, i) =>
      glueRun({
        Id: `jr_${from + i}`,
        JobRunState: 'SUCCEEDED',
        StartedOn: iso(10_000 + (from + i) * 60),
        CompletedOn: iso(9_990 + (from + i) * 60),
      }),
    );

  it('backfills at first sight, then costs one call a pass for a quiet job', async () => {
    const { store, reconciler, notifications } = await setup();
    glue
      .on(GetJobRunsCommand, { NextToken: undefined })
      .resolves({ JobRuns: runs(200), NextToken: 'p2' })
      .on(GetJobRunsCommand, { NextToken: 'p2' })
      .resolves({ JobRuns: runs(30, 200) });
    const first = await reconciler.reconcile();
    expect(first.calls).toBe(2);
    expect(await store.countRuns()).toBe(230);
    // old history never notifies
    expect(notifications.send).not.toHaveBeenCalled();

    glue.resetHistory();
    const second = await reconciler.reconcile();
    expect(second).toMatchObject({ calls: 1, jobsPolled: 1, runsChanged: 0 });
    expect(
      glue.commandCalls(GetJobRunsCommand)[0].args[0].input.MaxResults,
    ).toBe(50);
  });

  it('resumes a backfill the budget cut short, and loses nothing', async () => {
    const { store, reconciler } = await setup({
      config: { runIndex: { reconciler: { callBudget: 1 } } },
    });
    glue
      .on(GetJobRunsCommand, { NextToken: undefined })
      .resolves({ JobRuns: runs(200), NextToken: 'p2' })
      .on(GetJobRunsCommand, { NextToken: 'p2' })
      .resolves({ JobRuns: runs(200, 200), NextToken: 'p3' })
      .on(GetJobRunsCommand, { NextToken: 'p3' })
      .resolves({ JobRuns: runs(5, 400) });
    await reconciler.reconcile();
    expect(await store.countRuns()).toBe(200);
    await reconciler.reconcile();
    await reconciler.reconcile();
    expect(await store.countRuns()).toBe(405);
    expect(glue.commandCalls(GetJobRunsCommand)).toHaveLength(3);
  });

  it('shares the budget among concurrent jobs and never exceeds it; the jobs left go first next pass', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `job-${i}`);
    const { reconciler } = await setup({
      catalog: catalogServiceMock({ entities: names.map(n => jobEntity(n)) }),
      config: {
        runIndex: { concurrency: 4, reconciler: { callBudget: 3 } },
      },
    });
    glue.on(GetJobRunsCommand).resolves({ JobRuns: runs(2) });
    const polled = () =>
      glue.commandCalls(GetJobRunsCommand).map(c => c.args[0].input.JobName);
    const first = await reconciler.reconcile();
    expect(first).toMatchObject({ calls: 3, jobsPolled: 3, deferred: 7 });
    const firstJobs = polled();
    expect(firstJobs).toHaveLength(3);
    glue.resetHistory();
    await reconciler.reconcile();
    expect(polled()).toHaveLength(3);
    expect(polled().filter(n => firstJobs.includes(n))).toEqual([]);
  });

  it('stops a throttled account and region for the pass and makes fewer calls next time', async () => {
    const { reconciler, logger } = await setup({
      config: { runIndex: { reconciler: { callBudget: 8 } } },
    });
    glue.on(GetJobRunsCommand).rejects(
      Object.assign(new Error('Rate exceeded'), {
        name: 'ThrottlingException',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const report = await reconciler.reconcile();
    expect(report.throttled).toEqual([`${ACCOUNT}/us-east-1`]);
    expect(report.deferred).toBe(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('throttling'),
    );
  });
});
