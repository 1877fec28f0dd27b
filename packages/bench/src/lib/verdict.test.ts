import { verdict } from './verdict';

describe('verdict', () => {
  it('says met at or under the target', () => {
    expect(verdict(1, 1.05)).toBe('met (1.00x <= 1.05x)');
    expect(verdict(1.25, 1.25)).toBe('met (1.25x <= 1.25x)');
  });

  it('says by how much a target is missed', () => {
    expect(verdict(1.5, 1.25)).toBe(
      'MISSED by 0.25x (1.50x vs 1.25x, 20% over)',
    );
  });

  it('has nothing to say without a ratio', () => {
    expect(verdict(undefined, 1.2)).toBe('n/a');
  });
});
