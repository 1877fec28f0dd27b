import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  GlueJob,
  GlueJobRun,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../../api';
import { mockAwsGlueApi } from '../../__testUtils__/mockApi';
import { makeJob, makeRun } from '../../__testUtils__/fixtures';
import { glueetlTriage } from '../../__testUtils__/executions';
import { RunDetails } from '../RunDetails';

const ENTITY_REF = { kind: 'Component', namespace: 'default', name: 'glueetl' };
const failedRun = makeRun({
  id: 'jr_etl_3',
  jobName: 'glueetl',
  state: 'FAILED',
  errorMessage: 'An error occurred while calling o95.save',
});

async function renderDetails(options: {
  api: ReturnType<typeof mockAwsGlueApi>;
  run?: GlueJobRun;
  job?: GlueJob;
}) {
  const run = options.run ?? failedRun;
  await renderInTestApp(
    <TestApiProvider apis={[[awsGlueApiRef, options.api]]}>
      <RunDetails
        run={run}
        context={{
          entityRef: ENTITY_REF,
          job: options.job ?? makeJob({ name: 'glueetl', canRetry: true }),
        }}
      />
    </TestApiProvider>,
  );
}

describe('RunDetails of a failed run: triage', () => {
  it('shows the redacted log tail, each log with its stream and CloudWatch link, what changed and the arguments', async () => {
    const api = mockAwsGlueApi({ getRunTriage: async () => glueetlTriage });
    await renderDetails({ api });
    const triage = await screen.findByRole('region', {
      name: 'Failure triage',
    });
    expect(api.getRunTriage).toHaveBeenCalledWith(ENTITY_REF, 'jr_etl_3', {
      job: failedRun.jobArn,
    });
    const log = await within(triage).findByTestId('triage-log-0');
    expect(log).toHaveTextContent('/aws-glue/jobs/error / jr_etl_3');
    expect(log).toHaveTextContent(
      'Connecting to jdbc:postgresql://db:5432/sales?password=<redacted>',
    );
    expect(
      within(log).getByRole('link', { name: /Open in CloudWatch/ }),
    ).toHaveAttribute('href', glueetlTriage.log[0].consoleUrl);
    // a log that could not be read says why instead of lines
    const unread = within(triage).getByTestId('triage-log-1');
    expect(unread).toHaveTextContent(
      'This log could not be read: The specified log stream does not exist.',
    );
    expect(
      within(unread).getByRole('link', { name: /Open in CloudWatch/ }),
    ).toBeInTheDocument();

    expect(
      within(triage).getByText(
        /^What changed since the last successful run jr_etl_2/,
      ),
    ).toBeInTheDocument();
    const changes = within(triage).getByRole('table', { name: 'What changed' });
    const rows = within(changes)
      .getAllByRole('row')
      .map(r => r.textContent);
    expect(rows).toEqual([
      'FieldBeforeAfterKind',
      '--batch_size1000050000argument',
      '--api_tokennot set<redacted>argument',
      'numberOfWorkers102definition',
    ]);
    const args = within(triage).getByRole('table', {
      name: 'Effective arguments',
    });
    expect(
      within(args)
        .getAllByRole('row')
        .map(r => r.textContent),
    ).toEqual([
      'KeyValueFrom',
      '--inputs3://sales/raw/default',
      '--batch_size50000run overrides default',
      '--api_token<redacted>run',
    ]);
    // the run's own error is shown once, above
    expect(
      screen.getAllByText('An error occurred while calling o95.save'),
    ).toHaveLength(1);
  });

  it('says there are no differences, or nothing to compare with', async () => {
    const api = mockAwsGlueApi({
      getRunTriage: async () => ({ ...glueetlTriage, changes: [] }),
    });
    await renderDetails({ api });
    expect(await screen.findByText('No differences')).toBeInTheDocument();
  });

  it('says when there is no successful run to compare with', async () => {
    const api = mockAwsGlueApi({
      getRunTriage: async () => ({
        ...glueetlTriage,
        lastSuccess: undefined,
        changes: [],
      }),
    });
    await renderDetails({ api });
    expect(
      await screen.findByText(
        /has no successful run of glueetl before this one/,
      ),
    ).toBeInTheDocument();
  });

  it('shows the error of a triage that failed', async () => {
    const api = mockAwsGlueApi({
      getRunTriage: async () => {
        throw new Error('logs:GetLogEvents denied');
      },
    });
    await renderDetails({ api });
    expect(
      (await screen.findAllByText(/logs:GetLogEvents denied/)).length,
    ).toBeGreaterThan(0);
  });

  it('offers neither triage nor Retry for a run that succeeded', async () => {
    const api = mockAwsGlueApi();
    await renderDetails({ api, run: makeRun({ id: 'jr_ok' }) });
    expect(screen.getByTestId('run-details-jr_ok')).toBeInTheDocument();
    expect(screen.queryByText('Failure triage')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Retry/ }),
    ).not.toBeInTheDocument();
    expect(api.getRunTriage).not.toHaveBeenCalled();
  });
});

describe('RunDetails of a failed run: Retry', () => {
  it('asks, posts the retry and shows the new run', async () => {
    const api = mockAwsGlueApi({
      getRunTriage: async () => glueetlTriage,
      retryJobRun: async () => ({
        jobName: 'glueetl',
        retriedRunId: 'jr_etl_3',
        runId: 'jr_etl_4',
      }),
    });
    await renderDetails({ api });
    await userEvent.click(
      screen.getByRole('button', { name: 'Retry run jr_etl_3' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Retry this run?')).toBeInTheDocument();
    expect(dialog).toHaveTextContent(
      'This starts glueetl again with the arguments of run jr_etl_3. The values stay on the server',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Retry' }),
    );
    expect(api.retryJobRun).toHaveBeenCalledWith(ENTITY_REF, 'jr_etl_3', {
      job: failedRun.jobArn,
    });
    expect(await screen.findByTestId('retry-result')).toHaveTextContent(
      'Started run jr_etl_4 of glueetl (retry of jr_etl_3)',
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('keeps the dialog open with the backend error', async () => {
    const api = mockAwsGlueApi({
      getRunTriage: async () => glueetlTriage,
      retryJobRun: async () => {
        throw new Error('ConcurrentRunsExceededException');
      },
    });
    await renderDetails({ api });
    await userEvent.click(
      screen.getByRole('button', { name: 'Retry run jr_etl_3' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Retry' }),
    );
    expect(
      await within(dialog).findByText('ConcurrentRunsExceededException'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('retry-result')).not.toBeInTheDocument();
  });

  it('is disabled with the reason when the job may not be retried', async () => {
    const api = mockAwsGlueApi({ getRunTriage: async () => glueetlTriage });
    await renderDetails({ api, job: makeJob({ name: 'glueetl' }) });
    expect(
      screen.getByRole('button', { name: 'Retry run jr_etl_3' }),
    ).toBeDisabled();
    await userEvent.hover(screen.getByTestId('retry-disabled'));
    expect(
      await screen.findByText(
        /Retrying is not enabled \(awsGlue.actions.retryJobRun\)/,
      ),
    ).toBeInTheDocument();
  });
});
