import { useState } from 'react';
import { Box, Button, Tooltip, Typography } from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import ReplayIcon from '@material-ui/icons/Replay';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  GlueJob,
  GlueJobRun,
  RetryGlueJobRunResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { useRetryRun } from '../../hooks';
import { ConfirmDialog } from '../ConfirmDialog';

/** Why the Retry button is disabled. */
export const RETRY_DISABLED_REASON =
  'Retrying is not enabled (awsGlue.actions.retryJobRun) or you may not start this job';

/** Props of {@link RetryRunButton}. */
export interface RetryRunButtonProps {
  entityRef: CompoundEntityRef;
  run: GlueJobRun;
  /** The run's job; retrying is offered when its `canRetry` is true. */
  job?: GlueJob;
  onRetried?: (response: RetryGlueJobRunResponse) => void;
}

/**
 * Retry for a failed run: a confirmation that the job starts again with
 * the run's own arguments (kept on the server), then the new run's id;
 * disabled, with the reason, when the job may not be retried.
 */
export function RetryRunButton(props: RetryRunButtonProps) {
  const { entityRef, run, job } = props;
  const [open, setOpen] = useState(false);
  const [retried, setRetried] = useState<RetryGlueJobRunResponse>();
  const { retry } = useRetryRun({
    entityRef,
    job: run.jobArn || run.jobName,
    onRetried: props.onRetried,
  });
  const allowed = job?.canRetry === true;
  const button = (
    <Button
      variant="outlined"
      size="small"
      startIcon={<ReplayIcon />}
      disabled={!allowed}
      onClick={() => setOpen(true)}
      aria-label={`Retry run ${run.id}`}
    >
      Retry
    </Button>
  );
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 16 }}>
      {allowed ? (
        button
      ) : (
        <Tooltip title={RETRY_DISABLED_REASON}>
          <span data-testid="retry-disabled">{button}</span>
        </Tooltip>
      )}
      {retried && (
        <Alert severity="success" data-testid="retry-result">
          {`Started run ${retried.runId} of ${retried.jobName} (retry of ${retried.retriedRunId})`}
        </Alert>
      )}
      <ConfirmDialog
        open={open}
        title="Retry this run?"
        confirmLabel="Retry"
        onConfirm={async () => setRetried(await retry(run.id))}
        onClose={() => setOpen(false)}
      >
        <Typography variant="body2">
          {`This starts ${run.jobName} again with the arguments of run ${run.id}. The values stay on the server: redacted ones are passed on as they were, not from your browser.`}
        </Typography>
      </ConfirmDialog>
    </Box>
  );
}
