import {
  consoleHost,
  glueConsoleUrls,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { cloudWatchEncode, jobRunLinks, logGroupStreamsUrl } from './links';

describe('links', () => {
  it.each([
    ['aws', 'us-east-1', 'https://us-east-1.console.aws.amazon.com'],
    ['aws-cn', 'cn-north-1', 'https://cn-north-1.console.amazonaws.cn'],
    [
      'aws-us-gov',
      'us-gov-west-1',
      'https://us-gov-west-1.console.amazonaws-us-gov.com',
    ],
  ])('consoleHost(%s, %s)', (partition, region, host) => {
    expect(consoleHost(partition, region)).toBe(host);
  });

  it.each([
    ['/aws-glue/jobs/output', '$252Faws-glue$252Fjobs$252Foutput'],
    ['jr_abc', 'jr_abc'],
    ['a b', 'a$2520b'],
    [
      '/aws-glue/jobs-role-sec/error',
      '$252Faws-glue$252Fjobs-role-sec$252Ferror',
    ],
  ])('cloudWatchEncode(%s)', (value, encoded) => {
    expect(cloudWatchEncode(value)).toBe(encoded);
  });

  it('links a job run in Glue Studio, encoding the job name', () => {
    expect(
      glueConsoleUrls.jobRun('aws', 'eu-west-1', 'daily/orders etl', 'jr_1'),
    ).toBe(
      'https://eu-west-1.console.aws.amazon.com/gluestudio/home?region=eu-west-1#/job/daily%2Forders%20etl/run/jr_1',
    );
    expect(glueConsoleUrls.job('aws', 'us-east-1', 'orders')).toBe(
      'https://us-east-1.console.aws.amazon.com/gluestudio/home?region=us-east-1#/editor/job/orders/details',
    );
  });

  it('links a log group filtered to the run streams', () => {
    expect(
      logGroupStreamsUrl('aws', 'us-east-1', '/aws-glue/jobs/output', 'jr_42'),
    ).toBe(
      'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws-glue$252Fjobs$252Foutput$3FlogStreamNameFilter$3Djr_42',
    );
  });

  it.each([
    [
      undefined,
      '$252Faws-glue$252Fjobs$252Foutput',
      '$252Faws-glue$252Fjobs$252Ferror',
    ],
    [
      '/aws-glue/jobs-GlueRole-secure',
      '$252Faws-glue$252Fjobs-GlueRole-secure$252Foutput',
      '$252Faws-glue$252Fjobs-GlueRole-secure$252Ferror',
    ],
    [
      '/aws-glue/python-jobs/',
      '$252Faws-glue$252Fpython-jobs$252Foutput',
      '$252Faws-glue$252Fpython-jobs$252Ferror',
    ],
  ])('run links with log group %s', (logGroupName, output, error) => {
    const links = jobRunLinks({
      partition: 'aws',
      region: 'us-east-1',
      jobName: 'orders',
      runId: 'jr_9',
      logGroupName,
    });
    expect(links.console).toBe(
      'https://us-east-1.console.aws.amazon.com/gluestudio/home?region=us-east-1#/job/orders/run/jr_9',
    );
    expect(links.logs).toEqual([
      {
        title: 'Output logs',
        url: `https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/${output}$3FlogStreamNameFilter$3Djr_9`,
      },
      {
        title: 'Error logs',
        url: `https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/${error}$3FlogStreamNameFilter$3Djr_9`,
      },
    ]);
  });
});
