import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  GLUE_ANNOTATIONS,
  GLUE_ENTITY_TYPES,
  GlueFleetJob,
} from '@aws-glue-backstage/plugin-aws-glue-common';

/** The values each filter of the overview offers. */
export interface FleetFilterOptions {
  owner: string[];
  account: string[];
  region: string[];
}

const FACETS = {
  owner: 'relations.ownedBy',
  account: `metadata.annotations.${ANNOTATION_AWS_ACCOUNT_ID}`,
  region: `metadata.annotations.${GLUE_ANNOTATIONS.region}`,
};

/** The distinct values, sorted, without empty ones. */
const distinct = (values: (string | undefined)[]) =>
  [...new Set(values.filter((v): v is string => Boolean(v)))].sort();

/**
 * What the owner, account and region filters offer: the values of the
 * catalog's Glue job entities (one facets request), and those of the jobs
 * on screen. Only the jobs' values while the catalog has not answered or
 * failed: the filters are a convenience, the page works without them.
 */
export function useFleetFilterOptions(
  jobs: GlueFleetJob[] = [],
): FleetFilterOptions {
  const catalogApi = useApi(catalogApiRef);
  const facets = useAsync(
    () =>
      catalogApi.getEntityFacets({
        filter: { kind: 'component', 'spec.type': GLUE_ENTITY_TYPES.job },
        facets: Object.values(FACETS),
      }),
    [catalogApi],
  );
  const values = facets.value?.facets;
  return useMemo(() => {
    const of = (facet: string) => (values?.[facet] ?? []).map(f => f.value);
    return {
      owner: distinct([...of(FACETS.owner), ...jobs.map(j => j.owner)]),
      account: distinct([...of(FACETS.account), ...jobs.map(j => j.accountId)]),
      region: distinct([...of(FACETS.region), ...jobs.map(j => j.region)]),
    };
  }, [values, jobs]);
}
