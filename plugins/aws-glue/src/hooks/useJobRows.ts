import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { runStatusCategory } from '@aws-glue-backstage/plugin-aws-glue-common';
import { compareRows, distinct, latestRunOf, toRow } from '../lib/jobRows';
import { useLatestRuns } from './useLatestRuns';

/** The overview's filters; an empty string is "all". */
export interface JobRowFilters {
  ownedByMe: boolean;
  owner: string;
  account: string;
  region: string;
}

const NO_FILTERS: JobRowFilters = {
  ownedByMe: false,
  owner: '',
  account: '',
  region: '',
};

/**
 * The rows of the overview page: each job entity with its latest run as
 * it loads, filtered (owned by the signed-in user, owner, account, region)
 * and sorted failing first, with the counts for the subtitle.
 */
export function useJobRows(entities: Entity[], concurrency: number) {
  const identityApi = useApi(identityApiRef);
  const latest = useLatestRuns(entities, concurrency);
  const identity = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  const myRefs = useMemo(
    () =>
      new Set(
        (identity.value?.ownershipEntityRefs ?? []).map(r =>
          r.toLocaleLowerCase('en-US'),
        ),
      ),
    [identity.value],
  );
  const [filters, setFilters] = useState<JobRowFilters>(NO_FILTERS);
  const setFilter = <K extends keyof JobRowFilters>(
    key: K,
    value: JobRowFilters[K],
  ) => setFilters(f => ({ ...f, [key]: value }));

  const allRows = useMemo(
    () =>
      entities.map(entity =>
        toRow(entity, latest.get(stringifyEntityRef(entity))),
      ),
    [entities, latest],
  );
  const rows = allRows
    .filter(
      row =>
        !filters.ownedByMe ||
        (row.owner !== undefined &&
          myRefs.has(row.owner.toLocaleLowerCase('en-US'))),
    )
    .filter(row => !filters.owner || row.owner === filters.owner)
    .filter(row => !filters.account || row.accountId === filters.account)
    .filter(row => !filters.region || row.region === filters.region)
    .sort(compareRows);

  const inCategory = (category: string) =>
    rows.filter(r => runStatusCategory(latestRunOf(r)?.state) === category)
      .length;
  return {
    rows,
    filters,
    setFilter,
    options: {
      owner: distinct(allRows.map(r => r.owner)),
      account: distinct(allRows.map(r => r.accountId)),
      region: distinct(allRows.map(r => r.region)),
    },
    counts: {
      failing: inCategory('error'),
      running: inCategory('running'),
      loading: allRows.filter(r => r.latest.status === 'loading').length,
    },
  };
}
