import { Button, MenuItem, TextField, Typography } from '@material-ui/core';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import RefreshIcon from '@material-ui/icons/Refresh';
import { GlueJob } from '@aws-glue-backstage/plugin-aws-glue-common';
import { RUN_STATE_FILTERS } from '../../lib/runStateFilters';
import { JobPicker } from '../JobPicker';
import { Toolbar, ToolbarSpacer } from '../Toolbar';

/** Props of {@link RunsToolbar}. */
export interface RunsToolbarProps {
  /** The entity's jobs; a picker when there are two or more. */
  jobs: GlueJob[];
  job: GlueJob;
  onSelectJob: (jobName: string) => void;
  /** The `value` of one of `RUN_STATE_FILTERS`. */
  filter: string;
  onFilter: (filter: string) => void;
  /** Says that the runs refresh on their own, and how often. */
  polling: boolean;
  pollIntervalMs: number;
  /** Says that signals refresh the runs as soon as one changes. */
  live?: boolean;
  /** Disables Refresh while loading. */
  loading: boolean;
  onRefresh: () => void;
  /** Shows Start run. */
  onStart?: () => void;
}

/** Above the run history: the job, the state filter, refresh and start. */
export function RunsToolbar(props: RunsToolbarProps) {
  const { jobs, job, filter, polling, pollIntervalMs, onStart } = props;
  return (
    <Toolbar>
      {jobs.length > 1 && (
        <JobPicker jobs={jobs} value={job.name} onChange={props.onSelectJob} />
      )}
      <TextField
        select
        label="State"
        size="small"
        variant="outlined"
        value={filter}
        onChange={e => props.onFilter(e.target.value)}
        SelectProps={{ inputProps: { 'aria-label': 'State filter' } }}
        style={{ minWidth: 200 }}
      >
        {RUN_STATE_FILTERS.map(f => (
          <MenuItem key={f.value} value={f.value}>
            {f.label}
          </MenuItem>
        ))}
      </TextField>
      {props.live && (
        <Typography variant="body2" color="textSecondary">
          Live: updates as runs change
        </Typography>
      )}
      {polling && (
        <Typography variant="body2" color="textSecondary">
          {`Refreshing every ${Math.round(
            pollIntervalMs / 1000,
          )} s while a run is active`}
        </Typography>
      )}
      <ToolbarSpacer />
      <Button
        size="small"
        startIcon={<RefreshIcon />}
        onClick={props.onRefresh}
        disabled={props.loading}
      >
        Refresh
      </Button>
      {onStart && (
        <Button
          color="primary"
          variant="contained"
          startIcon={<PlayArrowIcon />}
          onClick={onStart}
        >
          Start run
        </Button>
      )}
    </Toolbar>
  );
}
