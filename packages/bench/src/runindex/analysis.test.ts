import {
  checkNotifications,
  codeOrigin,
  compareStore,
  crossReplicaOverlaps,
  eventDelays,
  parseReconcileLine,
  passesOf,
  stateRank,
  summarize,
  summarizeProfile,
} from './analysis';

describe('summarize', () => {
  it('gives nearest-rank percentiles, max and mean', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1
    expect(summarize(values)).toEqual({
      n: 100,
      p50: 50,
      p95: 95,
      p99: 99,
      max: 100,
      mean: 50.5,
    });
  });

  it('is all zeros for no values', () => {
    expect(summarize([])).toEqual({
      n: 0,
      p50: 0,
      p95: 0,
      p99: 0,
      max: 0,
      mean: 0,
    });
  });
});

describe('stateRank', () => {
  it('orders a run from starting to ended', () => {
    expect(stateRank('STARTING')).toBe(1);
    expect(stateRank('RUNNING')).toBe(2);
    expect(stateRank('STOPPING')).toBe(3);
    expect(stateRank('FAILED')).toBe(4);
    expect(stateRank('SUCCEEDED')).toBe(4);
    expect(stateRank(undefined)).toBe(0);
  });
});

describe('eventDelays', () => {
  const emitted = [
    { jobName: 'j', runId: 'r1', state: 'STARTING', atMs: 1000 },
    { jobName: 'j', runId: 'r1', state: 'RUNNING', atMs: 2000 },
    { jobName: 'j', runId: 'r1', state: 'FAILED', atMs: 5000 },
  ];

  it('takes the first observation at or after the change showing that state or a later one', () => {
    const observations = [
      { jobName: 'j', runId: 'r0', state: 'SUCCEEDED', atMs: 1100 }, // older run
      { jobName: 'j', runId: 'r1', state: 'STARTING', atMs: 1300 },
      // STARTING never seen again: RUNNING is seen directly
      { jobName: 'j', runId: 'r1', state: 'RUNNING', atMs: 2600 },
      { jobName: 'j', runId: 'r1', state: 'RUNNING', atMs: 5200 },
      { jobName: 'j', runId: 'r1', state: 'FAILED', atMs: 5450 },
    ];
    expect(eventDelays(emitted, observations).map(d => d.delayMs)).toEqual([
      300, 600, 450,
    ]);
  });

  it('counts a later state as seeing an earlier one', () => {
    const observations = [
      { jobName: 'j', runId: 'r1', state: 'FAILED', atMs: 5100 },
    ];
    expect(eventDelays(emitted, observations).map(d => d.delayMs)).toEqual([
      4100, 3100, 100,
    ]);
  });

  it('ignores observations from before the change and leaves unseen changes without a delay', () => {
    const observations = [
      { jobName: 'j', runId: 'r1', state: 'RUNNING', atMs: 1500 },
    ];
    const delays = eventDelays(emitted, observations);
    expect(delays[0].delayMs).toBe(500);
    expect(delays[1].delayMs).toBeUndefined();
    expect(delays[2].delayMs).toBeUndefined();
  });
});

describe('compareStore', () => {
  it('finds missing, stale, partial and duplicated runs', () => {
    const glue = [
      { jobName: 'a', runId: '1', state: 'SUCCEEDED' },
      { jobName: 'a', runId: '2', state: 'FAILED' },
      { jobName: 'a', runId: '3', state: 'FAILED' },
      { jobName: 'b', runId: '4', state: 'SUCCEEDED' },
    ];
    const stored = [
      { jobName: 'a', runId: '1', state: 'SUCCEEDED', complete: true },
      { jobName: 'a', runId: '2', state: 'RUNNING', complete: true },
      { jobName: 'a', runId: '3', state: 'FAILED', complete: false },
      { jobName: 'b', runId: '5', state: 'SUCCEEDED', complete: true },
      { jobName: 'b', runId: '5', state: 'SUCCEEDED', complete: true },
    ];
    const result = compareStore(glue, stored);
    expect(result.matched).toBe(1);
    expect(result.missing).toEqual([
      { jobName: 'b', runId: '4', state: 'SUCCEEDED' },
    ]);
    expect(result.wrongState.map(w => [w.runId, w.stored, w.complete])).toEqual(
      [
        ['2', 'RUNNING', true],
        ['3', 'FAILED', false],
      ],
    );
    expect(result.duplicates).toEqual(['b/5']);
  });
});

describe('reconciler passes', () => {
  it('parses the pass line', () => {
    expect(
      parseReconcileLine(
        'AWS Glue run index reconciled 2030 jobs with 2031 Glue calls: 4 runs changed, 0 jobs deferred',
      ),
    ).toEqual({ jobsPolled: 2030, calls: 2031, runsChanged: 4, deferred: 0 });
    expect(parseReconcileLine('something else')).toBeUndefined();
  });

  it('spans each pass from its first call to its line, per replica', () => {
    const calls = [
      { replica: 'a', atMs: 100 },
      { replica: 'a', atMs: 150 },
      { replica: 'b', atMs: 400 },
      { replica: 'a', atMs: 900 },
    ];
    const ends = [
      { replica: 'a', atMs: 200, message: 'pass 1' },
      { replica: 'b', atMs: 450, message: 'pass 2' },
      { replica: 'a', atMs: 950, message: 'pass 3' },
      { replica: 'b', atMs: 1200, message: 'pass 4, no calls' },
    ];
    expect(
      passesOf(calls, ends).map(p => [p.replica, p.startMs, p.endMs, p.calls]),
    ).toEqual([
      ['a', 100, 200, 2],
      ['b', 400, 450, 1],
      ['a', 900, 950, 1],
      ['b', 1200, 1200, 0],
    ]);
  });

  it('reports overlaps only across replicas', () => {
    expect(
      crossReplicaOverlaps([
        { replica: 'a', startMs: 0, endMs: 100 },
        { replica: 'a', startMs: 50, endMs: 120 },
        { replica: 'b', startMs: 200, endMs: 300 },
      ]),
    ).toEqual([]);
    const pairs = crossReplicaOverlaps([
      { replica: 'a', startMs: 0, endMs: 100 },
      { replica: 'b', startMs: 100, endMs: 150 },
    ]);
    expect(pairs).toHaveLength(1);
  });
});

describe('checkNotifications', () => {
  const user = 'user:default/u';

  it('passes when each failure was sent once and stored once, never re-sent', () => {
    const result = checkNotifications(
      ['s1', 's2'],
      [
        { scope: 's1', replica: 'a' },
        { scope: 's2', replica: 'b' },
      ],
      [
        { scope: 's1', user, updated: null },
        { scope: 's2', user, updated: null },
      ],
      [user],
    );
    expect(result).toEqual({ failedRuns: 2, exactlyOnce: 2, problems: [] });
  });

  it('flags double sends, re-sent rows, missing rows and stray sends', () => {
    const result = checkNotifications(
      ['s1', 's2', 's3'],
      [
        { scope: 's1', replica: 'a' },
        { scope: 's1', replica: 'b' },
        { scope: 's2', replica: 'a' },
        { scope: 's3', replica: 'a' },
        { scope: 'other', replica: 'a' },
      ],
      [
        { scope: 's1', user, updated: '2026-12-01T00:00:00Z' },
        { scope: 's2', user, updated: '2026-12-01T00:00:00Z' },
      ],
      [user],
    );
    expect(result.exactlyOnce).toBe(0);
    expect(result.problems).toEqual([
      's1: 2 sends (a, b); re-sent to user:default/u (row updated)',
      's2: re-sent to user:default/u (row updated)',
      's3: 0 rows for user:default/u',
      '1 sends for runs the drill did not fail: other',
    ]);
  });
});

describe('CPU profiles', () => {
  it('names where code comes from', () => {
    expect(
      codeOrigin(
        'file:///work/main/node_modules/@backstage/plugin-catalog-backend/dist/x.cjs.js',
      ),
    ).toBe('@backstage/plugin-catalog-backend');
    expect(codeOrigin('file:///w/node_modules/knex/lib/a.js')).toBe('knex');
    expect(
      codeOrigin('file:///work/main/plugins/aws-glue-backend/src/router.ts'),
    ).toBe('plugins/aws-glue-backend');
    expect(codeOrigin('node:internal/streams')).toBe('node core');
    expect(codeOrigin('')).toBe('(native / V8)');
  });

  it('sums self time by origin, inclusive time by origin and of named functions', () => {
    const plugin = 'file:///r/plugins/aws-glue-backend/src/f.ts';
    const profile = {
      startTime: 0,
      endTime: 500,
      nodes: [
        {
          id: 1,
          callFrame: { functionName: '(root)', url: '' },
          children: [2, 4, 5],
        },
        {
          id: 2,
          callFrame: { functionName: 'getFleet', url: plugin },
          children: [3, 6],
        },
        { id: 3, callFrame: { functionName: 'parse', url: '' } },
        {
          id: 4,
          callFrame: {
            functionName: 'handle',
            url: 'file:///r/node_modules/express/lib/x.js',
          },
        },
        { id: 5, callFrame: { functionName: '(idle)', url: '' } },
        { id: 6, callFrame: { functionName: 'started', url: plugin } },
      ],
      // getFleet, parse, parse, handle, started, idle (100 us each; the
      // last sample has no following delta)
      samples: [2, 3, 3, 4, 6, 5, 5],
      timeDeltas: [0, 100, 100, 100, 100, 100, 100],
    };
    const summary = summarizeProfile(profile, [
      'getFleet',
      'parse',
      'started in plugins/aws-glue-backend',
      'started in elsewhere',
    ]);
    expect(summary.totalMs).toBe(0.5);
    expect(summary.idleMs).toBe(0.1);
    expect(summary.byOrigin).toEqual([
      { origin: '(native / V8)', ms: 0.2, share: 40 },
      { origin: 'plugins/aws-glue-backend', ms: 0.2, share: 40 },
      { origin: 'express', ms: 0.1, share: 20 },
    ]);
    expect(summary.inclusiveByOrigin).toEqual([
      { origin: 'plugins/aws-glue-backend', ms: 0.4, share: 80 },
      { origin: 'express', ms: 0.1, share: 20 },
    ]);
    expect(summary.inclusive).toEqual([
      { name: 'getFleet', ms: 0.4, share: 80 },
      { name: 'parse', ms: 0.2, share: 40 },
      { name: 'started in plugins/aws-glue-backend', ms: 0.1, share: 20 },
      { name: 'started in elsewhere', ms: 0, share: 0 },
    ]);
  });
});
