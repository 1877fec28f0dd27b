/*
 * The production transport of the run index: EventBridge → SQS → the events
 * backend's AWS SQS module → EventsService → the AWS Glue plugin. SQS is
 * mocked on the wire (aws-sdk-client-mock; there is no SQS here), everything
 * after it is real: the module's polling task, the events service, the
 * plugin's reader of the envelope and its GetJobRun against the emulator.
 */
import path from 'node:path';
import { GetJobRunsCommand, GlueClient } from '@aws-sdk/client-glue';
import {
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import eventsPlugin from '@backstage/plugin-events-backend';
import eventsModuleAwsSqs from '@backstage/plugin-events-backend-module-aws-sqs';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import {
  GlueEmulator,
  glueJobStateChangeEvent,
  startGlueEmulator,
} from '@aws-glue-backstage/glue-emulator';
import { ACCOUNT, ROOT, TestPortal } from './__testUtils__/portal';
import demoPermissionPolicy from './permissionPolicy';

jest.setTimeout(120_000);

const sqs = mockClient(SQSClient);
const QUEUE = `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/backstage-glue-events`;
const JOB = 'triggering_job';

describe('Glue events from SQS', () => {
  let emulator: GlueEmulator;
  let portal: TestPortal;

  afterAll(async () => {
    await portal?.stop();
    await emulator?.stop();
    sqs.restore();
  });

  it('stores the run an EventBridge message on the queue names', async () => {
    emulator = await startGlueEmulator({
      fixture: path.join(ROOT, 'examples/glue/demo.yaml'),
      port: 0,
      clock: { now: () => Date.parse('2026-11-23T12:00:00Z') },
    });
    const glue = new GlueClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: ACCOUNT, secretAccessKey: 'x' },
    });
    const { JobRuns = [] } = await glue.send(
      new GetJobRunsCommand({ JobName: JOB, MaxResults: 5 }),
    );
    const run = JobRuns.find(r => r.JobRunState === 'SUCCEEDED')!;
    const envelope = glueJobStateChangeEvent({
      id: '7bf73129-1428-4cd3-a780-95db273d1602',
      account: ACCOUNT,
      region: 'us-east-1',
      time: run.CompletedOn!,
      jobName: JOB,
      jobRunId: run.Id!,
      state: 'SUCCEEDED',
    });
    // the message arrives once the job is in the catalog (an event before
    // its subscriber exists is the reconciler's to fill)
    let queued = false;
    let delivered = false;
    sqs.on(ReceiveMessageCommand).callsFake(async () => {
      if (!queued || delivered) return { Messages: [] };
      delivered = true;
      return {
        Messages: [
          {
            MessageId: 'm-1',
            ReceiptHandle: 'r-1',
            Body: JSON.stringify(envelope),
          },
        ],
      };
    });
    sqs.on(DeleteMessageCommand).resolves({});
    sqs.on(DeleteMessageBatchCommand).resolves({ Successful: [], Failed: [] });

    portal = await TestPortal.start({
      emulatorUrl: emulator.url,
      features: [
        eventsServiceFactory,
        schedulerServiceFactory,
        demoPermissionPolicy,
        eventsPlugin,
        eventsModuleAwsSqs,
      ],
      config: {
        // one process: the events service delivers locally, no event-bus
        // calls (which answer 503 while the backend shuts down)
        events: {
          useEventBus: 'never',
          modules: {
            awsSqs: {
              awsSqsConsumingEventPublisher: {
                topics: {
                  'aws-glue': {
                    queue: {
                      url: QUEUE,
                      region: 'us-east-1',
                      waitTime: { seconds: 0 },
                    },
                    waitTimeAfterEmptyReceive: { seconds: 1 },
                  },
                },
              },
            },
          },
        },
      },
      awsGlue: { runIndex: { reconciler: { enabled: false } } },
    });
    await portal.waitForEntities([JOB]);
    queued = true;

    const deadline = Date.now() + 60_000;
    let latest: any;
    while (Date.now() < deadline) {
      const fleet = await portal.fetchJson(`/api/aws-glue/v1/jobs?q=${JOB}`);
      latest = fleet.body.jobs?.[0]?.latestRun;
      if (latest) break;
      await new Promise(r => setTimeout(r, 250));
    }
    // Glue's word (GetJobRun), not only the event: timing and DPU are there
    expect(latest).toMatchObject({ id: run.Id, state: 'SUCCEEDED' });
    expect(latest.durationSeconds).toBeGreaterThan(0);
    expect(latest.dpuHours).toBeGreaterThan(0);
    expect(
      sqs.commandCalls(DeleteMessageCommand).length +
        sqs.commandCalls(DeleteMessageBatchCommand).length,
    ).toBeGreaterThan(0);
  });
});
