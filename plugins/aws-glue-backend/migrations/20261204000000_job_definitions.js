// @ts-check

/**
 * Snapshots of Glue job definitions (worker type and count, Glue version,
 * script location, timeout, retries), one row each time a synced job's
 * definition changes, so the triage of a failed run can say what changed
 * since the last successful one.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aws_glue_job_definitions', table => {
    // no quote marks in comments: knex does not escape them for PostgreSQL
    table.comment('Glue job definitions, a row per change');
    table.string('job_arn', 512).notNullable();
    table
      .bigInteger('captured_at')
      .notNullable()
      .comment('ms since the epoch: when this definition was first seen');
    table.string('fingerprint', 64).notNullable();
    table
      .text('definition')
      .notNullable()
      .comment('The definition fields as JSON; no arguments');
    table.primary(['job_arn', 'captured_at']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aws_glue_job_definitions');
};
