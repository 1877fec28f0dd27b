import { screen, waitFor } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import plugin from './alpha';
import {
  chainCardProps,
  chainContentProps,
  executionsContentProps,
  jobCardProps,
  pageProps,
  runsContentProps,
  teamCardProps,
  workflowContentProps,
} from './extensionConfig';
import { awsGlueApiRef } from './api';
import { mockAwsGlueApi } from './__testUtils__/mockApi';
import { scorecardResponse } from './__testUtils__/scorecard';
import {
  crawlerEntity,
  dependentJobChain,
  dependentJobEntity,
  makeJob,
  makeRun,
  makeRunsResponse,
  makeTeamSummary,
  multiJobEntity,
  plainEntity,
  triggerEntity,
  workflowEntity,
} from './__testUtils__/fixtures';

const groupEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { namespace: 'default', name: 'data-platform' },
  spec: { type: 'team', children: [] },
};

/**
 * A whole test app renders the lazily loaded content: on a busy machine
 * that takes longer than the default second.
 */
const APP_RENDER = { timeout: 10_000 };

describe('aws-glue alpha plugin', () => {
  it('is the aws-glue plugin with its API, cards, contents and page', () => {
    expect(plugin.pluginId).toBe('aws-glue');
    const ids = [
      'api:aws-glue',
      'entity-card:aws-glue/job',
      'entity-card:aws-glue/chain',
      'entity-card:aws-glue/trigger',
      'entity-card:aws-glue/crawler',
      'entity-card:aws-glue/team',
      'entity-card:aws-glue/scorecard',
      'entity-content:aws-glue/runs',
      'entity-content:aws-glue/chain',
      'entity-content:aws-glue/workflow',
      'entity-content:aws-glue/executions',
      'page:aws-glue',
    ] as const;
    for (const id of ids) {
      expect(plugin.getExtension(id)).toBeDefined();
    }
  });

  it('provides the client under plugin.aws-glue.service', () => {
    const tester = createExtensionTester(plugin.getExtension('api:aws-glue'));
    expect(tester.get(ApiBlueprint.dataRefs.factory).api.id).toBe(
      'plugin.aws-glue.service',
    );
  });

  it('shows the job and chain cards only for Glue jobs, the others for their resources', () => {
    const filterOf = (
      id:
        | 'entity-card:aws-glue/job'
        | 'entity-card:aws-glue/chain'
        | 'entity-card:aws-glue/trigger'
        | 'entity-card:aws-glue/crawler',
    ) =>
      createExtensionTester(plugin.getExtension(id)).get(
        EntityCardBlueprint.dataRefs.filterFunction,
      )!;
    expect(filterOf('entity-card:aws-glue/job')(dependentJobEntity)).toBe(true);
    expect(filterOf('entity-card:aws-glue/job')(multiJobEntity)).toBe(true);
    expect(filterOf('entity-card:aws-glue/job')(plainEntity)).toBe(false);
    expect(filterOf('entity-card:aws-glue/chain')(dependentJobEntity)).toBe(
      true,
    );
    expect(filterOf('entity-card:aws-glue/chain')(triggerEntity)).toBe(true);
    expect(filterOf('entity-card:aws-glue/chain')(plainEntity)).toBe(false);
    expect(filterOf('entity-card:aws-glue/trigger')(triggerEntity)).toBe(true);
    expect(filterOf('entity-card:aws-glue/trigger')(crawlerEntity)).toBe(false);
    expect(filterOf('entity-card:aws-glue/crawler')(crawlerEntity)).toBe(true);
  });

  it('shows the team card for Groups and Users only', () => {
    const filter = createExtensionTester(
      plugin.getExtension('entity-card:aws-glue/team'),
    ).get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter(groupEntity)).toBe(true);
    expect(filter({ ...groupEntity, kind: 'User' })).toBe(true);
    expect(filter(dependentJobEntity)).toBe(false);
    expect(filter(workflowEntity)).toBe(false);
  });

  it('shows the scorecard card for Glue jobs only and renders it with its config', async () => {
    const filter = createExtensionTester(
      plugin.getExtension('entity-card:aws-glue/scorecard'),
    ).get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter(dependentJobEntity)).toBe(true);
    expect(filter(plainEntity)).toBe(false);
    expect(filter(groupEntity)).toBe(false);

    const api = mockAwsGlueApi({
      runScorecardChecks: async () => scorecardResponse,
    });
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: dependentJobEntity }),
        plugin.getExtension('entity-card:aws-glue/scorecard'),
      ],
      apis: [[awsGlueApiRef, api]],
      config: {
        app: {
          extensions: [
            {
              'entity-card:aws-glue/scorecard': {
                config: { title: 'Glue job health' },
              },
            },
          ],
        },
      },
    });
    expect(
      await screen.findByText('Glue job health', undefined, APP_RENDER),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('2 of 3 checks pass', undefined, APP_RENDER),
    ).toBeInTheDocument();
  });

  it('renders the team card on a group page', async () => {
    const api = mockAwsGlueApi({
      getTeamSummary: async () => makeTeamSummary(),
    });
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: groupEntity }),
        plugin.getExtension('entity-card:aws-glue/team'),
      ],
      apis: [[awsGlueApiRef, api]],
      config: {
        app: {
          extensions: [
            {
              'entity-card:aws-glue/team': {
                config: { title: 'Glue at data-platform' },
              },
            },
          ],
        },
      },
    });
    expect(
      await screen.findByText('Glue at data-platform', undefined, APP_RENDER),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('$12.50', undefined, APP_RENDER),
    ).toBeInTheDocument();
    expect(api.getTeamSummary).toHaveBeenCalledWith({
      kind: 'Group',
      namespace: 'default',
      name: 'data-platform',
    });
  });

  it('mounts the contents at runs, glue-chain and workflow', () => {
    const content = (
      id:
        | 'entity-content:aws-glue/runs'
        | 'entity-content:aws-glue/chain'
        | 'entity-content:aws-glue/workflow',
    ) => createExtensionTester(plugin.getExtension(id));
    const runs = content('entity-content:aws-glue/runs');
    expect(runs.get(coreExtensionData.routePath)).toBe('/runs');
    expect(runs.get(EntityContentBlueprint.dataRefs.title)).toBe('Runs');
    expect(
      content('entity-content:aws-glue/chain').get(coreExtensionData.routePath),
    ).toBe('/glue-chain');
    const workflow = content('entity-content:aws-glue/workflow');
    expect(workflow.get(coreExtensionData.routePath)).toBe('/workflow');
    expect(
      workflow.get(EntityContentBlueprint.dataRefs.filterFunction)!(
        workflowEntity,
      ),
    ).toBe(true);
    expect(
      workflow.get(EntityContentBlueprint.dataRefs.filterFunction)!(
        dependentJobEntity,
      ),
    ).toBe(false);
    expect(
      createExtensionTester(plugin.getExtension('page:aws-glue')).get(
        coreExtensionData.routePath,
      ),
    ).toBe('/aws-glue');
  });

  it('mounts the executions content at glue-executions on jobs and workflows', () => {
    const executions = createExtensionTester(
      plugin.getExtension('entity-content:aws-glue/executions'),
    );
    expect(executions.get(coreExtensionData.routePath)).toBe(
      '/glue-executions',
    );
    expect(executions.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Executions',
    );
    const filter = executions.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    )!;
    expect(filter(dependentJobEntity)).toBe(true);
    expect(filter(workflowEntity)).toBe(true);
    expect(filter(triggerEntity)).toBe(false);
    expect(filter(plainEntity)).toBe(false);
    expect(
      executionsContentProps({
        limit: 30,
        pollIntervalMs: 60000,
        runsPath: 'glue-runs',
      }),
    ).toEqual({ limit: 30, pollIntervalMs: 60000, runsPath: 'glue-runs' });
  });

  it('renders the runs content on an entity page', async () => {
    const api = mockAwsGlueApi({
      getJobs: async () => ({ jobs: [makeJob({ canStart: false })] }),
      getJobRuns: async () =>
        makeRunsResponse([makeRun({ id: 'jr_a', state: 'TIMEOUT' })]),
    });
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: dependentJobEntity }),
        plugin.getExtension('entity-content:aws-glue/runs'),
      ],
      apis: [[awsGlueApiRef, api]],
    });
    expect(
      await screen.findByText(
        'Runs of freshers_in_dependent_job',
        undefined,
        APP_RENDER,
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('TIMEOUT', undefined, APP_RENDER),
    ).toBeInTheDocument();
  });

  it('leaves the runs content off other entities', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: plainEntity }),
        plugin.getExtension('entity-content:aws-glue/runs'),
      ],
      apis: [[awsGlueApiRef, mockAwsGlueApi()]],
    });
    expect(
      await screen.findByTestId('empty-entity-page', undefined, APP_RENDER),
    ).toBeInTheDocument();
  });

  it('passes the runs content config to the component', async () => {
    const api = mockAwsGlueApi({
      getJobs: async () => ({ jobs: [makeJob({ canStart: false })] }),
      getJobRuns: async () =>
        makeRunsResponse([makeRun({ id: 'jr_a', state: 'RUNNING' })]),
    });
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: dependentJobEntity }),
        plugin.getExtension('entity-content:aws-glue/runs'),
      ],
      apis: [[awsGlueApiRef, api]],
      config: {
        app: {
          extensions: [
            {
              'entity-content:aws-glue/runs': {
                config: { pageSize: 10, pollIntervalMs: 2000 },
              },
            },
          ],
        },
      },
    });
    expect(
      await screen.findByText(
        'Refreshing every 2 s while a run is active',
        undefined,
        APP_RENDER,
      ),
    ).toBeInTheDocument();
    expect(api.getJobRuns).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ limit: 10 }),
    );
  });

  it('passes the chain content config to the component', async () => {
    const api = mockAwsGlueApi({ getChain: async () => dependentJobChain });
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: dependentJobEntity }),
        plugin.getExtension('entity-content:aws-glue/chain'),
      ],
      apis: [[awsGlueApiRef, api]],
      config: {
        app: {
          extensions: [
            {
              'entity-content:aws-glue/chain': {
                config: { initialDepth: 2, initialDirection: 'up' },
              },
            },
          ],
        },
      },
    });
    await waitFor(
      () =>
        expect(api.getChain).toHaveBeenCalledWith(expect.anything(), {
          direction: 'up',
          depth: 2,
        }),
      APP_RENDER,
    );
  });

  it('refuses config values of the wrong kind', () => {
    const tester = (config: object) =>
      createExtensionTester(
        plugin.getExtension('entity-content:aws-glue/runs'),
        {
          config: config as any,
        },
      ).get(coreExtensionData.routePath);
    expect(tester({ pageSize: 10 })).toBe('/runs');
    expect(() => tester({ pageSize: 0 })).toThrow(/pageSize/);
    expect(() => tester({ pollIntervalMs: 'often' })).toThrow(/pollIntervalMs/);
  });

  it('maps each extension config to the props of its legacy component', () => {
    expect(runsContentProps({ pageSize: 10 })).toEqual({ pageSize: 10 });
    expect(runsContentProps({})).toEqual({});
    expect(
      chainContentProps({
        initialDepth: 4,
        initialDirection: 'down',
        initialShowDatasets: true,
        height: 700,
        pollIntervalMs: 30000,
      }),
    ).toEqual({
      initialDepth: 4,
      initialDirection: 'down',
      initialShowDatasets: true,
      height: 700,
      pollIntervalMs: 30000,
    });
    expect(
      chainCardProps({ depth: 3, height: 250, layout: 'horizontal' }),
    ).toEqual({ depth: 3, height: 250, layout: 'horizontal' });
    expect(
      workflowContentProps({ pageSize: 5, pollIntervalMs: 5000, height: 300 }),
    ).toEqual({ pageSize: 5, pollIntervalMs: 5000, height: 300 });
    expect(jobCardProps({ title: 'Glue', variant: 'gridItem' })).toEqual({
      title: 'Glue',
      variant: 'gridItem',
    });
    // the page blueprint's own title is the page's too
    expect(
      pageProps({ title: 'ETL', pageSize: 100, pollIntervalMs: 60000 }),
    ).toEqual({ title: 'ETL', pageSize: 100, pollIntervalMs: 60000 });
    expect(teamCardProps({ title: 'Glue', variant: 'gridItem' })).toEqual({
      title: 'Glue',
      variant: 'gridItem',
    });
    // keys of the blueprints (path, filter, ...) are not props
    expect(
      runsContentProps({ pageSize: 10, ...({ path: '/x' } as {}) }),
    ).toEqual({ pageSize: 10 });
  });
});
