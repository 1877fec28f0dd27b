/*
 * The trust model end to end: the real catalog (with a hand-written file
 * location), the AWS Glue catalog module syncing the demo fixture from the
 * emulator, the real permission backend with the demo's policy, and the
 * AWS Glue backend plugin. Authority for an action comes from the job's
 * synced entity, never from an entity that names the job's ARN.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import authPlugin from '@backstage/plugin-auth-backend';
import guestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { permissionsRegistryServiceFactory } from '@backstage/backend-defaults/permissionsRegistry';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import awsGluePlugin from '@aws-glue-backstage/plugin-aws-glue-backend';
import catalogModuleAwsGlue from '@aws-glue-backstage/plugin-catalog-backend-module-aws-glue';
import demoPermissionPolicy from './permissionPolicy';
import {
  GlueEmulator,
  startGlueEmulator,
} from '@aws-glue-backstage/glue-emulator';

jest.setTimeout(120_000);

const ACCOUNT = '123456789012';
const ROOT = path.resolve(__dirname, '../../..');
const FINANCE = `arn:aws:glue:us-east-1:${ACCOUNT}:job/finance-kpi-rollup`;
const DEPENDENT = `arn:aws:glue:us-east-1:${ACCOUNT}:job/freshers_in_dependent_job`;
const GUEST = 'user:default/guest';

/** Hand-written entities, as any developer can register them. */
function handWritten(): object[] {
  const component = (
    name: string,
    owner: string,
    annotations: Record<string, string>,
  ) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: { type: 'service', lifecycle: 'production', owner },
  });
  return [
    // the guest's own service naming analytics' job
    component('guest-service', 'group:default/data-platform', {
      'aws.amazon.com/aws-glue-job-arn': FINANCE,
    }),
    // a copy of the synced entity's annotations, written by hand
    component('forged-finance-kpi-rollup', 'group:default/data-platform', {
      'amazonaws.com/arn': FINANCE,
      'amazonaws.com/account-id': ACCOUNT,
      'aws.amazon.com/aws-glue-region': 'us-east-1',
      'aws.amazon.com/aws-glue-resource-kind': 'job',
      'aws.amazon.com/aws-glue-provider':
        'AwsGlueEntityProvider:demo:us-east-1',
      'backstage.io/managed-by-location':
        'aws-glue:AwsGlueEntityProvider:demo:us-east-1',
      'backstage.io/managed-by-origin-location':
        'aws-glue:AwsGlueEntityProvider:demo:us-east-1',
    }),
    // a job in an account no provider reads
    component('foreign-service', 'group:default/data-platform', {
      'aws.amazon.com/aws-glue-job-arn': `arn:aws:glue:us-east-1:999999999999:job/finance-kpi-rollup`,
    }),
    // the right job in odd spellings: other names, no synced entity
    component('odd-case-service', 'group:default/data-platform', {
      'aws.amazon.com/aws-glue-job-arn': `arn:aws:glue:us-east-1:${ACCOUNT}:job/Finance-KPI-Rollup`,
    }),
    component('trailing-slash-service', 'group:default/data-platform', {
      'aws.amazon.com/aws-glue-job-arn': `${FINANCE}/`,
    }),
    // analytics' service naming data-platform's job: the guest may run it
    component('analytics-service', 'group:default/analytics', {
      'aws.amazon.com/aws-glue-job-arn': DEPENDENT,
    }),
    // the guest's pipeline that depends on analytics' job
    {
      ...component('guest-pipeline', 'group:default/data-platform', {}),
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/data-platform',
        dependsOn: [
          'component:default/finance-kpi-rollup',
          'component:default/freshers_in_dependent_job',
        ],
      },
    },
  ];
}

function config(emulatorUrl: string, locationFile: string, readers: string) {
  return {
    app: { baseUrl: 'http://localhost:3000' },
    auth: {
      providers: {
        guest: {
          userEntityRef: GUEST,
          dangerouslyAllowOutsideDevelopment: true,
        },
      },
    },
    permission: { enabled: true },
    demo: { glueRunsVisibleTo: readers },
    aws: {
      accounts: [
        { accountId: ACCOUNT, accessKeyId: ACCOUNT, secretAccessKey: 'x' },
      ],
    },
    catalog: {
      rules: [
        {
          allow: ['Component', 'System', 'Resource', 'Location', 'User'],
        },
        { allow: ['Group'] },
      ],
      locations: [
        { type: 'file', target: path.join(ROOT, 'examples/org.yaml') },
        { type: 'file', target: locationFile },
      ],
      providers: {
        awsGlue: {
          demo: {
            accountId: ACCOUNT,
            regions: ['us-east-1'],
            entityNameTemplate: '{{ name }}',
            endpoint: emulatorUrl,
            schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } },
            ownership: { defaultOwner: 'group:default/data-platform' },
          },
        },
      },
    },
    awsGlue: {
      endpoint: emulatorUrl,
      actions: {
        startJobRun: true,
        stopJobRun: true,
        allowedArguments: ['--input*', '--output*'],
      },
    },
  };
}

async function startPortal(emulatorUrl: string, readers: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glue-trust-'));
  const file = path.join(dir, 'catalog-info.yaml');
  fs.writeFileSync(
    file,
    handWritten()
      .map(e => JSON.stringify(e))
      .join('\n---\n'),
  );
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleAwsGlue,
      permissionPlugin,
      demoPermissionPolicy,
      awsGluePlugin,
      mockServices.rootConfig.factory({
        data: config(emulatorUrl, file, readers),
      }),
      // real auth, permissions and user info: the guest signs in through the
      // guest provider, the permission backend and the demo policy decide
      // (with catalog conditions), ownership comes from the catalog
      authPlugin,
      guestProvider,
      authServiceFactory,
      httpAuthServiceFactory,
      userInfoServiceFactory,
      permissionsServiceFactory,
      permissionsRegistryServiceFactory,
    ],
  });
  const { port } = server.address() as { port: number };
  return { base: `http://localhost:${port}` };
}

/** Signs in as the demo's guest, as the portal's sign-in page does. */
async function signInAsGuest(base: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in: ${res.status}`);
  const body = await res.json();
  return { Authorization: `Bearer ${body.backstageIdentity.token}` };
}

let asGuest: Record<string, string> = {};

async function call(
  base: string,
  entityName: string,
  route: string,
  method: 'GET' | 'POST' = 'GET',
  body?: object,
) {
  const res = await fetch(
    `${base}/api/aws-glue/v1/entity/default/component/${entityName}${route}`,
    {
      method,
      headers: { ...asGuest, 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    },
  );
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function entity(base: string, name: string): Promise<Entity> {
  const ref = name.includes(':') ? name.replace(':', '/') : `component/${name}`;
  const [kind, entityName] = ref.split('/');
  const res = await fetch(
    `${base}/api/catalog/entities/by-name/${kind}/default/${entityName}`,
    { headers: asGuest },
  );
  if (!res.ok) {
    throw new Error(`${name}: ${res.status} ${await res.text()}`);
  }
  return res.json();
}

/**
 * Waits (bounded) until every named entity (a Component, or `kind:name`) is
 * in the catalog, then signs the guest in again: its token now carries its
 * team from the catalog.
 */
async function waitForEntities(base: string, names: string[]) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const missing = (
      await Promise.all(
        names.map(n =>
          entity(base, n).then(
            () => undefined,
            (e: Error) => e.message,
          ),
        ),
      )
    ).filter(Boolean);
    if (missing.length === 0) {
      asGuest = await signInAsGuest(base);
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`not in the catalog: ${missing.join('; ')}`);
    }
    await new Promise(r => setTimeout(r, 500));
  }
}

describe('acting with the authority of the job, not of whoever names it', () => {
  let emulator: GlueEmulator;
  let base: string;

  beforeAll(async () => {
    emulator = await startGlueEmulator({
      fixture: path.join(ROOT, 'examples/glue/demo.yaml'),
      port: 0,
      startTime: new Date('2026-11-23T12:00:00Z'),
    });
    ({ base } = await startPortal(emulator.url, 'everyone'));
    asGuest = await signInAsGuest(base);
    await waitForEntities(base, [
      'user:guest',
      'finance-kpi-rollup',
      'freshers_in_dependent_job',
      'guest-service',
      'forged-finance-kpi-rollup',
      'analytics-service',
    ]);
  });
  afterAll(() => emulator.stop());

  it("refuses the guest's start through its own entity, naming the synced entity's owner", async () => {
    const res = await call(base, 'guest-service', '/runs', 'POST', {
      arguments: { '--output': 's3://guest-bucket/' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      `You may not start runs of ${FINANCE}: permission aws-glue.job.start on the job's synced entity component:default/finance-kpi-rollup (owner group:default/analytics) is not granted to you`,
    );
    // as through the synced entity itself
    const direct = await call(base, 'finance-kpi-rollup', '/runs', 'POST', {});
    expect(direct.status).toBe(403);
    expect(emulator.stats().calls.StartJobRun ?? 0).toBe(0);
  });

  it('does not take a hand-written copy of the annotations for the synced entity', async () => {
    const forged = await entity(base, 'forged-finance-kpi-rollup');
    // the catalog replaced the locations it claimed with its real file
    expect(
      forged.metadata.annotations!['backstage.io/managed-by-location'],
    ).toMatch(/^file:/);
    const res = await call(
      base,
      'forged-finance-kpi-rollup',
      '/runs',
      'POST',
      {},
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      "on the job's synced entity component:default/finance-kpi-rollup (owner group:default/analytics)",
    );
    const stop = await call(
      base,
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
      const res = await call(base, name, '/runs', 'POST', {});
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        `You may not start runs of ${arn}: no entity synced by the AWS Glue catalog module stands for ${arn}, and actions are taken only with the authority of the job's own synced entity (awsGlue.actions.requireSyncedEntity); component:default/${name} only names the job`,
      );
    },
  );

  it("lets the guest act on data-platform's job through any entity naming it", async () => {
    const jobs = await call(base, 'analytics-service', '/jobs');
    expect(jobs.status).toBe(200);
    expect(jobs.body.jobs[0]).toMatchObject({
      name: 'freshers_in_dependent_job',
      canStart: true,
      canStop: true,
    });
    const res = await call(base, 'analytics-service', '/runs', 'POST', {});
    expect(res.status).toBe(201);
    expect(res.body.runId).toMatch(/^jr_/);
  });

  it('shows hand-written entities the runs of jobs everyone may read', async () => {
    const runs = await call(base, 'guest-service', '/runs');
    expect(runs.status).toBe(200);
    expect(runs.body.runs.length).toBeGreaterThan(0);
    const jobs = await call(base, 'guest-service', '/jobs');
    expect(jobs.body.jobs[0]).toMatchObject({
      name: 'finance-kpi-rollup',
      canStart: false,
      canStop: false,
    });
  });
});

describe('aws-glue.job.read on the synced entity', () => {
  let emulator: GlueEmulator;
  let base: string;

  beforeAll(async () => {
    emulator = await startGlueEmulator({
      fixture: path.join(ROOT, 'examples/glue/demo.yaml'),
      port: 0,
      startTime: new Date('2026-11-23T12:00:00Z'),
    });
    // the demo policy limiting Glue runs to owners
    ({ base } = await startPortal(emulator.url, 'owners'));
    asGuest = await signInAsGuest(base);
    await waitForEntities(base, [
      'user:guest',
      'finance-kpi-rollup',
      'freshers_in_dependent_job',
      'guest-service',
      'forged-finance-kpi-rollup',
      'guest-pipeline',
    ]);
  });
  afterAll(() => emulator.stop());

  it.each(['guest-service', 'forged-finance-kpi-rollup', 'finance-kpi-rollup'])(
    "refuses the runs of analytics' job through %s",
    async name => {
      for (const route of ['/runs', '/jobs', '/bookmark', '/runs/jr_x']) {
        const res = await call(base, name, route);
        expect([route, res.status]).toEqual([route, 403]);
      }
      const res = await call(base, name, '/runs');
      expect(res.body.error.message).toContain(
        "permission aws-glue.job.read on the job's synced entity component:default/finance-kpi-rollup (owner group:default/analytics)",
      );
    },
  );

  it("serves the runs of the guest's own team", async () => {
    const res = await call(base, 'freshers_in_dependent_job', '/runs');
    expect(res.status).toBe(200);
    expect(res.body.runs.length).toBeGreaterThan(0);
  });

  it('hides the latest runs of chain nodes the guest may not read', async () => {
    const res = await call(base, 'guest-pipeline', '/chain?direction=up');
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
