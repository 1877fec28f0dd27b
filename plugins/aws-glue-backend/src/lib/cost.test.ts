import { DPU_PER_WORKER, dpusOf, pricePerDpuHour, runUsage } from './cost';

const pricing = { dpuHour: 0.44, flexDpuHour: 0.29, currency: 'USD' };

describe('dpusOf', () => {
  it.each([
    [
      'MaxCapacity wins',
      { maxCapacity: 10, workerType: 'G.2X', numberOfWorkers: 10 },
      10,
    ],
    ['python shell fraction', { maxCapacity: 0.0625 }, 0.0625],
    ['G.025X', { workerType: 'G.025X', numberOfWorkers: 4 }, 1],
    ['G.1X', { workerType: 'G.1X', numberOfWorkers: 10 }, 10],
    ['G.2X', { workerType: 'G.2X', numberOfWorkers: 4 }, 8],
    ['G.4X', { workerType: 'G.4X', numberOfWorkers: 2 }, 8],
    ['G.8X', { workerType: 'G.8X', numberOfWorkers: 2 }, 16],
    ['G.12X', { workerType: 'G.12X', numberOfWorkers: 2 }, 24],
    ['G.16X', { workerType: 'G.16X', numberOfWorkers: 2 }, 32],
    ['R.1X', { workerType: 'R.1X', numberOfWorkers: 3 }, 3],
    ['R.2X', { workerType: 'R.2X', numberOfWorkers: 3 }, 6],
    ['R.4X', { workerType: 'R.4X', numberOfWorkers: 3 }, 12],
    ['R.8X', { workerType: 'R.8X', numberOfWorkers: 3 }, 24],
    ['Z.2X (Ray)', { workerType: 'Z.2X', numberOfWorkers: 5 }, 10],
    ['Standard', { workerType: 'Standard', numberOfWorkers: 5 }, 5],
    [
      'zero MaxCapacity falls back to workers',
      { maxCapacity: 0, workerType: 'G.1X', numberOfWorkers: 2 },
      2,
    ],
    ['deprecated AllocatedCapacity', { allocatedCapacity: 7 }, 7],
    [
      'unknown worker type',
      { workerType: 'G.99X', numberOfWorkers: 5 },
      undefined,
    ],
    ['nothing known', {}, undefined],
  ])('%s', (_name, capacity, expected) => {
    expect(dpusOf(capacity)).toBe(expected);
  });

  it('knows every worker type of SDK 3.1169', () => {
    expect(Object.keys(DPU_PER_WORKER).sort()).toEqual(
      [
        'G.025X',
        'G.1X',
        'G.2X',
        'G.4X',
        'G.8X',
        'G.12X',
        'G.16X',
        'R.1X',
        'R.2X',
        'R.4X',
        'R.8X',
        'Z.2X',
        'Standard',
      ].sort(),
    );
  });
});

describe('runUsage', () => {
  it.each([
    [
      'execution time x DPUs',
      { executionTimeSeconds: 3600, workerType: 'G.1X', numberOfWorkers: 10 },
      { dpuSeconds: 36000, dpuHours: 10, estimatedCost: 4.4 },
    ],
    [
      "Glue's DPUSeconds wins",
      { executionTimeSeconds: 3600, maxCapacity: 10, dpuSeconds: 1800 },
      { dpuSeconds: 1800, dpuHours: 0.5, estimatedCost: 0.22 },
    ],
    [
      'FLEX price',
      {
        executionTimeSeconds: 900,
        workerType: 'G.2X',
        numberOfWorkers: 4,
        executionClass: 'FLEX',
      },
      { dpuSeconds: 7200, dpuHours: 2, estimatedCost: 0.58 },
    ],
    [
      'python shell 0.0625 DPU for 10 minutes',
      { executionTimeSeconds: 600, maxCapacity: 0.0625 },
      { dpuSeconds: 37.5, dpuHours: 0.010417, estimatedCost: 0.004583 },
    ],
    [
      'a run that used no time',
      { executionTimeSeconds: 0, maxCapacity: 10 },
      { dpuSeconds: 0, dpuHours: 0, estimatedCost: 0 },
    ],
    ['no execution time', { maxCapacity: 10 }, {}],
    ['unknown DPUs', { executionTimeSeconds: 60, workerType: 'X' }, {}],
  ])('%s', (_name, capacity, expected) => {
    expect(runUsage(capacity, pricing)).toEqual(expected);
  });

  it('uses configured prices', () => {
    expect(
      runUsage(
        { executionTimeSeconds: 3600, maxCapacity: 2 },
        { dpuHour: 1, flexDpuHour: 0.5, currency: 'EUR' },
      ),
    ).toEqual({ dpuSeconds: 7200, dpuHours: 2, estimatedCost: 2 });
  });
});

describe('pricePerDpuHour', () => {
  it.each([
    ['FLEX', 0.29],
    ['STANDARD', 0.44],
    [undefined, 0.44],
  ])('%s', (executionClass, price) => {
    expect(pricePerDpuHour(executionClass, pricing)).toBe(price);
  });
});
