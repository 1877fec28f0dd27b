import { ConfigReader } from '@backstage/config';
import {
  awsGlueProviderName,
  readAwsGlueProviderEntries,
  readAwsGlueProviderUnits,
} from './providers';

describe('readAwsGlueProviderEntries', () => {
  it('reads one provider as id default, or a record keyed by id', () => {
    const single = new ConfigReader({
      catalog: {
        providers: { awsGlue: { accountId: '123456789012', regions: ['x'] } },
      },
    });
    expect(readAwsGlueProviderEntries(single).map(e => [e.id, e.path])).toEqual(
      [['default', 'catalog.providers.awsGlue']],
    );
    const several = new ConfigReader({
      catalog: {
        providers: {
          awsGlue: {
            prod: { accountId: '123456789012', regions: ['us-east-1'] },
            dev: { accountId: '210987654321', regions: ['eu-west-1'] },
          },
        },
      },
    });
    expect(
      readAwsGlueProviderEntries(several).map(e => [e.id, e.path]),
    ).toEqual([
      ['prod', 'catalog.providers.awsGlue.prod'],
      ['dev', 'catalog.providers.awsGlue.dev'],
    ]);
    expect(readAwsGlueProviderEntries(new ConfigReader({}))).toEqual([]);
  });
});

describe('readAwsGlueProviderUnits', () => {
  it('lists every account x region with its provider name', () => {
    const config = new ConfigReader({
      catalog: {
        providers: {
          awsGlue: {
            demo: {
              accountId: '123456789012',
              regions: ['us-east-1', 'eu-west-1'],
            },
            broken: { regions: ['us-east-1'] },
          },
        },
      },
    });
    expect(readAwsGlueProviderUnits(config)).toEqual([
      {
        id: 'demo',
        accountId: '123456789012',
        region: 'us-east-1',
        providerName: 'AwsGlueEntityProvider:demo:us-east-1',
      },
      {
        id: 'demo',
        accountId: '123456789012',
        region: 'eu-west-1',
        providerName: 'AwsGlueEntityProvider:demo:eu-west-1',
      },
    ]);
    expect(awsGlueProviderName('a', 'b')).toBe('AwsGlueEntityProvider:a:b');
  });
});
