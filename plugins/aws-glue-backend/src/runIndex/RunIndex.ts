import { LoggerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  AWS_GLUE_RUNS_SIGNAL_CHANNEL,
  GlueRunsSignal,
  GlueWorkflowRun,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { JobRef, StoredJobRun, WorkflowRef } from '../lib/shapes';
import { FleetJobTable } from './FleetJobs';
import { GlueRunReader } from './GlueRunReader';
import { RunNotifier } from './RunNotifier';
import { JobDefinitionStore } from './JobDefinitions';
import { RunChange, RunStore } from './RunStore';
import { SyncedJobDirectory } from './SyncedJobs';
import { WorkflowRunStore } from './WorkflowRunStore';

/**
 * Where a run came from.
 *
 * @public
 */
export type RunSource = 'event' | 'reconciler' | 'read';

/**
 * The one way into the run index: every feed (events, the reconciler, the
 * reads the plugin serves) records runs here. A run whose stored state
 * changes goes on to the notifier and, as a signal naming only the job, to
 * the pages that show it.
 *
 * @public
 */
export class RunIndex {
  constructor(
    private readonly options: {
      store: RunStore;
      workflowRuns: WorkflowRunStore;
      jobs: SyncedJobDirectory;
      /** The synced jobs as fleet views filter and sort them. */
      fleetJobs: FleetJobTable;
      /** Job-definition snapshots, for the triage of failed runs. */
      definitions?: JobDefinitionStore;
      notifier: RunNotifier;
      signals?: SignalsService;
      logger: LoggerService;
      /** Glue reads past the cache, for the events consumer and reconciler. */
      reader: GlueRunReader;
      /** When false, nothing is written through and no feed runs. */
      enabled: boolean;
    },
  ) {}

  get reader(): GlueRunReader {
    return this.options.reader;
  }

  get enabled(): boolean {
    return this.options.enabled;
  }

  get store(): RunStore {
    return this.options.store;
  }

  get workflowRuns(): WorkflowRunStore {
    return this.options.workflowRuns;
  }

  get jobs(): SyncedJobDirectory {
    return this.options.jobs;
  }

  get fleetJobs(): FleetJobTable {
    return this.options.fleetJobs;
  }

  get definitions(): JobDefinitionStore | undefined {
    return this.options.definitions;
  }

  /**
   * Stores runs of one job (`complete` when they come from GetJobRun or
   * GetJobRuns, not only an event) and acts on those whose state changed.
   */
  async record(
    job: JobRef,
    runs: StoredJobRun[],
    complete: boolean,
  ): Promise<RunChange[]> {
    const changes = await this.options.store.upsertRuns(job, runs, complete);
    if (changes.length === 0) return changes;
    const synced = await this.options.jobs.byJobArn(job.arn);
    if (synced) {
      for (const change of changes) {
        await this.options.notifier.onChange(change, synced);
      }
    }
    await this.signal(job.arn);
    return changes;
  }

  /**
   * Write-through of runs the plugin read from Glue for a user: stored, and
   * never in the way of the response (errors are logged).
   */
  recordRead(job: JobRef, runs: StoredJobRun[]): void {
    if (!this.options.enabled || runs.length === 0) return;
    if (!this.options.jobs.hasUnit(job.accountId, job.region)) return;
    this.record(job, runs, true).catch(error => {
      this.options.logger.warn(
        `Could not store runs of ${job.arn} in the run index: ${error}`,
      );
    });
  }

  /** Write-through of a page of workflow runs read from Glue for a user. */
  recordWorkflowRead(workflow: WorkflowRef, runs: GlueWorkflowRun[]): void {
    if (!this.options.enabled || runs.length === 0) return;
    if (!this.options.jobs.hasUnit(workflow.accountId, workflow.region)) return;
    this.options.workflowRuns.upsert(workflow, runs).catch(error => {
      this.options.logger.warn(
        `Could not store runs of ${workflow.arn} in the run index: ${error}`,
      );
    });
  }

  private async signal(jobArn: string): Promise<void> {
    if (!this.options.signals) return;
    const message: GlueRunsSignal = { jobArn };
    try {
      await this.options.signals.publish({
        recipients: { type: 'broadcast' },
        channel: AWS_GLUE_RUNS_SIGNAL_CHANNEL,
        message: { ...message },
      });
    } catch (error) {
      this.options.logger.debug(`Could not publish a runs signal: ${error}`);
    }
  }
}
