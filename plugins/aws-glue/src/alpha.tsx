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
  isAwsGlueExecutionsAvailable,
  isAwsGlueJobAvailable,
  isAwsGlueTeamAvailable,
  isAwsGlueTriggerAvailable,
  isAwsGlueWorkflowAvailable,
} from './conditions';
import {
  chainCardConfig,
  chainCardProps,
  chainContentConfig,
  chainContentProps,
  crawlerCardConfig,
  crawlerCardProps,
  executionsContentConfig,
  executionsContentProps,
  jobCardConfig,
  jobCardProps,
  pageConfig,
  pageProps,
  runsContentConfig,
  runsContentProps,
  scorecardCardConfig,
  scorecardCardProps,
  teamCardConfig,
  teamCardProps,
  triggerCardConfig,
  triggerCardProps,
  workflowContentConfig,
  workflowContentProps,
} from './extensionConfig';
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

/**
 * `entity-card:aws-glue/job`: the job overview card. Config: `title`,
 * `variant`, as the props of `EntityAwsGlueJobCard`.
 */
const awsGlueJobCard = EntityCardBlueprint.makeWithOverrides({
  name: 'job',
  configSchema: jobCardConfig,
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isAwsGlueJobAvailable,
      loader: () =>
        import('./components/GlueJobCard').then(m => (
          <m.GlueJobCard {...jobCardProps(config)} />
        )),
    });
  },
});

/**
 * `entity-card:aws-glue/chain`: the compact chain graph. Config: `title`,
 * `depth`, `direction`, `height`, `layout`.
 */
const awsGlueChainCard = EntityCardBlueprint.makeWithOverrides({
  name: 'chain',
  configSchema: chainCardConfig,
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isAwsGlueChainAvailable,
      type: 'content',
      loader: () =>
        import('./components/GlueChainCard').then(m => (
          <m.GlueChainCard {...chainCardProps(config)} />
        )),
    });
  },
});

/** `entity-card:aws-glue/trigger`. Config: `title`, `variant`. */
const awsGlueTriggerCard = EntityCardBlueprint.makeWithOverrides({
  name: 'trigger',
  configSchema: triggerCardConfig,
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isAwsGlueTriggerAvailable,
      loader: () =>
        import('./components/GlueTriggerCard').then(m => (
          <m.GlueTriggerCard {...triggerCardProps(config)} />
        )),
    });
  },
});

/** `entity-card:aws-glue/crawler`. Config: `title`, `variant`. */
const awsGlueCrawlerCard = EntityCardBlueprint.makeWithOverrides({
  name: 'crawler',
  configSchema: crawlerCardConfig,
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isAwsGlueCrawlerAvailable,
      loader: () =>
        import('./components/GlueCrawlerCard').then(m => (
          <m.GlueCrawlerCard {...crawlerCardProps(config)} />
        )),
    });
  },
});

/**
 * `entity-card:aws-glue/team`: the Glue jobs a Group or User owns.
 * Config: `title`, `variant`.
 */
const awsGlueTeamCard = EntityCardBlueprint.makeWithOverrides({
  name: 'team',
  configSchema: teamCardConfig,
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isAwsGlueTeamAvailable,
      loader: () =>
        import('./components/GlueTeamCard').then(m => (
          <m.GlueTeamCard {...teamCardProps(config)} />
        )),
    });
  },
});

/**
 * `entity-card:aws-glue/scorecard`: the Tech Insights checks of a Glue job
 * (ids starting `aws-glue-`). Config: `title`, `variant`.
 */
const awsGlueScorecardCard = EntityCardBlueprint.makeWithOverrides({
  name: 'scorecard',
  configSchema: scorecardCardConfig,
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isAwsGlueJobAvailable,
      loader: () =>
        import('./components/GlueScorecardCard').then(m => (
          <m.GlueScorecardCard {...scorecardCardProps(config)} />
        )),
    });
  },
});

/**
 * `entity-content:aws-glue/runs`: the run history tab. Config: `pageSize`,
 * `pollIntervalMs`.
 */
const awsGlueRunsContent = EntityContentBlueprint.makeWithOverrides({
  name: 'runs',
  configSchema: runsContentConfig,
  factory(originalFactory, { config }) {
    return originalFactory({
      path: '/runs',
      title: 'Runs',
      filter: isAwsGlueJobAvailable,
      loader: () =>
        import('./components/GlueRunsContent').then(m => (
          <m.GlueRunsContent {...runsContentProps(config)} />
        )),
    });
  },
});

/**
 * `entity-content:aws-glue/chain`: the chain tab. Config: `initialDepth`,
 * `initialDirection`, `initialShowDatasets`, `height`, `pollIntervalMs`.
 */
const awsGlueChainContent = EntityContentBlueprint.makeWithOverrides({
  name: 'chain',
  configSchema: chainContentConfig,
  factory(originalFactory, { config }) {
    return originalFactory({
      path: '/glue-chain',
      title: 'Glue chain',
      filter: isAwsGlueChainAvailable,
      loader: () =>
        import('./components/GlueChainContent').then(m => (
          <m.GlueChainContent {...chainContentProps(config)} />
        )),
    });
  },
});

/**
 * `entity-content:aws-glue/workflow`: the workflow tab of workflow Systems.
 * Config: `pageSize`, `pollIntervalMs`, `height`.
 */
const awsGlueWorkflowContent = EntityContentBlueprint.makeWithOverrides({
  name: 'workflow',
  configSchema: workflowContentConfig,
  factory(originalFactory, { config }) {
    return originalFactory({
      path: '/workflow',
      title: 'Workflow',
      filter: isAwsGlueWorkflowAvailable,
      loader: () =>
        import('./components/GlueWorkflowContent').then(m => (
          <m.GlueWorkflowContent {...workflowContentProps(config)} />
        )),
    });
  },
});

/**
 * `entity-content:aws-glue/executions`: the executions tab of Glue jobs and
 * workflow Systems. Config: `limit`, `pollIntervalMs`, `runsPath`.
 */
const awsGlueExecutionsContent = EntityContentBlueprint.makeWithOverrides({
  name: 'executions',
  configSchema: executionsContentConfig,
  factory(originalFactory, { config }) {
    return originalFactory({
      path: '/glue-executions',
      title: 'Executions',
      filter: isAwsGlueExecutionsAvailable,
      loader: () =>
        import('./components/GlueChainExecutionsContent').then(m => (
          <m.GlueChainExecutionsContent {...executionsContentProps(config)} />
        )),
    });
  },
});

/**
 * `page:aws-glue`: every Glue job in the catalog. Config: `subtitle`,
 * `pageSize`, `pollIntervalMs` (`concurrency` is deprecated and ignored),
 * and the blueprint's own `path` and `title` (also the page's title).
 */
const awsGluePage = PageBlueprint.makeWithOverrides({
  configSchema: pageConfig,
  factory(originalFactory, { config }) {
    return originalFactory({
      path: '/aws-glue',
      title: 'AWS Glue',
      routeRef: rootRouteRef,
      loader: () =>
        import('./components/GlueJobsPage').then(m => (
          <m.GlueJobsPage {...pageProps(config)} />
        )),
    });
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
    awsGlueTeamCard,
    awsGlueScorecardCard,
    awsGlueRunsContent,
    awsGlueChainContent,
    awsGlueWorkflowContent,
    awsGlueExecutionsContent,
    awsGluePage,
  ],
});
