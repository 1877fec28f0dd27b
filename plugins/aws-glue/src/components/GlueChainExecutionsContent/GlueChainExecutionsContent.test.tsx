import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Theme, useTheme } from '@material-ui/core';
import { GlueChainExecutionsContent } from './GlueChainExecutionsContent';
import { mockAwsGlueApi } from '../../__testUtils__/mockApi';
import { never, renderForEntity } from '../../__testUtils__/render';
import {
  makeJob,
  makeRun,
  plainEntity,
  workflowEntity,
} from '../../__testUtils__/fixtures';
import {
  DOWNSTREAM,
  GLUEETL,
  UPSTREAM,
  executionsResponse,
  glueetlEntity,
  glueetlTriage,
} from '../../__testUtils__/executions';

let theme: Theme | undefined;
function ThemeProbe() {
  theme = useTheme();
  return <></>;
}

const GLUEETL_REF = {
  kind: 'Component',
  namespace: 'default',
  name: 'glueetl',
};
const bar = (nodeId: string) => screen.getByTestId(`execution-bar-${nodeId}`);

async function renderContent(
  api = mockAwsGlueApi({ getChainExecutions: async () => executionsResponse }),
) {
  await renderForEntity(
    <>
      <ThemeProbe />
      <GlueChainExecutionsContent />
    </>,
    { entity: glueetlEntity, api },
  );
  await screen.findByTestId('execution-timeline');
  return api;
}

describe('GlueChainExecutionsContent', () => {
  it('draws the latest execution: a bar per node, the critical path, the failure and the node that did not start', async () => {
    const api = await renderContent();
    expect(api.getChainExecutions).toHaveBeenCalledWith(GLUEETL_REF, {
      limit: 14,
    });
    expect(screen.getByRole('button', { name: 'Execution' })).toHaveTextContent(
      /FAILED · scheduled \(nightly\)$/,
    );

    expect(bar(UPSTREAM)).toHaveAttribute('data-critical', 'true');
    expect(bar(UPSTREAM)).toHaveStyle({
      background: theme!.palette.success.main,
    });
    const failed = bar(GLUEETL);
    expect(failed).toHaveAttribute('data-state', 'FAILED');
    expect(failed).toHaveAttribute('data-critical', 'true');
    expect(failed).toHaveStyle({ background: theme!.palette.error.main });
    expect(failed).toHaveAccessibleName(
      'glueetl: FAILED, 10m 00s, on the critical path. Open run jr_etl_3',
    );
    const notStarted = bar(DOWNSTREAM);
    expect(notStarted).toHaveAttribute('data-state', 'NOT_STARTED');
    expect(notStarted).toHaveTextContent('not started');
    expect(screen.getByText('critical path')).toBeInTheDocument();
    // the trigger delay before glueetl
    expect(screen.getByTestId(`execution-gap-${GLUEETL}`)).toHaveTextContent(
      '+1m 00s',
    );
    expect(screen.getByTestId('execution-problem')).toHaveTextContent(
      'The run index has no run of downstream after jr_etl_3',
    );
    expect(
      screen.getByText('SLA: 2h 00m after the scheduled start'),
    ).toBeInTheDocument();
  });

  it('shows another execution picked in the picker', async () => {
    await renderContent();
    await userEvent.click(screen.getByRole('button', { name: 'Execution' }));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      expect.stringMatching(/FAILED/),
      expect.stringMatching(/SUCCEEDED/),
      expect.stringMatching(/SUCCEEDED/),
    ]);
    await userEvent.click(options[1]);
    await waitFor(() =>
      expect(bar(DOWNSTREAM)).toHaveAttribute('data-state', 'SUCCEEDED'),
    );
    expect(screen.getByText('Landed after the SLA')).toBeInTheDocument();
    expect(screen.queryByTestId('execution-problem')).not.toBeInTheDocument();
  });

  it('has a matrix cell per job and execution with its state; a click shows that execution', async () => {
    await renderContent();
    const matrix = screen.getByTestId('run-matrix');
    const cells = within(matrix).getAllByTestId(/^matrix-cell-/);
    expect(cells).toHaveLength(9);
    const cell = (nodeId: string, id: string) =>
      within(matrix).getByTestId(`matrix-cell-${nodeId}-${id}`);
    expect(cell(GLUEETL, 'jr_up_3')).toHaveAttribute('data-state', 'FAILED');
    expect(cell(GLUEETL, 'jr_up_3')).toHaveStyle({
      background: theme!.palette.error.main,
    });
    expect(cell(DOWNSTREAM, 'jr_up_3')).toHaveAttribute(
      'data-state',
      'NOT_STARTED',
    );
    expect(cell(DOWNSTREAM, 'jr_up_1')).toHaveAttribute(
      'data-state',
      'SUCCEEDED',
    );
    // oldest left: the first cell of a row is the oldest execution
    expect(cells[0]).toHaveAttribute(
      'data-testid',
      `matrix-cell-${UPSTREAM}-jr_up_1`,
    );
    expect(cell(GLUEETL, 'jr_up_3')).toHaveAccessibleName(
      expect.stringMatching(
        /^glueetl in .* · FAILED · scheduled \(nightly\): FAILED$/,
      ),
    );
    await userEvent.click(cell(UPSTREAM, 'jr_up_1'));
    await waitFor(() =>
      expect(bar(DOWNSTREAM)).toHaveAttribute('data-state', 'SUCCEEDED'),
    );
  });

  it('leaves a cell empty when the job had no run in an execution', async () => {
    const response = {
      ...executionsResponse,
      executions: executionsResponse.executions.map((e, i) =>
        i === 1
          ? { ...e, nodes: e.nodes.filter(n => n.nodeId !== DOWNSTREAM) }
          : e,
      ),
    };
    await renderContent(
      mockAwsGlueApi({ getChainExecutions: async () => response }),
    );
    expect(
      screen.getByTestId(`matrix-cell-${DOWNSTREAM}-jr_up_2`),
    ).toHaveAttribute('data-state', 'none');
  });

  it('charts the landing time of scheduled executions and marks the late one', async () => {
    await renderContent();
    const chart = screen.getByTestId('landing-chart');
    expect(within(chart).getByTestId('landing-bar-jr_up_2')).toHaveAttribute(
      'data-late',
      'true',
    );
    expect(within(chart).getByTestId('landing-bar-jr_up_1')).toHaveAttribute(
      'data-late',
      'false',
    );
    // the failed execution never landed
    expect(within(chart).queryByTestId('landing-bar-jr_up_3')).toBeNull();
    expect(within(chart).getByText('late')).toBeInTheDocument();
    expect(within(chart).getByTestId('landing-sla-line')).toHaveTextContent(
      'SLA 2h 00m',
    );
  });

  it('says the SLA of a time of day', async () => {
    const api = mockAwsGlueApi({
      getChainExecutions: async () => ({
        ...executionsResponse,
        sla: { kind: 'time-of-day', hour: 4, minute: 0, zone: 'UTC' },
      }),
    });
    await renderContent(api);
    expect(screen.queryByTestId('landing-sla-line')).not.toBeInTheDocument();
    expect(
      screen.getByText(
        /^SLA: by 04:00 UTC \(dotted: each execution’s deadline\)/,
      ),
    ).toBeInTheDocument();
  });

  it('opens the details of a run from its bar, with triage and Retry for a failure', async () => {
    const api = mockAwsGlueApi({
      getChainExecutions: async () => executionsResponse,
      getJobRun: async (_ref, runId) =>
        makeRun({
          id: runId,
          jobName: 'glueetl',
          state: 'FAILED',
          errorMessage: 'An error occurred while calling o95.save',
        }),
      getJobs: async () => ({
        jobs: [makeJob({ name: 'glueetl', canRetry: true })],
      }),
      getRunTriage: async () => glueetlTriage,
    });
    await renderContent(api);
    await userEvent.click(bar(GLUEETL));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Run jr_etl_3 of glueetl'),
    ).toBeInTheDocument();
    expect(
      await within(dialog).findByTestId('run-details-jr_etl_3'),
    ).toBeInTheDocument();
    // the node's own entity (parsed from its ref; the client lower-cases kinds anyway)
    expect(api.getJobRun).toHaveBeenCalledWith(
      { ...GLUEETL_REF, kind: 'component' },
      'jr_etl_3',
      {
        job: 'glueetl',
      },
    );
    expect(api.getJobRun).toHaveBeenCalledTimes(1);
    expect(
      await within(dialog).findByText('Failure triage'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Retry run jr_etl_3' }),
    ).toBeEnabled();
    expect(
      within(dialog).getByRole('link', { name: "Open in the job's Runs tab" }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/glueetl/runs?run=jr_etl_3',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('works for a workflow System', async () => {
    const api = mockAwsGlueApi({
      getChainExecutions: async () => executionsResponse,
    });
    await renderForEntity(<GlueChainExecutionsContent limit={5} />, {
      entity: workflowEntity,
      api,
    });
    expect(await screen.findByTestId('execution-timeline')).toBeInTheDocument();
    expect(api.getChainExecutions).toHaveBeenCalledWith(
      { kind: 'System', namespace: 'default', name: 'sales-pipeline' },
      { limit: 5 },
    );
  });

  it('shows progress, errors and no executions', async () => {
    const loading = await renderForEntity(<GlueChainExecutionsContent />, {
      entity: glueetlEntity,
      api: mockAwsGlueApi({ getChainExecutions: () => never() }),
    });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    loading.unmount();

    const failing = await renderForEntity(<GlueChainExecutionsContent />, {
      entity: glueetlEntity,
      api: mockAwsGlueApi({
        getChainExecutions: async () => {
          throw new Error('Run index unavailable');
        },
      }),
    });
    expect(
      (await screen.findAllByText(/Run index unavailable/)).length,
    ).toBeGreaterThan(0);
    failing.unmount();

    await renderForEntity(<GlueChainExecutionsContent />, {
      entity: glueetlEntity,
      api: mockAwsGlueApi({
        getChainExecutions: async () => ({
          ...executionsResponse,
          executions: [],
        }),
      }),
    });
    expect(
      await screen.findByText('No executions of this chain are stored yet'),
    ).toBeInTheDocument();
    expect(screen.getByText(/run index/)).toBeInTheDocument();
  });

  it('asks for the annotations on other entities', async () => {
    const api = mockAwsGlueApi();
    await renderForEntity(<GlueChainExecutionsContent />, {
      entity: plainEntity,
      api,
    });
    expect(await screen.findByText('Missing Annotation')).toBeInTheDocument();
    expect(api.getChainExecutions).not.toHaveBeenCalled();
  });
});
