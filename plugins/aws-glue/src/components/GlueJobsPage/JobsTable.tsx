import { Typography } from '@material-ui/core';
import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  GlueFleetJob,
  GlueFleetResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  formatDateTime,
  formatDuration,
  formatRelativeTime,
  snippet,
} from '../../lib/format';
import { RunStatus } from '../RunStatus';

/** The columns (fresh for each table: material-table writes into them). */
const jobColumns = (): TableColumn<GlueFleetJob>[] => [
  {
    title: 'Job',
    highlight: true,
    render: job => (
      <EntityRefLink entityRef={job.entityRef}>{job.title}</EntityRefLink>
    ),
  },
  {
    title: 'Owner',
    render: job => (job.owner ? <EntityRefLink entityRef={job.owner} /> : '—'),
  },
  {
    title: 'Latest run',
    cellStyle: { whiteSpace: 'nowrap' },
    render: job => <RunStatus state={job.latestRun?.state} />,
  },
  {
    title: 'Started',
    cellStyle: { whiteSpace: 'nowrap' },
    render: job =>
      job.latestRun ? (
        <span title={formatDateTime(job.latestRun.startedOn)}>
          {formatRelativeTime(job.latestRun.startedOn)}
        </span>
      ) : (
        ''
      ),
  },
  {
    title: 'Duration',
    render: job =>
      job.latestRun ? formatDuration(job.latestRun.durationSeconds) : '',
  },
  {
    title: 'Failures (24 h)',
    align: 'right',
    render: job => (
      <Typography
        variant="body2"
        color={job.failuresLast24h > 0 ? 'error' : 'textSecondary'}
      >
        {job.failuresLast24h}
      </Typography>
    ),
  },
  {
    title: 'Error',
    cellStyle: { maxWidth: 320 },
    render: job => (
      <Typography
        variant="body2"
        noWrap
        title={job.latestRun?.errorMessage}
        data-testid="fleet-job-error"
      >
        {snippet(job.latestRun?.errorMessage, 300)}
      </Typography>
    ),
  },
  { title: 'Account', field: 'accountId' },
  { title: 'Region', field: 'region' },
];

/** `12 jobs: 2 failing, 1 active, 8 succeeded, 0 other, 1 never run`. */
export function describeCounts(response: GlueFleetResponse): string {
  const { counts, totalCount } = response;
  return `${totalCount} job${totalCount === 1 ? '' : 's'}: ${
    counts.failing
  } failing, ${counts.active} active, ${counts.succeeded} succeeded, ${
    counts.other
  } other, ${counts.neverRun} never run`;
}

/** Props of {@link JobsTable}. */
export interface JobsTableProps {
  response: GlueFleetResponse;
}

/** One page of the overview, in the server's order (failing first), with the counts over all pages. */
export function JobsTable(props: JobsTableProps) {
  const { response } = props;
  return (
    <Table<GlueFleetJob>
      title="Glue jobs"
      subtitle={describeCounts(response)}
      options={{
        paging: false,
        search: false,
        sorting: false,
        padding: 'dense',
      }}
      columns={jobColumns()}
      // copies: material-table writes its state into the rows
      data={response.jobs.map(job => ({ ...job }))}
    />
  );
}
