import { useEffect, useState } from 'react';
import {
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
  Typography,
} from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import { GlueJob } from '@aws-glue-backstage/plugin-aws-glue-common';

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
 * allows), then a confirmation that repeats what will be started.
 */
export function StartRunDialog(props: StartRunDialogProps) {
  const { open, job, onStart, onClose } = props;
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);

  useEffect(() => {
    if (open) {
      setStep('edit');
      setValues({});
      setError(undefined);
    }
  }, [open, job.name]);

  const overrides = Object.fromEntries(
    Object.entries(values).filter(
      ([key, value]) =>
        job.overridableArguments.includes(key) && value.trim() !== '',
    ),
  );

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onStart(overrides);
      onClose();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle>
        {step === 'edit' ? `Start a run of ${job.name}` : 'Start this run?'}
      </DialogTitle>
      <DialogContent>
        {step === 'edit' && (
          <>
            <DialogContentText>
              {job.overridableArguments.length > 0
                ? 'Override job arguments for this run; leave a field empty to use the default.'
                : 'This job takes no argument overrides; it runs with its default arguments.'}
            </DialogContentText>
            {job.overridableArguments.map(key => (
              <TextField
                key={key}
                id={`aws-glue-start-argument-${key.replace(
                  /[^A-Za-z0-9_-]/g,
                  '_',
                )}`}
                label={key}
                value={values[key] ?? ''}
                placeholder={job.defaultArguments[key]}
                helperText={
                  job.defaultArguments[key] !== undefined
                    ? `Default: ${job.defaultArguments[key]}`
                    : 'No default'
                }
                onChange={e =>
                  setValues(v => ({ ...v, [key]: e.target.value }))
                }
                fullWidth
                margin="dense"
                variant="outlined"
              />
            ))}
          </>
        )}
        {step === 'confirm' && (
          <>
            <DialogContentText>
              {`Job ${job.name} in ${job.accountId} / ${job.region} will start now`}
              {Object.keys(overrides).length === 0
                ? ' with its default arguments.'
                : ' with these overrides:'}
            </DialogContentText>
            {Object.entries(overrides).map(([key, value]) => (
              <Typography
                key={key}
                variant="body2"
                style={{ fontFamily: 'monospace' }}
              >
                {key} = {value}
              </Typography>
            ))}
            {job.maxConcurrentRuns <= 1 && (
              <Typography
                variant="body2"
                color="textSecondary"
                style={{ marginTop: 8 }}
              >
                The job allows one concurrent run: starting fails while another
                run is active.
              </Typography>
            )}
          </>
        )}
        {error && (
          <Alert severity="error" style={{ marginTop: 16 }}>
            {error.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        {step === 'confirm' && (
          <Button onClick={() => setStep('edit')} disabled={busy}>
            Back
          </Button>
        )}
        {step === 'edit' ? (
          <Button
            color="primary"
            variant="contained"
            onClick={() => setStep('confirm')}
          >
            Review
          </Button>
        ) : (
          <Button
            color="primary"
            variant="contained"
            onClick={start}
            disabled={busy}
            startIcon={busy ? <CircularProgress size={16} /> : undefined}
          >
            Confirm start
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
