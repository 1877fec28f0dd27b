/*
 * The AWS Glue actions through the demo backend's MCP endpoint, with a real
 * MCP client (@modelcontextprotocol/sdk, streamable HTTP) signed in as the
 * demo's guest: the real actions registry and actions service, the MCP
 * actions backend, the demo's permission policy and the emulator's demo
 * fixture (its newest runs are pinned, so the answers hold on any day).
 */
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import {
  GlueEmulator,
  LOG_SECRETS,
  startGlueEmulator,
} from '@aws-glue-backstage/glue-emulator';
import { REDACTED } from '@aws-glue-backstage/plugin-aws-glue-common';
import { ROOT, TestPortal } from './__testUtils__/portal';
import demoPermissionPolicy from './permissionPolicy';

jest.setTimeout(180_000);

const DEPENDENT = 'component:default/freshers_in_dependent_job';
/** analytics' job: the guest (data-platform) may read it but not run it. */
const ANALYTICS_JOB = 'component:default/orders-aggregate';
/** A job whose arguments hold credentials. */
const CRM_JOB = 'component:default/legacy_crm_sync';

interface ToolResult {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: any;
}

/** Waits (bounded) until the run index has the job's failed latest run. */
async function waitForIndexedFailure(portal: TestPortal, entityRef: string) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const res = await portal.fetchJson('/api/aws-glue/v1/jobs?state=FAILED');
    if (res.body?.jobs?.some((j: any) => j.entityRef === entityRef)) return;
    if (Date.now() > deadline) {
      throw new Error(`the run index has no failed run of ${entityRef}`);
    }
    await new Promise(r => setTimeout(r, 500));
  }
}

describe('the AWS Glue actions over MCP', () => {
  let emulator: GlueEmulator;
  let portal: TestPortal;
  let client: Client;

  /** Calls a tool; its JSON answer, or throws with the tool's error text. */
  async function call(name: string, args: object): Promise<any> {
    const result = (await client.callTool({
      name: `aws-glue.${name}`,
      arguments: args as Record<string, unknown>,
    })) as ToolResult;
    const text = result.content.map(c => c.text).join('\n');
    if (result.isError) throw new Error(text);
    return JSON.parse(text);
  }

  beforeAll(async () => {
    emulator = await startGlueEmulator({
      fixture: path.join(ROOT, 'examples/glue/demo.yaml'),
      port: 0,
      startTime: new Date('2026-11-23T12:00:00Z'),
    });
    portal = await TestPortal.start({
      emulatorUrl: emulator.url,
      features: [
        demoPermissionPolicy,
        mcpActionsPlugin,
        actionsRegistryServiceFactory,
        actionsServiceFactory,
        // the real scheduler: the run index's reconciler fills the index
        schedulerServiceFactory,
      ],
      config: { backend: { actions: { pluginSources: ['aws-glue'] } } },
      awsGlue: {
        logsEndpoint: emulator.url,
        agentActions: { startJobRun: true },
        runIndex: {
          // the emulator's history is dated from 2026-11-23 whatever today
          // is: retention (by the real clock) must not prune it
          retentionDays: 3650,
          reconciler: {
            frequency: { seconds: 2 },
            initialDelay: { seconds: 1 },
          },
        },
        actions: {
          startJobRun: true,
          allowedArguments: ['--run_date', '--input*'],
        },
      },
    });
    await portal.waitForEntities([
      'user:guest',
      'freshers_in_dependent_job',
      'orders-aggregate',
      'legacy_crm_sync',
    ]);
    await waitForIndexedFailure(portal, ANALYTICS_JOB);
    client = new Client({ name: 'glue-mcp-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(
        new URL(`${portal.base}/api/mcp-actions/v1`),
        { requestInit: { headers: portal.headers } },
      ),
    );
  });
  afterAll(async () => {
    await client?.close();
    await portal?.stop();
    await emulator.stop();
  });

  it('lists the actions with schemas an agent can follow', async () => {
    const { tools } = await client.listTools();
    const glue = tools.filter(t => t.name.startsWith('aws-glue.'));
    expect(glue.map(t => t.name).sort()).toEqual([
      'aws-glue.explain-glue-job-failure',
      'aws-glue.get-glue-chain-status',
      'aws-glue.get-glue-job-runs',
      'aws-glue.list-failing-glue-jobs',
      'aws-glue.start-glue-job-run',
    ]);
    const runs = glue.find(t => t.name === 'aws-glue.get-glue-job-runs')!;
    expect(runs.annotations).toMatchObject({ readOnlyHint: true });
    expect(
      (runs.inputSchema.properties as any).entityRef.description,
    ).toContain('component:default/orders-daily-etl');
    expect(runs.inputSchema.required).toEqual(['entityRef']);
    const start = glue.find(t => t.name === 'aws-glue.start-glue-job-run')!;
    expect(start.annotations).toMatchObject({ destructiveHint: true });
  });

  it("pages a job's runs, filtered by state", async () => {
    const page = await call('get-glue-job-runs', {
      entityRef: DEPENDENT,
      limit: 3,
    });
    // the fixture's newest finished runs: SUCCEEDED, FAILED, SUCCEEDED
    expect(page.runs.map((r: any) => r.state)).toEqual([
      'SUCCEEDED',
      'FAILED',
      'SUCCEEDED',
    ]);
    expect(page.nextToken).toEqual(expect.any(String));
    const next = await call('get-glue-job-runs', {
      entityRef: DEPENDENT,
      limit: 3,
      nextToken: page.nextToken,
    });
    expect(next.runs).toHaveLength(3);
    expect(next.runs.map((r: any) => r.runId)).not.toContain(
      page.runs[0].runId,
    );
    const failed = await call('get-glue-job-runs', {
      entityRef: 'freshers_in_dependent_job', // kind and namespace default
      states: ['FAILED'],
      limit: 5,
    });
    expect(failed.entityRef).toBe(DEPENDENT);
    expect(failed.runs.length).toBeGreaterThan(0);
    expect(failed.runs.every((r: any) => r.state === 'FAILED')).toBe(true);
    expect(failed.runs[0]).toMatchObject({
      runId: page.runs[1].runId,
      errorMessage:
        "KeyError: '--dependency-param' was not passed by the trigger",
    });
  });

  it('explains the latest failure: error, log tail and what changed', async () => {
    const answer = await call('explain-glue-job-failure', {
      entityRef: DEPENDENT,
    });
    expect(answer.found).toBe(true);
    expect(answer.run.state).toBe('FAILED');
    expect(answer.errorMessage).toBe(
      "KeyError: '--dependency-param' was not passed by the trigger",
    );
    expect(answer.lastSuccess.runId).toEqual(expect.any(String));
    expect(answer.changesSinceLastSuccess).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'argument',
          field: '--batch_size',
          after: '50000',
        }),
        expect.objectContaining({
          kind: 'definition',
          field: 'numberOfWorkers',
          after: '2',
        }),
      ]),
    );
    expect(answer.logTail.length).toBeGreaterThan(0);
    expect(answer.logTail[0].lines.join('\n')).toContain('KeyError');
    expect(answer.summary).toContain('argument --batch_size');
  });

  it('keeps secrets out of the answers, as the routes do', async () => {
    const text = JSON.stringify(
      await Promise.all([
        call('get-glue-job-runs', { entityRef: DEPENDENT, limit: 50 }),
        // its failed runs' log tails carry a JDBC URL with a password and a
        // bearer token; its arguments a password and an API token
        call('explain-glue-job-failure', { entityRef: DEPENDENT }),
        call('explain-glue-job-failure', { entityRef: CRM_JOB }),
        call('get-glue-job-runs', { entityRef: CRM_JOB, limit: 50 }),
        call('list-failing-glue-jobs', { since: '2000-01-01T00:00:00Z' }),
      ]),
    );
    // the answers are there, with the secrets of the log tails redacted
    expect(text).toContain('KeyError');
    expect(text).toContain(REDACTED);
    for (const secret of [
      ...Object.values(LOG_SECRETS),
      'not-a-real-password-123',
      'fake-api-token-0000-demo',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('gives the latest execution of the chain around a job', async () => {
    const status = await call('get-glue-chain-status', {
      entityRef: DEPENDENT,
    });
    expect(status.found).toBe(true);
    expect(['RUNNING', 'FAILED', 'SUCCEEDED']).toContain(
      status.execution.state,
    );
    expect(status.execution.nodes.map((n: any) => n.entityRef)).toContain(
      DEPENDENT,
    );
  });

  it("lists failing jobs by owner, from the index's latest runs", async () => {
    const all = await call('list-failing-glue-jobs', {
      since: '2000-01-01T00:00:00Z',
    });
    const analytics = await call('list-failing-glue-jobs', {
      owner: 'group:default/analytics',
      since: '2000-01-01T00:00:00Z',
    });
    // orders-aggregate's newest finished run failed (pinned in the fixture)
    expect(analytics.jobs.map((j: any) => j.entityRef)).toContain(
      ANALYTICS_JOB,
    );
    expect(
      analytics.jobs.every((j: any) => j.owner === 'group:default/analytics'),
    ).toBe(true);
    expect(all.jobs.length).toBeGreaterThanOrEqual(analytics.jobs.length);
    expect(
      all.jobs.every((j: any) =>
        ['FAILED', 'TIMEOUT', 'ERROR', 'EXPIRED'].includes(j.latestRun.state),
      ),
    ).toBe(true);
    const future = await call('list-failing-glue-jobs', {
      since: '2999-01-01T00:00:00Z',
    });
    expect(future.jobs).toEqual([]);
  });

  it('starts a run of a job the guest owns, with an allow-listed argument', async () => {
    const before = emulator.stats().calls.StartJobRun ?? 0;
    const started = await call('start-glue-job-run', {
      entityRef: DEPENDENT,
      arguments: { '--run_date': '2026-11-23' },
    });
    expect(started).toMatchObject({
      entityRef: DEPENDENT,
      jobName: 'freshers_in_dependent_job',
      runId: expect.stringMatching(/^jr_/),
    });
    expect(emulator.stats().calls.StartJobRun).toBe(before + 1);
  });

  it('refuses what the guest may not do, and says why', async () => {
    const before = emulator.stats().calls.StartJobRun ?? 0;
    await expect(
      call('start-glue-job-run', { entityRef: ANALYTICS_JOB }),
    ).rejects.toThrow(
      /NotAllowedError: You may not start runs of .*orders-aggregate.*aws-glue\.job\.start/,
    );
    await expect(
      call('start-glue-job-run', {
        entityRef: DEPENDENT,
        arguments: { '--extra-jars': 's3://evil/x.jar' },
      }),
    ).rejects.toThrow(/--extra-jars/);
    expect(emulator.stats().calls.StartJobRun ?? 0).toBe(before);
  });

  it('names an unknown entity or a malformed ref', async () => {
    await expect(
      call('get-glue-job-runs', { entityRef: 'component:default/no-such-job' }),
    ).rejects.toThrow(/NotFoundError: .*component:default\/no-such-job/);
    await expect(
      call('get-glue-job-runs', { entityRef: 'component:default/' }),
    ).rejects.toThrow(
      /InputError: entityRef: 'component:default\/' is not an entity ref/,
    );
  });
});
