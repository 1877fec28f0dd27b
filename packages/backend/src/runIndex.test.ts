/*
 * The run index end to end on the demo portal's backend: the emulator emits
 * Glue's EventBridge envelopes for every state change and they reach the
 * real events backend through its HTTP ingress (the demo's transport); the
 * plugin stores the runs, the real notifications backend tells the owner's
 * members once per failure, and junk on the ingress is dropped.
 */
import path from 'node:path';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import eventsPlugin from '@backstage/plugin-events-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import signalsPlugin from '@backstage/plugin-signals-backend';
import {
  GlueEmulator,
  GlueEventBridgeEnvelope,
  startGlueEmulator,
} from '@aws-glue-backstage/glue-emulator';
import { ROOT, TestPortal } from './__testUtils__/portal';
import demoPermissionPolicy from './permissionPolicy';

jest.setTimeout(180_000);

const INGRESS = '/api/events/http/aws-glue';
const JOB = 'freshers_in_dependent_job';

/** Polls (bounded) until `probe` gives a value. */
async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 250));
  }
}

describe('the run index on the demo portal', () => {
  let emulator: GlueEmulator;
  let portal: TestPortal;
  const sent: GlueEventBridgeEnvelope[] = [];
  let deliver: (event: GlueEventBridgeEnvelope) => void = () => {};

  beforeAll(async () => {
    emulator = await startGlueEmulator({
      fixture: path.join(ROOT, 'examples/glue/demo.yaml'),
      port: 0,
      // a fixed start, then real time: runs take seconds (duration / 100)
      startTime: new Date('2026-11-23T12:00:00Z'),
      durationScale: 100,
      onEvent: event => deliver(event),
    });
    portal = await TestPortal.start({
      emulatorUrl: emulator.url,
      features: [
        // the real events service and scheduler, not the test backend's
        // mocks: events reach subscribers, tasks run on their schedule
        eventsServiceFactory,
        schedulerServiceFactory,
        demoPermissionPolicy,
        eventsPlugin,
        notificationsPlugin,
        signalsPlugin,
      ],
      // one process: the events service delivers locally, no event-bus calls
      // (which answer 503 while the backend shuts down)
      config: {
        events: { useEventBus: 'never', http: { topics: ['aws-glue'] } },
      },
      awsGlue: {
        actions: {
          startJobRun: true,
          stopJobRun: true,
          allowedArguments: ['--emulator-outcome', '--emulator-error-message'],
        },
        runIndex: {
          // the emulator's history is dated from 2026-11-23 whatever today
          // is: retention (by the real clock, the most it allows) must not prune it
          retentionDays: 3650,
          reconciler: {
            frequency: { seconds: 2 },
            initialDelay: { seconds: 1 },
          },
        },
        notifications: { maxAge: { days: 3650 } },
      },
    });
    // the emulator's events go to the events backend's HTTP ingress, as in
    // the demo (npm start passes --events-url)
    deliver = event => {
      sent.push(event);
      fetch(`${portal.base}${INGRESS}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(event),
      }).catch(() => {});
    };
    await portal.waitForEntities(['user:guest', JOB]);
  });

  afterAll(async () => {
    deliver = () => {};
    await portal?.stop();
    await emulator?.stop();
  });

  /**
   * The guest's notifications about one run: searched by its id (the
   * description names it), since the backfill notifies every stored
   * failure of the history here (maxAge is ten years) and pages fill up.
   */
  async function notificationsOfGuest(runId: string): Promise<any[]> {
    const res = await portal.fetchJson(
      `/api/notifications/notifications?limit=50&search=${encodeURIComponent(
        runId,
      )}`,
    );
    expect(res.status).toBe(200);
    return res.body.notifications;
  }

  it('stores a run the guest makes fail, and tells the guest once, with the redacted error', async () => {
    const start = await portal.call(JOB, '/runs', 'POST', {
      arguments: {
        '--emulator-outcome': 'FAILED',
        '--emulator-error-message':
          'Login failed for jdbc:postgresql://etl:Pa55/w0rd@warehouse:5432/dw',
      },
    });
    expect(start.status).toBe(201);
    const runId: string = start.body.runId;

    const notification = await eventually(
      'the failure notification',
      async () =>
        (
          await notificationsOfGuest(runId)
        ).find(n => n.payload.link?.includes(runId)),
    );
    expect(notification.payload.title).toBe(`AWS Glue job ${JOB} FAILED`);
    expect(notification.payload.link).toBe(
      `/catalog/default/component/${JOB}/runs?run=${runId}`,
    );
    expect(notification.payload.description).toContain('Login failed');
    expect(JSON.stringify(notification)).not.toContain('Pa55');

    // the events came through the real transport, in order of the run's way
    const states = sent
      .filter(
        e => e.detail && 'jobRunId' in e.detail && e.detail.jobRunId === runId,
      )
      .map(e => (e.detail as { state: string }).state);
    expect(states[states.length - 1]).toBe('FAILED');

    // the fleet route shows it from the store
    const fleet = await portal.fetchJson(`/api/aws-glue/v1/jobs?q=${JOB}`);
    expect(fleet.body.jobs[0].latestRun).toMatchObject({
      id: runId,
      state: 'FAILED',
    });
    expect(JSON.stringify(fleet.body)).not.toContain('Pa55');

    // the same event again, and the reconciler's passes: still one notification
    const failedEvent = sent.find(
      e =>
        'jobRunId' in e.detail &&
        e.detail.jobRunId === runId &&
        e.detail.state === 'FAILED',
    )!;
    await fetch(`${portal.base}${INGRESS}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(failedEvent),
    });
    const passed = fleet.body.freshness.lastReconciledAt;
    await eventually('a reconciler pass', async () => {
      const later = await portal.fetchJson('/api/aws-glue/v1/jobs?limit=1');
      return later.body.freshness.lastReconciledAt !== passed
        ? true
        : undefined;
    });
    const mine = (await notificationsOfGuest(runId)).filter(n =>
      n.payload.link?.includes(runId),
    );
    expect(mine).toHaveLength(1);
  });

  it('drops junk on the ingress and goes on applying good events', async () => {
    for (const junk of [
      { hello: 'world' },
      { ...sent[0], source: 'aws.s3' },
      { ...sent[0], detail: { jobName: JOB } },
      { ...sent[0], account: '999999999999' },
      {
        ...sent[0],
        detail: { ...sent[0].detail, jobRunId: 'jr_forged', state: 'FAILED' },
      },
    ]) {
      const res = await fetch(`${portal.base}${INGRESS}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(junk),
      });
      expect(res.status).toBe(202);
    }
    const runs = await portal.call(JOB, '/runs?limit=200');
    expect(runs.body.runs.map((r: any) => r.id)).not.toContain('jr_forged');
    expect(
      (await notificationsOfGuest('jr_forged')).some(n =>
        n.payload.link?.includes('jr_forged'),
      ),
    ).toBe(false);

    const start = await portal.call(JOB, '/runs', 'POST', {
      arguments: { '--emulator-outcome': 'SUCCEEDED' },
    });
    expect(start.status).toBe(201);
    await eventually('the next run in the index', async () => {
      const fleet = await portal.fetchJson(`/api/aws-glue/v1/jobs?q=${JOB}`);
      const latest = fleet.body.jobs[0].latestRun;
      return latest?.id === start.body.runId && latest.state === 'SUCCEEDED'
        ? true
        : undefined;
    });
  });
});
