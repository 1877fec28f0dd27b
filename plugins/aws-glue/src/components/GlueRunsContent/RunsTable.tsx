import { Button, makeStyles } from '@material-ui/core';
import StopIcon from '@material-ui/icons/Stop';
import { Table, TableColumn } from '@backstage/core-components';
import {
  GlueJobRun,
  GlueJobRunsResponse,
  isActiveRunState,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  formatCost,
  formatDateTime,
  formatDpuHours,
  formatDuration,
  formatRelativeTime,
  shortRunId,
  snippet,
} from '../../lib/format';
import { RunDetails, RunDetailsContext } from '../RunDetails';
import { RunStatus } from '../RunStatus';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

const useStyles = makeStyles(
  theme => ({
    error: {
      color: theme.palette.error.main,
    },
  }),
  { name: 'AwsGlueRunsTable' },
);

/** Props of {@link RunsTable}. */
export interface RunsTableProps {
  jobName: string;
  /** A page of runs with its totals. */
  page: GlueJobRunsResponse;
  /** Adds a Stop button to each active run. */
  onStop?: (run: GlueJobRun) => void;
  /** Where the runs belong: failed runs' details get Retry and their triage. */
  context?: RunDetailsContext;
}

function StopButton(props: {
  run: GlueJobRun;
  onStop: (run: GlueJobRun) => void;
}) {
  const { run, onStop } = props;
  if (!isActiveRunState(run.state) || run.state === 'STOPPING') return <></>;
  return (
    <Button
      size="small"
      variant="outlined"
      startIcon={<StopIcon />}
      aria-label={`Stop run ${run.id}`}
      onClick={e => {
        e.stopPropagation();
        onStop(run);
      }}
    >
      Stop
    </Button>
  );
}

function runColumns(
  errorClass: string,
  onStop?: (run: GlueJobRun) => void,
): TableColumn<GlueJobRun>[] {
  const columns: TableColumn<GlueJobRun>[] = [
    {
      title: 'Status',
      field: 'state',
      cellStyle: NO_WRAP,
      render: run => <RunStatus state={run.state} />,
    },
    {
      title: 'Run',
      field: 'id',
      cellStyle: NO_WRAP,
      render: run => <span title={run.id}>{shortRunId(run.id)}</span>,
    },
    {
      title: 'Started',
      field: 'startedOn',
      cellStyle: NO_WRAP,
      render: run => (
        <span title={formatDateTime(run.startedOn)}>
          {formatRelativeTime(run.startedOn)}
        </span>
      ),
    },
    {
      title: 'Duration',
      field: 'durationSeconds',
      cellStyle: NO_WRAP,
      render: run => formatDuration(run.durationSeconds),
    },
    {
      title: 'DPU-hours',
      field: 'dpuHours',
      cellStyle: NO_WRAP,
      render: run => formatDpuHours(run.dpuHours),
    },
    {
      title: 'Cost',
      field: 'estimatedCost',
      cellStyle: NO_WRAP,
      render: run => formatCost(run.estimatedCost, run.currency),
    },
    { title: 'Attempt', field: 'attempt' },
    {
      title: 'Trigger',
      field: 'triggerName',
      render: run => run.triggerName ?? 'Manual / API',
    },
    {
      title: 'Error',
      field: 'errorMessage',
      cellStyle: { minWidth: 220 },
      render: run =>
        run.errorMessage ? (
          <span className={errorClass} title={run.errorMessage}>
            {snippet(run.errorMessage, 60)}
          </span>
        ) : (
          ''
        ),
    },
  ];
  if (onStop) {
    columns.push({
      title: 'Actions',
      sorting: false,
      render: run => <StopButton run={run} onStop={onStop} />,
    });
  }
  return columns;
}

/** A page of runs, one row each; a click on a row opens its details. */
export function RunsTable(props: RunsTableProps) {
  const { jobName, page, onStop, context } = props;
  const classes = useStyles();
  return (
    <Table<GlueJobRun>
      title={`Runs of ${jobName}`}
      subtitle={`This page: ${formatDpuHours(
        page.totals.dpuHours,
      )} DPU-hours, ${formatCost(
        page.totals.estimatedCost,
        page.totals.currency,
      )}`}
      options={{
        paging: false,
        search: false,
        padding: 'dense',
        draggable: false,
      }}
      columns={runColumns(classes.error, onStop)}
      data={page.runs}
      detailPanel={[
        {
          tooltip: 'Run details',
          render: ({ rowData }) => (
            <RunDetails run={rowData} context={context} />
          ),
        },
      ]}
      onRowClick={(_event, _run, togglePanel) => togglePanel?.()}
    />
  );
}
