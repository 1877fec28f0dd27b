import useAsync from 'react-use/esm/useAsync';
import {
  Content,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { GLUE_ENTITY_TYPES } from '@aws-glue-backstage/plugin-aws-glue-common';
import { useJobRows } from '../../hooks';
import { JobFilters } from './JobFilters';
import { JobsTable } from './JobsTable';

export { compareRows } from '../../lib/jobRows';
export type { GlueJobRow } from '../../lib/jobRows';

/**
 * Props of {@link AwsGluePage}.
 *
 * @public
 */
export interface AwsGluePageProps {
  /** `AWS Glue` by default. */
  title?: string;
  subtitle?: string;
  /** How many entities' latest runs to load at once; 4 by default. */
  concurrency?: number;
}

function JobsOverview(props: { entities: Entity[]; concurrency: number }) {
  const { rows, filters, setFilter, options, counts } = useJobRows(
    props.entities,
    props.concurrency,
  );
  return (
    <>
      <JobFilters filters={filters} onChange={setFilter} options={options} />
      <JobsTable rows={rows} counts={counts} />
    </>
  );
}

/** Every Glue job in the catalog with its owner and latest run, failing first. */
export function GlueJobsPage(props: AwsGluePageProps) {
  const catalogApi = useApi(catalogApiRef);
  const entities = useAsync(async () => {
    const response = await catalogApi.getEntities({
      filter: { kind: 'component', 'spec.type': GLUE_ENTITY_TYPES.job },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'metadata.annotations',
        'spec.owner',
        'spec.type',
      ],
    });
    return response.items;
  }, [catalogApi]);

  let content;
  if (entities.loading) {
    content = <Progress />;
  } else if (entities.error) {
    content = <ResponseErrorPanel error={entities.error} />;
  } else if (!entities.value || entities.value.length === 0) {
    content = (
      <EmptyState
        missing="data"
        title="No Glue jobs in the catalog"
        description="Configure catalog.providers.awsGlue so that the catalog imports your AWS Glue jobs."
      />
    );
  } else {
    content = (
      <JobsOverview
        entities={entities.value}
        concurrency={props.concurrency ?? 4}
      />
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title={props.title ?? 'AWS Glue'}
        subtitle={
          props.subtitle ??
          'Every Glue job in the catalog, failing first, with its owner and latest run'
        }
      />
      <Content>{content}</Content>
    </Page>
  );
}
