import { awsPartitionOf, formatGlueArn, parseGlueArn } from './annotations';

describe('Glue ARNs', () => {
  it.each([
    ['us-east-1', 'aws'],
    ['eu-west-1', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
  ])(
    'puts region %s in partition %s, and the ARN reads back',
    (region, partition) => {
      expect(awsPartitionOf(region)).toBe(partition);
      const arn = formatGlueArn({
        partition,
        region,
        accountId: '123456789012',
        resourceType: 'crawler',
        name: 'raw',
      });
      expect(arn).toBe(
        `arn:${partition}:glue:${region}:123456789012:crawler/raw`,
      );
      expect(parseGlueArn(arn)).toMatchObject({
        partition,
        region,
        name: 'raw',
      });
    },
  );
});
