import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import { GlueScorecardCard } from './GlueScorecardCard';
import { mockAwsGlueApi } from '../../__testUtils__/mockApi';
import { never, renderForEntity } from '../../__testUtils__/render';
import { dependentJobEntity, plainEntity } from '../../__testUtils__/fixtures';
import {
  makeWireCheckResult,
  scorecardResponse,
} from '../../__testUtils__/scorecard';
import { readScorecardResponse } from '../../lib/scorecard';

const JOB_REF = {
  kind: 'Component',
  namespace: dependentJobEntity.metadata.namespace ?? 'default',
  name: dependentJobEntity.metadata.name,
};

function renderCard(
  api: ReturnType<typeof mockAwsGlueApi>,
  entity = dependentJobEntity,
) {
  return renderForEntity(<GlueScorecardCard />, { entity, api });
}

async function responseError(status: number, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'Error', message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}

describe('GlueScorecardCard', () => {
  it('shows a row per aws-glue check, failing first, with its description, facts and score', async () => {
    const api = mockAwsGlueApi({
      runScorecardChecks: async () => scorecardResponse,
    });
    await renderCard(api);

    expect(await screen.findByText('2 of 3 checks pass')).toBeInTheDocument();
    expect(screen.getByText('Scorecard')).toBeInTheDocument();
    expect(api.runScorecardChecks).toHaveBeenCalledWith(JOB_REF);

    const rows = within(
      screen.getByRole('list', { name: 'Tech Insights checks' }),
    ).getAllByRole('listitem');
    // the other module's check is left out
    expect(rows).toHaveLength(3);
    expect(screen.queryByText('Has TechDocs')).not.toBeInTheDocument();

    const [timeout, retries, successRate] = rows;
    expect(within(timeout).getByText('Timeout below 48 hours')).toBeVisible();
    expect(within(timeout).getByTitle('Fails')).toBeInTheDocument();
    expect(
      within(timeout).getByText(
        "The job's timeout is set below Glue's 48-hour default.",
      ),
    ).toBeInTheDocument();
    expect(
      within(timeout).getByText('timeoutMinutes: 2,880'),
    ).toBeInTheDocument();

    expect(within(retries).getByText('Retries configured')).toBeVisible();
    expect(within(retries).getByTitle('Passes')).toBeInTheDocument();
    expect(within(retries).getByText('maxRetries: 1')).toBeInTheDocument();

    expect(
      within(successRate).getByText('Success rate over 30 days'),
    ).toBeVisible();
    expect(within(successRate).getByTitle('Passes')).toBeInTheDocument();
    const fact = within(successRate).getByText('successRate30d: 0.97');
    expect(fact).toHaveAttribute('title', 'The successRate30d fact');
  });

  it('shows a check without facts and its links', async () => {
    const wire = makeWireCheckResult({
      id: 'aws-glue-owner-is-group',
      name: 'Owned by a Group',
      description: 'The owner is a Group in the catalog.',
      result: false,
    });
    const api = mockAwsGlueApi({
      runScorecardChecks: async () =>
        readScorecardResponse([
          {
            ...wire,
            check: {
              ...wire.check,
              links: [{ title: 'Ownership', url: 'https://example.com/own' }],
            },
          },
        ]),
    });
    await renderCard(api);
    expect(await screen.findByText('0 of 1 check passes')).toBeInTheDocument();
    expect(screen.getByTitle('Fails')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Ownership/ })).toHaveAttribute(
      'href',
      'https://example.com/own',
    );
  });

  it('says how to enable the checks when no aws-glue check ran', async () => {
    const api = mockAwsGlueApi({
      runScorecardChecks: async () =>
        readScorecardResponse([
          makeWireCheckResult({
            id: 'tech-docs-present',
            name: 'Has TechDocs',
            description: '',
            result: true,
          }),
        ]),
    });
    await renderCard(api);
    expect(
      await screen.findByText('No AWS Glue checks for this job'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /@aws-glue-backstage\/plugin-tech-insights-backend-module-aws-glue/,
      ),
    ).toHaveTextContent('"Scorecard (Tech Insights)" in the README');
    expect(screen.queryByText(/checks? pass/)).not.toBeInTheDocument();
  });

  it('says Tech Insights is not installed on a 404', async () => {
    const api = mockAwsGlueApi({
      runScorecardChecks: async () => {
        throw await responseError(404, 'Not Found');
      },
    });
    await renderCard(api);
    expect(
      await screen.findByText('Tech Insights is not installed'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/@backstage-community\/plugin-tech-insights-backend/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Retry' }),
    ).not.toBeInTheDocument();
  });

  it('shows the error with a retry', async () => {
    let calls = 0;
    const api = mockAwsGlueApi({
      runScorecardChecks: async () => {
        calls += 1;
        if (calls === 1) {
          throw await responseError(
            500,
            'Failed to run rules engine, Not all facts are defined',
          );
        }
        return scorecardResponse;
      },
    });
    await renderCard(api);
    expect(
      (await screen.findAllByText(/Not all facts are defined/)).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByText(/Could not run the Tech Insights checks/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('2 of 3 checks pass')).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    const api = mockAwsGlueApi({ runScorecardChecks: () => never() });
    await renderCard(api);
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('asks for the job annotation on other entities and fetches nothing', async () => {
    const api = mockAwsGlueApi();
    await renderCard(api, plainEntity);
    expect(
      (await screen.findAllByText(/aws.amazon.com\/aws-glue-job-arn/)).length,
    ).toBeGreaterThan(0);
    expect(api.runScorecardChecks).not.toHaveBeenCalled();
  });
});
