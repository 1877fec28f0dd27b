/**
 * The config of the new frontend system's extensions (`app.extensions` in
 * app-config), one key per prop of the legacy component it stands for, and
 * the props a config sets. Keys left out keep the component's default.
 */
import type { EntityAwsGlueChainCardProps } from './components/GlueChainCard';
import type { EntityAwsGlueChainContentProps } from './components/GlueChainContent';
import type { EntityAwsGlueChainExecutionsContentProps } from './components/GlueChainExecutionsContent';
import type { EntityAwsGlueCrawlerCardProps } from './components/GlueCrawlerCard';
import type { EntityAwsGlueJobCardProps } from './components/GlueJobCard';
import type { AwsGluePageProps } from './components/GlueJobsPage';
import type { EntityAwsGlueTeamCardProps } from './components/GlueTeamCard';
import type { EntityAwsGlueScorecardCardProps } from './components/GlueScorecardCard';
import type { EntityAwsGlueRunsContentProps } from './components/GlueRunsContent';
import type { EntityAwsGlueTriggerCardProps } from './components/GlueTriggerCard';
import type { EntityAwsGlueWorkflowContentProps } from './components/GlueWorkflowContent';
import {
  ConfigFieldValue,
  OptionalConfigField,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalString,
  propsFromConfig,
} from './lib/configSchema';

/** A config schema with a field for (some of) the props `P`, each of the prop's type. */
type SchemaOf<P> = {
  [K in keyof P]?: OptionalConfigField<NonNullable<P[K]>>;
};

/** The config a schema reads, as the extension's factory gets it. */
export type ConfigOf<S> = { [K in keyof S]?: ConfigFieldValue<S[K]> };

const DIRECTIONS = ['up', 'down', 'both'] as const;
const CARD_VARIANTS = ['flex', 'fullHeight', 'gridItem'] as const;
/** The backend takes at most 200 runs a page. */
const pageSize = () => optionalInteger(1, 200);
/** At least a second between refreshes. */
const pollIntervalMs = () => optionalInteger(1000);
/** The backend's `awsGlue.chain.maxDepth` may be up to 20; the views keep within its own. */
const depth = () => optionalInteger(1, 20);
const height = () => optionalInteger(100, 4000);

/** `entity-card:aws-glue/job`. */
export const jobCardConfig = {
  title: optionalString(),
  variant: optionalEnum(CARD_VARIANTS),
} satisfies SchemaOf<EntityAwsGlueJobCardProps>;

/** `entity-card:aws-glue/chain`. */
export const chainCardConfig = {
  title: optionalString(),
  depth: depth(),
  direction: optionalEnum(DIRECTIONS),
  height: height(),
  layout: optionalEnum(['horizontal', 'vertical'] as const),
} satisfies SchemaOf<EntityAwsGlueChainCardProps>;

/** `entity-card:aws-glue/trigger`. */
export const triggerCardConfig = {
  title: optionalString(),
  variant: optionalEnum(CARD_VARIANTS),
} satisfies SchemaOf<EntityAwsGlueTriggerCardProps>;

/** `entity-card:aws-glue/crawler`. */
export const crawlerCardConfig = {
  title: optionalString(),
  variant: optionalEnum(CARD_VARIANTS),
} satisfies SchemaOf<EntityAwsGlueCrawlerCardProps>;

/** `entity-card:aws-glue/team`. */
export const teamCardConfig = {
  title: optionalString(),
  variant: optionalEnum(CARD_VARIANTS),
} satisfies SchemaOf<EntityAwsGlueTeamCardProps>;

/** `entity-card:aws-glue/scorecard`. */
export const scorecardCardConfig = {
  title: optionalString(),
  variant: optionalEnum(CARD_VARIANTS),
} satisfies SchemaOf<EntityAwsGlueScorecardCardProps>;

/** `entity-content:aws-glue/runs`. */
export const runsContentConfig = {
  pageSize: pageSize(),
  pollIntervalMs: pollIntervalMs(),
} satisfies SchemaOf<EntityAwsGlueRunsContentProps>;

/** `entity-content:aws-glue/chain`. */
export const chainContentConfig = {
  initialDepth: depth(),
  initialDirection: optionalEnum(DIRECTIONS),
  initialShowDatasets: optionalBoolean(),
  height: height(),
  pollIntervalMs: pollIntervalMs(),
} satisfies SchemaOf<EntityAwsGlueChainContentProps>;

/** `entity-content:aws-glue/workflow`. */
export const workflowContentConfig = {
  pageSize: pageSize(),
  pollIntervalMs: pollIntervalMs(),
  height: height(),
} satisfies SchemaOf<EntityAwsGlueWorkflowContentProps>;

/** `entity-content:aws-glue/executions`; the route takes 1 to 60 executions. */
export const executionsContentConfig = {
  limit: optionalInteger(1, 60),
  pollIntervalMs: pollIntervalMs(),
  runsPath: optionalString(),
} satisfies SchemaOf<EntityAwsGlueChainExecutionsContentProps>;

/**
 * `page:aws-glue`; its `title` is the page blueprint's own config key,
 * passed on to the page.
 */
export const pageConfig = {
  subtitle: optionalString(),
  /** The fleet route takes 1 to 500 jobs a page. */
  pageSize: optionalInteger(1, 500),
  pollIntervalMs: pollIntervalMs(),
  /** Deprecated and ignored; still accepted so that existing config keeps working. */
  concurrency: optionalInteger(1, 32),
} satisfies SchemaOf<AwsGluePageProps>;

export const jobCardProps = (
  config: ConfigOf<typeof jobCardConfig>,
): EntityAwsGlueJobCardProps => propsFromConfig(jobCardConfig, config);

export const chainCardProps = (
  config: ConfigOf<typeof chainCardConfig>,
): EntityAwsGlueChainCardProps => propsFromConfig(chainCardConfig, config);

export const triggerCardProps = (
  config: ConfigOf<typeof triggerCardConfig>,
): EntityAwsGlueTriggerCardProps => propsFromConfig(triggerCardConfig, config);

export const crawlerCardProps = (
  config: ConfigOf<typeof crawlerCardConfig>,
): EntityAwsGlueCrawlerCardProps => propsFromConfig(crawlerCardConfig, config);

export const teamCardProps = (
  config: ConfigOf<typeof teamCardConfig>,
): EntityAwsGlueTeamCardProps => propsFromConfig(teamCardConfig, config);

export const scorecardCardProps = (
  config: ConfigOf<typeof scorecardCardConfig>,
): EntityAwsGlueScorecardCardProps =>
  propsFromConfig(scorecardCardConfig, config);

export const runsContentProps = (
  config: ConfigOf<typeof runsContentConfig>,
): EntityAwsGlueRunsContentProps => propsFromConfig(runsContentConfig, config);

export const chainContentProps = (
  config: ConfigOf<typeof chainContentConfig>,
): EntityAwsGlueChainContentProps =>
  propsFromConfig(chainContentConfig, config);

export const workflowContentProps = (
  config: ConfigOf<typeof workflowContentConfig>,
): EntityAwsGlueWorkflowContentProps =>
  propsFromConfig(workflowContentConfig, config);

export const executionsContentProps = (
  config: ConfigOf<typeof executionsContentConfig>,
): EntityAwsGlueChainExecutionsContentProps =>
  propsFromConfig(executionsContentConfig, config);

export const pageProps = (
  config: ConfigOf<typeof pageConfig> & { title?: string },
): AwsGluePageProps => ({
  ...propsFromConfig(pageConfig, config),
  ...(config.title !== undefined ? { title: config.title } : {}),
});
