import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  ANNOTATION_AWS_GLUE_NOTIFICATIONS,
  isFailedRunState,
  formatGlueArn,
  readGlueJobMaxRetries,
  readGlueSla,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { scheduledStartOf, slaDeadline } from '../lib/executions';
import { StoredJobRun } from '../lib/shapes';
import { NotificationsConfig } from '../lib/config';
import { RunChange, RunStore } from './RunStore';
import { SyncedJob } from './SyncedJobs';

/** Where a notification links: the run on the job entity's Runs tab. */
export function runLink(entity: Entity, runId: string, runsPath: string) {
  const { namespace = 'default', name } = entity.metadata;
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind,
  )}/${encodeURIComponent(name)}/${runsPath}?run=${encodeURIComponent(runId)}`;
}

const endedAt = (change: RunChange) =>
  Date.parse(change.run.completedOn ?? change.run.lastModifiedOn ?? '');

/**
 * Tells the owner of a job's synced entity when a run ends FAILED, TIMEOUT
 * or ERROR (configurable) and no retry attempt follows: one Backstage
 * notification per run, whichever replica or feed sees the end first (the
 * store's claim decides). Optionally a recovery notice when the next run
 * succeeds. The notification holds the redacted error only.
 *
 * @public
 */
export class RunNotifier {
  constructor(
    private readonly options: {
      store: RunStore;
      notifications: NotificationService;
      logger: LoggerService;
      config: NotificationsConfig;
      now?: () => number;
    },
  ) {}

  /** Called for every change of a stored run's state. */
  async onChange(change: RunChange, synced: SyncedJob): Promise<void> {
    const { config } = this.options;
    // only Glue's own word counts: an event alone (which anyone who can
    // reach an HTTP ingress could forge) never notifies
    if (!config.enabled || !change.complete) return;
    if (!this.wanted(change, synced.entity)) return;
    try {
      if (config.states.includes(change.run.state ?? '')) {
        await this.failure(change, synced);
      } else if (change.run.state === 'SUCCEEDED') {
        if (config.recovery) await this.recovery(change, synced);
        await this.late(change, synced);
      }
    } catch (error) {
      // a notification must never stop the index; the claim stays, so a
      // failed send is logged rather than sent twice
      this.options.logger.warn(
        `Could not notify the owner of ${synced.entityRef} about run ${change.run.id}: ${error}`,
      );
    }
  }

  /** Recent enough, not opted out, owned. */
  private wanted(change: RunChange, entity: Entity): boolean {
    const age = (this.options.now ?? Date.now)() - endedAt(change);
    if (!(age <= this.options.config.maxAgeMs)) return false;
    const optOut =
      entity.metadata.annotations?.[ANNOTATION_AWS_GLUE_NOTIFICATIONS];
    if (optOut?.trim().toLocaleLowerCase('en-US') === 'disabled') return false;
    return typeof entity.spec?.owner === 'string';
  }

  private async failure(change: RunChange, synced: SyncedJob) {
    const { run, job } = change;
    const maxRetries = readGlueJobMaxRetries(synced.entity) ?? 0;
    if ((run.attempt ?? 0) < maxRetries) return; // Glue starts another attempt
    if (
      !(await this.options.store.claimNotification(job.arn, run.id, 'failure'))
    ) {
      return;
    }
    const title = `AWS Glue job ${job.name} ${run.state}`;
    await this.send(synced, run.id, {
      title,
      description: run.errorMessage
        ? `Run ${run.id}: ${run.errorMessage}`
        : `Run ${run.id} ended ${run.state}.`,
      severity: 'high',
    });
  }

  private async recovery(change: RunChange, synced: SyncedJob) {
    const { run, job } = change;
    const failedBefore = await this.previousNotifiedFailure(change);
    if (!failedBefore) return;
    if (
      !(await this.options.store.claimNotification(job.arn, run.id, 'recovery'))
    ) {
      return;
    }
    await this.send(synced, run.id, {
      title: `AWS Glue job ${job.name} recovered`,
      description: `Run ${run.id} succeeded after run ${failedBefore} failed.`,
      severity: 'low',
    });
  }

  /**
   * Tells the owner when a run of a job with an SLA
   * (`aws.amazon.com/aws-glue-sla`) lands after it: the deadline counts from
   * the scheduled start of the run's execution, found by following
   * `PredecessorRuns` in the store back to the root (a run a trigger started
   * without predecessors).
   */
  private async late(change: RunChange, synced: SyncedJob) {
    const { sla } = readGlueSla(synced.entity);
    const landed = Date.parse(change.run.completedOn ?? '');
    if (!sla || Number.isNaN(landed)) return;
    const root = await this.rootOf(change);
    const started = Date.parse(root?.startedOn ?? '');
    if (!root?.triggerName || Number.isNaN(started)) return;
    const scheduled = scheduledStartOf(started);
    const deadline = slaDeadline(sla, scheduled);
    if (landed <= deadline) return;
    const { job, run } = change;
    if (
      !(await this.options.store.claimNotification(job.arn, run.id, 'late'))
    ) {
      return;
    }
    const minutes = Math.round((landed - deadline) / 60_000);
    await this.send(synced, run.id, {
      title: `AWS Glue job ${job.name} landed late`,
      description: `Run ${
        run.id
      } finished ${minutes} min after its SLA (${new Date(
        deadline,
      ).toISOString()}); the chain started at ${new Date(
        scheduled,
      ).toISOString()} with run ${root.id}.`,
      severity: 'high',
    });
  }

  /** The root of a run's execution in the store: predecessors followed up (at most 100 hops). */
  private async rootOf(change: RunChange): Promise<StoredJobRun | undefined> {
    let current: StoredJobRun = change.run;
    const seen = new Set([current.id]);
    for (let hop = 0; hop < 100; hop++) {
      const [parent] = current.predecessorRuns;
      if (!parent) return current;
      if (seen.has(parent.runId)) return undefined; // a cycle: no root
      seen.add(parent.runId);
      const arn = formatGlueArn({
        partition: change.job.partition,
        region: change.job.region,
        accountId: change.job.accountId,
        resourceType: 'job',
        name: parent.jobName,
      });
      const [stored] = await this.options.store.getRuns(arn, [parent.runId]);
      if (!stored) return undefined; // not stored: the start is unknown
      current = stored.run;
    }
    return undefined;
  }

  /** The run before this one, when it failed and its owner was told. */
  private async previousNotifiedFailure(
    change: RunChange,
  ): Promise<string | undefined> {
    const started = Date.parse(change.run.startedOn ?? '');
    if (Number.isNaN(started)) return undefined;
    const [previous] = await this.options.store.listRuns(change.job.arn, {
      limit: 1,
      before: { startedAt: started, runId: change.run.id },
    });
    if (!previous || !isFailedRunState(previous.state)) return undefined;
    const told = await this.options.store.wasNotified(
      change.job.arn,
      previous.id,
      'failure',
    );
    return told ? previous.id : undefined;
  }

  private async send(
    synced: SyncedJob,
    runId: string,
    payload: { title: string; description: string; severity: 'high' | 'low' },
  ) {
    await this.options.notifications.send({
      recipients: {
        type: 'entity',
        entityRef: synced.entity.spec!.owner as string,
      },
      payload: {
        ...payload,
        link: runLink(synced.entity, runId, this.options.config.runsPath),
        topic: 'AWS Glue',
        scope: `aws-glue-run:${synced.job.arn}:${runId}`,
      },
    });
  }
}
