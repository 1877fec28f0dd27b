import { Typography } from '@material-ui/core';
import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { GlueJobRow, latestRunOf } from '../../lib/jobRows';
import {
  formatDateTime,
  formatDuration,
  formatRelativeTime,
} from '../../lib/format';
import { RunStatus } from '../RunStatus';

function LastRunCell(props: { row: GlueJobRow }) {
  const { latest } = props.row;
  if (latest.status === 'loading') {
    return (
      <Typography variant="body2" color="textSecondary">
        Loading…
      </Typography>
    );
  }
  if (latest.status === 'error') {
    return (
      <Typography variant="body2" color="error" title={latest.error.message}>
        Unavailable
      </Typography>
    );
  }
  return <RunStatus state={latest.job?.latestRun?.state} />;
}

/** The columns (fresh for each table: material-table writes into them). */
const jobColumns = (): TableColumn<GlueJobRow>[] => [
  {
    title: 'Job',
    field: 'title',
    highlight: true,
    render: row => (
      <EntityRefLink entityRef={row.entity}>{row.title}</EntityRefLink>
    ),
  },
  {
    title: 'Owner',
    field: 'owner',
    render: row => (row.owner ? <EntityRefLink entityRef={row.owner} /> : '—'),
  },
  {
    title: 'Last run',
    sorting: false,
    cellStyle: { whiteSpace: 'nowrap' },
    render: row => <LastRunCell row={row} />,
  },
  {
    title: 'When',
    sorting: false,
    render: row => {
      const run = latestRunOf(row);
      return run ? (
        <span title={formatDateTime(run.startedOn)}>
          {formatRelativeTime(run.startedOn)}
        </span>
      ) : (
        ''
      );
    },
  },
  {
    title: 'Duration',
    sorting: false,
    render: row => {
      const run = latestRunOf(row);
      return run ? formatDuration(run.durationSeconds) : '';
    },
  },
  { title: 'Account', field: 'accountId' },
  { title: 'Region', field: 'region' },
];

/** Props of {@link JobsTable}. */
export interface JobsTableProps {
  rows: GlueJobRow[];
  counts: { failing: number; running: number; loading: number };
}

/** The job rows of the overview, with how many fail and run. */
export function JobsTable(props: JobsTableProps) {
  const { rows, counts } = props;
  return (
    <Table<GlueJobRow>
      title="Glue jobs"
      subtitle={`${rows.length} jobs, ${counts.failing} failing, ${
        counts.running
      } running${counts.loading ? ` (loading ${counts.loading} more)` : ''}`}
      options={{
        paging: rows.length > 50,
        pageSize: 50,
        pageSizeOptions: [50, 100, 200],
        search: true,
        padding: 'dense',
      }}
      columns={jobColumns()}
      data={rows}
    />
  );
}
