import { screen } from '@testing-library/react';
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
import { awsGlueApiRef } from './api';
import { mockAwsGlueApi } from './__testUtils__/mockApi';
import {
  crawlerEntity,
  dependentJobEntity,
  makeJob,
  makeRun,
  makeRunsResponse,
  multiJobEntity,
  plainEntity,
  triggerEntity,
  workflowEntity,
} from './__testUtils__/fixtures';

describe('aws-glue alpha plugin', () => {
  it('is the aws-glue plugin with its API, cards, contents and page', () => {
    expect(plugin.pluginId).toBe('aws-glue');
    const ids = [
      'api:aws-glue',
      'entity-card:aws-glue/job',
      'entity-card:aws-glue/chain',
      'entity-card:aws-glue/trigger',
      'entity-card:aws-glue/crawler',
      'entity-content:aws-glue/runs',
      'entity-content:aws-glue/chain',
      'entity-content:aws-glue/workflow',
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
      await screen.findByText('Runs of freshers_in_dependent_job'),
    ).toBeInTheDocument();
    expect(await screen.findByText('TIMEOUT')).toBeInTheDocument();
  });

  it('leaves the runs content off other entities', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: plainEntity }),
        plugin.getExtension('entity-content:aws-glue/runs'),
      ],
      apis: [[awsGlueApiRef, mockAwsGlueApi()]],
    });
    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
  });
});
