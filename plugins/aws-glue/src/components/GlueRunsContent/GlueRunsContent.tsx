import { useMemo, useState } from 'react';
import { Grid } from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import { InfoCard } from '@backstage/core-components';
import { Entity } from '@backstage/catalog-model';
import {
  GlueJob,
  GlueJobRun,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import {
  JobRunsState,
  useEntityCompoundRef,
  useJobRuns,
  useRunActions,
} from '../../hooks';
import { RunDetailsContext } from '../RunDetails';
import { AsyncView } from '../AsyncView';
import { CursorPager } from '../CursorPager';
import { GlueEntityGate, GlueJobsGate } from '../GlueEntityGate';
import { RunsChart } from '../RunsChart';
import { StartRunDialog } from '../StartRunDialog';
import { LinkedRun } from './LinkedRun';
import { RunsTable } from './RunsTable';
import { RunsToolbar } from './RunsToolbar';
import { RunsTrends } from './RunsTrends';
import { StopRunDialog } from './StopRunDialog';

export { RUN_STATE_FILTERS } from '../../lib/runStateFilters';

/**
 * Props of {@link EntityAwsGlueRunsContent}.
 *
 * @public
 */
export interface EntityAwsGlueRunsContentProps {
  /** Runs per page; 25 by default. */
  pageSize?: number;
  /**
   * How often to refresh while a run is active, in ms; 5000 by default, six
   * times that when the app has signals (which refresh on every change).
   */
  pollIntervalMs?: number;
}

/** The current page: chart, table and pager; progress, error or nothing found otherwise. */
function RunsPage(props: {
  runs: JobRunsState;
  onStop?: (run: GlueJobRun) => void;
  context: RunDetailsContext;
}) {
  const { job, filter, pager, page } = props.runs;
  return (
    <AsyncView
      state={page}
      isEmpty={value => value.runs.length === 0}
      emptyTitle={
        filter === 'all' && pager.page === 1
          ? `${job.name} has no runs yet`
          : 'No runs match'
      }
      emptyDescription={
        filter === 'all'
          ? 'Glue keeps run history for 90 days.'
          : 'Try another state filter.'
      }
    >
      {value => (
        <>
          {page.error && (
            <Alert severity="warning" style={{ marginBottom: 8 }}>
              Refreshing failed: {page.error.message}
            </Alert>
          )}
          <RunsChart runs={value.runs} />
          <RunsTable
            jobName={job.name}
            page={value}
            onStop={props.onStop}
            context={props.context}
          />
          <CursorPager pager={pager} nextCursor={value.nextToken} />
        </>
      )}
    </AsyncView>
  );
}

function RunsView(props: {
  entity: Entity;
  jobs: GlueJob[];
  pageSize: number;
  pollIntervalMs: number;
}) {
  const { entity, jobs } = props;
  const runs = useJobRuns(props);
  const { job } = runs;
  const actions = useRunActions({
    entity,
    job,
    onStarted: runs.watch,
    onStopped: runs.refresh,
  });
  const [startOpen, setStartOpen] = useState(false);
  const [stopping, setStopping] = useState<GlueJobRun | undefined>(undefined);
  const entityRef = useEntityCompoundRef(entity);
  const { watch } = runs;
  const context = useMemo<RunDetailsContext>(
    () => ({ entityRef, job, onRetried: retried => watch(retried.runId) }),
    [entityRef, job, watch],
  );

  return (
    <>
      <LinkedRun entity={entity} job={job} context={context} />
      <Grid item xs={12}>
        <InfoCard title="Run history">
          <RunsToolbar
            jobs={jobs}
            job={job}
            onSelectJob={runs.selectJob}
            filter={runs.filter}
            onFilter={runs.setFilter}
            polling={runs.polling}
            pollIntervalMs={runs.pollIntervalMs}
            live={runs.live}
            loading={runs.page.loading}
            onRefresh={runs.refresh}
            onStart={job.canStart ? () => setStartOpen(true) : undefined}
          />
          <RunsPage
            runs={runs}
            onStop={job.canStop ? setStopping : undefined}
            context={context}
          />
          {job.canStart && (
            <StartRunDialog
              open={startOpen}
              job={job}
              onStart={actions.startRun}
              onClose={() => setStartOpen(false)}
            />
          )}
          {job.canStop && stopping && (
            <StopRunDialog
              run={stopping}
              onConfirm={() => actions.stopRun(stopping)}
              onClose={() => setStopping(undefined)}
            />
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <RunsTrends entity={entity} job={job} />
      </Grid>
    </>
  );
}

/** The run history tab of an entity's Glue jobs. */
export function GlueRunsContent(props: EntityAwsGlueRunsContentProps) {
  const { pageSize = 25, pollIntervalMs = 5000 } = props;
  return (
    <GlueEntityGate requires="job">
      {entity => (
        <GlueJobsGate entity={entity}>
          {jobs => (
            <Grid container spacing={3}>
              <RunsView
                entity={entity}
                jobs={jobs}
                pageSize={pageSize}
                pollIntervalMs={pollIntervalMs}
              />
            </Grid>
          )}
        </GlueJobsGate>
      )}
    </GlueEntityGate>
  );
}
