import { Typography } from '@material-ui/core';
import { GlueJobRun } from '@aws-glue-backstage/plugin-aws-glue-common';
import { formatRelativeTime } from '../../lib/format';
import { ConfirmDialog } from '../ConfirmDialog';

/** Asks before stopping a run; rejections of `onConfirm` keep it open with the error. */
export function StopRunDialog(props: {
  run: GlueJobRun;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const { run } = props;
  return (
    <ConfirmDialog
      open
      title="Stop this run?"
      confirmLabel="Stop run"
      onConfirm={props.onConfirm}
      onClose={props.onClose}
    >
      <Typography variant="body2">
        {`Run ${run.id} of ${run.jobName} (started ${formatRelativeTime(
          run.startedOn,
        )}) will be stopped. Its work so far is lost and the job bookmark is not advanced.`}
      </Typography>
    </ConfirmDialog>
  );
}
