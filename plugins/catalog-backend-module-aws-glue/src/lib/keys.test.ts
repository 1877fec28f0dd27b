import { targetOf, TargetMap } from './keys';

describe('targetOf', () => {
  it.each([
    [{ JobName: 'a' }, { kind: 'job', name: 'a' }],
    [{ CrawlerName: 'c' }, { kind: 'crawler', name: 'c' }],
    [
      { JobName: 'a', CrawlerName: 'c' },
      { kind: 'job', name: 'a' },
    ],
    [
      { JobName: '', CrawlerName: 'c' },
      { kind: 'crawler', name: 'c' },
    ],
    [{}, undefined],
  ])('%j', (t, expected) => {
    expect(targetOf(t)).toEqual(expected);
  });
});

describe('TargetMap', () => {
  it('tells a job from a crawler of the same name, and names with separators apart', () => {
    const map = new TargetMap<number>();
    map.set({ kind: 'job', name: 'x' }, 1);
    map.set({ kind: 'crawler', name: 'x' }, 2);
    map.set({ kind: 'job', name: 'crawler:x' }, 3);
    map.set({ kind: 'job', name: '["crawler","x"]' }, 4);
    expect(map.get({ kind: 'job', name: 'x' })).toBe(1);
    expect(map.get({ kind: 'crawler', name: 'x' })).toBe(2);
    expect(map.get({ kind: 'job', name: 'crawler:x' })).toBe(3);
    expect(map.size).toBe(4);
    expect(map.has({ kind: 'crawler', name: 'y' })).toBe(false);
  });

  it('keeps insertion order and the first key when a value is replaced', () => {
    const map = new TargetMap<string>();
    map.set({ kind: 'crawler', name: 'b' }, 'first');
    map.set({ kind: 'job', name: 'a' }, 'second');
    map.set({ kind: 'crawler', name: 'b' }, 'replaced');
    expect([...map.entries()]).toEqual([
      [{ kind: 'crawler', name: 'b' }, 'replaced'],
      [{ kind: 'job', name: 'a' }, 'second'],
    ]);
    expect(map.keys()).toEqual([
      { kind: 'crawler', name: 'b' },
      { kind: 'job', name: 'a' },
    ]);
  });

  it('creates a value once with upsert', () => {
    const map = new TargetMap<string[]>();
    map.upsert({ kind: 'job', name: 'a' }, () => []).push('t1');
    map.upsert({ kind: 'job', name: 'a' }, () => ['never']).push('t2');
    expect(map.get({ kind: 'job', name: 'a' })).toEqual(['t1', 't2']);
  });
});
