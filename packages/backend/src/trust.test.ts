/*
 * The trust model end to end: the real catalog (with a hand-written file
 * location), the AWS Glue catalog module syncing the demo fixture from the
 * emulator, the real permission backend with the demo's policy, and the
 * AWS Glue backend plugin. Authority for an action comes from the job's
 * synced entity, never from an entity that names the job's ARN.
 */
import { ACCOUNT, TestPortal } from './__testUtils__/portal';
import { FINANCE, startTrustScenario } from './__testUtils__/trustEntities';
import { GlueEmulator } from '@aws-glue-backstage/glue-emulator';

jest.setTimeout(120_000);

describe('acting with the authority of the job, not of whoever names it', () => {
  let emulator: GlueEmulator;
  let portal: TestPortal;

  // every entity a test below uses: waited for (bounded) before any test
  beforeAll(async () => {
    ({ emulator, portal } = await startTrustScenario('everyone', [
      'finance-kpi-rollup',
      'freshers_in_dependent_job',
      'guest-service',
      'forged-finance-kpi-rollup',
      'foreign-service',
      'odd-case-service',
      'trailing-slash-service',
      'analytics-service',
    ]));
  });
  afterAll(async () => {
    await portal?.stop();
    await emulator.stop();
  });

  it("refuses the guest's start through its own entity, naming the synced entity's owner", async () => {
    const res = await portal.call('guest-service', '/runs', 'POST', {
      arguments: { '--output': 's3://guest-bucket/' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      `You may not start runs of ${FINANCE}: permission aws-glue.job.start on the job's synced entity component:default/finance-kpi-rollup (owner group:default/analytics) is not granted to you`,
    );
    // as through the synced entity itself
    const direct = await portal.call('finance-kpi-rollup', '/runs', 'POST', {});
    expect(direct.status).toBe(403);
    expect(emulator.stats().calls.StartJobRun ?? 0).toBe(0);
  });

  it('does not take a hand-written copy of the annotations for the synced entity', async () => {
    const forged = await portal.entity('forged-finance-kpi-rollup');
    // the catalog replaced the locations it claimed with its real file
    expect(
      forged.metadata.annotations!['backstage.io/managed-by-location'],
    ).toMatch(/^file:/);
    const res = await portal.call(
      'forged-finance-kpi-rollup',
      '/runs',
      'POST',
      {},
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      "on the job's synced entity component:default/finance-kpi-rollup (owner group:default/analytics)",
    );
    const stop = await portal.call(
      'forged-finance-kpi-rollup',
      '/runs/jr_x/stop',
      'POST',
      {},
    );
    expect(stop.status).toBe(403);
  });

  it.each([
    [
      'foreign-service',
      'arn:aws:glue:us-east-1:999999999999:job/finance-kpi-rollup',
    ],
    [
      'odd-case-service',
      `arn:aws:glue:us-east-1:${ACCOUNT}:job/Finance-KPI-Rollup`,
    ],
    ['trailing-slash-service', `${FINANCE}/`],
  ])(
    'refuses actions through %s: no synced entity stands for its ARN',
    async (name, arn) => {
      const res = await portal.call(name, '/runs', 'POST', {});
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        `You may not start runs of ${arn}: no entity synced by the AWS Glue catalog module stands for ${arn}, and actions are taken only with the authority of the job's own synced entity (awsGlue.actions.requireSyncedEntity); component:default/${name} only names the job`,
      );
    },
  );

  it("lets the guest act on data-platform's job through any entity naming it", async () => {
    const jobs = await portal.call('analytics-service', '/jobs');
    expect(jobs.status).toBe(200);
    expect(jobs.body.jobs[0]).toMatchObject({
      name: 'freshers_in_dependent_job',
      canStart: true,
      canStop: true,
    });
    const res = await portal.call('analytics-service', '/runs', 'POST', {});
    expect(res.status).toBe(201);
    expect(res.body.runId).toMatch(/^jr_/);
  });

  it('shows hand-written entities the runs of jobs everyone may read', async () => {
    const runs = await portal.call('guest-service', '/runs');
    expect(runs.status).toBe(200);
    expect(runs.body.runs.length).toBeGreaterThan(0);
    const jobs = await portal.call('guest-service', '/jobs');
    expect(jobs.body.jobs[0]).toMatchObject({
      name: 'finance-kpi-rollup',
      canStart: false,
      canStop: false,
    });
  });
});
