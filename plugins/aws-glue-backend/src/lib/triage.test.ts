import { effectiveArguments, runChanges, runLogStreams } from './triage';
import { StoredJobRun } from './shapes';

const run = (overrides: Partial<StoredJobRun>): StoredJobRun => ({
  id: 'jr_1',
  state: 'FAILED',
  arguments: {},
  predecessorRuns: [],
  ...overrides,
});

describe('effectiveArguments', () => {
  it('overlays the run own arguments on the defaults and says where each came from', () => {
    expect(
      effectiveArguments(
        { '--input': 's3://in/', '--batch_size': '100' },
        { '--batch_size': '500', '--run_date': '2026-03-02' },
      ),
    ).toEqual([
      { key: '--batch_size', value: '500', source: 'run-overrides-default' },
      { key: '--input', value: 's3://in/', source: 'default' },
      { key: '--run_date', value: '2026-03-02', source: 'run' },
    ]);
  });
});

describe('runChanges', () => {
  it('lists argument and definition differences, run fields first, then snapshots', () => {
    const success = run({
      id: 'jr_0',
      state: 'SUCCEEDED',
      arguments: { '--batch_size': '100', '--old': 'x' },
      workerType: 'G.1X',
      numberOfWorkers: 10,
      glueVersion: '4.0',
    });
    const failed = run({
      arguments: { '--batch_size': '500' },
      workerType: 'G.1X',
      numberOfWorkers: 2,
      glueVersion: '4.0',
    });
    expect(
      runChanges(failed, success, {
        before: {
          scriptLocation: 's3://scripts/a.py',
          maxRetries: '0',
          numberOfWorkers: '10',
        },
        after: {
          scriptLocation: 's3://scripts/b.py',
          maxRetries: '0',
          numberOfWorkers: '2',
        },
      }),
    ).toEqual([
      { kind: 'argument', field: '--batch_size', before: '100', after: '500' },
      { kind: 'argument', field: '--old', before: 'x' },
      {
        kind: 'definition',
        field: 'numberOfWorkers',
        before: '10',
        after: '2',
      },
      {
        kind: 'definition',
        field: 'scriptLocation',
        before: 's3://scripts/a.py',
        after: 's3://scripts/b.py',
      },
    ]);
  });

  it('is empty when nothing differs, and skips snapshots it does not have on both sides', () => {
    const same = { arguments: { '--a': '1' }, workerType: 'G.2X' };
    expect(
      runChanges(run(same), run({ ...same, state: 'SUCCEEDED' }), {
        after: { scriptLocation: 's3://x.py' },
      }),
    ).toEqual([]);
  });
});

describe('runLogStreams', () => {
  it('reads the error group of the run, and the driver stream with continuous logging', () => {
    expect(runLogStreams(run({ id: 'jr_9' }), {})).toEqual([
      { group: '/aws-glue/jobs/error', stream: 'jr_9' },
    ]);
    expect(
      runLogStreams(run({ id: 'jr_9', logGroupName: '/custom/' }), {
        '--enable-continuous-cloudwatch-log': 'true',
        '--continuous-log-logGroup': '/team/glue',
        '--custom-logStream-prefix': 'orders',
      }),
    ).toEqual([
      { group: '/custom/error', stream: 'jr_9' },
      { group: '/team/glue', stream: 'orders-driver' },
    ]);
  });
});
