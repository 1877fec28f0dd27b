import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { GlueTeamCard } from './GlueTeamCard';
import { mockAwsGlueApi } from '../../__testUtils__/mockApi';
import { never, renderForEntity } from '../../__testUtils__/render';
import {
  dependentJobEntity,
  makeTeamSummary,
  makeTrendPoint,
} from '../../__testUtils__/fixtures';

const groupEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { namespace: 'default', name: 'data-platform' },
  spec: { type: 'team', children: [] },
};

const GROUP_REF = {
  kind: 'Group',
  namespace: 'default',
  name: 'data-platform',
};

function renderCard(
  api: ReturnType<typeof mockAwsGlueApi>,
  entity = groupEntity,
) {
  return renderForEntity(<GlueTeamCard />, { entity, api });
}

describe('GlueTeamCard', () => {
  it("shows the team's failures, slowest and dearest jobs, cost and trend", async () => {
    const api = mockAwsGlueApi({
      getTeamSummary: async () => makeTeamSummary(),
    });
    await renderCard(api);

    expect(await screen.findByText('AWS Glue jobs')).toBeInTheDocument();
    expect(api.getTeamSummary).toHaveBeenCalledWith(GROUP_REF);

    const failures = screen.getByRole('table', {
      name: 'Failures in the last 24 hours',
    });
    const [failure] = within(failures).getAllByRole('row').slice(1);
    expect(
      within(failure).getByRole('link', { name: 'triggering_job' }),
    ).toHaveAttribute('href', '/catalog/default/component/triggering_job');
    expect(within(failure).getByText('FAILED')).toBeInTheDocument();
    // the redacted error, first line only, the whole of it on hover
    const error = within(failure).getByText(
      "KeyError: '--db-password' was <redacted>",
    );
    expect(error).toHaveAttribute(
      'title',
      expect.stringContaining('Traceback (most recent call last)'),
    );

    const slowest = screen.getByRole('table', {
      name: 'Slowest jobs by p95 duration over 30 days',
    });
    expect(
      within(slowest)
        .getAllByRole('row')
        .map(r => r.textContent),
    ).toEqual(['legacy_crm_sync1h 30m', 'triggering_job10m 20s']);
    const dearest = screen.getByRole('table', {
      name: 'Dearest jobs by estimated cost over 30 days',
    });
    expect(within(dearest).getAllByRole('row')[0]).toHaveTextContent(
      'legacy_crm_sync$41.50 (94.30 DPU-hours)',
    );

    expect(screen.getByText('$12.50')).toBeInTheDocument();
    expect(screen.getByText('$44.75')).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: /^Success rate and p95 duration per day/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Costs are estimates from DPU-hours, in USD/),
    ).toBeInTheDocument();
  });

  it('says when the team has no failures and no finished runs', async () => {
    const api = mockAwsGlueApi({
      getTeamSummary: async () =>
        makeTeamSummary({
          failuresLast24h: [],
          slowest: [],
          dearest: [],
          points: [makeTrendPoint('2025-03-04', 0)],
        }),
    });
    await renderCard(api);
    expect(
      await screen.findByText('No failed runs in the last 24 hours.'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText('No finished runs in the last 30 days.'),
    ).toHaveLength(2);
    expect(screen.getByText('No finished runs')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('says when the team owns no Glue jobs', async () => {
    const api = mockAwsGlueApi({
      getTeamSummary: async () =>
        makeTeamSummary({ jobCount: 0, failuresLast24h: [], points: [] }),
    });
    await renderCard(api);
    expect(await screen.findByText('No Glue jobs owned')).toBeInTheDocument();
  });

  it('shows progress, then the error with a retry', async () => {
    let calls = 0;
    const api = mockAwsGlueApi({
      getTeamSummary: async () => {
        calls += 1;
        if (calls === 1) {
          throw await ResponseError.fromResponse(
            new Response(
              JSON.stringify({
                error: { name: 'Error', message: 'Run index unavailable' },
                response: { statusCode: 500 },
              }),
              { status: 500, headers: { 'Content-Type': 'application/json' } },
            ),
          );
        }
        return makeTeamSummary();
      },
    });
    await renderCard(api);
    expect(
      (await screen.findAllByText(/Run index unavailable/)).length,
    ).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('$12.50')).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    const api = mockAwsGlueApi({ getTeamSummary: () => never() });
    await renderCard(api);
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('asks for nothing on entities that are not teams', async () => {
    const api = mockAwsGlueApi();
    await renderCard(api, dependentJobEntity);
    expect(await screen.findByText('Not a team')).toBeInTheDocument();
    expect(api.getTeamSummary).not.toHaveBeenCalled();
  });
});
