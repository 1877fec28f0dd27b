import { Entity } from '@backstage/catalog-model';

/**
 * The ARN of the AWS resource an entity stands for (Backstage core convention
 * for AWS resources).
 *
 * @public
 */
export const ANNOTATION_AWS_ARN = 'amazonaws.com/arn';

/**
 * The AWS account id of the resource (Backstage core convention).
 *
 * @public
 */
export const ANNOTATION_AWS_ACCOUNT_ID = 'amazonaws.com/account-id';

/**
 * Comma-separated Glue job ARNs on a hand-written entity, following the
 * convention of AWS's own Backstage plugins. A team's Component for the
 * repository of a Glue job links its runs this way.
 *
 * @public
 */
export const ANNOTATION_AWS_GLUE_JOB_ARN = 'aws.amazon.com/aws-glue-job-arn';

/**
 * Set to `disabled` on a job's entity (or the hand-written entity that names
 * it) to stop the run index's failure notifications for it.
 *
 * @public
 */
export const ANNOTATION_AWS_GLUE_NOTIFICATIONS =
  'aws.amazon.com/aws-glue-notifications';

const GLUE = 'aws.amazon.com/aws-glue';

/**
 * Annotations written by the AWS Glue entity provider on synced entities.
 *
 * @public
 */
export const GLUE_ANNOTATIONS = {
  /** What the entity stands for: job, trigger, workflow, crawler or dataset. */
  resourceKind: `${GLUE}-resource-kind`,
  /** The AWS region of the resource. */
  region: `${GLUE}-region`,
  /** The resource's name in Glue, exactly as Glue has it. */
  name: `${GLUE}-name`,
  /** The entity provider (and unit) that emitted the entity. */
  provider: `${GLUE}-provider`,
  /** Job: the command name (glueetl, gluestreaming, pythonshell, glueray). */
  jobCommand: `${GLUE}-job-command`,
  /** Job: SCRIPT, VISUAL or NOTEBOOK. */
  jobMode: `${GLUE}-job-mode`,
  jobGlueVersion: `${GLUE}-job-glue-version`,
  jobWorkerType: `${GLUE}-job-worker-type`,
  jobNumberOfWorkers: `${GLUE}-job-number-of-workers`,
  jobMaxCapacity: `${GLUE}-job-max-capacity`,
  /** Job timeout in minutes. */
  jobTimeout: `${GLUE}-job-timeout`,
  jobMaxRetries: `${GLUE}-job-max-retries`,
  jobMaxConcurrentRuns: `${GLUE}-job-max-concurrent-runs`,
  jobExecutionClass: `${GLUE}-job-execution-class`,
  /** job-bookmark-enable, job-bookmark-disable or job-bookmark-pause. */
  jobBookmarkOption: `${GLUE}-job-bookmark-option`,
  jobScriptLocation: `${GLUE}-job-script-location`,
  /** Comma-separated Glue connection names. */
  jobConnections: `${GLUE}-job-connections`,
  /** JSON object: the job's DefaultArguments, secrets redacted. */
  jobDefaultArguments: `${GLUE}-job-default-arguments`,
  /** JSON array of {@link GlueLineageEdge}: the datasets a job or crawler reads and writes. */
  lineage: `${GLUE}-lineage`,
  /** Trigger: SCHEDULED, CONDITIONAL, ON_DEMAND or EVENT. */
  triggerType: `${GLUE}-trigger-type`,
  /** Trigger: ACTIVATED, DEACTIVATED, CREATED, ... */
  triggerState: `${GLUE}-trigger-state`,
  /** Trigger: the cron schedule, e.g. `cron(15 2 * * ? *)`. */
  triggerSchedule: `${GLUE}-trigger-schedule`,
  /** Trigger: the predicate as JSON, `{"Logical":"AND","Conditions":[...]}`. */
  triggerPredicate: `${GLUE}-trigger-predicate`,
  /** Trigger: JSON array of actions (job or crawler, arguments redacted). */
  triggerActions: `${GLUE}-trigger-actions`,
  /** Comma-separated names of jobs/crawlers a trigger refers to that were not synced. */
  missingReferences: `${GLUE}-missing-references`,
  /** The Glue workflow(s) a resource belongs to, comma-separated. */
  workflows: `${GLUE}-workflows`,
  /** Crawler: the Data Catalog database it writes to. */
  crawlerDatabase: `${GLUE}-crawler-database`,
  /** Crawler: its schedule expression. */
  crawlerSchedule: `${GLUE}-crawler-schedule`,
  /** Dataset: its normalised location (s3://bucket/prefix/, glue://db/table, jdbc://conn/table). */
  datasetLocation: `${GLUE}-dataset-location`,
} as const;

/**
 * The kinds of Glue thing a synced entity can stand for.
 *
 * @public
 */
export type GlueResourceKind =
  | 'job'
  | 'trigger'
  | 'workflow'
  | 'crawler'
  | 'dataset';

/**
 * The `spec.type` values of synced entities.
 *
 * @public
 */
export const GLUE_ENTITY_TYPES = {
  job: 'glue-job',
  trigger: 'glue-trigger',
  crawler: 'glue-crawler',
  workflow: 'glue-workflow',
  s3Prefix: 's3-prefix',
  table: 'glue-table',
  jdbcTable: 'jdbc-table',
} as const;

/** The shape of a Glue job ARN: arn:PARTITION:glue:REGION:ACCOUNT:job/NAME. */
const GLUE_ARN =
  /^arn:(aws|aws-cn|aws-us-gov):glue:([a-z0-9-]+):(\d{12}):(job|trigger|workflow|crawler)\/(.+)$/;

/**
 * A parsed Glue resource ARN.
 *
 * @public
 */
export interface GlueArn {
  partition: string;
  region: string;
  accountId: string;
  resourceType: 'job' | 'trigger' | 'workflow' | 'crawler';
  name: string;
}

/**
 * Parses a Glue job, trigger, workflow or crawler ARN; `undefined` when the
 * string is not one.
 *
 * @public
 */
export function parseGlueArn(arn: string): GlueArn | undefined {
  const match = GLUE_ARN.exec(arn.trim());
  if (!match) {
    return undefined;
  }
  const [, partition, region, accountId, resourceType, name] = match;
  return {
    partition,
    region,
    accountId,
    resourceType: resourceType as GlueArn['resourceType'],
    name,
  };
}

/**
 * The AWS partition of a region (`aws`, `aws-cn` or `aws-us-gov`), which
 * every ARN in it carries.
 *
 * @public
 */
export function awsPartitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * Builds the ARN of a Glue resource. Glue does not return ARNs for jobs,
 * triggers, workflows or crawlers; this is the documented format.
 *
 * @public
 */
export function formatGlueArn(arn: GlueArn): string {
  return `arn:${arn.partition}:glue:${arn.region}:${arn.accountId}:${arn.resourceType}/${arn.name}`;
}

/**
 * The Glue job ARNs an entity stands for: its own `amazonaws.com/arn` when it
 * is a synced job, plus any listed in `aws.amazon.com/aws-glue-job-arn`.
 * Strings that are not Glue job ARNs are ignored.
 *
 * @public
 */
export function getGlueJobArns(entity: Entity): string[] {
  const annotations = entity.metadata.annotations ?? {};
  const candidates = [
    annotations[ANNOTATION_AWS_ARN],
    ...(annotations[ANNOTATION_AWS_GLUE_JOB_ARN] ?? '').split(','),
  ];
  const arns = new Set<string>();
  for (const candidate of candidates) {
    const parsed = candidate ? parseGlueArn(candidate) : undefined;
    if (parsed?.resourceType === 'job') {
      arns.add(formatGlueArn(parsed));
    }
  }
  return [...arns];
}

/**
 * The kind of Glue resource a synced entity stands for, if any.
 *
 * @public
 */
export function getGlueResourceKind(
  entity: Entity,
): GlueResourceKind | undefined {
  const value = entity.metadata.annotations?.[GLUE_ANNOTATIONS.resourceKind];
  switch (value) {
    case 'job':
    case 'trigger':
    case 'workflow':
    case 'crawler':
    case 'dataset':
      return value;
    default:
      return undefined;
  }
}

/**
 * True when the entity has at least one Glue job: a synced job or an entity
 * that links jobs with `aws.amazon.com/aws-glue-job-arn`.
 *
 * @public
 */
export function isAwsGlueJobEntity(entity: Entity): boolean {
  return getGlueJobArns(entity).length > 0;
}

/**
 * True when the entity is a synced Glue workflow.
 *
 * @public
 */
export function isAwsGlueWorkflowEntity(entity: Entity): boolean {
  return (
    getGlueResourceKind(entity) === 'workflow' &&
    Boolean(entity.metadata.annotations?.[ANNOTATION_AWS_ARN])
  );
}
