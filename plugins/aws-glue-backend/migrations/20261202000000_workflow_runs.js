// @ts-check

/**
 * Workflow runs in the run index: one row per run, read from Glue's
 * GetWorkflowRuns pages the plugin serves, kept past Glue's own history.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aws_glue_workflow_runs', table => {
    // no quote marks in comments: knex does not escape them for PostgreSQL
    table.comment(
      'Glue workflow runs, one row per run id; never run properties',
    );
    table.string('workflow_arn', 512).notNullable();
    table.string('run_id', 255).notNullable().comment('Glue WorkflowRunId');
    table.string('account_id', 12).notNullable();
    table.string('region', 32).notNullable();
    table.string('workflow_name', 255).notNullable();
    table.string('status', 16).notNullable().comment('Glue WorkflowRunStatus');
    table
      .integer('status_rank')
      .notNullable()
      .comment('Order of statuses: an update never lowers it');
    table.bigInteger('started_at').nullable().comment('ms since the epoch');
    table.bigInteger('completed_at').nullable().comment('ms since the epoch');
    table
      .text('run')
      .notNullable()
      .comment('The run as the API serves it: statistics and graph states');
    table.bigInteger('updated_at').notNullable().comment('ms since the epoch');
    table.primary(['workflow_arn', 'run_id']);
    table.index(
      ['workflow_arn', 'started_at'],
      'aws_glue_workflow_runs_started_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aws_glue_workflow_runs');
};
