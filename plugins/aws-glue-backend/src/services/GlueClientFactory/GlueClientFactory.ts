import { GlueClient } from '@aws-sdk/client-glue';

/** Where a Glue client talks to. */
export interface GlueClientTarget {
  accountId: string;
  region: string;
}

/** Hands out one Glue client per account x region. */
export interface GlueClientFactory {
  getClient(target: GlueClientTarget): Promise<GlueClient>;
}
