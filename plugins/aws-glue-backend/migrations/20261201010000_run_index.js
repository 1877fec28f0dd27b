// @ts-check

/**
 * The run index: every Glue job run and crawl the plugin has seen (from
 * Glue's EventBridge events, the reconciler and the reads it serves), the
 * reconciler's progress per job, and the notifications sent, one row each.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aws_glue_job_runs', table => {
    table.comment(
      'Glue job runs, one row per run id; never argument values in clear',
    );
    table.string('job_arn', 512).notNullable().comment('The Glue job ARN');
    table.string('run_id', 255).notNullable().comment('Glue JobRun.Id');
    table.string('account_id', 12).notNullable();
    table.string('region', 32).notNullable();
    table.string('job_name', 255).notNullable();
    table.integer('attempt').notNullable().defaultTo(0);
    table.string('state', 16).notNullable().comment('Glue JobRunState');
    table
      .integer('state_rank')
      .notNullable()
      .comment('Order of states: an update never lowers it');
    table.bigInteger('started_at').nullable().comment('ms since the epoch');
    table.bigInteger('completed_at').nullable().comment('ms since the epoch');
    table.integer('duration_seconds').nullable();
    table
      .double('dpu_seconds')
      .nullable()
      .comment('Glue DPUSeconds or estimated');
    table.string('trigger_name', 255).nullable();
    table
      .boolean('complete')
      .notNullable()
      .comment('False when only an event was seen; GetJobRun fills the rest');
    table
      .text('run')
      .notNullable()
      .comment('The run as JSON, arguments and error redacted');
    table.bigInteger('updated_at').notNullable().comment('ms since the epoch');
    table.primary(['job_arn', 'run_id']);
    table.index(['job_arn', 'started_at'], 'aws_glue_job_runs_job_started_idx');
    table.index(['started_at'], 'aws_glue_job_runs_started_idx');
    table.index(['state_rank'], 'aws_glue_job_runs_rank_idx');
  });

  await knex.schema.createTable('aws_glue_latest_runs', table => {
    table.comment('The newest run of each job, for the fleet overview');
    table.string('job_arn', 512).primary();
    table.string('run_id', 255).notNullable();
    table.bigInteger('started_at').notNullable().comment('ms since the epoch');
  });

  await knex.schema.createTable('aws_glue_crawls', table => {
    table.comment('Glue crawls seen in events');
    table.string('crawler_arn', 512).notNullable();
    table.bigInteger('started_at').notNullable().comment('ms since the epoch');
    table.string('account_id', 12).notNullable();
    table.string('region', 32).notNullable();
    table.string('crawler_name', 255).notNullable();
    table
      .string('state', 16)
      .notNullable()
      .comment('Started, Succeeded or Failed');
    table.integer('state_rank').notNullable();
    table.bigInteger('completed_at').nullable();
    table.text('error_message').nullable().comment('Redacted');
    table.bigInteger('updated_at').notNullable();
    table.primary(['crawler_arn', 'started_at']);
  });

  await knex.schema.createTable('aws_glue_index_jobs', table => {
    // no quote marks in comments: knex does not escape them for PostgreSQL
    table.comment('Progress of the reconciler per job');
    table.string('job_arn', 512).primary();
    table
      .bigInteger('reconciled_at')
      .nullable()
      .comment('Last pass that reached known runs');
    table
      .boolean('backfilled')
      .notNullable()
      .defaultTo(false)
      .comment('True once every run Glue held at first sight is stored');
    table
      .text('backfill_token')
      .nullable()
      .comment('Glue NextToken where an unfinished backfill resumes');
  });

  await knex.schema.createTable('aws_glue_run_notifications', table => {
    table.comment(
      'One row per notification sent: the claim that makes it once-only',
    );
    table.string('job_arn', 512).notNullable();
    table.string('run_id', 255).notNullable();
    table.string('kind', 16).notNullable().comment('failure or recovery');
    table.bigInteger('sent_at').notNullable();
    table.primary(['job_arn', 'run_id', 'kind']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aws_glue_run_notifications');
  await knex.schema.dropTable('aws_glue_index_jobs');
  await knex.schema.dropTable('aws_glue_crawls');
  await knex.schema.dropTable('aws_glue_latest_runs');
  await knex.schema.dropTable('aws_glue_job_runs');
};
