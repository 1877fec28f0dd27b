// @ts-check

/**
 * One row per Glue job the run index knows, for fleet views: the facts of
 * its synced entity (written from the catalog each time the plugin loads its
 * directory of synced jobs; absent for a job with runs but no synced entity)
 * and its newest run with that run's state. One table, so the database
 * filters, sorts and pages a view of tens of thousands of jobs without a
 * join. Replaces aws_glue_latest_runs, which held only the newest run id.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aws_glue_fleet_jobs', table => {
    // no quote marks in comments: knex does not escape them for PostgreSQL
    table.comment('Glue jobs: synced entity facts and the newest run');
    table.string('job_arn', 512).primary();
    table
      .string('entity_ref', 512)
      .nullable()
      .comment('The synced entity; null when no synced entity stands for it');
    table.string('title', 1024).nullable();
    table.string('title_key', 1024).nullable().comment('Lower-case title');
    table.string('owner', 512).nullable().comment('Full entity ref');
    table.string('system', 512).nullable();
    table.string('job_name', 255).nullable();
    table.string('account_id', 12).nullable();
    table.string('region', 32).nullable();
    table
      .text('search')
      .nullable()
      .comment('Lower-case job name, entity ref and title');
    table.string('run_id', 255).nullable().comment('The newest run');
    table.bigInteger('started_at').nullable().comment('ms since the epoch');
    table.string('state', 16).nullable().comment('Glue JobRunState of the run');
    table
      .integer('state_rank')
      .nullable()
      .comment('Order of states: an update never lowers it');
    table.index(['owner'], 'aws_glue_fleet_jobs_owner_idx');
  });
  await knex
    .insert(
      knex('aws_glue_latest_runs as l')
        .join('aws_glue_job_runs as r', function on() {
          this.on('r.job_arn', '=', 'l.job_arn').andOn(
            'r.run_id',
            '=',
            'l.run_id',
          );
        })
        .select(
          'l.job_arn',
          'l.run_id',
          'l.started_at',
          'r.state',
          'r.state_rank',
        ),
    )
    .into(
      knex.raw('?? (??, ??, ??, ??, ??)', [
        'aws_glue_fleet_jobs',
        'job_arn',
        'run_id',
        'started_at',
        'state',
        'state_rank',
      ]),
    );
  await knex.schema.dropTable('aws_glue_latest_runs');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.createTable('aws_glue_latest_runs', table => {
    table.comment('The newest run of each job, for the fleet overview');
    table.string('job_arn', 512).primary();
    table.string('run_id', 255).notNullable();
    table.bigInteger('started_at').notNullable().comment('ms since the epoch');
  });
  await knex
    .insert(
      knex('aws_glue_fleet_jobs')
        .whereNotNull('run_id')
        .whereNotNull('started_at')
        .select('job_arn', 'run_id', 'started_at'),
    )
    .into(
      knex.raw('?? (??, ??, ??)', [
        'aws_glue_latest_runs',
        'job_arn',
        'run_id',
        'started_at',
      ]),
    );
  await knex.schema.dropTable('aws_glue_fleet_jobs');
};
