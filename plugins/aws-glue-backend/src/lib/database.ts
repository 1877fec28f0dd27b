import { randomBytes } from 'node:crypto';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { CursorCodec } from './cursor';

const MIGRATIONS = resolvePackagePath(
  '@aws-glue-backstage/plugin-aws-glue-backend',
  'migrations',
);

const migrated = new WeakMap<DatabaseService, Promise<Knex>>();

/**
 * The plugin's database, migrated to the latest schema; once per database
 * service, however many of the plugin's services ask.
 */
export function migratedDatabase(database: DatabaseService): Promise<Knex> {
  let knex = migrated.get(database);
  if (!knex) {
    knex = (async () => {
      const client = await database.getClient();
      if (!database.migrations?.skip) {
        await client.migrate.latest({ directory: MIGRATIONS });
      }
      return client;
    })();
    migrated.set(database, knex);
  }
  return knex;
}

/** The key that signs page cursors, as a codec. */
export async function cursorCodecOf(
  database: DatabaseService,
  configured: string | undefined,
): Promise<CursorCodec> {
  const knex = await migratedDatabase(database);
  return new CursorCodec(await cursorSigningKey(knex, configured));
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
