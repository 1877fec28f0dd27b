import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import {
  DEFAULT_SYNC_TIMEOUT,
  scheduleTimeoutMs,
  timeoutAdvice,
} from './syncTimeout';

const path = 'catalog.providers.awsGlue.prod';

describe('scheduleTimeoutMs', () => {
  it('reads a HumanDuration and a luxon Duration', () => {
    expect(
      scheduleTimeoutMs({
        frequency: { minutes: 30 },
        timeout: DEFAULT_SYNC_TIMEOUT,
      }),
    ).toBe(45_000);
    expect(
      scheduleTimeoutMs({
        frequency: { minutes: 30 },
        // a luxon Duration, as a schedule given in code may have
        timeout: {
          toMillis: () => 600_000,
        } as unknown as SchedulerServiceTaskScheduleDefinition['timeout'],
      }),
    ).toBe(600_000);
  });
});

describe('timeoutAdvice', () => {
  it.each([
    // timeout, sync, advice
    [45_000, 12_000, undefined], // the default, the bench's 20,000 jobs
    [45_000, 2_000, undefined], // short syncs: the default is the floor
    [60_000, 5_000, undefined], // within 2x of what would do: no noise
    [20_000, 4_000, undefined], // the two-replica drill
    [600_000, 12_000, 'too-long'], // the old README's 10 minutes
    [120_000, 3_000, 'too-long'],
    [45_000, 23_000, 'too-short'],
    [600_000, 400_000, 'too-short'],
  ])('timeout %d ms, sync %d ms: %s', (timeoutMs, syncMs, kind) => {
    expect(timeoutAdvice({ timeoutMs, syncMs, path })?.kind).toBe(kind);
  });

  it('says what to set, from the sync it measured', () => {
    expect(
      timeoutAdvice({ timeoutMs: 600_000, syncMs: 12_000, path })?.message,
    ).toBe(
      "catalog.providers.awsGlue.prod.schedule.timeout (10 min) is 50x this sync (12 s): if a replica dies mid-sync, another can take the task over only once the timeout has passed plus up to 65 s (the scheduler's lock sweep), so up to 11 min pass before its sync is applied; about 45 s would do",
    );
    expect(
      timeoutAdvice({ timeoutMs: 45_000, syncMs: 31_000, path })?.message,
    ).toBe(
      'This Glue sync took 31 s, more than half of its task timeout (45 s); a sync that outlives its timeout applies nothing. Raise catalog.providers.awsGlue.prod.schedule.timeout to about 95 s',
    );
  });
});
