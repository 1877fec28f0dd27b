import { randomBytes } from 'node:crypto';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const MIGRATIONS = resolvePackagePath(
  '@aws-glue-backstage/plugin-aws-glue-backend',
  'migrations',
);

/** The plugin's database, migrated to the latest schema. */
export async function migratedDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const knex = await database.getClient();
  if (!database.migrations?.skip) {
    await knex.migrate.latest({ directory: MIGRATIONS });
  }
  return knex;
}

const CURSOR_KEY = 'cursor-signing-key';

/**
 * The key that signs page cursors: the configured one, or a random one the
 * first replica stores and every replica then reads, so that a cursor from
 * one replica is good on the others.
 */
export async function cursorSigningKey(
  knex: Knex,
  configured: string | undefined,
): Promise<string> {
  if (configured) return configured;
  await knex('aws_glue_settings')
    .insert({ name: CURSOR_KEY, value: randomBytes(32).toString('base64url') })
    .onConflict('name')
    .ignore();
  const row = await knex('aws_glue_settings')
    .where({ name: CURSOR_KEY })
    .first('value');
  return row.value;
}
