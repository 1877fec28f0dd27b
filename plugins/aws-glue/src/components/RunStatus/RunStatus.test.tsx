import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { RunStatus } from './RunStatus';

describe('RunStatus', () => {
  it.each([
    ['SUCCEEDED', 'status-ok'],
    ['FAILED', 'status-error'],
    ['TIMEOUT', 'status-error'],
    ['ERROR', 'status-error'],
    ['EXPIRED', 'status-error'],
    ['RUNNING', 'status-running'],
    ['STARTING', 'status-running'],
    ['STOPPED', 'status-aborted'],
    ['STOPPING', 'status-aborted'],
    ['WAITING', 'status-pending'],
    // workflow run statuses and crawler states
    ['COMPLETED', 'status-ok'],
    ['CANCELLED', 'status-aborted'],
  ])('shows %s with the %s icon', async (state, testId) => {
    await renderInTestApp(<RunStatus state={state} />);
    expect(screen.getByText(state)).toBeInTheDocument();
    expect(screen.getByTestId(testId)).toBeInTheDocument();
  });

  it('says "No runs" without a state and takes a label', async () => {
    await renderInTestApp(
      <>
        <RunStatus />
        <RunStatus state="FAILED" label="Failed 3 times" />
      </>,
    );
    expect(screen.getByText('No runs')).toBeInTheDocument();
    expect(screen.getByTestId('status-pending')).toBeInTheDocument();
    expect(screen.getByText('Failed 3 times')).toBeInTheDocument();
  });
});
