import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  GlueFleetResponse,
  GlueTeamSummaryResponse,
  GlueTrendsResponse,
  GlueTrendWindow,
} from '@aws-glue-backstage/plugin-aws-glue-common';

/**
 * Options of {@link GlueFleetService.getFleet}.
 *
 * @public
 */
export interface FleetOptions {
  credentials: BackstageCredentials;
  /** Only jobs of these owners (entity refs; a user and their groups). */
  owners?: string[];
  account?: string;
  region?: string;
  /** Only jobs whose latest run is in one of these states. */
  states?: string[];
  /** Text in the job's name, title or entity ref. */
  text?: string;
  limit: number;
  cursor?: string;
}

/**
 * Fleet-wide views from the run index, with no Glue calls: every Glue job
 * the caller may see with its latest run, trends of an entity's jobs, and a
 * team's summary.
 *
 * @public
 */
export interface GlueFleetService {
  getFleet(options: FleetOptions): Promise<GlueFleetResponse>;
  getTrends(options: {
    entityRef: string;
    credentials: BackstageCredentials;
    job?: string;
    days: GlueTrendWindow;
  }): Promise<GlueTrendsResponse>;
  getTeamSummary(options: {
    entityRef: string;
    credentials: BackstageCredentials;
  }): Promise<GlueTeamSummaryResponse>;
}
