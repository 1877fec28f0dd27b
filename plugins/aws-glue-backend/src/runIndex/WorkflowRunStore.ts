import { Knex } from 'knex';
import {
  GlueWorkflowRun,
  runStateRank,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { StoredRunsAfter } from '../lib/storePages';
import { WorkflowRef } from '../lib/shapes';
import { chunks, ms, newestFirstAfter } from './sql';

const WORKFLOW_RUNS = 'aws_glue_workflow_runs';

/**
 * Workflow runs in the run index, as the API serves them (statistics and
 * each graph node's state; never run properties). Upserts are idempotent
 * and monotonic like job runs: a status never goes back to an earlier one.
 *
 * @public
 */
export class WorkflowRunStore {
  constructor(
    private readonly knex: Knex,
    private readonly now: () => number = Date.now,
  ) {}

  /** Stores runs of one workflow; returns how many rows changed. */
  async upsert(
    workflow: WorkflowRef,
    runs: GlueWorkflowRun[],
  ): Promise<number> {
    const valid = runs.filter(run => run.id && run.status);
    let changed = 0;
    for (const batch of chunks(valid, 50)) {
      const existing = new Map<string, { rank: number; run: string }>();
      const rows = await this.knex(WORKFLOW_RUNS)
        .where({ workflow_arn: workflow.arn })
        .whereIn(
          'run_id',
          batch.map(run => run.id),
        )
        .select('run_id', 'status_rank', 'run');
      for (const row of rows) {
        existing.set(row.run_id, {
          rank: Number(row.status_rank),
          run: row.run,
        });
      }
      for (const run of batch) {
        const row = this.rowOf(workflow, run);
        const before = existing.get(run.id);
        if (!before) {
          const inserted = await this.knex(WORKFLOW_RUNS)
            .insert(row)
            .onConflict(['workflow_arn', 'run_id'])
            .ignore()
            .returning('run_id');
          if (inserted.length > 0) {
            changed += 1;
            continue;
          }
        } else if (before.rank > row.status_rank || before.run === row.run) {
          continue; // an earlier status, or nothing new
        }
        // the graph's node states move on while the status stays RUNNING
        changed += await this.knex(WORKFLOW_RUNS)
          .where({ workflow_arn: workflow.arn, run_id: run.id })
          .andWhere('status_rank', '<=', row.status_rank)
          .update(row);
      }
    }
    return changed;
  }

  /** A workflow's runs newest first, after `before`. */
  async list(
    workflowArn: string,
    options: { limit: number; before?: StoredRunsAfter },
  ): Promise<GlueWorkflowRun[]> {
    const query = this.knex(WORKFLOW_RUNS)
      .where({ workflow_arn: workflowArn })
      .limit(options.limit)
      .select('run');
    newestFirstAfter(query, options.before, 'run_id');
    return (await query).map(row => JSON.parse(row.run));
  }

  /** Deletes runs started before `beforeMs` (the retention). */
  async prune(beforeMs: number): Promise<number> {
    return this.knex(WORKFLOW_RUNS).where('started_at', '<', beforeMs).del();
  }

  private rowOf(workflow: WorkflowRef, run: GlueWorkflowRun) {
    return {
      workflow_arn: workflow.arn,
      run_id: run.id,
      account_id: workflow.accountId,
      region: workflow.region,
      workflow_name: workflow.name,
      status: run.status,
      status_rank: runStateRank(run.status),
      started_at: ms(run.startedOn),
      completed_at: ms(run.completedOn),
      run: JSON.stringify(run),
      updated_at: this.now(),
    };
  }
}
