import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { GlueClient } from '@aws-sdk/client-glue';

/**
 * Where a Glue client talks to.
 *
 * @public
 */
export interface GlueClientTarget {
  accountId: string;
  region: string;
}

/**
 * Hands out one Glue client per account x region.
 *
 * @public
 */
export interface GlueClientFactory {
  getClient(target: GlueClientTarget): Promise<GlueClient>;
  /**
   * A CloudWatch Logs client for the same account x region, with the same
   * setup, for the log tail of failed runs. Without it, triage shows no
   * log lines and says why.
   */
  getLogsClient?(target: GlueClientTarget): Promise<CloudWatchLogsClient>;
}
