import { SyncCaseResult, withFloors } from './syncBench';

function result(
  latencyMs: number,
  wallMs: number,
  cpuMs: number,
  boundMs?: number,
): SyncCaseResult {
  return {
    jobs: 1000,
    latencyMs,
    wallMs,
    cpuMs,
    lowerBound: boundMs
      ? { ms: boundMs, calls: 3, stream: 'GetTriggers' }
      : undefined,
    verdicts: { calls: 'met', wall: 'n/a' },
  } as unknown as SyncCaseResult;
}

describe('withFloors', () => {
  it("takes the larger of the latency bound and the account's CPU at 0 ms", () => {
    const [zero, cpuBound, latencyBound] = withFloors([
      result(0, 300, 400),
      result(20, 450, 410, 60),
      result(50, 2000, 380, 1500),
    ]);
    expect(zero.floorMs).toBeUndefined();
    expect(cpuBound.floorMs).toBe(400);
    expect(cpuBound.verdicts.wallVsFloor).toBe('met (1.13x <= 1.25x)');
    expect(latencyBound.floorMs).toBe(1500);
    expect(latencyBound.verdicts.wallVsFloor).toMatch(/^MISSED/);
  });

  it('leaves a case without a 0 ms case of its size alone', () => {
    const [only] = withFloors([result(20, 450, 410, 60)]);
    expect(only.floorMs).toBeUndefined();
  });
});
