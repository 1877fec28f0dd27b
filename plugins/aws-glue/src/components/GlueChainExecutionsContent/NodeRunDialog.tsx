import { useMemo } from 'react';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
} from '@material-ui/core';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { GlueExecutionNode } from '@aws-glue-backstage/plugin-aws-glue-common';
import { RUN_QUERY_PARAMETER, useNodeRun } from '../../hooks';
import { nodeEntityRef } from '../../lib/executions';
import { shortRunId } from '../../lib/format';
import { AsyncView } from '../AsyncView';
import { RunDetails } from '../RunDetails';
import { RunStatus } from '../RunStatus';

/** Props of {@link NodeRunDialog}. */
export interface NodeRunDialogProps {
  node: GlueExecutionNode & { runId: string };
  /** The page's entity: whose run it is when the node id is not an entity ref. */
  fallbackRef: CompoundEntityRef;
  /** The path of the Runs tab on job pages, `runs` by default. */
  runsPath?: string;
  onClose: () => void;
}

/** `/catalog/ns/kind/name/runs?run=<id>`: the run in its job's Runs tab, as a failure notification links it. */
function useRunsTabLink(
  entityRef: CompoundEntityRef,
  runId: string,
  runsPath: string,
) {
  const entityRoute = useRouteRef(entityRouteRef);
  const base = entityRoute({
    namespace: entityRef.namespace,
    kind: entityRef.kind.toLocaleLowerCase('en-US'),
    name: entityRef.name,
  });
  return `${base}/${runsPath}?${RUN_QUERY_PARAMETER}=${encodeURIComponent(
    runId,
  )}`;
}

/**
 * The details of a node's run (as the Runs tab shows them, with triage
 * and Retry for a failed run) in a dialog, and a link to the run in its
 * job's Runs tab.
 */
export function NodeRunDialog(props: NodeRunDialogProps) {
  const { node, fallbackRef, runsPath = 'runs' } = props;
  const entityRef = useMemo(
    () => nodeEntityRef(node.nodeId, fallbackRef),
    [node.nodeId, fallbackRef],
  );
  const loaded = useNodeRun(entityRef, node.runId, node.jobName);
  const link = useRunsTabLink(entityRef, node.runId, runsPath);
  return (
    <Dialog
      open
      onClose={props.onClose}
      maxWidth="lg"
      fullWidth
      aria-labelledby="node-run-dialog-title"
    >
      <DialogTitle id="node-run-dialog-title">
        <Box display="flex" alignItems="center" style={{ gap: 16 }}>
          <span title={node.runId}>
            {`Run ${shortRunId(node.runId)} of ${node.jobName}`}
          </span>
          <RunStatus state={node.state} />
        </Box>
      </DialogTitle>
      <DialogContent dividers>
        <AsyncView state={loaded} isEmpty={() => false}>
          {value => (
            <RunDetails
              run={value.run}
              context={{ entityRef, job: value.job }}
            />
          )}
        </AsyncView>
      </DialogContent>
      <DialogActions>
        <Link to={link}>Open in the job's Runs tab</Link>
        <Button onClick={props.onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
