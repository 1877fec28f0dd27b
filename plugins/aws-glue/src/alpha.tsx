import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { awsGlueApiRef, AwsGlueClient } from './api';
import {
  isAwsGlueChainAvailable,
  isAwsGlueCrawlerAvailable,
  isAwsGlueJobAvailable,
  isAwsGlueTriggerAvailable,
  isAwsGlueWorkflowAvailable,
} from './conditions';
import { rootRouteRef } from './routes';

/** The {@link AwsGlueClient} for the new frontend system. */
const awsGlueApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: awsGlueApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AwsGlueClient({ discoveryApi, fetchApi }),
    }),
});

/** `entity-card:aws-glue/job`: the job overview card. */
const awsGlueJobCard = EntityCardBlueprint.make({
  name: 'job',
  params: {
    filter: isAwsGlueJobAvailable,
    loader: () =>
      import('./components/GlueJobCard').then(m => <m.GlueJobCard />),
  },
});

/** `entity-card:aws-glue/chain`: the compact chain graph. */
const awsGlueChainCard = EntityCardBlueprint.make({
  name: 'chain',
  params: {
    filter: isAwsGlueChainAvailable,
    type: 'content',
    loader: () =>
      import('./components/GlueChainCard').then(m => <m.GlueChainCard />),
  },
});

/** `entity-card:aws-glue/trigger`. */
const awsGlueTriggerCard = EntityCardBlueprint.make({
  name: 'trigger',
  params: {
    filter: isAwsGlueTriggerAvailable,
    loader: () =>
      import('./components/GlueTriggerCard').then(m => <m.GlueTriggerCard />),
  },
});

/** `entity-card:aws-glue/crawler`. */
const awsGlueCrawlerCard = EntityCardBlueprint.make({
  name: 'crawler',
  params: {
    filter: isAwsGlueCrawlerAvailable,
    loader: () =>
      import('./components/GlueCrawlerCard').then(m => <m.GlueCrawlerCard />),
  },
});

/** `entity-content:aws-glue/runs`: the run history tab. */
const awsGlueRunsContent = EntityContentBlueprint.make({
  name: 'runs',
  params: {
    path: '/runs',
    title: 'Runs',
    filter: isAwsGlueJobAvailable,
    loader: () =>
      import('./components/GlueRunsContent').then(m => <m.GlueRunsContent />),
  },
});

/** `entity-content:aws-glue/chain`: the chain tab. */
const awsGlueChainContent = EntityContentBlueprint.make({
  name: 'chain',
  params: {
    path: '/glue-chain',
    title: 'Glue chain',
    filter: isAwsGlueChainAvailable,
    loader: () =>
      import('./components/GlueChainContent').then(m => <m.GlueChainContent />),
  },
});

/** `entity-content:aws-glue/workflow`: the workflow tab of workflow Systems. */
const awsGlueWorkflowContent = EntityContentBlueprint.make({
  name: 'workflow',
  params: {
    path: '/workflow',
    title: 'Workflow',
    filter: isAwsGlueWorkflowAvailable,
    loader: () =>
      import('./components/GlueWorkflowContent').then(m => (
        <m.GlueWorkflowContent />
      )),
  },
});

/** `page:aws-glue`: every Glue job in the catalog. */
const awsGluePage = PageBlueprint.make({
  params: {
    path: '/aws-glue',
    title: 'AWS Glue',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/GlueJobsPage').then(m => <m.GlueJobsPage />),
  },
});

/**
 * The AWS Glue plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'aws-glue',
  title: 'AWS Glue',
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
  },
  extensions: [
    awsGlueApi,
    awsGlueJobCard,
    awsGlueChainCard,
    awsGlueTriggerCard,
    awsGlueCrawlerCard,
    awsGlueRunsContent,
    awsGlueChainContent,
    awsGlueWorkflowContent,
    awsGluePage,
  ],
});
