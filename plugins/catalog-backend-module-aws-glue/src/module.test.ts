import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  GetCrawlersCommand,
  GetJobsCommand,
  GetTriggersCommand,
  GlueClient,
  ListWorkflowsCommand,
} from '@aws-sdk/client-glue';
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { mockClient } from 'aws-sdk-client-mock';
import {
  awsGlueCatalogExtensionPoint,
  catalogModuleAwsGlueEntityProvider,
} from './module';
import { AwsGlueEntityProvider } from './providers/AwsGlueEntityProvider';

const providerConfig = {
  accountId: '123456789012',
  regions: ['us-east-1', 'eu-west-1'],
  endpoint: 'http://127.0.0.1:1',
  schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } },
};

describe('catalogModuleAwsGlueEntityProvider', () => {
  it('registers one scheduled provider per configured region', async () => {
    const addEntityProvider = jest.fn();
    const scheduler = mockServices.scheduler.mock();

    await startTestBackend({
      extensionPoints: [
        [catalogProcessingExtensionPoint, { addEntityProvider }],
      ],
      features: [
        catalogModuleAwsGlueEntityProvider,
        catalogServiceMock.factory(),
        scheduler.factory,
        mockServices.rootConfig.factory({
          data: {
            catalog: { providers: { awsGlue: { prod: providerConfig } } },
          },
        }),
      ],
    });

    expect(addEntityProvider).toHaveBeenCalledTimes(1);
    const providers: AwsGlueEntityProvider[] =
      addEntityProvider.mock.calls[0][0];
    expect(providers.map(p => p.getProviderName())).toEqual([
      'AwsGlueEntityProvider:prod:us-east-1',
      'AwsGlueEntityProvider:prod:eu-west-1',
    ]);
    expect(scheduler.createScheduledTaskRunner).toHaveBeenCalledWith(
      expect.objectContaining({ frequency: { minutes: 30 } }),
    );
  });

  it('fails start-up with the config path when the config is invalid', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [
          [catalogProcessingExtensionPoint, { addEntityProvider: jest.fn() }],
        ],
        features: [
          catalogModuleAwsGlueEntityProvider,
          catalogServiceMock.factory(),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                providers: {
                  awsGlue: { prod: { ...providerConfig, accountId: '42' } },
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      "Invalid config at catalog.providers.awsGlue.prod.accountId: expected a 12-digit AWS account id, got '42'",
    );
  });

  it('hands transformers from other modules to the providers', async () => {
    const glue = mockClient(GlueClient);
    const tagging = mockClient(ResourceGroupsTaggingAPIClient);
    glue.on(GetJobsCommand).resolves({ Jobs: [{ Name: 'nightly-load' }] });
    glue.on(GetTriggersCommand).resolves({ Triggers: [] });
    glue.on(ListWorkflowsCommand).resolves({ Workflows: [] });
    glue.on(GetCrawlersCommand).resolves({ Crawlers: [] });
    tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });
    const addEntityProvider = jest.fn();
    const transformer = jest.fn((_job, { defaultEntity }) => ({
      ...defaultEntity,
      spec: { ...defaultEntity.spec, lifecycle: 'experimental' },
    }));
    const customMapping = createBackendModule({
      pluginId: 'catalog',
      moduleId: 'custom-glue-mapping',
      register(env) {
        env.registerInit({
          deps: { glueMapping: awsGlueCatalogExtensionPoint },
          async init({ glueMapping }) {
            glueMapping.setTransformers({ job: transformer });
          },
        });
      },
    });

    await startTestBackend({
      extensionPoints: [
        [catalogProcessingExtensionPoint, { addEntityProvider }],
      ],
      features: [
        catalogModuleAwsGlueEntityProvider,
        customMapping,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            aws: {
              accounts: [
                {
                  accountId: '123456789012',
                  accessKeyId: 'AKIDTEST',
                  secretAccessKey: 'test',
                },
              ],
            },
            catalog: { providers: { awsGlue: { prod: providerConfig } } },
          },
        }),
      ],
    });

    const [provider]: AwsGlueEntityProvider[] =
      addEntityProvider.mock.calls[0][0];
    const applyMutation = jest.fn();
    await provider.connect({ applyMutation, refresh: jest.fn() });
    await provider.refresh();

    expect(transformer).toHaveBeenCalledWith(
      { Name: 'nightly-load' },
      expect.objectContaining({
        region: 'us-east-1',
        accountId: '123456789012',
      }),
    );
    const [entity] = applyMutation.mock.calls[0][0].entities;
    // two regions are configured, so names carry the region
    expect(entity.entity.metadata.name).toBe('nightly-load-us-east-1');
    expect(entity.entity.spec.lifecycle).toBe('experimental');
    glue.restore();
    tagging.restore();
  });

  it('merges transformers set more than once, later ones winning per kind', async () => {
    const glue = mockClient(GlueClient);
    const tagging = mockClient(ResourceGroupsTaggingAPIClient);
    glue.on(GetJobsCommand).resolves({ Jobs: [{ Name: 'nightly-load' }] });
    glue.on(GetTriggersCommand).resolves({ Triggers: [] });
    glue.on(ListWorkflowsCommand).resolves({ Workflows: [] });
    glue
      .on(GetCrawlersCommand)
      .resolves({ Crawlers: [{ Name: 'raw', DatabaseName: 'lake' }] });
    tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });
    const addEntityProvider = jest.fn();
    const label =
      (value: string) =>
      (_resource: unknown, { defaultEntity }: { defaultEntity: any }) => ({
        ...defaultEntity,
        metadata: { ...defaultEntity.metadata, labels: { mapping: value } },
      });
    const customMapping = createBackendModule({
      pluginId: 'catalog',
      moduleId: 'custom-glue-mapping',
      register(env) {
        env.registerInit({
          deps: { glueMapping: awsGlueCatalogExtensionPoint },
          async init({ glueMapping }) {
            glueMapping.setTransformers({
              job: label('first'),
              crawler: label('first'),
            });
            glueMapping.setTransformers({ job: label('second') });
          },
        });
      },
    });

    await startTestBackend({
      extensionPoints: [
        [catalogProcessingExtensionPoint, { addEntityProvider }],
      ],
      features: [
        catalogModuleAwsGlueEntityProvider,
        customMapping,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            aws: {
              accounts: [
                {
                  accountId: '123456789012',
                  accessKeyId: 'AKIDTEST',
                  secretAccessKey: 'test',
                },
              ],
            },
            catalog: {
              providers: {
                awsGlue: {
                  prod: { ...providerConfig, regions: ['us-east-1'] },
                },
              },
            },
          },
        }),
      ],
    });

    const [provider]: AwsGlueEntityProvider[] =
      addEntityProvider.mock.calls[0][0];
    const applyMutation = jest.fn();
    await provider.connect({ applyMutation, refresh: jest.fn() });
    await provider.refresh();

    const labels = Object.fromEntries(
      applyMutation.mock.calls[0][0].entities.map((e: any) => [
        e.entity.metadata.title,
        e.entity.metadata.labels?.mapping,
      ]),
    );
    expect(labels).toEqual({ 'nightly-load': 'second', raw: 'first' });
    glue.restore();
    tagging.restore();
  });
});
