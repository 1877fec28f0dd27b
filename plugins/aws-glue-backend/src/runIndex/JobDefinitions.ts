import { createHash } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { GLUE_ANNOTATIONS } from '@aws-glue-backstage/plugin-aws-glue-common';
import { Knex } from 'knex';
import { chunks } from './sql';
import { SyncedJob } from './SyncedJobs';

const DEFINITIONS = 'aws_glue_job_definitions';

/**
 * The job-definition fields a triage compares, as the synced entity's
 * annotations carry them (never arguments).
 *
 * @public
 */
export const JOB_DEFINITION_FIELDS = {
  workerType: GLUE_ANNOTATIONS.jobWorkerType,
  numberOfWorkers: GLUE_ANNOTATIONS.jobNumberOfWorkers,
  maxCapacity: GLUE_ANNOTATIONS.jobMaxCapacity,
  glueVersion: GLUE_ANNOTATIONS.jobGlueVersion,
  scriptLocation: GLUE_ANNOTATIONS.jobScriptLocation,
  timeout: GLUE_ANNOTATIONS.jobTimeout,
  maxRetries: GLUE_ANNOTATIONS.jobMaxRetries,
  executionClass: GLUE_ANNOTATIONS.jobExecutionClass,
} as const;

/**
 * A job's definition fields (the ones set).
 *
 * @public
 */
export type JobDefinition = Partial<
  Record<keyof typeof JOB_DEFINITION_FIELDS, string>
>;

/** The definition fields of a synced job entity. Pure. */
export function jobDefinitionOf(entity: Entity): JobDefinition {
  const annotations = entity.metadata.annotations ?? {};
  const definition: JobDefinition = {};
  for (const [field, key] of Object.entries(JOB_DEFINITION_FIELDS)) {
    const value = annotations[key];
    if (value !== undefined && value !== '') {
      definition[field as keyof JobDefinition] = value;
    }
  }
  return definition;
}

const fingerprintOf = (definition: JobDefinition) =>
  createHash('sha256')
    .update(JSON.stringify(Object.entries(definition).sort()))
    .digest('hex');

/**
 * Job-definition snapshots in the run index: a row each time a synced job's
 * definition differs from its newest row. Written on each load of the
 * synced-jobs directory; the newest fingerprints are kept in memory (loaded
 * once), so an unchanged fleet costs no writes.
 *
 * @public
 */
export class JobDefinitionStore {
  private newest?: Promise<Map<string, string>>;

  constructor(
    private readonly knex: Knex,
    private readonly logger: LoggerService,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records the definitions that changed; never throws (logs instead). */
  async record(jobs: SyncedJob[]): Promise<number> {
    try {
      return await this.write(jobs);
    } catch (error) {
      this.newest = undefined; // read again next time
      this.logger.warn(
        `Could not record AWS Glue job definitions: ${
          (error as Error).message
        }`,
      );
      return 0;
    }
  }

  /** The definition a job had at `atMs`: the newest snapshot captured at or before it. */
  async at(jobArn: string, atMs: number): Promise<JobDefinition | undefined> {
    const row = await this.knex(DEFINITIONS)
      .where({ job_arn: jobArn })
      .andWhere('captured_at', '<=', atMs)
      .orderBy('captured_at', 'desc')
      .first('definition');
    return row ? JSON.parse(row.definition) : undefined;
  }

  private async write(jobs: SyncedJob[]): Promise<number> {
    this.newest ??= this.loadNewest();
    const newest = await this.newest;
    const capturedAt = this.now();
    const rows = jobs.flatMap(({ job, entity }) => {
      const definition = jobDefinitionOf(entity);
      const fingerprint = fingerprintOf(definition);
      if (newest.get(job.arn) === fingerprint) return [];
      newest.set(job.arn, fingerprint);
      return [
        {
          job_arn: job.arn,
          captured_at: capturedAt,
          fingerprint,
          definition: JSON.stringify(definition),
        },
      ];
    });
    for (const batch of chunks(rows, 100)) {
      await this.knex(DEFINITIONS)
        .insert(batch)
        .onConflict(['job_arn', 'captured_at'])
        .ignore();
    }
    return rows.length;
  }

  private async loadNewest(): Promise<Map<string, string>> {
    const latest = this.knex(DEFINITIONS)
      .select('job_arn')
      .max({ captured_at: 'captured_at' })
      .groupBy('job_arn')
      .as('latest');
    const rows = await this.knex(`${DEFINITIONS} as d`)
      .join(latest, function on() {
        this.on('d.job_arn', '=', 'latest.job_arn').andOn(
          'd.captured_at',
          '=',
          'latest.captured_at',
        );
      })
      .select('d.job_arn', 'd.fingerprint');
    return new Map(rows.map(row => [row.job_arn, row.fingerprint]));
  }
}
