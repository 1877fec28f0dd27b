import { useState } from 'react';
import { Grid } from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import { Entity } from '@backstage/catalog-model';
import { ResumeGlueWorkflowRunResponse } from '@aws-glue-backstage/plugin-aws-glue-common';
import { useEntityCompoundRef, useWorkflowRuns } from '../../hooks';
import { AsyncView } from '../AsyncView';
import { CursorPager } from '../CursorPager';
import { GlueEntityGate } from '../GlueEntityGate';
import { ResumeWorkflowRun } from './ResumeWorkflowRun';
import { WorkflowRunCard } from './WorkflowRunCard';
import { WorkflowRunsTable } from './WorkflowRunsTable';

/**
 * Props of {@link EntityAwsGlueWorkflowContent}.
 *
 * @public
 */
export interface EntityAwsGlueWorkflowContentProps {
  /** Workflow runs per page; 20 by default. */
  pageSize?: number;
  /** Refresh interval while a run is active, ms; 10000 by default. */
  pollIntervalMs?: number;
  /** Height of the graph in px; 400 by default. */
  height?: number;
}

function WorkflowView(props: {
  entity: Entity;
  pageSize: number;
  pollIntervalMs: number;
  height: number;
}) {
  const { page, pager, selected, select } = useWorkflowRuns(props);
  const entityRef = useEntityCompoundRef(props.entity);
  const [resumed, setResumed] = useState<ResumeGlueWorkflowRunResponse>();
  const onResumed = (response: ResumeGlueWorkflowRunResponse) => {
    setResumed(response);
    select(response.runId);
    page.refresh();
  };
  return (
    <AsyncView
      state={page}
      isEmpty={value => value.runs.length === 0}
      emptyTitle={`Workflow ${page.value?.workflowName ?? ''} has no runs yet`}
      emptyDescription="Glue keeps workflow run history for 90 days."
    >
      {value => (
        <Grid container spacing={3}>
          <Grid item xs={12}>
            {resumed && (
              <Alert
                severity="success"
                data-testid="resume-result"
                style={{ marginBottom: 8 }}
                onClose={() => setResumed(undefined)}
              >
                {`Resumed run ${resumed.resumedRunId} as run ${resumed.runId}`}
              </Alert>
            )}
            {selected && (
              <WorkflowRunCard
                workflowName={value.workflowName}
                run={selected}
                height={props.height}
                actions={
                  <ResumeWorkflowRun
                    entityRef={entityRef}
                    run={selected}
                    canResume={value.canResume === true}
                    onResumed={onResumed}
                  />
                }
              />
            )}
          </Grid>
          <Grid item xs={12}>
            <WorkflowRunsTable
              runs={value.runs}
              selectedId={selected?.id}
              onSelect={select}
            />
            <CursorPager pager={pager} nextCursor={value.nextToken} />
          </Grid>
        </Grid>
      )}
    </AsyncView>
  );
}

/** The workflow tab of a System that stands for a Glue workflow. */
export function GlueWorkflowContent(props: EntityAwsGlueWorkflowContentProps) {
  return (
    <GlueEntityGate requires="workflow">
      {entity => (
        <WorkflowView
          entity={entity}
          pageSize={props.pageSize ?? 20}
          pollIntervalMs={props.pollIntervalMs ?? 10000}
          height={props.height ?? 400}
        />
      )}
    </GlueEntityGate>
  );
}
