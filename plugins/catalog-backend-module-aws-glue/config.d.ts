import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

interface AwsGlueProviderOptions {
  /** The 12-digit AWS account id to read. Credentials come from `aws.accounts` (@backstage/integration-aws-node). */
  accountId: string;
  /** The regions to read; each is synced as its own unit. */
  regions: string[];
  /**
   * A Glue endpoint to use instead of AWS's: the local emulator or a VPC
   * endpoint. Used for both Glue and the tagging API.
   */
  endpoint?: string;
  /**
   * How often to sync, and the sync task's timeout. Required unless the module
   * is given a schedule in code. `timeout` defaults to 45 seconds: about 3x a
   * sync's read, mapping and apply (the provider warns when a sync takes more
   * than half of it), and short, because a replica that dies mid-sync holds
   * the task until the timeout has passed plus up to 65 s.
   */
  schedule?: {
    frequency: SchedulerServiceTaskScheduleDefinitionConfig['frequency'];
    timeout?: SchedulerServiceTaskScheduleDefinitionConfig['timeout'];
    initialDelay?: SchedulerServiceTaskScheduleDefinitionConfig['initialDelay'];
    scope?: SchedulerServiceTaskScheduleDefinitionConfig['scope'];
  };
  /** The namespace of the entities. Default `default`. */
  namespace?: string;
  /**
   * The base of entity names, with `{{ name }}` (the Glue name),
   * `{{ region }}` and `{{ accountId }}`. Default `{{ name }}` when the
   * configured providers read one account and one region, with
   * `-{{ accountId }}` and/or `-{{ region }}` added when they read several.
   * Names that are not valid entity names are slugged and get a short hash
   * of the resource's ARN.
   */
  entityNameTemplate?: string;
  filters?: {
    /** Job name regular expressions. A job is synced when it matches an include (if any) and no exclude. */
    jobs?: { include?: string[]; exclude?: string[] };
    /** Trigger name regular expressions, as for jobs. */
    triggers?: { include?: string[]; exclude?: string[] };
    /** Tags every synced resource must have; the value `*` accepts any value. */
    requiredTags?: { [key: string]: string };
  };
  ownership?: {
    /** Tag keys tried in order. Default `[owner, team]`. `Data-Platform` becomes `group:default/data-platform`. */
    tagKeys?: string[];
    /** Glue-name regular expressions and the owner they give, tried after the tags. */
    rules?: Array<{ pattern: string; owner: string }>;
    /** The owner when nothing else gives one. Default `group:default/unknown`. */
    defaultOwner?: string;
  };
  lifecycle?: {
    /** Default `lifecycle`. */
    tagKey?: string;
    /** Default `production`. */
    default?: string;
  };
  system?: {
    /** A tag naming the resource's system; wins over workflow membership. Default `system`. */
    tagKey?: string;
  };
  workflows?: {
    /** Sync workflows as System entities (their members get `spec.system`). Default true. */
    enabled?: boolean;
  };
  lineage?: {
    /** Default true. */
    enabled?: boolean;
    /** Argument-key globs whose S3 values are inputs. Default `[--input*, --source*, --src*]`. */
    inputArguments?: string[];
    /** Argument-key globs whose S3 values are outputs. Default `[--output*, --target*, --dest*]`. */
    outputArguments?: string[];
  };
  redaction?: {
    /** More argument-key regular expressions (case-insensitive) whose values are secrets, added to the defaults. */
    keyPatterns?: string[];
    /** More argument-value regular expressions (case-insensitive) that are secrets, added to the defaults. */
    valuePatterns?: string[];
  };
  removalGuard?: {
    /**
     * The largest share (0 to 1) of a region's entities one sync may remove;
     * beyond it the sync keeps the current entities and logs why. Default 0.5.
     */
    maxRemovalShare?: number;
  };
  /**
   * SDK attempts per call, with adaptive retry. Default 10: with 30% of calls
   * throttled, 6 attempts fail about one 20,000-job sync in three.
   */
  maxAttempts?: number;
  /**
   * Pages one listing (GetJobs, GetTriggers, the tagging API's
   * `glue:workflow` stream, ...) may take before the sync fails with a clear error and applies
   * nothing. Default 2000. A listing whose NextToken repeats fails at once.
   */
  maxPagesPerListing?: number;
  tagging?: {
    /**
     * Tagging API calls in flight at once per account and region (a whole
     * number from 1 to 64). The tags of jobs, triggers and crawlers are read
     * by `GetResources` with a list of up to 100 ARNs as each page of them
     * arrives; with too few in flight those calls, not the Glue listings,
     * set the sync's time (20,000 jobs, 5,000 triggers and 500 crawlers make
     * 255 of them). Default 8.
     */
    concurrency?: number;
  };
}

export interface Config {
  catalog?: {
    providers?: {
      /**
       * AWS Glue entity providers: one provider, or a record of providers keyed by id.
       */
      awsGlue?:
        | AwsGlueProviderOptions
        | { [providerId: string]: AwsGlueProviderOptions };
    };
  };
}
