import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GlueWorkflowContent } from './GlueWorkflowContent';
import { mockAwsGlueApi } from '../../__testUtils__/mockApi';
import { never, renderForEntity } from '../../__testUtils__/render';
import { mockSvgLayout } from '../../__testUtils__/svg';
import {
  dependentJobEntity,
  workflowEntity,
  workflowRuns,
} from '../../__testUtils__/fixtures';
import { resumePreview } from '../../__testUtils__/executions';

mockSvgLayout();

const WORKFLOW_REF = {
  kind: 'System',
  namespace: 'default',
  name: 'sales-pipeline',
};

describe('GlueWorkflowContent', () => {
  afterEach(() => jest.useRealTimers());

  it('shows the latest run graph with node states and the run history', async () => {
    const api = mockAwsGlueApi({ getWorkflowRuns: async () => workflowRuns });
    await renderForEntity(<GlueWorkflowContent />, {
      entity: workflowEntity,
      api,
    });
    expect(
      await screen.findByText('Workflow sales-pipeline: run wr_0002'),
    ).toBeInTheDocument();
    expect(api.getWorkflowRuns).toHaveBeenCalledWith(WORKFLOW_REF, {
      limit: 20,
      nextToken: undefined,
    });
    expect(await screen.findByTestId('chain-node-n-customers')).toHaveAttribute(
      'data-state',
      'FAILED',
    );
    expect(screen.getByTestId('chain-node-n-orders')).toHaveAttribute(
      'data-state',
      'SUCCEEDED',
    );
    // statistics of the selected run and in the table
    expect(screen.getAllByText('5 actions: 4 succeeded, 1 failed').length).toBe(
      2,
    );
    expect(screen.getByText('6 actions: 6 succeeded')).toBeInTheDocument();
    expect(screen.getByText('Workflow runs')).toBeInTheDocument();
  });

  it('titles the run with its short id, the full one on hover and in the summary', async () => {
    const id = `wr_c4188ff${'0123456789abcdef'.repeat(4).slice(0, 57)}`;
    expect(id).toHaveLength(67);
    const api = mockAwsGlueApi({
      getWorkflowRuns: async () => ({
        ...workflowRuns,
        runs: [{ ...workflowRuns.runs[0], id }],
      }),
    });
    await renderForEntity(<GlueWorkflowContent />, {
      entity: workflowEntity,
      api,
    });
    const title = await screen.findByText(
      'Workflow sales-pipeline: run wr_c4188ff0…',
    );
    expect(title).toHaveAttribute('title', id);
    expect(screen.queryByText(new RegExp(`run ${id}`))).not.toBeInTheDocument();
    expect(screen.getByTestId('workflow-run-id')).toHaveTextContent(id);
  });

  it('switches the graph to a clicked run', async () => {
    const api = mockAwsGlueApi({ getWorkflowRuns: async () => workflowRuns });
    await renderForEntity(<GlueWorkflowContent />, {
      entity: workflowEntity,
      api,
    });
    await screen.findByTestId('chain-node-n-customers');
    await userEvent.click(screen.getByText('6 actions: 6 succeeded'));
    expect(
      await screen.findByText('Workflow sales-pipeline: run wr_0001'),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId('chain-node-n-customers'),
    ).not.toBeInTheDocument();
  });

  it('pages with nextToken', async () => {
    const api = mockAwsGlueApi({
      getWorkflowRuns: async (_ref, options) =>
        options?.nextToken
          ? { ...workflowRuns, runs: [workflowRuns.runs[1]] }
          : {
              ...workflowRuns,
              runs: [workflowRuns.runs[0]],
              nextToken: 'wf-2',
            },
    });
    await renderForEntity(<GlueWorkflowContent />, {
      entity: workflowEntity,
      api,
    });
    await screen.findByText('Workflow sales-pipeline: run wr_0002');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      await screen.findByText('Workflow sales-pipeline: run wr_0001'),
    ).toBeInTheDocument();
    expect(api.getWorkflowRuns).toHaveBeenLastCalledWith(WORKFLOW_REF, {
      limit: 20,
      nextToken: 'wf-2',
    });
  });

  it('polls while a workflow run is running', async () => {
    jest.useFakeTimers();
    let call = 0;
    const running = {
      ...workflowRuns.runs[0],
      status: 'RUNNING',
      completedOn: undefined,
    };
    const api = mockAwsGlueApi({
      getWorkflowRuns: async () => {
        call += 1;
        return {
          ...workflowRuns,
          runs: [call === 1 ? running : workflowRuns.runs[0]],
        };
      },
    });
    await renderForEntity(<GlueWorkflowContent pollIntervalMs={10_000} />, {
      entity: workflowEntity,
      api,
    });
    await screen.findByText('Workflow sales-pipeline: run wr_0002');
    expect(api.getWorkflowRuns).toHaveBeenCalledTimes(1);
    await act(async () => {
      jest.advanceTimersByTime(10_000);
    });
    expect(api.getWorkflowRuns).toHaveBeenCalledTimes(2);
    await act(async () => {
      jest.advanceTimersByTime(60_000);
    });
    expect(api.getWorkflowRuns).toHaveBeenCalledTimes(2);
  });

  it('shows progress, errors and no runs', async () => {
    const loading = await renderForEntity(<GlueWorkflowContent />, {
      entity: workflowEntity,
      api: mockAwsGlueApi({ getWorkflowRuns: () => never() }),
    });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    loading.unmount();

    const failing = await renderForEntity(<GlueWorkflowContent />, {
      entity: workflowEntity,
      api: mockAwsGlueApi({
        getWorkflowRuns: async () => {
          throw new Error('GetWorkflowRuns throttled');
        },
      }),
    });
    expect(
      (await screen.findAllByText(/GetWorkflowRuns throttled/)).length,
    ).toBeGreaterThan(0);
    failing.unmount();

    await renderForEntity(<GlueWorkflowContent />, {
      entity: workflowEntity,
      api: mockAwsGlueApi({
        getWorkflowRuns: async () => ({
          workflowName: 'sales-pipeline',
          runs: [],
        }),
      }),
    });
    expect(
      await screen.findByText('Workflow sales-pipeline has no runs yet'),
    ).toBeInTheDocument();
  });

  it('asks for the annotations on entities that are not workflows', async () => {
    const api = mockAwsGlueApi();
    await renderForEntity(<GlueWorkflowContent />, {
      entity: dependentJobEntity,
      api,
    });
    const empty = await screen.findByText('Missing Annotation');
    expect(empty).toBeInTheDocument();
    expect(
      within(document.body).getAllByText(
        /aws\.amazon\.com\/aws-glue-resource-kind/,
      ).length,
    ).toBeGreaterThan(0);
    expect(api.getWorkflowRuns).not.toHaveBeenCalled();
  });
  describe('Resume', () => {
    const resumable = { ...workflowRuns, canResume: true };

    it('lists what will run again and resumes from the failed nodes', async () => {
      const api = mockAwsGlueApi({
        getWorkflowRuns: async () => resumable,
        getWorkflowResumePreview: async () => resumePreview,
        resumeWorkflowRun: async () => ({
          workflowName: 'sales-pipeline',
          resumedRunId: 'wr_0002',
          runId: 'wr_0003',
          nodeIds: ['n-customers'],
        }),
      });
      await renderForEntity(<GlueWorkflowContent />, {
        entity: workflowEntity,
        api,
      });
      await userEvent.click(
        await screen.findByRole('button', {
          name: 'Resume workflow run wr_0002',
        }),
      );
      const dialog = await screen.findByRole('dialog');
      expect(
        within(dialog).getByText('Resume this workflow run?'),
      ).toBeInTheDocument();
      const willRun = await within(dialog).findByRole('list', {
        name: 'Will run again',
      });
      expect(
        within(willRun)
          .getAllByRole('listitem')
          .map(item => item.textContent),
      ).toEqual(['customers-daily-etl', 'sales-report']);
      expect(api.getWorkflowResumePreview).toHaveBeenCalledWith(
        WORKFLOW_REF,
        'wr_0002',
      );
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Resume' }),
      );
      expect(api.resumeWorkflowRun).toHaveBeenCalledWith(
        WORKFLOW_REF,
        'wr_0002',
        { nodeIds: ['n-customers'] },
      );
      expect(await screen.findByTestId('resume-result')).toHaveTextContent(
        'Resumed run wr_0002 as run wr_0003',
      );
      await waitFor(() => expect(api.getWorkflowRuns).toHaveBeenCalledTimes(2));
    });

    it('says why a run cannot be resumed', async () => {
      const api = mockAwsGlueApi({
        getWorkflowRuns: async () => resumable,
        getWorkflowResumePreview: async () => ({
          ...resumePreview,
          resumable: false,
          reason: 'the workflow was changed since this run',
        }),
      });
      await renderForEntity(<GlueWorkflowContent />, {
        entity: workflowEntity,
        api,
      });
      await userEvent.click(
        await screen.findByRole('button', {
          name: 'Resume workflow run wr_0002',
        }),
      );
      const dialog = await screen.findByRole('dialog');
      expect(
        await within(dialog).findByTestId('resume-not-resumable'),
      ).toHaveTextContent(
        'Run wr_0002 cannot be resumed: the workflow was changed since this run',
      );
      expect(
        within(dialog).getByRole('button', { name: 'Resume' }),
      ).toBeDisabled();
    });

    it('is disabled without canResume, and absent on runs without failures', async () => {
      const api = mockAwsGlueApi({ getWorkflowRuns: async () => workflowRuns });
      await renderForEntity(<GlueWorkflowContent />, {
        entity: workflowEntity,
        api,
      });
      expect(
        await screen.findByRole('button', {
          name: 'Resume workflow run wr_0002',
        }),
      ).toBeDisabled();
      expect(screen.getByTestId('resume-disabled')).toBeInTheDocument();
      await userEvent.click(screen.getByText('6 actions: 6 succeeded'));
      await screen.findByText('Workflow sales-pipeline: run wr_0001');
      expect(
        screen.queryByRole('button', { name: /Resume workflow run/ }),
      ).not.toBeInTheDocument();
    });
  });
});
