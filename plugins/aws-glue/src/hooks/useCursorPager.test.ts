import { act, renderHook } from '@testing-library/react';
import { useCursorPager } from './useCursorPager';

describe('useCursorPager', () => {
  it('goes forward by cursors and back along them', () => {
    const { result } = renderHook(() => useCursorPager());
    expect(result.current.page).toBe(1);
    expect(result.current.cursor).toBeUndefined();
    expect(result.current.previous).toBeUndefined();

    act(() => result.current.next('page-2'));
    act(() => result.current.next('page-3'));
    expect(result.current.page).toBe(3);
    expect(result.current.cursor).toBe('page-3');

    act(() => result.current.previous!());
    expect(result.current.page).toBe(2);
    expect(result.current.cursor).toBe('page-2');

    act(() => result.current.reset());
    expect(result.current.page).toBe(1);
    expect(result.current.cursor).toBeUndefined();
  });

  it('keeps its state when reset on the first page', () => {
    const { result } = renderHook(() => useCursorPager());
    const first = result.current;
    act(() => result.current.reset());
    expect(result.current).toBe(first);
  });
});
