import { groupSyncs } from './syncs';

const call = (atMs: number, replica: string, operation = 'GetResources') => ({
  atMs,
  replica,
  operation,
  status: 200,
});

describe('groupSyncs', () => {
  it('groups each replica’s bursts of calls into syncs', () => {
    const syncs = groupSyncs(
      [
        call(0, 'a', 'GetJobs'),
        call(10, 'a'),
        call(900, 'a'),
        call(15_000, 'b', 'GetJobs'),
        call(15_100, 'b'),
        call(30_000, 'a', 'GetJobs'),
      ],
      2000,
    );
    expect(
      syncs.map(s => [s.replica, s.startMs, s.endMs, s.calls, s.getJobs]),
    ).toEqual([
      ['a', 0, 900, 3, 1],
      ['b', 15_000, 15_100, 2, 1],
      ['a', 30_000, 30_000, 1, 1],
    ]);
  });

  it('keeps two replicas syncing at the same time apart', () => {
    const syncs = groupSyncs(
      [call(0, 'a', 'GetJobs'), call(5, 'b', 'GetJobs'), call(50, 'a')],
      2000,
    );
    expect(syncs.map(s => [s.replica, s.calls])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });
});
