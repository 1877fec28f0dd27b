import { useState } from 'react';
import { Button, Tooltip, Typography } from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import { Progress } from '@backstage/core-components';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  GlueWorkflowResumePreview,
  GlueWorkflowRun,
  ResumeGlueWorkflowRunResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { useResumeWorkflowRun } from '../../hooks';
import { endedWithFailures } from '../../lib/workflow';
import { ConfirmDialog } from '../ConfirmDialog';

/** Why the Resume button is disabled. */
export const RESUME_DISABLED_REASON =
  'Resuming is not enabled (awsGlue.actions.resumeWorkflowRun) or you may not resume this workflow';

/** Props of {@link ResumeWorkflowRun}. */
export interface ResumeWorkflowRunProps {
  entityRef: CompoundEntityRef;
  run: GlueWorkflowRun;
  /** `canResume` of the workflow runs: enabled and allowed for the caller. */
  canResume: boolean;
  onResumed: (response: ResumeGlueWorkflowRunResponse) => void;
}

/** What the preview says will run again, or why the run cannot be resumed. */
function PreviewText(props: { preview: GlueWorkflowResumePreview }) {
  const { preview } = props;
  if (!preview.resumable) {
    return (
      <Alert severity="info" data-testid="resume-not-resumable">
        {`Run ${preview.runId} cannot be resumed: ${
          preview.reason ?? 'Glue does not allow it'
        }`}
      </Alert>
    );
  }
  return (
    <>
      <Typography variant="body2">
        {`Resuming run ${preview.runId} of ${preview.workflowName} runs these again (the failed nodes and what they start), as a new workflow run:`}
      </Typography>
      <ul aria-label="Will run again" data-testid="resume-will-run">
        {preview.willRun.map(name => (
          <li key={name}>
            <Typography variant="body2">{name}</Typography>
          </li>
        ))}
      </ul>
    </>
  );
}

function ResumeDialog(props: {
  entityRef: CompoundEntityRef;
  run: GlueWorkflowRun;
  onResumed: (response: ResumeGlueWorkflowRunResponse) => void;
  onClose: () => void;
}) {
  const { preview, resume } = useResumeWorkflowRun({
    entityRef: props.entityRef,
    runId: props.run.id,
    enabled: true,
    onResumed: props.onResumed,
  });
  const value = preview.value;
  return (
    <ConfirmDialog
      open
      title="Resume this workflow run?"
      confirmLabel="Resume"
      confirmDisabled={!value?.resumable}
      onConfirm={async () => {
        await resume(value!.nodeIds);
      }}
      onClose={props.onClose}
    >
      {preview.loading && !value && <Progress />}
      {preview.error && <Alert severity="error">{preview.error.message}</Alert>}
      {value && <PreviewText preview={value} />}
    </ConfirmDialog>
  );
}

/**
 * Resume for a workflow run that ended with failures: a dialog with what
 * will run again (the backend's preview), then `onResumed`; disabled,
 * with the reason, when resuming is not allowed. Nothing for other runs.
 */
export function ResumeWorkflowRun(props: ResumeWorkflowRunProps) {
  const { run, canResume } = props;
  const [open, setOpen] = useState(false);
  if (!endedWithFailures(run)) return null;
  const button = (
    <Button
      variant="outlined"
      size="small"
      startIcon={<PlayArrowIcon />}
      disabled={!canResume}
      onClick={() => setOpen(true)}
      aria-label={`Resume workflow run ${run.id}`}
    >
      Resume
    </Button>
  );
  return (
    <>
      {canResume ? (
        button
      ) : (
        <Tooltip title={RESUME_DISABLED_REASON}>
          <span data-testid="resume-disabled">{button}</span>
        </Tooltip>
      )}
      {open && (
        <ResumeDialog
          entityRef={props.entityRef}
          run={run}
          onResumed={props.onResumed}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
