import { Typography, makeStyles } from '@material-ui/core';
import { Table, TableColumn } from '@backstage/core-components';
import { GlueWorkflowRun } from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  formatDateTime,
  formatDuration,
  formatRelativeTime,
  snippet,
} from '../../lib/format';
import { describeStatistics, workflowRunDuration } from '../../lib/workflow';
import { RunStatus } from '../RunStatus';

const useStyles = makeStyles(
  theme => ({
    error: {
      color: theme.palette.error.main,
    },
  }),
  { name: 'AwsGlueWorkflowRunsTable' },
);

/** Props of {@link WorkflowRunsTable}. */
export interface WorkflowRunsTableProps {
  runs: GlueWorkflowRun[];
  /** The run whose graph is shown. */
  selectedId?: string;
  onSelect: (runId: string) => void;
}

function workflowRunColumns(
  errorClass: string,
  selectedId: string | undefined,
): TableColumn<GlueWorkflowRun>[] {
  return [
    {
      title: 'Status',
      field: 'status',
      cellStyle: { whiteSpace: 'nowrap' },
      render: run => <RunStatus state={run.status} />,
    },
    {
      title: 'Started',
      field: 'startedOn',
      render: run => (
        <span title={formatDateTime(run.startedOn)}>
          {formatRelativeTime(run.startedOn)}
        </span>
      ),
    },
    {
      title: 'Duration',
      render: run => formatDuration(workflowRunDuration(run)),
    },
    {
      title: 'Actions',
      cellStyle: { minWidth: 200 },
      render: run => describeStatistics(run.statistics),
    },
    {
      title: 'Error',
      field: 'errorMessage',
      render: run =>
        run.errorMessage ? (
          <span className={errorClass} title={run.errorMessage}>
            {snippet(run.errorMessage, 60)}
          </span>
        ) : (
          ''
        ),
    },
    {
      title: '',
      render: run =>
        run.id === selectedId ? (
          <Typography variant="caption" color="primary">
            shown above
          </Typography>
        ) : (
          ''
        ),
    },
  ];
}

/** A page of workflow runs; a click on a row shows its graph. */
export function WorkflowRunsTable(props: WorkflowRunsTableProps) {
  const classes = useStyles();
  return (
    <Table<GlueWorkflowRun>
      title="Workflow runs"
      subtitle="Click a run to show its graph"
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={workflowRunColumns(classes.error, props.selectedId)}
      data={props.runs}
      onRowClick={(_event, run) => run && props.onSelect(run.id)}
    />
  );
}
