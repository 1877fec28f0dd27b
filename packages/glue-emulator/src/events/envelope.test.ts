import {
  eventTime,
  glueCrawlerStateChangeEvent,
  glueJobStateChangeEvent,
  jobEventMessage,
  jobEventSeverity,
} from './envelope';
import type { JobRunState } from '../types';

const base = {
  id: '6f1c8a5e-2b1d-4c3e-9f00-0123456789ab',
  account: '123456789012',
  region: 'us-east-1',
};

describe('glueJobStateChangeEvent', () => {
  it('builds the AWS envelope with the state change as its detail', () => {
    expect(
      glueJobStateChangeEvent({
        ...base,
        time: Date.parse('2026-12-01T12:00:00.987Z'),
        jobName: 'MyJob',
        jobRunId: 'jr_abc',
        state: 'SUCCEEDED',
      }),
    ).toEqual({
      version: '0',
      id: base.id,
      'detail-type': 'Glue Job State Change',
      source: 'aws.glue',
      account: '123456789012',
      time: '2026-12-01T12:00:00Z',
      region: 'us-east-1',
      resources: [],
      detail: {
        jobName: 'MyJob',
        severity: 'INFO',
        state: 'SUCCEEDED',
        jobRunId: 'jr_abc',
        message: 'Job run succeeded',
      },
    });
  });

  it.each<[JobRunState, string, string]>([
    ['STARTING', 'INFO', 'Job run started'],
    ['RUNNING', 'INFO', 'Job run is running'],
    ['STOPPING', 'INFO', 'Job run is stopping'],
    ['STOPPED', 'INFO', 'Job run stopped'],
    ['SUCCEEDED', 'INFO', 'Job run succeeded'],
    ['TIMEOUT', 'WARN', 'Job run timed out'],
    ['FAILED', 'ERROR', 'Job run failed'],
    ['ERROR', 'ERROR', 'Job run failed'],
    ['WAITING', 'INFO', 'Job run is waiting'],
  ])('%s has severity %s and message %j', (state, severity, message) => {
    expect(jobEventSeverity(state)).toBe(severity);
    expect(jobEventMessage(state)).toBe(message);
    const { detail } = glueJobStateChangeEvent({
      ...base,
      time: 0,
      jobName: 'j',
      jobRunId: 'jr_1',
      state,
    });
    expect(detail).toMatchObject({ severity, message, state });
  });

  it("uses a failed run's ErrorMessage as the message, only for FAILED and ERROR", () => {
    const event = (state: JobRunState) =>
      glueJobStateChangeEvent({
        ...base,
        time: 0,
        jobName: 'j',
        jobRunId: 'jr_1',
        state,
        errorMessage: 'AnalysisException: boom',
      }).detail.message;
    expect(event('FAILED')).toBe('AnalysisException: boom');
    expect(event('ERROR')).toBe('AnalysisException: boom');
    expect(event('TIMEOUT')).toBe('Job run timed out');
  });

  it('takes its time from the given clock reading, in seconds, UTC, with Z', () => {
    expect(eventTime(Date.parse('2028-02-29T02:05:59.999+01:00'))).toBe(
      '2028-02-29T01:05:59Z',
    );
    expect(eventTime(new Date('2026-12-31T23:59:59Z'))).toBe(
      '2026-12-31T23:59:59Z',
    );
  });
});

describe('glueCrawlerStateChangeEvent', () => {
  const crawler = {
    ...base,
    region: 'eu-west-1',
    crawlerName: 'orders-crawler',
    startTime: Date.parse('2026-12-01T12:00:00Z'),
  };
  const counters = {
    tablesCreated: '0',
    tablesUpdated: '0',
    tablesDeleted: '0',
    partitionsCreated: '0',
    partitionsUpdated: '0',
    partitionsDeleted: '0',
  };
  const link =
    'https://console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logEventViewer:group=/aws-glue/crawlers;stream=orders-crawler';

  it('Started: no completion date, no error', () => {
    const event = glueCrawlerStateChangeEvent({
      ...crawler,
      time: crawler.startTime,
      state: 'Started',
    });
    expect(event).toEqual({
      version: '0',
      id: base.id,
      'detail-type': 'Glue Crawler State Change',
      source: 'aws.glue',
      account: '123456789012',
      time: '2026-12-01T12:00:00Z',
      region: 'eu-west-1',
      resources: [],
      detail: {
        crawlerName: 'orders-crawler',
        accountId: '123456789012',
        state: 'Started',
        startTime: '2026-12-01T12:00:00Z',
        ...counters,
        cloudWatchLogLink: link,
      },
    });
  });

  it('Succeeded and Failed carry the completion date; Failed its error', () => {
    const end = Date.parse('2026-12-01T12:02:03.400Z');
    const done = glueCrawlerStateChangeEvent({
      ...crawler,
      time: end,
      state: 'Succeeded',
      completionDate: end,
      errorMessage: 'ignored unless Failed',
    });
    expect(done.time).toBe('2026-12-01T12:02:03Z');
    expect(done.detail).toEqual({
      crawlerName: 'orders-crawler',
      accountId: '123456789012',
      state: 'Succeeded',
      startTime: '2026-12-01T12:00:00Z',
      completionDate: '2026-12-01T12:02:03Z',
      ...counters,
      cloudWatchLogLink: link,
    });
    const failed = glueCrawlerStateChangeEvent({
      ...crawler,
      time: end,
      state: 'Failed',
      completionDate: end,
      errorMessage: 'Insufficient Lake Formation permission(s) on table',
    });
    expect(failed.detail).toMatchObject({
      state: 'Failed',
      completionDate: '2026-12-01T12:02:03Z',
      errorMessage: 'Insufficient Lake Formation permission(s) on table',
    });
  });
});
