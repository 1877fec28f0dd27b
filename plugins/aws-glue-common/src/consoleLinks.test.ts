import { glueConsoleUrls, s3ConsoleUrl } from './consoleLinks';

describe('s3ConsoleUrl', () => {
  it.each([
    [
      'aws',
      's3://freshers-in/scripts/job.py',
      'https://s3.console.aws.amazon.com/s3/object/freshers-in?region=us-east-1&prefix=scripts%2Fjob.py',
    ],
    [
      'aws',
      's3://freshers-in/output-data/',
      'https://s3.console.aws.amazon.com/s3/buckets/freshers-in?region=us-east-1&prefix=output-data%2F',
    ],
    [
      'aws',
      's3://freshers-in',
      'https://s3.console.aws.amazon.com/s3/buckets/freshers-in?region=us-east-1&prefix=',
    ],
    ['aws-cn', 's3://b/k', undefined],
    ['aws', 'https://example.com/x', undefined],
    ['aws', undefined, undefined],
  ])('%s %s -> %s', (partition, location, expected) => {
    expect(s3ConsoleUrl(partition, 'us-east-1', location)).toBe(expected);
  });
});

describe('glueConsoleUrls', () => {
  it('encodes names into Glue console routes', () => {
    expect(glueConsoleUrls.trigger('aws', 'eu-west-1', 'a b/c')).toBe(
      'https://eu-west-1.console.aws.amazon.com/glue/home?region=eu-west-1#/v2/etl-configuration/triggers/view/a%20b%2Fc',
    );
    expect(
      glueConsoleUrls.table('aws-cn', 'cn-north-1', 'sales', 'orders'),
    ).toBe(
      'https://cn-north-1.console.amazonaws.cn/glue/home?region=cn-north-1#/v2/data-catalog/tables/view/orders?database=sales',
    );
  });
});
