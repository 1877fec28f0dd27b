import { act, screen, within } from '@testing-library/react';
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
});
