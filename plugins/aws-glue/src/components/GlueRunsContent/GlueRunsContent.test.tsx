import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AwsGlueApi } from '../../api';
import { GlueRunsContent } from './GlueRunsContent';
import { mockAwsGlueApi } from '../../__testUtils__/mockApi';
import { never, renderForEntity } from '../../__testUtils__/render';
import { mockSignalApi } from '../../__testUtils__/signals';
import {
  dependentJobEntity,
  jobArn,
  makeJob,
  makeRun,
  makeRunsResponse,
  makeTrendPoint,
  makeTrendsResponse,
  multiJobEntity,
  plainEntity,
  trendDays,
} from '../../__testUtils__/fixtures';

const ENTITY_REF = {
  kind: 'Component',
  namespace: 'default',
  name: 'freshers_in_dependent_job',
};

const JOB_ARN = jobArn('freshers_in_dependent_job');

const failedRun = makeRun({
  id: 'jr_failed',
  state: 'FAILED',
  attempt: 1,
  durationSeconds: 125,
  dpuHours: 0.174,
  estimatedCost: 0.08,
  errorMessage:
    'KeyError: \'--dependency-param\' was not passed by the trigger\nTraceback (most recent call last):\n  File "dependent_job.py", line 12',
  previousRunId: 'jr_first_attempt',
});
const okRun = makeRun({ id: 'jr_ok', triggerName: undefined });

const trendPoints = trendDays(30).map((date, i) =>
  // every third day without finished runs; some days with a failure
  makeTrendPoint(date, i % 3 ? 2 : 0, i % 3 && i % 5 === 0 ? 1 : 0),
);

/** A mocked API whose trends route answers with 30 days of runs unless set. */
function runsApi(implementation: Partial<AwsGlueApi> = {}) {
  return mockAwsGlueApi({
    getTrends: async (_ref, options) =>
      makeTrendsResponse(trendPoints, options?.days),
    ...implementation,
  });
}

function renderRuns(
  api: ReturnType<typeof mockAwsGlueApi>,
  props: { pollIntervalMs?: number } = {},
  signals?: ReturnType<typeof mockSignalApi>,
) {
  return renderForEntity(<GlueRunsContent {...props} />, {
    entity: dependentJobEntity,
    api,
    signalApi: signals?.api,
  });
}

describe('GlueRunsContent', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('lists runs with status, timings, cost, trigger and error, and a chart', async () => {
    const api = runsApi({
      getJobs: async () => ({ jobs: [makeJob()] }),
      getJobRuns: async () => makeRunsResponse([failedRun, okRun]),
    });
    await renderRuns(api);

    expect(
      await screen.findByText('Runs of freshers_in_dependent_job'),
    ).toBeInTheDocument();
    expect(api.getJobRuns).toHaveBeenCalledWith(ENTITY_REF, {
      job: JOB_ARN,
      limit: 25,
      nextToken: undefined,
      states: [],
    });
    const rows = screen.getAllByRole('row');
    const failedRow = rows.find(r => within(r).queryByText('FAILED'))!;
    expect(within(failedRow).getByText('2m 05s')).toBeInTheDocument();
    expect(within(failedRow).getByText('0.174')).toBeInTheDocument();
    expect(within(failedRow).getByText('$0.08')).toBeInTheDocument();
    expect(
      within(failedRow).getByText('start-freshers-in-dependent-job'),
    ).toBeInTheDocument();
    expect(
      within(failedRow).getByText(
        "KeyError: '--dependency-param' was not passed by the trigger",
      ),
    ).toBeInTheDocument();
    const okRow = rows.find(r => within(r).queryByText('SUCCEEDED'))!;
    expect(within(okRow).getByText('Manual / API')).toBeInTheDocument();
    expect(within(okRow).getByText('7m 00s')).toBeInTheDocument();

    // chart and statistics over the loaded runs
    expect(
      screen.getByRole('img', { name: 'Duration and cost of 2 runs' }),
    ).toBeInTheDocument();
    expect(screen.getAllByTestId('runs-chart-bar')).toHaveLength(2);
    expect(screen.getByText('50% (1 of 2 finished runs)')).toBeInTheDocument();
    expect(
      screen.getByText(/This page: 0\.730 DPU-hours, \$0\.32/),
    ).toBeInTheDocument();
  });

  it('shows the run a link names (a failure notification’s) above the history', async () => {
    const getJobRun = jest.fn(async () => failedRun);
    const api = runsApi({
      getJobs: async () => ({ jobs: [makeJob()] }),
      getJobRuns: async () => makeRunsResponse([okRun, failedRun]),
      getJobRun,
    });
    await renderForEntity(<GlueRunsContent />, {
      entity: dependentJobEntity,
      api,
      routeEntries: ['/?run=jr_failed'],
    });
    const card = (await screen.findByText('Run jr_failed')).closest(
      '.MuiCard-root',
    ) as HTMLElement;
    expect(getJobRun).toHaveBeenCalledWith(ENTITY_REF, 'jr_failed', {
      job: JOB_ARN,
    });
    expect(
      await within(card).findByText(/was not passed by the trigger/),
    ).toBeInTheDocument();
    await userEvent.click(
      within(card).getByRole('button', { name: 'Close the linked run' }),
    );
    await waitFor(() =>
      expect(screen.queryByText('Run jr_failed')).not.toBeInTheDocument(),
    );
  });

  it('opens a detail panel with the full error, arguments, predecessors and links', async () => {
    const api = runsApi({
      getJobs: async () => ({ jobs: [makeJob()] }),
      getJobRuns: async () => makeRunsResponse([failedRun]),
    });
    await renderRuns(api);
    await userEvent.click(await screen.findByText('FAILED'));

    const details = await screen.findByTestId('run-details-jr_failed');
    expect(
      within(details).getByText(/Traceback \(most recent call last\)/),
    ).toBeInTheDocument();
    const args = within(details).getByRole('table', { name: 'Run arguments' });
    expect(within(args).getByText('--db-password')).toBeInTheDocument();
    expect(within(args).getByText('redacted')).toBeInTheDocument();
    expect(
      within(args).getByText('s3://freshers-in/staging/triggering/'),
    ).toBeInTheDocument();
    expect(within(details).getByText('jr_upstream_1')).toBeInTheDocument();
    expect(within(details).getByText('jr_first_attempt')).toBeInTheDocument();
    expect(
      within(details).getByRole('link', {
        name: /CloudWatch logs: Error logs/,
      }),
    ).toHaveAttribute('href', failedRun.links.logs[1].url);
    expect(
      within(details).getByRole('link', {
        name: /Run in the AWS Glue console/,
      }),
    ).toHaveAttribute('href', failedRun.links.console);
  });

  it('pages with the nextToken cursor', async () => {
    const api = runsApi({
      getJobs: async () => ({ jobs: [makeJob()] }),
      getJobRuns: async (_ref, options) =>
        options?.nextToken === 'page-2'
          ? makeRunsResponse([makeRun({ id: 'jr_old', state: 'STOPPED' })])
          : makeRunsResponse([failedRun], 'page-2'),
    });
    await renderRuns(api);
    await screen.findByText('FAILED');
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('STOPPED')).toBeInTheDocument();
    expect(api.getJobRuns).toHaveBeenLastCalledWith(ENTITY_REF, {
      job: JOB_ARN,
      limit: 25,
      nextToken: 'page-2',
      states: [],
    });
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByText('FAILED')).toBeInTheDocument();
    expect(api.getJobRuns).toHaveBeenLastCalledWith(ENTITY_REF, {
      job: JOB_ARN,
      limit: 25,
      nextToken: undefined,
      states: [],
    });
    expect(screen.getByText('Page 1')).toBeInTheDocument();
  });

  it('filters by state on the server', async () => {
    const api = runsApi({
      getJobs: async () => ({ jobs: [makeJob()] }),
      getJobRuns: async (_ref, options) =>
        makeRunsResponse(options?.states?.length ? [failedRun] : [okRun]),
    });
    await renderRuns(api);
    await screen.findByText('SUCCEEDED');

    await userEvent.click(screen.getByRole('button', { name: 'State filter' }));
    await userEvent.click(
      await screen.findByRole('option', {
        name: 'Failed, timed out or errored',
      }),
    );
    expect(await screen.findByText('FAILED')).toBeInTheDocument();
    expect(api.getJobRuns).toHaveBeenLastCalledWith(ENTITY_REF, {
      job: JOB_ARN,
      limit: 25,
      nextToken: undefined,
      states: ['FAILED', 'TIMEOUT', 'ERROR', 'EXPIRED'],
    });
  });

  it('queries the selected job of a multi-job entity', async () => {
    const api = runsApi({
      getJobs: async () => ({
        jobs: [makeJob({ name: 'triggering_job' }), makeJob()],
      }),
      getJobRuns: async () => makeRunsResponse([okRun]),
    });
    await renderForEntity(<GlueRunsContent />, { entity: multiJobEntity, api });
    await screen.findByText('Runs of triggering_job');
    await userEvent.click(screen.getByRole('button', { name: 'Job' }));
    await userEvent.click(
      await screen.findByRole('option', { name: /freshers_in_dependent_job/ }),
    );
    expect(
      await screen.findByText('Runs of freshers_in_dependent_job'),
    ).toBeInTheDocument();
    expect(api.getJobRuns).toHaveBeenLastCalledWith(
      { kind: 'Component', namespace: 'default', name: 'freshers-in-pipeline' },
      expect.objectContaining({ job: JOB_ARN }),
    );
  });

  it('hides start and stop without canStart and canStop', async () => {
    const api = runsApi({
      getJobs: async () => ({
        jobs: [makeJob({ canStart: false, canStop: false })],
      }),
      getJobRuns: async () =>
        makeRunsResponse([makeRun({ id: 'jr_running', state: 'RUNNING' })]),
    });
    await renderRuns(api);
    await screen.findByText('RUNNING');
    expect(
      screen.queryByRole('button', { name: /Start run/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Stop run/ }),
    ).not.toBeInTheDocument();
  });

  it('shows stop only on active runs when canStop', async () => {
    const api = runsApi({
      getJobs: async () => ({ jobs: [makeJob({ canStart: false })] }),
      getJobRuns: async () =>
        makeRunsResponse([
          makeRun({ id: 'jr_running', state: 'RUNNING' }),
          okRun,
        ]),
    });
    await renderRuns(api);
    await screen.findByText('RUNNING');
    expect(screen.getAllByRole('button', { name: /^Stop run/ })).toHaveLength(
      1,
    );
    expect(
      screen.getByRole('button', { name: 'Stop run jr_running' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Start run/ }),
    ).not.toBeInTheDocument();
  });

  it('starts a run with overrides after confirmation, then shows it', async () => {
    let started = false;
    const api = runsApi({
      getJobs: async () => ({ jobs: [makeJob()] }),
      getJobRuns: async () =>
        makeRunsResponse(
          started
            ? [
                makeRun({
                  id: 'jr_new',
                  state: 'SUCCEEDED',
                  triggerName: undefined,
                }),
                failedRun,
              ]
            : [failedRun],
        ),
      startJobRun: async () => {
        started = true;
        return { jobName: 'freshers_in_dependent_job', runId: 'jr_new' };
      },
    });
    await renderRuns(api);
    await screen.findByText('FAILED');

    await userEvent.click(screen.getByRole('button', { name: 'Start run' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Start a run of freshers_in_dependent_job'),
    ).toBeInTheDocument();
    // only the overridable keys are offered
    expect(
      within(dialog).getByLabelText('--dependency-param'),
    ).toBeInTheDocument();
    expect(within(dialog).queryByLabelText('--input')).not.toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByLabelText('--dependency-param'),
      '2025-03-04',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Review' }),
    );

    expect(within(dialog).getByText('Start this run?')).toBeInTheDocument();
    expect(
      within(dialog).getByText('--dependency-param = 2025-03-04'),
    ).toBeInTheDocument();
    expect(api.startJobRun).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Confirm start' }),
    );

    await waitFor(() =>
      expect(api.startJobRun).toHaveBeenCalledWith(ENTITY_REF, {
        job: 'freshers_in_dependent_job',
        arguments: { '--dependency-param': '2025-03-04' },
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(await screen.findByText('SUCCEEDED')).toBeInTheDocument();
    expect(api.getJobRuns.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('cancelling the confirmation starts nothing', async () => {
    const api = runsApi({
      getJobs: async () => ({ jobs: [makeJob()] }),
      getJobRuns: async () => makeRunsResponse([okRun]),
    });
    await renderRuns(api);
    await screen.findByText('SUCCEEDED');
    await userEvent.click(screen.getByRole('button', { name: 'Start run' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Review' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.startJobRun).not.toHaveBeenCalled();
  });

  it('keeps the dialog open with the error when starting fails', async () => {
    const api = runsApi({
      getJobs: async () => ({ jobs: [makeJob()] }),
      getJobRuns: async () => makeRunsResponse([okRun]),
      startJobRun: async () => {
        throw new Error('ConcurrentRunsExceededException: 1 run is active');
      },
    });
    await renderRuns(api);
    await screen.findByText('SUCCEEDED');
    await userEvent.click(screen.getByRole('button', { name: 'Start run' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Review' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Confirm start' }),
    );
    expect(
      await screen.findByText(
        'ConcurrentRunsExceededException: 1 run is active',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('stops a running run after confirmation', async () => {
    const running = makeRun({ id: 'jr_running', state: 'RUNNING' });
    const api = runsApi({
      getJobs: async () => ({ jobs: [makeJob()] }),
      getJobRuns: async () => makeRunsResponse([running]),
      stopJobRun: async () => undefined,
    });
    await renderRuns(api, { pollIntervalMs: 60_000 });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Stop run jr_running' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Stop this run?')).toBeInTheDocument();
    expect(api.stopJobRun).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Stop run' }),
    );
    await waitFor(() =>
      expect(api.stopJobRun).toHaveBeenCalledWith(ENTITY_REF, 'jr_running', {
        job: JOB_ARN,
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('polls every 5 s only while a run is active', async () => {
    jest.useFakeTimers();
    const states = ['RUNNING', 'RUNNING', 'SUCCEEDED'];
    let call = 0;
    const api = runsApi({
      getJobs: async () => ({ jobs: [makeJob()] }),
      getJobRuns: async () => {
        const state = states[Math.min(call, states.length - 1)];
        call += 1;
        return makeRunsResponse([makeRun({ id: 'jr_live', state })]);
      },
    });
    await renderRuns(api);
    expect(await screen.findByText('RUNNING')).toBeInTheDocument();
    expect(api.getJobRuns).toHaveBeenCalledTimes(1);
    expect(
      screen.getByText('Refreshing every 5 s while a run is active'),
    ).toBeInTheDocument();

    await act(async () => {
      jest.advanceTimersByTime(4_999);
    });
    expect(api.getJobRuns).toHaveBeenCalledTimes(1);
    await act(async () => {
      jest.advanceTimersByTime(1);
    });
    expect(api.getJobRuns).toHaveBeenCalledTimes(2);
    await act(async () => {
      jest.advanceTimersByTime(5_000);
    });
    expect(api.getJobRuns).toHaveBeenCalledTimes(3);
    expect(await screen.findByText('SUCCEEDED')).toBeInTheDocument();
    expect(
      screen.queryByText('Refreshing every 5 s while a run is active'),
    ).not.toBeInTheDocument();

    // nothing active any more: no more requests
    await act(async () => {
      jest.advanceTimersByTime(30_000);
    });
    expect(api.getJobRuns).toHaveBeenCalledTimes(3);
  });

  it('does not poll when no run is active', async () => {
    jest.useFakeTimers();
    const api = runsApi({
      getJobs: async () => ({ jobs: [makeJob()] }),
      getJobRuns: async () => makeRunsResponse([okRun, failedRun]),
    });
    await renderRuns(api);
    await screen.findByText('SUCCEEDED');
    await act(async () => {
      jest.advanceTimersByTime(60_000);
    });
    expect(api.getJobRuns).toHaveBeenCalledTimes(1);
  });

  it('shows progress while the runs load', async () => {
    const api = runsApi({
      getJobs: async () => ({ jobs: [makeJob()] }),
      getJobRuns: () => never(),
    });
    await renderRuns(api);
    await waitFor(() => expect(api.getJobRuns).toHaveBeenCalled());
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows an error with a retry', async () => {
    let fail = true;
    const api = runsApi({
      getJobs: async () => ({ jobs: [makeJob()] }),
      getJobRuns: async () => {
        if (fail) throw new Error('Glue GetJobRuns timed out');
        return makeRunsResponse([okRun]);
      },
    });
    await renderRuns(api);
    expect(
      (await screen.findAllByText(/Glue GetJobRuns timed out/)).length,
    ).toBeGreaterThan(0);
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('SUCCEEDED')).toBeInTheDocument();
  });

  it('says when there are no runs', async () => {
    const api = runsApi({
      getJobs: async () => ({ jobs: [makeJob()] }),
      getJobRuns: async () => makeRunsResponse([]),
    });
    await renderRuns(api);
    expect(
      await screen.findByText('freshers_in_dependent_job has no runs yet'),
    ).toBeInTheDocument();
  });

  it('asks for the annotation on other entities', async () => {
    const api = mockAwsGlueApi();
    await renderForEntity(<GlueRunsContent />, { entity: plainEntity, api });
    expect(await screen.findByText('Missing Annotation')).toBeInTheDocument();
    expect(api.getJobs).not.toHaveBeenCalled();
  });
  it('charts the trend of the job over 30 days, then the window and metric picked', async () => {
    const api = runsApi({
      getJobs: async () => ({ jobs: [makeJob()] }),
      getJobRuns: async () => makeRunsResponse([okRun]),
    });
    await renderRuns(api);
    expect(
      await screen.findByRole('img', {
        name: /^Success rate and p95 duration per day, .+ to Tue, Mar 4, 2025$/,
      }),
    ).toBeInTheDocument();
    expect(api.getTrends).toHaveBeenCalledWith(ENTITY_REF, {
      days: 30,
      job: JOB_ARN,
    });
    expect(screen.getByRole('button', { name: '30 days' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByText(/finished runs failed\)$/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: '7 days' }));
    await waitFor(() =>
      expect(api.getTrends).toHaveBeenLastCalledWith(ENTITY_REF, {
        days: 7,
        job: JOB_ARN,
      }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'DPU-hours and cost' }),
    );
    expect(
      await screen.findByRole('img', {
        name: /^DPU-hours and estimated cost per day/,
      }),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Show as table' }),
    );
    const table = screen.getByRole('table', { name: 'Trend per day' });
    // the days with finished runs of the 30 (every third day has none)
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 20);
    expect(
      screen.queryByRole('img', { name: /per day/ }),
    ).not.toBeInTheDocument();
  });

  it('says when the job has no finished runs in the window', async () => {
    const api = runsApi({
      getJobs: async () => ({ jobs: [makeJob()] }),
      getJobRuns: async () => makeRunsResponse([okRun]),
      getTrends: async () =>
        makeTrendsResponse(trendDays(30).map(d => makeTrendPoint(d, 0))),
    });
    await renderRuns(api);
    expect(
      await screen.findByText('No finished runs in the last 30 days'),
    ).toBeInTheDocument();
    expect(screen.getByText('SUCCEEDED')).toBeInTheDocument();
  });

  it('shows a trends error with a retry beside the runs', async () => {
    let fail = true;
    const api = runsApi({
      getJobs: async () => ({ jobs: [makeJob()] }),
      getJobRuns: async () => makeRunsResponse([okRun]),
      getTrends: async () => {
        if (fail) throw new Error('Run index unavailable');
        return makeTrendsResponse(trendPoints);
      },
    });
    await renderRuns(api);
    expect(
      (await screen.findAllByText(/Run index unavailable/)).length,
    ).toBeGreaterThan(0);
    expect(screen.getByText('SUCCEEDED')).toBeInTheDocument();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('img', {
        name: /^Success rate and p95 duration/,
      }),
    ).toBeInTheDocument();
  });

  it('refetches the first page when a signal names the job, and polls less', async () => {
    const signals = mockSignalApi();
    let state = 'RUNNING';
    const api = runsApi({
      getJobs: async () => ({ jobs: [makeJob()] }),
      getJobRuns: async () =>
        makeRunsResponse([makeRun({ id: 'jr_live', state })], 'page-2'),
    });
    await renderRuns(api, {}, signals);
    expect(await screen.findByText('RUNNING')).toBeInTheDocument();
    expect(
      screen.getByText('Live: updates as runs change'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Refreshing every 30 s while a run is active'),
    ).toBeInTheDocument();
    expect(api.getJobRuns).toHaveBeenCalledTimes(1);

    await signals.publishRunChange(jobArn('triggering_job'));
    expect(api.getJobRuns).toHaveBeenCalledTimes(1);

    state = 'SUCCEEDED';
    await signals.publishRunChange(JOB_ARN);
    expect(await screen.findByText('SUCCEEDED')).toBeInTheDocument();
    expect(api.getJobRuns).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(api.getTrends).toHaveBeenCalledTimes(2));

    // a later page stays as it is
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Page 2');
    const calls = api.getJobRuns.mock.calls.length;
    await new Promise(resolve => setTimeout(resolve, 1100));
    await signals.publishRunChange(JOB_ARN);
    expect(api.getJobRuns).toHaveBeenCalledTimes(calls);
  });
});
