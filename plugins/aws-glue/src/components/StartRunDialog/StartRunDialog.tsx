import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
} from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import { GlueJob } from '@aws-glue-backstage/plugin-aws-glue-common';
import { useStartRunForm } from '../../hooks';
import {
  ArgumentOverridesStep,
  ConfirmStartStep,
  StartRunActions,
} from './StartRunSteps';

/** Props of {@link StartRunDialog}. */
export interface StartRunDialogProps {
  open: boolean;
  job: GlueJob;
  /** Called with the non-empty overrides; rejects to keep the dialog open. */
  onStart: (args: Record<string, string>) => Promise<void>;
  onClose: () => void;
}

/**
 * Starts a run: first the argument overrides (only the keys the backend
 * allows), then a confirmation that repeats what will be started. The state
 * is in {@link useStartRunForm}; the steps are in `StartRunSteps`.
 */
export function StartRunDialog(props: StartRunDialogProps) {
  const { open, job, onClose } = props;
  const form = useStartRunForm(props);
  return (
    <Dialog
      open={open}
      onClose={form.busy ? undefined : onClose}
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle>
        {form.step === 'edit'
          ? `Start a run of ${job.name}`
          : 'Start this run?'}
      </DialogTitle>
      <DialogContent>
        {form.step === 'edit' && (
          <ArgumentOverridesStep
            job={job}
            values={form.values}
            onChange={form.setValue}
          />
        )}
        {form.step === 'confirm' && (
          <ConfirmStartStep job={job} overrides={form.overrides} />
        )}
        {form.error && (
          <Alert severity="error" style={{ marginTop: 16 }}>
            {form.error.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <StartRunActions
          step={form.step}
          busy={form.busy}
          onCancel={onClose}
          onReview={form.review}
          onBack={form.back}
          onConfirm={form.start}
        />
      </DialogActions>
    </Dialog>
  );
}
