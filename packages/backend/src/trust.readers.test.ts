/*
 * The read permission of the trust model, with the demo policy limiting
 * Glue runs to owners (demo.glueRunsVisibleTo: owners). In its own file:
 * the test backends of one file share one mock scheduler
 * (backend-test-utils' default), which runs the tasks once at the first
 * start-up, so a second backend's catalog sync would never run. Otherwise
 * as trust.test.ts:
 * the trust model end to end: the real catalog (with a hand-written file
 * location), the AWS Glue catalog module syncing the demo fixture from the
 * emulator, the real permission backend with the demo's policy, and the
 * AWS Glue backend plugin. Authority for an action comes from the job's
 * synced entity, never from an entity that names the job's ARN.
 */
import { TestPortal } from './__testUtils__/portal';
import { startTrustScenario } from './__testUtils__/trustEntities';
import { GlueEmulator } from '@aws-glue-backstage/glue-emulator';

jest.setTimeout(120_000);

describe('aws-glue.job.read on the synced entity', () => {
  let emulator: GlueEmulator;
  let portal: TestPortal;

  beforeAll(async () => {
    ({ emulator, portal } = await startTrustScenario('owners', [
      'finance-kpi-rollup',
      'freshers_in_dependent_job',
      'guest-service',
      'forged-finance-kpi-rollup',
      'guest-pipeline',
    ]));
  });
  afterAll(async () => {
    await portal?.stop();
    await emulator.stop();
  });

  it.each(['guest-service', 'forged-finance-kpi-rollup', 'finance-kpi-rollup'])(
    "refuses the runs of analytics' job through %s",
    async name => {
      for (const route of ['/runs', '/jobs', '/bookmark', '/runs/jr_x']) {
        const res = await portal.call(name, route);
        expect([route, res.status]).toEqual([route, 403]);
      }
      const res = await portal.call(name, '/runs');
      expect(res.body.error.message).toContain(
        "permission aws-glue.job.read on the job's synced entity component:default/finance-kpi-rollup (owner group:default/analytics)",
      );
    },
  );

  it("serves the runs of the guest's own team", async () => {
    const res = await portal.call('freshers_in_dependent_job', '/runs');
    expect(res.status).toBe(200);
    expect(res.body.runs.length).toBeGreaterThan(0);
  });

  it('hides the latest runs of chain nodes the guest may not read', async () => {
    const res = await portal.call('guest-pipeline', '/chain?direction=up');
    expect(res.status).toBe(200);
    const byId = new Map(res.body.nodes.map((n: any) => [n.id, n]));
    expect(byId.get('component:default/finance-kpi-rollup')).toMatchObject({
      kind: 'job',
      restricted: true,
    });
    expect(
      (byId.get('component:default/finance-kpi-rollup') as any).latestRun,
    ).toBeUndefined();
    const own: any = byId.get('component:default/freshers_in_dependent_job');
    expect(own.restricted).toBeUndefined();
    expect(own.latestRun.state).toMatch(/^[A-Z]+$/);
  });
});
