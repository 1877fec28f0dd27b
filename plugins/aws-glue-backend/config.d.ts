import { HumanDuration } from '@backstage/types';

export interface Config {
  /**
   * The AWS Glue backend plugin (`@aws-glue-backstage/plugin-aws-glue-backend`):
   * run history, chains, bookmarks, workflow runs and start/stop actions.
   * AWS credentials come from the standard `aws.accounts` config of
   * `@backstage/integration-aws-node`, by the account id in each job's ARN.
   */
  awsGlue?: {
    /**
     * A Glue endpoint to call instead of AWS's regional endpoint: the local
     * Glue emulator (`http://127.0.0.1:4599`) or a VPC endpoint. Omit for AWS.
     */
    endpoint?: string;

    /**
     * A CloudWatch Logs endpoint to call instead of AWS's, for the log tail
     * of failed runs: the emulator (which serves Logs too) or a VPC
     * endpoint. Omit for AWS.
     */
    logsEndpoint?: string;

    /**
     * Attempts per Glue call including the first, with the SDK's adaptive
     * retry mode (throttling and server errors are retried, backing off).
     * Default 10; the `timeouts.call` deadline ends the retries sooner.
     */
    maxAttempts?: number;

    /** Timeouts of Glue calls: none is unbounded. */
    timeouts?: {
      /** Establishing a connection. Default 3 seconds. */
      connection?: HumanDuration | string;
      /** One attempt's request and response. Default 15 seconds. */
      request?: HumanDuration | string;
      /**
       * One call with all its retries: past it the call is cancelled and the
       * route answers 504 with Retry-After. Default 20 seconds.
       */
      call?: HumanDuration | string;
    };

    /**
     * Signs the page cursors (`nextToken`) the API hands out, so a cursor
     * only ever continues its own query. At least 32 characters; the same on
     * every replica. Default: a random key kept in the plugin's database.
     *
     * @visibility secret
     */
    cursorSigningKey?: string;

    /** How long Glue responses are cached (in the backend's cache service). */
    cache?: {
      /** Job run lists, latest runs and run details. Default 30 seconds. */
      runsTtl?: HumanDuration | string;
      /** The same while any cached run is active (STARTING, RUNNING, STOPPING, WAITING). Default 5 seconds. */
      activeRunsTtl?: HumanDuration | string;
      /** Job configurations (GetJob). Default 5 minutes. */
      jobsTtl?: HumanDuration | string;
      /** Job bookmarks (GetJobBookmark). Default 60 seconds. */
      bookmarkTtl?: HumanDuration | string;
    };

    /** Actions that change Glue. All are off unless enabled here. */
    /**
     * The actions this plugin registers in Backstage's actions registry, for
     * agents (served to MCP clients by `@backstage/plugin-mcp-actions-backend`).
     * Each takes an entity ref and applies the caller's permissions and the
     * redaction of the HTTP routes.
     */
    agentActions?: {
      /**
       * Register the read-only actions (`get-glue-job-runs`,
       * `explain-glue-job-failure`, `get-glue-chain-status`,
       * `list-failing-glue-jobs`). Default true.
       */
      enabled?: boolean;
      /**
       * Register `start-glue-job-run`, which starts a run with argument
       * overrides limited to `actions.allowedArguments`; `actions.startJobRun`
       * must be on as well, and the caller needs `aws-glue.job.start` on the
       * job's synced entity. Default false.
       */
      startJobRun?: boolean;
    };

    actions?: {
      /**
       * Let callers holding `aws-glue.job.start` on an entity start runs of
       * its jobs. Default false.
       */
      startJobRun?: boolean;
      /**
       * Let callers holding `aws-glue.job.stop` on an entity stop runs of
       * its jobs. Default false.
       */
      stopJobRun?: boolean;
      /**
       * Let callers holding `aws-glue.job.start` on an entity retry a failed
       * run of its jobs: the job starts again with the arguments that run
       * had (read from Glue on the server; the browser sees them redacted).
       * Default false.
       */
      retryJobRun?: boolean;
      /**
       * Let callers holding `aws-glue.workflow.resume` on a workflow System
       * resume a failed workflow run (`ResumeWorkflowRun`: the failed nodes
       * and what they start run again). Default false.
       */
      resumeWorkflowRun?: boolean;
      /**
       * Argument keys a caller may override when starting a run, as globs
       * (`*` any characters, `?` one), e.g. `--run_date` or `--input*`.
       * Default none: runs start with the job's default arguments only.
       */
      allowedArguments?: string[];
      /**
       * Take actions only with the authority of the job's own synced entity:
       * the entity the AWS Glue catalog module synced for the job's ARN. An
       * action through an entity that only names a job
       * (`aws.amazon.com/aws-glue-job-arn`) is evaluated on the job's synced
       * entity, and refused when none exists. Default true; false lets such
       * an entity's own permissions decide for jobs nobody synced.
       */
      requireSyncedEntity?: boolean;
    };

    /** Prices for the estimated cost of runs. */
    pricing?: {
      /** Price per DPU-hour (STANDARD execution class). Default 0.44. */
      dpuHour?: number;
      /** Price per DPU-hour for the FLEX execution class. Default 0.29. */
      flexDpuHour?: number;
      /**
       * ISO 4217 code of the prices. Default USD.
       */
      currency?: string;
    };

    /**
     * Extra secret patterns, added to the built-in ones. Matching argument
     * values are replaced by `<redacted>` before they are cached, returned
     * or logged.
     */
    redaction?: {
      /** Case-insensitive regular expressions matched against argument keys. */
      keyPatterns?: string[];
      /** Case-insensitive regular expressions matched against argument values (and run error messages). */
      valuePatterns?: string[];
    };

    /** The run history route. */
    runs?: {
      /**
       * Glue pages of 200 runs one filtered (`state=`) request may scan
       * before it returns what it found with a cursor. Default 5.
       */
      maxScanPages?: number;
    };

    /** The chain route. */
    chain?: {
      /** Hops walked when the request gives no depth. Default 3. */
      defaultDepth?: number;
      /** The largest depth a request may ask for. Default 6. */
      maxDepth?: number;
      /** At most this many nodes; the response says `truncated`. Default 200. */
      maxNodes?: number;
      /** Glue calls in flight while loading the chain's latest runs. Default 8. */
      concurrency?: number;
      /** Chain executions (`GET .../chain-executions`), built from the run index. */
      executions?: {
        /** Runs per execution; a larger one is cut and says so. Default 200, at most 2000. */
        maxNodes?: number;
        /**
         * Predecessor runs the run index lacks that one request fetches from
         * Glue (GetJobRun) and stores. Default 10.
         */
        predecessorFetches?: number;
      };
    };

    /** Failure triage of a failed run (`GET .../runs/:runId/triage`). */
    triage?: {
      /** The last lines of the run's error log shown. Default 50, at most 500. */
      logLines?: number;
    };

    /**
     * The run index: every Glue job run in the plugin's database, fed by
     * Glue's EventBridge events (through the events system), a scheduled
     * reconciler and the reads the plugin serves. Serves the fleet
     * overview (`GET /v1/jobs`), trends past Glue's 90 days and team
     * summaries, and drives failure notifications and live pages.
     */
    runIndex?: {
      /** Default true. */
      enabled?: boolean;
      /** Runs and crawls that started longer ago are deleted. Default 400. */
      retentionDays?: number;
      events?: {
        /**
         * The events topic Glue's EventBridge envelopes arrive on: the topic
         * of the SQS module's queue (`events.modules.awsSqs.
         * awsSqsConsumingEventPublisher.topics.<topic>`) or of the events
         * backend's HTTP ingress (`events.http.topics`). Default `aws-glue`.
         */
        topic?: string;
      };
      /** Glue calls in flight for the index. Default 4. */
      concurrency?: number;
      /**
       * Fills the gaps EventBridge leaves (delivery is best-effort): per job,
       * GetJobRuns newest first until a run the index already has. One
       * replica at a time (the scheduler's lock).
       */
      reconciler?: {
        /** Default true. */
        enabled?: boolean;
        /** Default 5 minutes. */
        frequency?: HumanDuration | string;
        /** Default 4 minutes. */
        timeout?: HumanDuration | string;
        /** Default 30 seconds. */
        initialDelay?: HumanDuration | string;
        /** Glue calls one pass may make per account x region. Default 1000. */
        callBudget?: number;
        /** Store what Glue still holds for a job seen the first time. Default true. */
        backfill?: boolean;
      };
    };

    /**
     * Backstage notifications to the owner of a job's synced entity (never
     * of an entity that only names the job) when a run ends FAILED, TIMEOUT
     * or ERROR and no retry attempt follows; one per run, with the redacted
     * error and a link to the run. `aws-glue.job.read` is not evaluated for
     * the recipients (the linked page is guarded by it): set `enabled: false`
     * where even redacted errors must not reach the whole owning team. Needs
     * the notifications backend. A synced entity opts out with the
     * annotation `aws.amazon.com/aws-glue-notifications: disabled`.
     */
    notifications?: {
      /** Default true. */
      enabled?: boolean;
      /** Ended states that notify. Default [FAILED, TIMEOUT, ERROR]. */
      states?: string[];
      /** Also notify when a job succeeds after a notified failure. Default false. */
      recovery?: boolean;
      /** Runs that ended longer ago than this never notify. Default 1 hour. */
      maxAge?: HumanDuration | string;
      /**
       * The entity page route of the Runs tab a notification links to
       * (`/catalog/:namespace/:kind/:name/<runsPath>?run=<id>`). Default `runs`.
       */
      runsPath?: string;
    };
  };
}
