import { Box } from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import { Content, Header, Page } from '@backstage/core-components';
import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import {
  FleetJobsState,
  useFleetFilterOptions,
  useFleetJobs,
} from '../../hooks';
import { AsyncView } from '../AsyncView';
import { CursorPager } from '../CursorPager';
import { TeamSummaryCard } from '../GlueTeamCard';
import { JobFilters } from './JobFilters';
import { JobsTable } from './JobsTable';

/**
 * Props of {@link AwsGluePage}.
 *
 * @public
 */
export interface AwsGluePageProps {
  /** `AWS Glue` by default. */
  title?: string;
  subtitle?: string;
  /** Jobs per page, 1 to 500; 50 by default. */
  pageSize?: number;
  /**
   * How often to refresh, in ms; 30000 by default, six times that when the
   * app has signals (which refresh the page as runs change).
   */
  pollIntervalMs?: number;
  /**
   * Ignored: the page loads every job's latest run in one request from the
   * backend's run index.
   *
   * @deprecated No longer used; remove it.
   */
  concurrency?: number;
}

/** The group an owner filter names, if it names one. */
export function teamOf(owner: string): CompoundEntityRef | undefined {
  if (!owner) return undefined;
  try {
    const ref = parseEntityRef(owner);
    return ref.kind.toLocaleLowerCase('en-US') === 'group' ? ref : undefined;
  } catch {
    return undefined;
  }
}

/** The current page: table and pager; progress, error or nothing found otherwise. */
function FleetPage(props: { fleet: FleetJobsState }) {
  const { page, pager, filtered } = props.fleet;
  return (
    <AsyncView
      state={page}
      isEmpty={value => value.jobs.length === 0 && pager.page === 1}
      emptyTitle={
        filtered ? 'No Glue jobs match' : 'No Glue jobs in the catalog'
      }
      emptyDescription={
        filtered
          ? 'Try other filters.'
          : 'Configure catalog.providers.awsGlue so that the catalog imports your AWS Glue jobs.'
      }
    >
      {value => (
        <>
          {page.error && (
            <Alert severity="warning" style={{ marginBottom: 8 }}>
              Refreshing failed: {page.error.message}
            </Alert>
          )}
          <JobsTable response={value} />
          <CursorPager pager={pager} nextCursor={value.nextCursor} />
        </>
      )}
    </AsyncView>
  );
}

function FleetOverview(props: { pageSize: number; pollIntervalMs: number }) {
  const fleet = useFleetJobs(props);
  const { filters, setFilter, page } = fleet;
  const options = useFleetFilterOptions(page.value?.jobs);
  const team = teamOf(filters.owner);
  return (
    <>
      <JobFilters
        filters={filters}
        onChange={setFilter}
        options={options}
        freshness={page.value?.freshness}
        live={fleet.live}
      />
      {team && (
        <Box mb={3}>
          <TeamSummaryCard entityRef={team} title={`Team ${team.name}`} />
        </Box>
      )}
      <FleetPage fleet={fleet} />
    </>
  );
}

/**
 * Every Glue job the user may see with its owner and latest run, failing
 * first, a page at a time from the backend's run index; filters by text,
 * owner (with the team's summary for a group), latest state, account and
 * region.
 */
export function GlueJobsPage(props: AwsGluePageProps) {
  const { pageSize = 50, pollIntervalMs = 30_000 } = props;
  return (
    <Page themeId="tool">
      <Header
        title={props.title ?? 'AWS Glue'}
        subtitle={
          props.subtitle ??
          'Every Glue job in the catalog, failing first, with its owner and latest run'
        }
      />
      <Content>
        <FleetOverview pageSize={pageSize} pollIntervalMs={pollIntervalMs} />
      </Content>
    </Page>
  );
}
