import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Entity } from '@backstage/catalog-model';
import { identityApiRef } from '@backstage/core-plugin-api';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  GLUE_ANNOTATIONS,
  GlueJobsResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../../api';
import { mockAwsGlueApi } from '../../__testUtils__/mockApi';
import { jobArn, makeJob, makeRun } from '../../__testUtils__/fixtures';
import { GlueJobsPage } from './GlueJobsPage';

function jobEntity(
  name: string,
  owner: string,
  region = 'us-east-1',
  accountId = '123456789012',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      namespace: 'default',
      name,
      title: name,
      annotations: {
        'amazonaws.com/arn': `arn:aws:glue:${region}:${accountId}:job/${name}`,
        'amazonaws.com/account-id': accountId,
        [GLUE_ANNOTATIONS.region]: region,
        [GLUE_ANNOTATIONS.resourceKind]: 'job',
      },
    },
    spec: { type: 'glue-job', owner, lifecycle: 'production' },
  };
}

const entities = [
  jobEntity('orders-daily-etl', 'group:default/analytics'),
  jobEntity('triggering_job', 'data-platform'),
  jobEntity('eu-orders-etl', 'analytics', 'eu-west-1'),
  jobEntity('legacy_crm_sync', 'data-platform', 'us-east-1', '210987654321'),
];

const latest: Record<string, string | undefined> = {
  'orders-daily-etl': 'SUCCEEDED',
  triggering_job: 'FAILED',
  'eu-orders-etl': 'RUNNING',
  legacy_crm_sync: undefined,
};

function jobsFor(name: string): GlueJobsResponse {
  const state = latest[name];
  return {
    jobs: [
      makeJob({
        name,
        arn: jobArn(name),
        latestRun: state ? makeRun({ jobName: name, state }) : undefined,
      }),
    ],
  };
}

async function renderPage(
  api = mockAwsGlueApi({ getJobs: async ref => jobsFor(ref.name) }),
  catalogApi = catalogApiMock.mock({
    getEntities: jest.fn(async () => ({ items: entities })),
  }),
  props: { concurrency?: number } = {},
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [awsGlueApiRef, api],
        [catalogApiRef, catalogApi],
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: 'user:default/jane',
            ownershipEntityRefs: [
              'user:default/jane',
              'group:default/data-platform',
            ],
          }),
        ],
      ]}
    >
      <GlueJobsPage {...props} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return { api, catalogApi };
}

function jobNamesInOrder(): string[] {
  return screen
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).queryAllByRole('link')[0]?.textContent ?? '')
    .filter(Boolean);
}

describe('GlueJobsPage', () => {
  it('lists every Glue job with owner and last state, failing first', async () => {
    const { catalogApi, api } = await renderPage();
    expect(catalogApi.getEntities).toHaveBeenCalledWith(
      expect.objectContaining({
        filter: { kind: 'component', 'spec.type': 'glue-job' },
      }),
    );
    await waitFor(() => expect(screen.getByText('FAILED')).toBeInTheDocument());
    await waitFor(() =>
      expect(
        screen.getByText('4 jobs, 1 failing, 1 running'),
      ).toBeInTheDocument(),
    );
    expect(jobNamesInOrder()).toEqual([
      'triggering_job',
      'eu-orders-etl',
      'orders-daily-etl',
      'legacy_crm_sync',
    ]);
    const failedRow = screen
      .getAllByRole('row')
      .find(r => within(r).queryByText('FAILED'))!;
    expect(
      within(failedRow).getByRole('link', { name: 'triggering_job' }),
    ).toHaveAttribute('href', '/catalog/default/component/triggering_job');
    expect(within(failedRow).getByText('data-platform')).toBeInTheDocument();
    expect(within(failedRow).getByText('us-east-1')).toBeInTheDocument();
    expect(within(failedRow).getByText('123456789012')).toBeInTheDocument();
    expect(api.getJobs).toHaveBeenCalledTimes(4);
    expect(api.getJobs).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'triggering_job',
    });
  });

  it('filters to what I own', async () => {
    await renderPage();
    await screen.findByText('4 jobs, 1 failing, 1 running');
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Owned by me' }),
    );
    expect(jobNamesInOrder()).toEqual(['triggering_job', 'legacy_crm_sync']);
  });

  it('filters by owner, account and region', async () => {
    await renderPage();
    await screen.findByText('4 jobs, 1 failing, 1 running');

    await userEvent.click(
      screen.getByRole('button', { name: 'Filter by region' }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'eu-west-1' }),
    );
    expect(jobNamesInOrder()).toEqual(['eu-orders-etl']);

    await userEvent.click(
      screen.getByRole('button', { name: 'Filter by region' }),
    );
    await userEvent.click(await screen.findByRole('option', { name: 'All' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Filter by account' }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: '210987654321' }),
    );
    expect(jobNamesInOrder()).toEqual(['legacy_crm_sync']);

    await userEvent.click(
      screen.getByRole('button', { name: 'Filter by account' }),
    );
    await userEvent.click(await screen.findByRole('option', { name: 'All' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Filter by owner' }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'group:default/analytics' }),
    );
    expect(jobNamesInOrder()).toEqual(['eu-orders-etl', 'orders-daily-etl']);
  });

  it('loads latest runs with limited concurrency, row by row', async () => {
    const pending: { name: string; resolve: () => void }[] = [];
    const api = mockAwsGlueApi({
      getJobs: ref =>
        new Promise(resolve => {
          pending.push({
            name: ref.name,
            resolve: () => resolve(jobsFor(ref.name)),
          });
        }),
    });
    await renderPage(api, undefined, { concurrency: 2 });
    await waitFor(() => expect(api.getJobs).toHaveBeenCalledTimes(2));
    expect(screen.getAllByText('Loading…')).toHaveLength(4);
    expect(screen.getByText(/\(loading 4 more\)/)).toBeInTheDocument();

    pending.find(p => p.name === 'triggering_job')!.resolve();
    expect(await screen.findByText('FAILED')).toBeInTheDocument();
    await waitFor(() => expect(api.getJobs).toHaveBeenCalledTimes(3));
    expect(screen.getAllByText('Loading…')).toHaveLength(3);
  });

  it('shows a job whose backend call failed as unavailable', async () => {
    const api = mockAwsGlueApi({
      getJobs: async ref => {
        if (ref.name === 'legacy_crm_sync') throw new Error('AccessDenied');
        return jobsFor(ref.name);
      },
    });
    await renderPage(api);
    expect(await screen.findByText('Unavailable')).toHaveAttribute(
      'title',
      'AccessDenied',
    );
  });

  it('shows progress, catalog errors and an empty catalog', async () => {
    const never = catalogApiMock.mock({
      getEntities: jest.fn(() => new Promise<never>(() => {})),
    });
    const { unmount } = await renderInTestApp(
      <TestApiProvider
        apis={[
          [awsGlueApiRef, mockAwsGlueApi()],
          [catalogApiRef, never],
        ]}
      >
        <GlueJobsPage />
      </TestApiProvider>,
    );
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    unmount();

    await renderPage(
      mockAwsGlueApi(),
      catalogApiMock.mock({
        getEntities: jest.fn(async () => {
          throw new Error('Catalog is down');
        }),
      }),
    );
    expect(
      (await screen.findAllByText(/Catalog is down/)).length,
    ).toBeGreaterThan(0);
  });

  it('says when the catalog has no Glue jobs', async () => {
    await renderPage(
      mockAwsGlueApi(),
      catalogApiMock.mock({
        getEntities: jest.fn(async () => ({ items: [] })),
      }),
    );
    expect(
      await screen.findByText('No Glue jobs in the catalog'),
    ).toBeInTheDocument();
  });
});
