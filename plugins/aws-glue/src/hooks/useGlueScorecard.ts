import { useApi } from '@backstage/core-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { awsGlueApiRef } from '../api';
import {
  glueScorecardResults,
  GlueScorecardCheckResult,
} from '../lib/scorecard';
import {
  RefreshableAsyncState,
  useRefreshableAsync,
} from './useRefreshableAsync';

/** The entity's scorecard: this plugin's check results, failing first. */
export interface GlueScorecard {
  results: GlueScorecardCheckResult[];
}

/** True for the error of a check run where Tech Insights is not installed (404 from its route). */
export function isTechInsightsMissing(error: Error | undefined): boolean {
  return (
    error !== undefined && ResponseError.is(error) && error.statusCode === 404
  );
}

/**
 * Runs the entity's Tech Insights checks and keeps the `aws-glue-` ones.
 * The state's error is a 404 {@link isTechInsightsMissing} when Tech
 * Insights is not installed.
 */
export function useGlueScorecard(
  entityRef: CompoundEntityRef,
): RefreshableAsyncState<GlueScorecard> {
  const api = useApi(awsGlueApiRef);
  const key = stringifyEntityRef(entityRef);
  return useRefreshableAsync(
    async () => {
      const response = await api.runScorecardChecks(entityRef);
      return { results: glueScorecardResults(response.results) };
    },
    // the ref by value: a new object for the same entity keeps the scorecard
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );
}
