import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { RunDetails } from './RunDetails';
import { makeRun } from '../../__testUtils__/fixtures';

describe('RunDetails', () => {
  it('copes with a run without error, arguments or predecessors', async () => {
    await renderInTestApp(
      <RunDetails
        run={makeRun({
          id: 'jr_plain',
          errorMessage: undefined,
          arguments: {},
          predecessorRuns: [],
          links: { console: 'https://console.example/run', logs: [] },
          maxCapacity: 0.0625,
          workerType: undefined,
          numberOfWorkers: undefined,
        })}
      />,
    );
    expect(screen.getByText('jr_plain')).toBeInTheDocument();
    expect(screen.queryByText('Error')).not.toBeInTheDocument();
    expect(screen.getByText('No arguments')).toBeInTheDocument();
    expect(screen.getByText('None')).toBeInTheDocument();
    expect(screen.getByText('0.0625 DPU (max capacity)')).toBeInTheDocument();
    expect(screen.getByText('7m 00s')).toBeInTheDocument();
    expect(screen.getByText('$0.24')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Run in the AWS Glue console/ }),
    ).toHaveAttribute('href', 'https://console.example/run');
  });
});
