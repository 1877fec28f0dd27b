import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { NotAllowedError } from '@backstage/errors';
import {
  GlueFleetJob,
  GlueJobRun,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { ChainService } from '../services/ChainService';
import { GlueFleetService } from '../services/GlueFleetService';
import { GlueRunsService } from '../services/GlueRunsService';
import { toFailureExplanation } from './agentViews';
import { registerGlueActions } from './glueActions';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const credentials = mockCredentials.user('user:default/guest');

function run(overrides: Partial<GlueJobRun> = {}): GlueJobRun {
  return {
    id: 'jr_1',
    jobName: 'orders',
    jobArn: 'arn:aws:glue:us-east-1:123456789012:job/orders',
    attempt: 0,
    state: 'FAILED',
    startedOn: '2026-11-23T10:00:00.000Z',
    completedOn: '2026-11-23T10:05:00.000Z',
    currency: 'USD',
    errorMessage: 'boom',
    arguments: { '--db-password': '<redacted>' },
    predecessorRuns: [],
    links: { console: 'https://console/jr_1', logs: [] },
    ...overrides,
  };
}

function fleetJob(name: string, completedOn: string): GlueFleetJob {
  return {
    entityRef: `component:default/${name}`,
    title: name,
    owner: 'group:default/analytics',
    arn: `arn:aws:glue:us-east-1:123456789012:job/${name}`,
    name,
    accountId: '123456789012',
    region: 'us-east-1',
    failuresLast24h: 1,
    latestRun: { id: `jr_${name}`, attempt: 0, state: 'FAILED', completedOn },
  };
}

function setup(agentActions = { enabled: true, startJobRun: false }) {
  const registry = actionsRegistryServiceMock();
  const runsService = {
    listRuns: jest.fn(async () => ({
      runs: [run()],
      totals: { dpuHours: 0, estimatedCost: 0, currency: 'USD' },
    })),
    startRun: jest.fn(),
  } as unknown as jest.Mocked<GlueRunsService>;
  const fleetService = {
    getFleet: jest.fn(),
  } as unknown as jest.Mocked<GlueFleetService>;
  registerGlueActions({
    actionsRegistry: registry,
    runsService,
    chainService: {} as ChainService,
    fleetService,
    config: { agentActions },
    logger: mockServices.logger.mock(),
    now: () => NOW,
  });
  return { registry, runsService, fleetService };
}

describe('registerGlueActions', () => {
  it('registers the read-only actions, and start only when enabled', async () => {
    const names = async (r: ReturnType<typeof setup>['registry']) =>
      (await r.list()).actions.map(a => a.name).sort();
    expect(await names(setup().registry)).toEqual([
      'explain-glue-job-failure',
      'get-glue-chain-status',
      'get-glue-job-runs',
      'list-failing-glue-jobs',
    ]);
    expect(
      await names(setup({ enabled: false, startJobRun: true }).registry),
    ).toEqual(['start-glue-job-run']);
    expect(
      await names(setup({ enabled: false, startJobRun: false }).registry),
    ).toEqual([]);
  });

  it('passes the caller and a full entity ref to the service, and answers without arguments', async () => {
    const { registry, runsService } = setup();
    const { output } = await registry.invoke({
      id: 'test:get-glue-job-runs',
      input: { entityRef: 'orders', states: ['FAILED'] },
      credentials,
    });
    expect(runsService.listRuns).toHaveBeenCalledWith({
      entityRef: 'component:default/orders',
      credentials,
      job: undefined,
      limit: 10,
      nextToken: undefined,
      states: ['FAILED'],
    });
    expect(output).toEqual({
      entityRef: 'component:default/orders',
      runs: [
        {
          runId: 'jr_1',
          jobName: 'orders',
          attempt: 0,
          state: 'FAILED',
          startedOn: '2026-11-23T10:00:00.000Z',
          completedOn: '2026-11-23T10:05:00.000Z',
          currency: 'USD',
          errorMessage: 'boom',
          consoleUrl: 'https://console/jr_1',
        },
      ],
    });
  });

  it('rejects an unknown state before calling anything', async () => {
    const { registry, runsService } = setup();
    await expect(
      registry.invoke({
        id: 'test:get-glue-job-runs',
        input: { entityRef: 'orders', states: ['BROKEN'] },
        credentials,
      }),
    ).rejects.toThrow(/Invalid input/);
    expect(runsService.listRuns).not.toHaveBeenCalled();
  });

  it('lets the permission refusal of the service through', async () => {
    const { registry, runsService } = setup({
      enabled: false,
      startJobRun: true,
    });
    runsService.startRun.mockRejectedValue(
      new NotAllowedError('You may not start runs of orders'),
    );
    await expect(
      registry.invoke({
        id: 'test:start-glue-job-run',
        input: { entityRef: 'orders', arguments: { '--run_date': 'x' } },
        credentials,
      }),
    ).rejects.toThrow('You may not start runs of orders');
  });

  const page = (jobs: GlueFleetJob[], nextCursor?: string) =>
    ({
      jobs,
      nextCursor,
      totalCount: 0,
      counts: { failing: 0, active: 0, succeeded: 0, other: 0, neverRun: 0 },
      currency: 'USD',
      freshness: { runs: 0 },
    } as any);

  it('lists failing jobs since a time over every fleet page', async () => {
    const { registry, fleetService } = setup();
    fleetService.getFleet
      .mockResolvedValueOnce(
        page([fleetJob('a', '2026-11-23T11:00:00Z')], 'c1'),
      )
      .mockResolvedValueOnce(page([fleetJob('old', '2026-11-20T11:00:00Z')]));
    const { output } = await registry.invoke({
      id: 'test:list-failing-glue-jobs',
      input: { owner: 'group:default/analytics' },
      credentials,
    });
    expect(fleetService.getFleet).toHaveBeenCalledTimes(2);
    expect(fleetService.getFleet).toHaveBeenLastCalledWith(
      expect.objectContaining({
        owners: ['group:default/analytics'],
        states: ['FAILED', 'TIMEOUT', 'ERROR', 'EXPIRED'],
        cursor: 'c1',
      }),
    );
    // the default window: the 24 hours before the clock
    expect(output).toEqual({
      since: '2026-11-22T12:00:00.000Z',
      jobs: [expect.objectContaining({ entityRef: 'component:default/a' })],
      truncated: false,
    });
  });

  it('stops on a repeated cursor, and says when the page cap cut the list', async () => {
    const { registry, fleetService } = setup();
    const invoke = () =>
      registry.invoke({
        id: 'test:list-failing-glue-jobs',
        input: { since: '2026-11-01T00:00:00Z' },
        credentials,
      });
    fleetService.getFleet.mockResolvedValue(page([], 'same'));
    await expect(invoke()).rejects.toThrow(/repeats an earlier NextToken/);
    expect(fleetService.getFleet).toHaveBeenCalledTimes(2);

    fleetService.getFleet.mockReset();
    let n = 0;
    fleetService.getFleet.mockImplementation(async () => {
      n += 1;
      return page([fleetJob(`j${n}`, '2026-11-23T11:00:00Z')], `c${n}`);
    });
    const { output } = (await invoke()) as { output: any };
    expect(fleetService.getFleet).toHaveBeenCalledTimes(20);
    expect(output.jobs).toHaveLength(20);
    expect(output.truncated).toBe(true);
  });
});

describe('toFailureExplanation', () => {
  const triage = {
    jobName: 'orders',
    runId: 'jr_1',
    state: 'FAILED',
    errorMessage: "KeyError: '--x'",
    log: [],
    effectiveArguments: [],
  };

  it('says what failed and what changed since the last success, in sentences', () => {
    expect(
      toFailureExplanation('component:default/orders', run(), {
        ...triage,
        lastSuccess: { runId: 'jr_0' },
        changes: [{ kind: 'argument', field: '--batch_size', after: '5' }],
      }).summary,
    ).toBe(
      "Run jr_1 of orders ended FAILED at 2026-11-23T10:05:00.000Z: KeyError: '--x'. Changed since the last success (run jr_0): argument --batch_size.",
    );
    expect(
      toFailureExplanation('component:default/orders', run(), {
        ...triage,
        errorMessage: 'Stage failed.',
        changes: [],
      }).summary,
    ).toBe(
      'Run jr_1 of orders ended FAILED at 2026-11-23T10:05:00.000Z: Stage failed. The run index holds no earlier successful run to compare.',
    );
  });
});
