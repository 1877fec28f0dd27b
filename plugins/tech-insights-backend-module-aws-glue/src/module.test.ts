import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  FactRetriever,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';
import { techInsightsModuleAwsGlue } from './module';

function fakeTechInsights(added: Record<string, FactRetriever>) {
  return createBackendPlugin({
    pluginId: 'tech-insights',
    register(env) {
      env.registerExtensionPoint(techInsightsFactRetrieversExtensionPoint, {
        addFactRetrievers: retrievers => Object.assign(added, retrievers),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('techInsightsModuleAwsGlue', () => {
  it('adds the aws-glue-job-facts retriever under its id', async () => {
    const added: Record<string, FactRetriever> = {};
    await startTestBackend({
      features: [
        fakeTechInsights(added),
        techInsightsModuleAwsGlue,
        mockServices.rootConfig.factory({
          data: {
            techInsights: {
              factRetrievers: {
                'aws-glue-job-facts': { cadence: '* * * * *' },
              },
            },
          },
        }),
      ],
    });
    expect(Object.keys(added)).toEqual(['aws-glue-job-facts']);
    expect(added['aws-glue-job-facts'].schema.successRate7d.type).toBe('float');
  });

  it('fails to start with contradicting limits, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          fakeTechInsights({}),
          techInsightsModuleAwsGlue,
          mockServices.rootConfig.factory({
            data: { awsGlue: { techInsights: { pageSize: 501 } } },
          }),
        ],
      }),
    ).rejects.toThrow('Invalid config at awsGlue.techInsights.pageSize');
  });
});
