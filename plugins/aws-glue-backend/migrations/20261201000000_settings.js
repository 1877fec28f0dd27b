// @ts-check

/**
 * Settings the plugin keeps for itself, shared by every replica: the key that
 * signs page cursors (when awsGlue.cursorSigningKey is not configured).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aws_glue_settings', table => {
    table.comment('Values the AWS Glue backend plugin keeps for itself');
    table.string('name', 100).primary().comment('The setting');
    table.text('value').notNullable().comment('Its value');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aws_glue_settings');
};
