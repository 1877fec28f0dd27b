import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { awsGlueApiRef, AwsGlueClient } from './api';
import { rootRouteRef } from './routes';
import type { EntityAwsGlueJobCardProps } from './components/GlueJobCard';
import type { EntityAwsGlueRunsContentProps } from './components/GlueRunsContent';
import type { EntityAwsGlueChainContentProps } from './components/GlueChainContent';
import type { EntityAwsGlueChainCardProps } from './components/GlueChainCard';
import type { EntityAwsGlueWorkflowContentProps } from './components/GlueWorkflowContent';
import type { EntityAwsGlueChainExecutionsContentProps } from './components/GlueChainExecutionsContent';
import type { EntityAwsGlueTriggerCardProps } from './components/GlueTriggerCard';
import type { EntityAwsGlueCrawlerCardProps } from './components/GlueCrawlerCard';
import type { EntityAwsGlueTeamCardProps } from './components/GlueTeamCard';
import type { EntityAwsGlueScorecardCardProps } from './components/GlueScorecardCard';
import type { AwsGluePageProps } from './components/GlueJobsPage';

/**
 * The AWS Glue frontend plugin (legacy frontend system).
 *
 * @public
 */
export const awsGluePlugin = createPlugin({
  id: 'aws-glue',
  apis: [
    createApiFactory({
      api: awsGlueApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AwsGlueClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * Overview card of an entity's Glue job: configuration, what starts it and
 * what it starts, bookmark, last run, owner, console and script links.
 *
 * @public
 */
export const EntityAwsGlueJobCard: (
  props: EntityAwsGlueJobCardProps,
) => JSX.Element = awsGluePlugin.provide(
  createComponentExtension({
    name: 'EntityAwsGlueJobCard',
    component: {
      lazy: () => import('./components/GlueJobCard').then(m => m.GlueJobCard),
    },
  }),
);

/**
 * Run history tab: paged runs with a state filter, details, a duration and
 * cost chart, start and stop, live refresh while a run is active (on every
 * change with signals), and the job's daily trend over 7 to 365 days.
 *
 * @public
 */
export const EntityAwsGlueRunsContent: (
  props: EntityAwsGlueRunsContentProps,
) => JSX.Element = awsGluePlugin.provide(
  createComponentExtension({
    name: 'EntityAwsGlueRunsContent',
    component: {
      lazy: () =>
        import('./components/GlueRunsContent').then(m => m.GlueRunsContent),
    },
  }),
);

/**
 * Chain tab: upstream and downstream jobs, triggers and datasets as a graph
 * with each job's latest state.
 *
 * @public
 */
export const EntityAwsGlueChainContent: (
  props: EntityAwsGlueChainContentProps,
) => JSX.Element = awsGluePlugin.provide(
  createComponentExtension({
    name: 'EntityAwsGlueChainContent',
    component: {
      lazy: () =>
        import('./components/GlueChainContent').then(m => m.GlueChainContent),
    },
  }),
);

/**
 * Compact chain graph for the overview tab.
 *
 * @public
 */
export const EntityAwsGlueChainCard: (
  props: EntityAwsGlueChainCardProps,
) => JSX.Element = awsGluePlugin.provide(
  createComponentExtension({
    name: 'EntityAwsGlueChainCard',
    component: {
      lazy: () =>
        import('./components/GlueChainCard').then(m => m.GlueChainCard),
    },
  }),
);

/**
 * Workflow tab of a System that stands for a Glue workflow: a run's graph
 * with node states and the run history.
 *
 * @public
 */
export const EntityAwsGlueWorkflowContent: (
  props: EntityAwsGlueWorkflowContentProps,
) => JSX.Element = awsGluePlugin.provide(
  createComponentExtension({
    name: 'EntityAwsGlueWorkflowContent',
    component: {
      lazy: () =>
        import('./components/GlueWorkflowContent').then(
          m => m.GlueWorkflowContent,
        ),
    },
  }),
);

/**
 * Executions tab of a Glue job or workflow System: how each execution of
 * its chain went (timeline, run matrix, landing time against the SLA), with
 * triage and Retry of a failed run.
 *
 * @public
 */
export const EntityAwsGlueChainExecutionsContent: (
  props: EntityAwsGlueChainExecutionsContentProps,
) => JSX.Element = awsGluePlugin.provide(
  createComponentExtension({
    name: 'EntityAwsGlueChainExecutionsContent',
    component: {
      lazy: () =>
        import('./components/GlueChainExecutionsContent').then(
          m => m.GlueChainExecutionsContent,
        ),
    },
  }),
);

/**
 * Card of a trigger Resource, from its annotations.
 *
 * @public
 */
export const EntityAwsGlueTriggerCard: (
  props: EntityAwsGlueTriggerCardProps,
) => JSX.Element = awsGluePlugin.provide(
  createComponentExtension({
    name: 'EntityAwsGlueTriggerCard',
    component: {
      lazy: () =>
        import('./components/GlueTriggerCard').then(m => m.GlueTriggerCard),
    },
  }),
);

/**
 * Card of a crawler Resource, from its annotations.
 *
 * @public
 */
export const EntityAwsGlueCrawlerCard: (
  props: EntityAwsGlueCrawlerCardProps,
) => JSX.Element = awsGluePlugin.provide(
  createComponentExtension({
    name: 'EntityAwsGlueCrawlerCard',
    component: {
      lazy: () =>
        import('./components/GlueCrawlerCard').then(m => m.GlueCrawlerCard),
    },
  }),
);

/**
 * Card of a Group or User: the Glue jobs it owns, their failures in the
 * last 24 h, the slowest and dearest jobs, cost this month and last, and a
 * 30-day trend.
 *
 * @public
 */
export const EntityAwsGlueTeamCard: (
  props: EntityAwsGlueTeamCardProps,
) => JSX.Element = awsGluePlugin.provide(
  createComponentExtension({
    name: 'EntityAwsGlueTeamCard',
    component: {
      lazy: () => import('./components/GlueTeamCard').then(m => m.GlueTeamCard),
    },
  }),
);

/**
 * Scorecard of a Glue job: the entity's Tech Insights checks whose id starts
 * with `aws-glue-` (the AWS Glue Tech Insights module's), each passed or
 * failed with its threshold and the facts it used. Needs the Tech Insights
 * backend in the app's backend.
 *
 * @public
 */
export const EntityAwsGlueScorecardCard: (
  props: EntityAwsGlueScorecardCardProps,
) => JSX.Element = awsGluePlugin.provide(
  createComponentExtension({
    name: 'EntityAwsGlueScorecardCard',
    component: {
      lazy: () =>
        import('./components/GlueScorecardCard').then(m => m.GlueScorecardCard),
    },
  }),
);

/**
 * The overview page of every Glue job in the catalog, from the backend's
 * run index in one request a page, failing first.
 *
 * @public
 */
export const AwsGluePage: (props: AwsGluePageProps) => JSX.Element =
  awsGluePlugin.provide(
    createRoutableExtension({
      name: 'AwsGluePage',
      component: () =>
        import('./components/GlueJobsPage').then(m => m.GlueJobsPage),
      mountPoint: rootRouteRef,
    }),
  );
