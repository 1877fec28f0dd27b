import { screen } from '@testing-library/react';
import {
  awsGluePlugin,
  AwsGluePage,
  EntityAwsGlueChainCard,
  EntityAwsGlueChainContent,
  EntityAwsGlueChainExecutionsContent,
  EntityAwsGlueCrawlerCard,
  EntityAwsGlueJobCard,
  EntityAwsGlueRunsContent,
  EntityAwsGlueScorecardCard,
  EntityAwsGlueTeamCard,
  EntityAwsGlueTriggerCard,
  EntityAwsGlueWorkflowContent,
} from './plugin';
import { awsGlueApiRef } from './api';
import { rootRouteRef } from './routes';
import { mockAwsGlueApi } from './__testUtils__/mockApi';
import { renderForEntity } from './__testUtils__/render';
import { triggerEntity, triggeringJobEntity } from './__testUtils__/fixtures';

describe('awsGluePlugin', () => {
  it('has the aws-glue id, the client factory and the root route', () => {
    expect(awsGluePlugin.getId()).toBe('aws-glue');
    expect([...awsGluePlugin.getApis()].map(f => f.api.id)).toEqual([
      'plugin.aws-glue.service',
    ]);
    expect(awsGluePlugin.routes.root).toBe(rootRouteRef);
  });

  it('exports a component for every card, tab and the page', () => {
    for (const extension of [
      AwsGluePage,
      EntityAwsGlueChainCard,
      EntityAwsGlueChainContent,
      EntityAwsGlueChainExecutionsContent,
      EntityAwsGlueCrawlerCard,
      EntityAwsGlueJobCard,
      EntityAwsGlueRunsContent,
      EntityAwsGlueScorecardCard,
      EntityAwsGlueTeamCard,
      EntityAwsGlueTriggerCard,
      EntityAwsGlueWorkflowContent,
    ]) {
      expect(typeof extension).toBe('function');
    }
  });

  it('renders a lazily loaded card through the extension', async () => {
    await renderForEntity(<EntityAwsGlueTriggerCard />, {
      entity: triggerEntity,
      api: mockAwsGlueApi(),
      catalogEntities: [triggeringJobEntity],
    });
    expect(await screen.findByText('AWS Glue trigger')).toBeInTheDocument();
    expect(awsGlueApiRef.id).toBe('plugin.aws-glue.service');
  });
});
