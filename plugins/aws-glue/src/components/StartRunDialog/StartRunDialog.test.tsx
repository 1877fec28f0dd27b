import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { StartRunDialog } from './StartRunDialog';
import { makeJob } from '../../__testUtils__/fixtures';

describe('StartRunDialog', () => {
  it('sends only non-empty overrides and can go back to edit', async () => {
    const onStart = jest.fn(async () => undefined);
    const onClose = jest.fn();
    await renderInTestApp(
      <StartRunDialog
        open
        job={makeJob({
          overridableArguments: ['--run_date', '--dependency-param'],
        })}
        onStart={onStart}
        onClose={onClose}
      />,
    );
    expect(screen.getByText('Default: default')).toBeInTheDocument();
    expect(screen.getByText('No default')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('--run_date'), '2025-03-01');
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(screen.getByText('--run_date = 2025-03-01')).toBeInTheDocument();
    expect(screen.queryByText(/--dependency-param =/)).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByLabelText('--run_date')).toHaveValue('2025-03-01');
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Confirm start' }),
    );
    await waitFor(() =>
      expect(onStart).toHaveBeenCalledWith({ '--run_date': '2025-03-01' }),
    );
    expect(onClose).toHaveBeenCalled();
  });

  it('explains a job without overridable arguments', async () => {
    const onStart = jest.fn(async () => undefined);
    await renderInTestApp(
      <StartRunDialog
        open
        job={makeJob({ overridableArguments: [], maxConcurrentRuns: 3 })}
        onStart={onStart}
        onClose={jest.fn()}
      />,
    );
    expect(
      screen.getByText(
        'This job takes no argument overrides; it runs with its default arguments.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(
      screen.getByText(/with its default arguments\.$/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/one concurrent run/)).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Confirm start' }),
    );
    await waitFor(() => expect(onStart).toHaveBeenCalledWith({}));
  });
});
