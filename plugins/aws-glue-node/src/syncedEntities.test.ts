import { Entity } from '@backstage/catalog-model';
import { awsGlueProviderLocation, syncingUnitOf } from './syncedEntities';
import { AwsGlueProviderUnit } from './providers';

const unit: AwsGlueProviderUnit = {
  id: 'demo',
  accountId: '123456789012',
  region: 'us-east-1',
  providerName: 'AwsGlueEntityProvider:demo:us-east-1',
};
const ARN = 'arn:aws:glue:us-east-1:123456789012:job/finance-kpi-rollup';

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'x', annotations },
    spec: {},
  };
}

const synced = {
  'backstage.io/managed-by-location': awsGlueProviderLocation(
    unit.providerName,
  ),
  'backstage.io/managed-by-origin-location': awsGlueProviderLocation(
    unit.providerName,
  ),
  'amazonaws.com/arn': ARN,
  'amazonaws.com/account-id': '123456789012',
  'aws.amazon.com/aws-glue-region': 'us-east-1',
};

describe('syncingUnitOf', () => {
  it('finds the unit whose location the entity carries', () => {
    expect(syncingUnitOf(entity(synced), [unit])).toBe(unit);
  });

  it.each([
    [
      'a hand-written entity (the catalog set its locations to its file)',
      {
        ...synced,
        'backstage.io/managed-by-location': 'file:/repo/catalog-info.yaml',
        'backstage.io/managed-by-origin-location':
          'file:/repo/catalog-info.yaml',
      },
    ],
    [
      'a location that is not the origin',
      {
        ...synced,
        'backstage.io/managed-by-origin-location':
          'url:https://github.com/x/y/blob/main/catalog-info.yaml',
      },
    ],
    [
      'a provider that is not configured',
      {
        ...synced,
        'backstage.io/managed-by-location': awsGlueProviderLocation(
          'AwsGlueEntityProvider:gone:us-east-1',
        ),
        'backstage.io/managed-by-origin-location': awsGlueProviderLocation(
          'AwsGlueEntityProvider:gone:us-east-1',
        ),
      },
    ],
    [
      'another account in the ARN',
      {
        ...synced,
        'amazonaws.com/arn':
          'arn:aws:glue:us-east-1:999999999999:job/finance-kpi-rollup',
      },
    ],
    [
      'another region in the ARN',
      {
        ...synced,
        'amazonaws.com/arn':
          'arn:aws:glue:eu-west-1:123456789012:job/finance-kpi-rollup',
      },
    ],
    [
      'another account annotation',
      { ...synced, 'amazonaws.com/account-id': '999999999999' },
    ],
    [
      'no region annotation',
      { ...synced, 'aws.amazon.com/aws-glue-region': '' },
    ],
  ])('is undefined for %s', (_what, annotations) => {
    expect(syncingUnitOf(entity(annotations), [unit])).toBeUndefined();
  });
});
