/*
 * WORKAROUND, in the bench's backend child processes only: knex 3.3 writes
 * a PostgreSQL table comment as `comment on table t is '<text>'` without
 * escaping quotes (column comments are escaped), and the AWS Glue backend
 * plugin's run-index migration (20261201010000_run_index.js) has the table
 * comment "The reconciler's progress per job", so on PostgreSQL the
 * migration fails and the plugin does not start. Until the migration is
 * fixed, the bench escapes quotes in table comments and tells the parent
 * each time it had to (a `workaround` event), so the results say so.
 */
import { sendEvent } from '../lib/child';

let applied = false;

export function escapePgTableComments(label: string) {
  if (applied) return;
  applied = true;
  let TableCompilerPG: any;
  try {
    // the backend's own knex (hoisted), not a dependency of the bench
    // eslint-disable-next-line @backstage/no-undeclared-imports
    TableCompilerPG = require('knex/lib/dialects/postgres/schema/pg-tablecompiler');
  } catch {
    return; // another knex layout: nothing to patch
  }
  const original = TableCompilerPG.prototype.comment;
  TableCompilerPG.prototype.comment = function comment(
    this: any,
    text: string,
  ) {
    const value = this.single?.comment;
    if (typeof value === 'string' && /(?<!')'(?!')/.test(value)) {
      sendEvent({
        type: 'workaround',
        label,
        message: `escaped a quote in the PostgreSQL comment of table ${this.tableNameRaw}: ${value}`,
      });
      this.single.comment = value.replace(/(?<!')'(?!')/g, "''");
    }
    return original.call(this, text);
  };
}
