import { act, renderHook, waitFor } from '@testing-library/react';
import { makeJob } from '../__testUtils__/fixtures';
import { nonEmptyOverrides, useStartRunForm } from './useStartRunForm';

describe('nonEmptyOverrides', () => {
  it('keeps only allowed keys with a value', () => {
    expect(
      nonEmptyOverrides({ '--a': 'x', '--b': '  ', '--c': 'y' }, [
        '--a',
        '--b',
      ]),
    ).toEqual({ '--a': 'x' });
  });
});

describe('useStartRunForm', () => {
  const job = makeJob({ overridableArguments: ['--run_date'] });

  it('keeps the dialog open with the error when starting fails, and starts over when opened again', async () => {
    const onStart = jest.fn(async () => {
      throw new Error('ConcurrentRunsExceededException');
    });
    const onClose = jest.fn();
    const { result, rerender } = renderHook(
      ({ open }) => useStartRunForm({ open, job, onStart, onClose }),
      { initialProps: { open: true } },
    );
    act(() => result.current.setValue('--run_date', '2025-03-01'));
    act(() => result.current.review());
    expect(result.current.step).toBe('confirm');
    await act(() => result.current.start());
    expect(onStart).toHaveBeenCalledWith({ '--run_date': '2025-03-01' });
    expect(onClose).not.toHaveBeenCalled();
    expect(result.current.error?.message).toBe(
      'ConcurrentRunsExceededException',
    );
    expect(result.current.busy).toBe(false);

    rerender({ open: false });
    rerender({ open: true });
    await waitFor(() => expect(result.current.step).toBe('edit'));
    expect(result.current.values).toEqual({});
    expect(result.current.error).toBeUndefined();
  });
});
