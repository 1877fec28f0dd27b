import { useEffect, useRef, useState } from 'react';
import useInterval from 'react-use/esm/useInterval';
import {
  Box,
  Button,
  Grid,
  MenuItem,
  TextField,
  Typography,
  makeStyles,
} from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import StopIcon from '@material-ui/icons/Stop';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  EmptyState,
  InfoCard,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_AWS_GLUE_JOB_ARN,
  GlueJob,
  GlueJobRun,
  isActiveRunState,
  isAwsGlueJobEntity,
  ACTIVE_GLUE_JOB_RUN_STATES,
  FAILED_GLUE_JOB_RUN_STATES,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueApiRef } from '../../api';
import {
  useEntityCompoundRef,
  useGlueJobs,
  useRefreshableAsync,
} from '../../hooks';
import {
  formatCost,
  formatDateTime,
  formatDpuHours,
  formatDuration,
  formatRelativeTime,
  shortRunId,
  snippet,
} from '../../lib/format';
import { ConfirmDialog } from '../ConfirmDialog';
import { GlueErrorPanel } from '../GlueErrorPanel';
import { JobPicker } from '../JobPicker';
import { RunDetails } from '../RunDetails';
import { RunsChart } from '../RunsChart';
import { RunStatus } from '../RunStatus';
import { StartRunDialog } from '../StartRunDialog';

/**
 * Props of {@link EntityAwsGlueRunsContent}.
 *
 * @public
 */
export interface EntityAwsGlueRunsContentProps {
  /** Runs per page; 25 by default. */
  pageSize?: number;
  /** How often to refresh while a run is active, in ms; 5000 by default. */
  pollIntervalMs?: number;
}

/** The state filters of the run history, each a set of Glue run states. */
export const RUN_STATE_FILTERS: {
  value: string;
  label: string;
  states: string[];
}[] = [
  { value: 'all', label: 'All states', states: [] },
  {
    value: 'failed',
    label: 'Failed, timed out or errored',
    states: [...FAILED_GLUE_JOB_RUN_STATES],
  },
  {
    value: 'active',
    label: 'Active',
    states: [...ACTIVE_GLUE_JOB_RUN_STATES],
  },
  { value: 'succeeded', label: 'Succeeded', states: ['SUCCEEDED'] },
  { value: 'stopped', label: 'Stopped', states: ['STOPPED'] },
];

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** Stop polling for a just-started run that never shows up after this many polls. */
const MAX_POLLS_FOR_UNSEEN_RUN = 24;

const useStyles = makeStyles(
  theme => ({
    toolbar: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: theme.spacing(2),
      marginBottom: theme.spacing(2),
    },
    spacer: {
      flex: 1,
    },
    pager: {
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'flex-end',
      gap: theme.spacing(1),
      marginTop: theme.spacing(1),
    },
    error: {
      color: theme.palette.error.main,
    },
  }),
  { name: 'AwsGlueRunsContent' },
);

function RunsView(props: {
  entity: Entity;
  jobs: GlueJob[];
  pageSize: number;
  pollIntervalMs: number;
}) {
  const { entity, jobs, pageSize, pollIntervalMs } = props;
  const classes = useStyles();
  const api = useApi(awsGlueApiRef);
  const alertApi = useApi(alertApiRef);
  const entityRef = useEntityCompoundRef(entity);

  const [jobName, setJobName] = useState(jobs[0].name);
  const job = jobs.find(j => j.name === jobName) ?? jobs[0];
  const [filter, setFilter] = useState('all');
  const states = RUN_STATE_FILTERS.find(f => f.value === filter)?.states ?? [];
  /** Cursors of the pages visited; the last one is the current page. */
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const nextToken = cursors[cursors.length - 1];

  const [startOpen, setStartOpen] = useState(false);
  const [stopping, setStopping] = useState<GlueJobRun | undefined>(undefined);
  /** A run we started and follow until it finishes. */
  const [watchedRunId, setWatchedRunId] = useState<string | undefined>(
    undefined,
  );
  const unseenPolls = useRef(0);

  const runs = useRefreshableAsync(
    () =>
      api.getJobRuns(entityRef, {
        // the ARN: unambiguous even when two of the entity's jobs share a name
        job: job.arn,
        limit: pageSize,
        nextToken,
        states,
      }),
    [api, entityRef, job.arn, filter, nextToken, pageSize],
  );
  const loaded = runs.value?.runs ?? [];
  const watched = watchedRunId
    ? loaded.find(r => r.id === watchedRunId)
    : undefined;

  useEffect(() => {
    if (watched) {
      unseenPolls.current = 0;
      if (!isActiveRunState(watched.state)) {
        setWatchedRunId(undefined);
      }
    }
  }, [watched]);

  const anyActive = loaded.some(r => isActiveRunState(r.state));
  const polling = anyActive || watchedRunId !== undefined;
  useInterval(
    () => {
      if (watchedRunId && !watched) {
        unseenPolls.current += 1;
        if (unseenPolls.current > MAX_POLLS_FOR_UNSEEN_RUN) {
          setWatchedRunId(undefined);
          return;
        }
      }
      runs.refresh();
    },
    polling ? pollIntervalMs : null,
  );

  const resetPaging = () => setCursors([undefined]);

  const startRun = async (args: Record<string, string>) => {
    const response = await api.startJobRun(entityRef, {
      job: job.name,
      ...(Object.keys(args).length > 0 ? { arguments: args } : {}),
    });
    alertApi.post({
      message: `Started run ${response.runId} of ${response.jobName}`,
      severity: 'success',
      display: 'transient',
    });
    unseenPolls.current = 0;
    setWatchedRunId(response.runId);
    setFilter('all');
    resetPaging();
    runs.refresh();
  };

  const stopRun = async (run: GlueJobRun) => {
    await api.stopJobRun(entityRef, run.id, { job: run.jobArn });
    alertApi.post({
      message: `Stopping run ${run.id} of ${run.jobName}`,
      severity: 'info',
      display: 'transient',
    });
    runs.refresh();
  };

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
          <span className={classes.error} title={run.errorMessage}>
            {snippet(run.errorMessage, 60)}
          </span>
        ) : (
          ''
        ),
    },
  ];
  if (job.canStop) {
    columns.push({
      title: 'Actions',
      sorting: false,
      render: run =>
        isActiveRunState(run.state) && run.state !== 'STOPPING' ? (
          <Button
            size="small"
            variant="outlined"
            startIcon={<StopIcon />}
            aria-label={`Stop run ${run.id}`}
            onClick={e => {
              e.stopPropagation();
              setStopping(run);
            }}
          >
            Stop
          </Button>
        ) : (
          ''
        ),
    });
  }

  let body;
  if (runs.loading && !runs.value) {
    body = <Progress />;
  } else if (runs.error && !runs.value) {
    body = <GlueErrorPanel error={runs.error} onRetry={runs.refresh} />;
  } else if (loaded.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title={
          filter === 'all' && cursors.length === 1
            ? `${job.name} has no runs yet`
            : 'No runs match'
        }
        description={
          filter === 'all'
            ? 'Glue keeps run history for 90 days.'
            : 'Try another state filter.'
        }
      />
    );
  } else {
    body = (
      <>
        {runs.error && (
          <Alert severity="warning" style={{ marginBottom: 8 }}>
            Refreshing failed: {runs.error.message}
          </Alert>
        )}
        <RunsChart runs={loaded} />
        <Table<GlueJobRun>
          title={`Runs of ${job.name}`}
          subtitle={
            runs.value
              ? `This page: ${formatDpuHours(
                  runs.value.totals.dpuHours,
                )} DPU-hours, ${formatCost(
                  runs.value.totals.estimatedCost,
                  runs.value.totals.currency,
                )}`
              : undefined
          }
          options={{
            paging: false,
            search: false,
            padding: 'dense',
            draggable: false,
          }}
          columns={columns}
          data={loaded}
          detailPanel={[
            {
              tooltip: 'Run details',
              render: ({ rowData }) => <RunDetails run={rowData} />,
            },
          ]}
          onRowClick={(_event, _run, togglePanel) => togglePanel?.()}
        />
        <Box className={classes.pager}>
          <Typography variant="body2" color="textSecondary">
            Page {cursors.length}
          </Typography>
          <Button
            size="small"
            disabled={cursors.length <= 1}
            onClick={() => setCursors(c => c.slice(0, -1))}
          >
            Previous
          </Button>
          <Button
            size="small"
            disabled={!runs.value?.nextToken}
            onClick={() =>
              setCursors(c => [...c, runs.value?.nextToken ?? undefined])
            }
          >
            Next
          </Button>
        </Box>
      </>
    );
  }

  return (
    <InfoCard title="Run history">
      <Box className={classes.toolbar}>
        {jobs.length > 1 && (
          <JobPicker
            jobs={jobs}
            value={job.name}
            onChange={name => {
              setJobName(name);
              resetPaging();
            }}
          />
        )}
        <TextField
          select
          label="State"
          size="small"
          variant="outlined"
          value={filter}
          onChange={e => {
            setFilter(e.target.value);
            resetPaging();
          }}
          SelectProps={{ inputProps: { 'aria-label': 'State filter' } }}
          style={{ minWidth: 200 }}
        >
          {RUN_STATE_FILTERS.map(f => (
            <MenuItem key={f.value} value={f.value}>
              {f.label}
            </MenuItem>
          ))}
        </TextField>
        {polling && (
          <Typography variant="body2" color="textSecondary">
            {`Refreshing every ${Math.round(
              pollIntervalMs / 1000,
            )} s while a run is active`}
          </Typography>
        )}
        <span className={classes.spacer} />
        <Button
          size="small"
          startIcon={<RefreshIcon />}
          onClick={runs.refresh}
          disabled={runs.loading}
        >
          Refresh
        </Button>
        {job.canStart && (
          <Button
            color="primary"
            variant="contained"
            startIcon={<PlayArrowIcon />}
            onClick={() => setStartOpen(true)}
          >
            Start run
          </Button>
        )}
      </Box>
      {body}
      {job.canStart && (
        <StartRunDialog
          open={startOpen}
          job={job}
          onStart={startRun}
          onClose={() => setStartOpen(false)}
        />
      )}
      {job.canStop && stopping && (
        <ConfirmDialog
          open
          title="Stop this run?"
          confirmLabel="Stop run"
          onConfirm={() => stopRun(stopping)}
          onClose={() => setStopping(undefined)}
        >
          <Typography variant="body2">
            {`Run ${stopping.id} of ${
              stopping.jobName
            } (started ${formatRelativeTime(
              stopping.startedOn,
            )}) will be stopped. Its work so far is lost and the job bookmark is not advanced.`}
          </Typography>
        </ConfirmDialog>
      )}
    </InfoCard>
  );
}

/** The run history tab of an entity's Glue jobs. */
export function GlueRunsContent(props: EntityAwsGlueRunsContentProps) {
  const { pageSize = 25, pollIntervalMs = 5000 } = props;
  const { entity } = useEntity();
  if (!isAwsGlueJobEntity(entity)) {
    return (
      <MissingAnnotationEmptyState annotation={ANNOTATION_AWS_GLUE_JOB_ARN} />
    );
  }
  return (
    <RunsTab
      entity={entity}
      pageSize={pageSize}
      pollIntervalMs={pollIntervalMs}
    />
  );
}

function RunsTab(props: {
  entity: Entity;
  pageSize: number;
  pollIntervalMs: number;
}) {
  const jobs = useGlueJobs(props.entity);
  if (jobs.loading && !jobs.value) {
    return <Progress />;
  }
  if (jobs.error) {
    return <GlueErrorPanel error={jobs.error} onRetry={jobs.retry} />;
  }
  const list = jobs.value?.jobs ?? [];
  if (list.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No Glue jobs found"
        description="None of the job ARNs on this entity exists in AWS Glue, or the backend cannot read them."
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <RunsView {...props} jobs={list} />
      </Grid>
    </Grid>
  );
}
