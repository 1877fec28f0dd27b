import { TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

const MIGRATIONS = resolvePackagePath(
  '@aws-glue-backstage/plugin-aws-glue-backend',
  'migrations',
);

// PostgreSQL when one is given, else SQLite (no container runtime here)
const databases = TestDatabases.create({
  ids: process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
    ? ['POSTGRES_15']
    : ['SQLITE_3'],
});

describe('migrations', () => {
  it('moves the newest run of each job into the fleet table, with the run state', async () => {
    const knex = await databases.init(databases.eachSupportedId()[0][0]);
    const config = { directory: MIGRATIONS };
    // up to the run index with workflow runs, as a deployment of last release has it
    await knex.migrate.up({ ...config, name: '20261201000000_settings.js' });
    await knex.migrate.up({ ...config, name: '20261201010000_run_index.js' });
    await knex.migrate.up({
      ...config,
      name: '20261202000000_workflow_runs.js',
    });
    const job = 'arn:aws:glue:us-east-1:123456789012:job/orders';
    await knex('aws_glue_job_runs').insert({
      job_arn: job,
      run_id: 'jr_1',
      account_id: '123456789012',
      region: 'us-east-1',
      job_name: 'orders',
      state: 'TIMEOUT',
      state_rank: 4,
      started_at: 1000,
      complete: true,
      run: '{}',
      updated_at: 1000,
    });
    await knex('aws_glue_latest_runs').insert({
      job_arn: job,
      run_id: 'jr_1',
      started_at: 1000,
    });

    await knex.migrate.latest(config);

    expect(await knex('aws_glue_fleet_jobs').select()).toEqual([
      expect.objectContaining({
        job_arn: job,
        entity_ref: null, // until the directory writes the synced facts
        run_id: 'jr_1',
        started_at: expect.anything(),
        state: 'TIMEOUT',
        state_rank: 4,
      }),
    ]);
    expect(await knex.schema.hasTable('aws_glue_latest_runs')).toBe(false);
    // and back (past the job definitions): the newest run ids return to their own table
    await knex.migrate.down({
      ...config,
      name: '20261204000000_job_definitions.js',
    });
    await knex.migrate.down({
      ...config,
      name: '20261203000000_fleet_jobs.js',
    });
    expect(await knex('aws_glue_latest_runs').select('run_id')).toEqual([
      { run_id: 'jr_1' },
    ]);
    await knex.migrate.rollback(config, true);
  });
});
