import { useState } from 'react';
import { Box, Grid, Typography } from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import { InfoCard } from '@backstage/core-components';
import { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import {
  GlueChainExecution,
  GlueChainExecutionsResponse,
  GlueExecutionNode,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { useChainExecutions, useEntityCompoundRef } from '../../hooks';
import { describeSla, landingPoints } from '../../lib/executions';
import { AsyncView } from '../AsyncView';
import { GlueEntityGate } from '../GlueEntityGate';
import { Toolbar } from '../Toolbar';
import { ExecutionPicker } from './ExecutionPicker';
import { ExecutionTimeline } from './ExecutionTimeline';
import { LandingChart } from './LandingChart';
import { NodeRunDialog } from './NodeRunDialog';
import { RunMatrix } from './RunMatrix';

/**
 * Props of {@link EntityAwsGlueChainExecutionsContent}.
 *
 * @public
 */
export interface EntityAwsGlueChainExecutionsContentProps {
  /** How many executions, latest first, 1 to 60; 14 by default. */
  limit?: number;
  /** Refresh interval while an execution runs, ms; 15000 by default. */
  pollIntervalMs?: number;
  /** The path of the Runs tab on job pages, linked from a run; `runs` by default. */
  runsPath?: string;
}

/** The problems of the chain and of the execution shown, as warnings. */
function Problems(props: { problems: string[] }) {
  if (props.problems.length === 0) return null;
  return (
    <Box display="flex" flexDirection="column" mb={2} style={{ gap: 8 }}>
      {props.problems.map(problem => (
        <Alert key={problem} severity="warning" data-testid="execution-problem">
          {problem}
        </Alert>
      ))}
    </Box>
  );
}

function TimelineCard(props: {
  response: GlueChainExecutionsResponse;
  selected: GlueChainExecution;
  select: (id: string) => void;
  onOpenRun: (node: GlueExecutionNode) => void;
}) {
  const { response, selected } = props;
  return (
    <InfoCard
      title="Chain executions"
      subheader={
        response.sla
          ? `SLA: ${describeSla(response.sla)}`
          : 'The runs one root run started downstream, by PredecessorRuns'
      }
    >
      <Toolbar>
        <ExecutionPicker
          executions={response.executions}
          selectedId={selected.id}
          onSelect={props.select}
        />
        {selected.late && (
          <Typography color="error" variant="body2">
            Landed after the SLA
          </Typography>
        )}
      </Toolbar>
      <Problems problems={[...response.problems, ...selected.problems]} />
      <ExecutionTimeline execution={selected} onOpenRun={props.onOpenRun} />
    </InfoCard>
  );
}

function ExecutionsView(props: {
  entityRef: CompoundEntityRef;
  limit: number;
  pollIntervalMs: number;
  runsPath?: string;
}) {
  const { entityRef } = props;
  const { executions, selected, select } = useChainExecutions(
    entityRef,
    props.limit,
    { pollIntervalMs: props.pollIntervalMs },
  );
  const [open, setOpen] = useState<GlueExecutionNode & { runId: string }>();
  const onOpenRun = (node: GlueExecutionNode) =>
    node.runId && setOpen({ ...node, runId: node.runId });
  return (
    <AsyncView
      state={executions}
      isEmpty={value => value.executions.length === 0}
      emptyTitle="No executions of this chain are stored yet"
      emptyDescription="Executions are built from the backend's run index (awsGlue.runIndex): they appear once the index holds runs of the chain's jobs, from Glue's EventBridge events or the reconciler."
    >
      {value => (
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <TimelineCard
              response={value}
              selected={selected!}
              select={select}
              onOpenRun={onOpenRun}
            />
          </Grid>
          <Grid item xs={12} lg={7}>
            <InfoCard title="Run matrix">
              <RunMatrix
                response={value}
                selectedId={selected?.id}
                onSelect={select}
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12} lg={5}>
            <InfoCard title="Landing time">
              <LandingChart points={landingPoints(value)} sla={value.sla} />
            </InfoCard>
          </Grid>
          {open && (
            <NodeRunDialog
              node={open}
              fallbackRef={entityRef}
              runsPath={props.runsPath}
              onClose={() => setOpen(undefined)}
            />
          )}
        </Grid>
      )}
    </AsyncView>
  );
}

function EntityExecutions(props: {
  entity: Entity;
  options: EntityAwsGlueChainExecutionsContentProps;
}) {
  const entityRef = useEntityCompoundRef(props.entity);
  return (
    <ExecutionsView
      entityRef={entityRef}
      limit={props.options.limit ?? 14}
      pollIntervalMs={props.options.pollIntervalMs ?? 15000}
      runsPath={props.options.runsPath}
    />
  );
}

/**
 * The executions tab of a Glue job or workflow System: how each execution
 * of its chain went, as a timeline of the picked one, a run matrix and the
 * landing time against the SLA.
 */
export function GlueChainExecutionsContent(
  props: EntityAwsGlueChainExecutionsContentProps,
) {
  return (
    <GlueEntityGate requires="executions">
      {entity => <EntityExecutions entity={entity} options={props} />}
    </GlueEntityGate>
  );
}
