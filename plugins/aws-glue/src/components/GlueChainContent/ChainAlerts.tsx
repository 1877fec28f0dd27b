import { Box } from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  GlueChainResponse,
  isFailedRunState,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { downstreamJobs, failedUpstreamJobs } from '../../lib/chain';
import { formatDateTime } from '../../lib/format';

/**
 * The lines above a chain graph that matter on call: every failed upstream
 * job, and what a failure of the entity itself holds up downstream.
 */
export function ChainAlerts(props: {
  chain: GlueChainResponse;
  /** Also say what the entity's own failure holds up. */
  showImpact?: boolean;
}) {
  const { chain, showImpact = true } = props;
  const failed = failedUpstreamJobs(chain);
  const root = chain.nodes.find(n => n.id === chain.root);
  const rootFailed = root && isFailedRunState(root.latestRun?.state);
  const downstream = rootFailed && showImpact ? downstreamJobs(chain) : [];
  if (failed.length === 0 && !rootFailed) {
    return <></>;
  }
  return (
    <Box display="flex" flexDirection="column" mb={2} style={{ gap: 8 }}>
      {failed.map(node => (
        <Alert key={node.id} severity="error" data-testid="upstream-failure">
          {`Upstream ${node.kind} `}
          <EntityRefLink entityRef={node.id}>{node.title}</EntityRefLink>
          {` ${node.latestRun?.state} at ${formatDateTime(
            node.latestRun?.completedOn ?? node.latestRun?.startedOn,
          )}`}
        </Alert>
      ))}
      {rootFailed && root && (
        <Alert severity="warning">
          {`The latest run of ${root.title} ${
            root.latestRun?.state
          } at ${formatDateTime(
            root.latestRun?.completedOn ?? root.latestRun?.startedOn,
          )}`}
          {showImpact &&
            (downstream.length > 0
              ? `; downstream it holds up ${downstream
                  .map(n => n.title)
                  .join(', ')}.`
              : '; nothing in the chain depends on it.')}
        </Alert>
      )}
    </Box>
  );
}
