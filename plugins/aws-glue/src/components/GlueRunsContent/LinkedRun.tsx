import { Grid, IconButton } from '@material-ui/core';
import CloseIcon from '@material-ui/icons/Close';
import { InfoCard } from '@backstage/core-components';
import { Entity } from '@backstage/catalog-model';
import { GlueJob } from '@aws-glue-backstage/plugin-aws-glue-common';
import { useLinkedRun } from '../../hooks';
import { AsyncView } from '../AsyncView';
import { RunDetails, RunDetailsContext } from '../RunDetails';
import { RunStatus } from '../RunStatus';

/** The run a link names (`?run=`), above the history; nothing without one. */
export function LinkedRun(props: {
  entity: Entity;
  job: GlueJob;
  context?: RunDetailsContext;
}) {
  const { runId, run, close } = useLinkedRun(props.entity, props.job);
  if (!runId || !run) return null;
  return (
    <Grid item xs={12}>
      <InfoCard
        title={`Run ${runId}`}
        subheader={
          run.value ? <RunStatus state={run.value.state} /> : undefined
        }
        action={
          <IconButton aria-label="Close the linked run" onClick={close}>
            <CloseIcon />
          </IconButton>
        }
      >
        <AsyncView state={run} isEmpty={() => false}>
          {value => <RunDetails run={value} context={props.context} />}
        </AsyncView>
      </InfoCard>
    </Grid>
  );
}
