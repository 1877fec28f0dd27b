import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  GLUE_ANNOTATIONS,
  getGlueJobArns,
  parseGlueArn,
  runStatusCategory,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import type { LatestRunState } from '../hooks/useLatestRuns';

/** One row of the overview: a job entity and what is known of its latest run. */
export interface GlueJobRow {
  id: string;
  entity: Entity;
  title: string;
  owner?: string;
  accountId?: string;
  region?: string;
  latest: LatestRunState;
}

/** The state of the row's latest run, once loaded. */
export function latestRunOf(row: GlueJobRow) {
  return row.latest.status === 'loaded' ? row.latest.job?.latestRun : undefined;
}

/** Failed first, then running, then the rest; most recent first within each. */
export function compareRows(a: GlueJobRow, b: GlueJobRow): number {
  const rank = (row: GlueJobRow) => {
    if (row.latest.status !== 'loaded') return 3;
    switch (runStatusCategory(row.latest.job?.latestRun?.state)) {
      case 'error':
        return 0;
      case 'running':
        return 1;
      default:
        return row.latest.job?.latestRun ? 2 : 3;
    }
  };
  const time = (row: GlueJobRow) =>
    Date.parse(latestRunOf(row)?.startedOn ?? '') || 0;
  return (
    rank(a) - rank(b) || time(b) - time(a) || a.title.localeCompare(b.title)
  );
}

function ownerRef(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/** The row of a job entity. */
export function toRow(
  entity: Entity,
  latest: LatestRunState | undefined,
): GlueJobRow {
  const annotations = entity.metadata.annotations ?? {};
  const arn = parseGlueArn(getGlueJobArns(entity)[0] ?? '');
  return {
    id: stringifyEntityRef(entity),
    entity,
    title: entity.metadata.title ?? entity.metadata.name,
    owner: ownerRef(entity),
    accountId: annotations[ANNOTATION_AWS_ACCOUNT_ID] ?? arn?.accountId,
    region: annotations[GLUE_ANNOTATIONS.region] ?? arn?.region,
    latest: latest ?? { status: 'loading' },
  };
}

/** The distinct values, sorted, without empty ones. */
export const distinct = (values: (string | undefined)[]) =>
  [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
