import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  GLUE_ANNOTATIONS,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../../api';
import { mockAwsGlueApi } from '../../__testUtils__/mockApi';
import { mockSignalApi } from '../../__testUtils__/signals';
import {
  jobArn,
  makeFleetJob,
  makeFleetResponse,
  makeRunSummary,
  makeTeamSummary,
} from '../../__testUtils__/fixtures';
import { GlueJobsPage, teamOf } from './GlueJobsPage';

const failing = makeFleetJob('triggering_job', {
  latestRun: makeRunSummary({
    state: 'FAILED',
    startedOn: '2025-03-04T02:00:00Z',
    durationSeconds: 125,
    errorMessage:
      "KeyError: '--dependency-param' was not passed\nTraceback (most recent call last)",
  }),
  failuresLast24h: 3,
});
const running = makeFleetJob('eu-orders-etl', {
  title: 'EU orders ETL',
  owner: 'group:default/analytics',
  region: 'eu-west-1',
  latestRun: makeRunSummary({ state: 'RUNNING', completedOn: undefined }),
});
const neverRun = makeFleetJob('legacy_crm_sync', {
  accountId: '210987654321',
  latestRun: undefined,
});

const firstPage = makeFleetResponse([failing, running], {
  totalCount: 3,
  counts: { failing: 1, active: 1, succeeded: 0, other: 0, neverRun: 1 },
  nextCursor: 'cursor-2',
  freshness: {
    lastEventAt: new Date(Date.now() - 120_000).toISOString(),
    storedRuns: 40,
  },
});
const secondPage = makeFleetResponse([neverRun], {
  totalCount: 3,
  counts: firstPage.counts,
});

function jobEntity(name: string, owner: string, region: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        [ANNOTATION_AWS_ACCOUNT_ID]: '123456789012',
        [GLUE_ANNOTATIONS.region]: region,
      },
    },
    spec: { type: 'glue-job', owner, lifecycle: 'production' },
    relations: [{ type: 'ownedBy', targetRef: owner }],
  };
}

const catalogEntities = [
  jobEntity('triggering_job', 'group:default/data-platform', 'us-east-1'),
  jobEntity('eu-orders-etl', 'group:default/analytics', 'eu-west-1'),
  jobEntity('ap-job', 'user:default/jane', 'ap-southeast-2'),
];

async function renderPage(
  api = mockAwsGlueApi({
    getFleetJobs: async request =>
      request?.cursor === 'cursor-2' ? secondPage : firstPage,
    getTeamSummary: async () => makeTeamSummary(),
  }),
  options: {
    signals?: ReturnType<typeof mockSignalApi>;
    pollIntervalMs?: number;
  } = {},
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [awsGlueApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: catalogEntities })],
        ...(options.signals
          ? [[signalApiRef, options.signals.api] as const]
          : []),
      ]}
    >
      <GlueJobsPage pollIntervalMs={options.pollIntervalMs} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return api;
}

const jobRows = () => screen.getAllByRole('row').slice(1);
const linkTexts = () =>
  jobRows().map(row => within(row).queryAllByRole('link')[0]?.textContent);

async function choose(filter: string, option: string) {
  await userEvent.click(
    screen.getByRole('button', { name: `Filter by ${filter}` }),
  );
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

describe('GlueJobsPage', () => {
  afterEach(() => jest.useRealTimers());

  it('lists a page of the fleet in one request, in the server order, with counts and freshness', async () => {
    const api = await renderPage();
    expect(await screen.findByText('FAILED')).toBeInTheDocument();
    expect(api.getFleetJobs).toHaveBeenCalledTimes(1);
    expect(api.getFleetJobs).toHaveBeenCalledWith({
      owner: '',
      account: '',
      region: '',
      states: [],
      query: '',
      limit: 50,
      cursor: undefined,
    });
    expect(api.getJobs).not.toHaveBeenCalled();
    expect(
      screen.getByText(
        '3 jobs: 1 failing, 1 active, 0 succeeded, 0 other, 1 never run',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Index updated 2 minutes ago')).toBeInTheDocument();
    expect(linkTexts()).toEqual(['triggering_job', 'EU orders ETL']);

    const [failedRow, runningRow] = jobRows();
    expect(
      within(failedRow).getByRole('link', { name: 'triggering_job' }),
    ).toHaveAttribute('href', '/catalog/default/component/triggering_job');
    expect(
      within(failedRow).getByRole('link', { name: 'data-platform' }),
    ).toHaveAttribute('href', '/catalog/default/group/data-platform');
    expect(within(failedRow).getByText('2m 05s')).toBeInTheDocument();
    expect(within(failedRow).getByText('3')).toBeInTheDocument();
    const error = within(failedRow).getByTestId('fleet-job-error');
    expect(error).toHaveTextContent(
      "KeyError: '--dependency-param' was not passed",
    );
    expect(error).not.toHaveTextContent('Traceback');
    expect(error).toHaveAttribute(
      'title',
      expect.stringContaining('Traceback'),
    );
    expect(within(runningRow).getByText('RUNNING')).toBeInTheDocument();
    expect(within(runningRow).getByText('eu-west-1')).toBeInTheDocument();
  });

  it('pages with nextCursor', async () => {
    const api = await renderPage();
    await screen.findByText('FAILED');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('No runs')).toBeInTheDocument();
    expect(linkTexts()).toEqual(['legacy_crm_sync']);
    expect(api.getFleetJobs).toHaveBeenLastCalledWith(
      expect.objectContaining({ cursor: 'cursor-2' }),
    );
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  it('sends owner, state, account and region as query parameters, from the first page', async () => {
    const api = await renderPage();
    await screen.findByText('FAILED');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Page 2');

    await choose('latest state', 'Failed, timed out or errored');
    await waitFor(() =>
      expect(api.getFleetJobs).toHaveBeenLastCalledWith(
        expect.objectContaining({
          states: ['FAILED', 'TIMEOUT', 'ERROR', 'EXPIRED'],
          cursor: undefined,
        }),
      ),
    );
    // the owners, accounts and regions of the catalog's Glue jobs
    await choose('region', 'ap-southeast-2');
    await choose('account', '123456789012');
    await choose('owner', 'group:default/analytics');
    await waitFor(() =>
      expect(api.getFleetJobs).toHaveBeenLastCalledWith({
        owner: 'group:default/analytics',
        account: '123456789012',
        region: 'ap-southeast-2',
        states: ['FAILED', 'TIMEOUT', 'ERROR', 'EXPIRED'],
        query: '',
        limit: 50,
        cursor: undefined,
      }),
    );
  });

  it('sends the search text once typing pauses', async () => {
    const api = await renderPage();
    await screen.findByText('FAILED');
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Search jobs' }),
      'orders',
    );
    await waitFor(() =>
      expect(api.getFleetJobs).toHaveBeenLastCalledWith(
        expect.objectContaining({ query: 'orders' }),
      ),
    );
    // one request for the whole word, none per keystroke
    expect(
      api.getFleetJobs.mock.calls
        .filter(([o]) => o?.query)
        .map(([o]) => o?.query),
    ).toEqual(['orders']);
  });

  it("shows the team's summary when the owner filter names a group", async () => {
    const api = await renderPage();
    await screen.findByText('FAILED');
    expect(api.getTeamSummary).not.toHaveBeenCalled();
    await choose('owner', 'group:default/analytics');
    expect(await screen.findByText('Team analytics')).toBeInTheDocument();
    expect(api.getTeamSummary).toHaveBeenCalledWith({
      kind: 'group',
      namespace: 'default',
      name: 'analytics',
    });
    expect(
      await screen.findByRole('table', {
        name: 'Failures in the last 24 hours',
      }),
    ).toBeInTheDocument();

    await choose('owner', 'user:default/jane');
    await waitFor(() =>
      expect(screen.queryByText('Team analytics')).not.toBeInTheDocument(),
    );
  });

  it('refetches on a runs signal, at most once a second', async () => {
    const signals = mockSignalApi();
    const api = await renderPage(undefined, { signals });
    await screen.findByText('FAILED');
    expect(screen.getByText(/· live$/)).toBeInTheDocument();
    jest.useFakeTimers();
    // a burst: one refetch now, one at the end of the second for the rest
    await signals.publishRunChange(jobArn('a'), jobArn('b'), jobArn('c'));
    expect(api.getFleetJobs).toHaveBeenCalledTimes(2);
    await act(async () => {
      jest.advanceTimersByTime(999);
    });
    expect(api.getFleetJobs).toHaveBeenCalledTimes(2);
    await act(async () => {
      jest.advanceTimersByTime(1);
    });
    expect(api.getFleetJobs).toHaveBeenCalledTimes(3);
    await act(async () => {
      jest.advanceTimersByTime(5_000);
    });
    expect(api.getFleetJobs).toHaveBeenCalledTimes(3);
  });

  it('polls as the fallback without signals', async () => {
    jest.useFakeTimers();
    const api = await renderPage(undefined, { pollIntervalMs: 10_000 });
    expect(await screen.findByText('FAILED')).toBeInTheDocument();
    expect(api.getFleetJobs).toHaveBeenCalledTimes(1);
    await act(async () => {
      jest.advanceTimersByTime(10_000);
    });
    expect(api.getFleetJobs).toHaveBeenCalledTimes(2);
  });

  it('shows progress, then the error with a retry', async () => {
    let fail = true;
    const api = mockAwsGlueApi({
      getFleetJobs: async () => {
        if (fail) throw new Error('Run index is down');
        return firstPage;
      },
    });
    await renderPage(api);
    expect(
      (await screen.findAllByText(/Run index is down/)).length,
    ).toBeGreaterThan(0);
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('FAILED')).toBeInTheDocument();
  });

  it('says when there are no Glue jobs, and when none match', async () => {
    const api = mockAwsGlueApi({
      getFleetJobs: async () =>
        makeFleetResponse([], { freshness: { storedRuns: 0 } }),
    });
    await renderPage(api);
    expect(
      await screen.findByText('No Glue jobs in the catalog'),
    ).toBeInTheDocument();
    expect(screen.getByText('No runs indexed yet')).toBeInTheDocument();
    await choose('latest state', 'Succeeded');
    expect(await screen.findByText('No Glue jobs match')).toBeInTheDocument();
  });
});

describe('teamOf', () => {
  it('is the group an owner ref names', () => {
    expect(teamOf('group:default/analytics')).toEqual({
      kind: 'group',
      namespace: 'default',
      name: 'analytics',
    });
    expect(teamOf('user:default/jane')).toBeUndefined();
    expect(teamOf('')).toBeUndefined();
  });
});
