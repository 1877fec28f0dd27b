import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import { AwsGlueBackendConfig } from '../lib/config';
import { createRedactor } from '../lib/redaction';
import { GlueEventsConsumer } from './GlueEventsConsumer';
import { RunIndex } from './RunIndex';
import { RunReconciler } from './RunReconciler';

/** The reconciler's scheduled task (one replica at a time runs it). */
export const RECONCILER_TASK_ID = 'aws-glue-run-index-reconciler';

/**
 * Starts the run index's feeds: the events subscription (Glue's EventBridge
 * events on the configured topic) and the reconciler's scheduled task. The
 * third feed, write-through, is the data source's `onRunsLoaded`.
 */
export async function startRunIndexFeeds(options: {
  index: RunIndex;
  events: EventsService;
  scheduler: SchedulerService;
  logger: LoggerService;
  config: AwsGlueBackendConfig;
}): Promise<{ consumer?: GlueEventsConsumer; reconciler?: RunReconciler }> {
  const { index, events, scheduler, logger, config } = options;
  if (!index.enabled) {
    logger.info('AWS Glue run index is off (awsGlue.runIndex.enabled: false)');
    return {};
  }
  const consumer = new GlueEventsConsumer({
    index,
    reader: index.reader,
    redactor: createRedactor(config.redaction),
    logger,
  });
  await consumer.subscribe(events, config.runIndex.eventsTopic);
  const { reconciler: schedule } = config.runIndex;
  logger.info(
    `AWS Glue run index: Glue events from topic '${
      config.runIndex.eventsTopic
    }', reconciler ${
      schedule.enabled
        ? `every ${Math.round(schedule.frequencyMs / 1000)} s`
        : 'off'
    }, ${config.runIndex.retentionDays} days kept`,
  );
  if (!schedule.enabled) {
    return { consumer };
  }
  const reconciler = new RunReconciler({
    index,
    reader: index.reader,
    logger,
    config: config.runIndex,
  });
  await scheduler.scheduleTask({
    id: RECONCILER_TASK_ID,
    frequency: { milliseconds: schedule.frequencyMs },
    timeout: { milliseconds: schedule.timeoutMs },
    initialDelay: { milliseconds: schedule.initialDelayMs },
    fn: async abortSignal => {
      const report = await reconciler.reconcile(abortSignal);
      logger.info(
        `AWS Glue run index reconciled ${report.jobsPolled} jobs with ${
          report.calls
        } Glue calls: ${report.runsChanged} runs changed, ${
          report.deferred
        } jobs deferred${
          report.throttled.length
            ? `, throttled in ${report.throttled.join(', ')}`
            : ''
        }`,
        { events: JSON.stringify(consumer.stats()) },
      );
    },
  });
  return { consumer, reconciler };
}
