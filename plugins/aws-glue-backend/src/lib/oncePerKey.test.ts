import { oncePerKey } from './oncePerKey';

describe('oncePerKey', () => {
  it('is true the first time it sees a key only', () => {
    const once = oncePerKey();
    expect(['a', 'b', 'a', 'b', 'c'].map(once)).toEqual([
      true,
      true,
      false,
      false,
      true,
    ]);
  });

  it('forgets the oldest keys past its limit', () => {
    const once = oncePerKey(2);
    expect(['a', 'b', 'c'].map(once)).toEqual([true, true, true]);
    // a was forgotten to make room for c; b and c are remembered
    expect(once('b')).toBe(false);
    expect(once('c')).toBe(false);
    expect(once('a')).toBe(true);
  });
});
