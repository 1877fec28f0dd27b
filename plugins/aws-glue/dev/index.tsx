import { Grid } from '@material-ui/core';
import { Content, Header, Page } from '@backstage/core-components';
import {
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { createDevApp, EntityGridItem } from '@backstage/dev-utils';
import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
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
} from '../src';
import { awsGlueApiRef } from '../src/api';
import {
  crawlerEntity,
  dependentJobEntity,
  salesAfterAggregateTrigger,
  triggerEntity,
  triggeringJobEntity,
  workflowEntity,
} from '../src/__testUtils__/fixtures';
import { MockAwsGlueApi } from './MockAwsGlueApi';

/** Entity links in the dev app land here instead of the catalog. */
const devCatalogPlugin = createPlugin({ id: 'dev-catalog' });
const DevEntityPage = devCatalogPlugin.provide(
  createRoutableExtension({
    name: 'DevEntityPage',
    mountPoint: entityRouteRef,
    component: async () => () =>
      (
        <Page themeId="tool">
          <Header title="Entity page (not part of this plugin's dev app)" />
        </Page>
      ),
  }),
);

const catalogEntities = [
  dependentJobEntity,
  triggeringJobEntity,
  triggerEntity,
  crawlerEntity,
  salesAfterAggregateTrigger,
  workflowEntity,
];

const teamEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { namespace: 'default', name: 'data-platform' },
  spec: { type: 'team', children: [] },
};

function EntityPage(props: { entity: Entity; children: JSX.Element }) {
  return (
    <EntityProvider entity={props.entity}>
      <Page themeId="tool">
        <Header
          title={props.entity.metadata.title ?? props.entity.metadata.name}
        />
        <Content>{props.children}</Content>
      </Page>
    </EntityProvider>
  );
}

createDevApp()
  .registerPlugin(awsGluePlugin)
  .registerPlugin(devCatalogPlugin)
  .registerApi({
    api: awsGlueApiRef,
    deps: {},
    factory: () => new MockAwsGlueApi(),
  })
  .registerApi(catalogApiMock.factory({ entities: catalogEntities }))
  .addPage({
    path: '/aws-glue',
    title: 'AWS Glue',
    element: <AwsGluePage />,
  })
  .addPage({
    path: '/job',
    title: 'Job overview',
    element: (
      <EntityPage entity={dependentJobEntity}>
        <Grid container spacing={3}>
          <EntityGridItem entity={dependentJobEntity} md={6}>
            <EntityAwsGlueJobCard />
          </EntityGridItem>
          <EntityGridItem entity={dependentJobEntity} md={6}>
            <EntityAwsGlueChainCard />
          </EntityGridItem>
          <EntityGridItem entity={dependentJobEntity} md={6}>
            <EntityAwsGlueScorecardCard />
          </EntityGridItem>
        </Grid>
      </EntityPage>
    ),
  })
  .addPage({
    path: '/runs',
    title: 'Runs',
    element: (
      <EntityPage entity={dependentJobEntity}>
        <EntityAwsGlueRunsContent />
      </EntityPage>
    ),
  })
  .addPage({
    path: '/glue-chain',
    title: 'Chain',
    element: (
      <EntityPage entity={dependentJobEntity}>
        <EntityAwsGlueChainContent />
      </EntityPage>
    ),
  })
  .addPage({
    path: '/glue-executions',
    title: 'Executions',
    element: (
      <EntityPage entity={dependentJobEntity}>
        <EntityAwsGlueChainExecutionsContent />
      </EntityPage>
    ),
  })
  .addPage({
    path: '/workflow',
    title: 'Workflow',
    element: (
      <EntityPage entity={workflowEntity}>
        <EntityAwsGlueWorkflowContent />
      </EntityPage>
    ),
  })
  .addPage({
    path: '/trigger-and-crawler',
    title: 'Trigger, crawler',
    element: (
      <EntityPage entity={triggerEntity}>
        <Grid container spacing={3}>
          <EntityGridItem entity={triggerEntity} md={6}>
            <EntityAwsGlueTriggerCard />
          </EntityGridItem>
          <EntityGridItem entity={crawlerEntity} md={6}>
            <EntityAwsGlueCrawlerCard />
          </EntityGridItem>
        </Grid>
      </EntityPage>
    ),
  })
  .addPage({
    path: '/team',
    title: 'Team',
    element: (
      <EntityPage entity={teamEntity}>
        <Grid container spacing={3}>
          <EntityGridItem entity={teamEntity} md={8}>
            <EntityAwsGlueTeamCard />
          </EntityGridItem>
        </Grid>
      </EntityPage>
    ),
  })
  .addPage({
    path: '/catalog/:namespace/:kind/:name',
    element: <DevEntityPage />,
  })
  .render();
