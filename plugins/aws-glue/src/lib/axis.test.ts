import { tickIndices } from './axis';

describe('tickIndices', () => {
  it('takes every slot when there are few', () => {
    expect(tickIndices(0)).toEqual([]);
    expect(tickIndices(1)).toEqual([0]);
    expect(tickIndices(3)).toEqual([0, 1, 2]);
  });

  it('spreads at most max ticks over many slots, first and last included', () => {
    expect(tickIndices(25, 5)).toEqual([0, 6, 12, 18, 24]);
    expect(tickIndices(12, 5)).toEqual([0, 3, 6, 8, 11]);
    expect(tickIndices(12, 1)).toEqual([11]);
  });
});
