import {
  Button,
  CircularProgress,
  DialogContentText,
  TextField,
  Typography,
} from '@material-ui/core';
import { GlueJob } from '@aws-glue-backstage/plugin-aws-glue-common';
import type { StartRunStep } from '../../hooks';

/** The field id of an argument key (keys hold `--` and other punctuation). */
const fieldId = (key: string) =>
  `aws-glue-start-argument-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** The first step: a field per overridable argument, its default as hint. */
export function ArgumentOverridesStep(props: {
  job: GlueJob;
  values: Record<string, string>;
  onChange: (key: string, value: string) => void;
}) {
  const { job, values, onChange } = props;
  return (
    <>
      <DialogContentText>
        {job.overridableArguments.length > 0
          ? 'Override job arguments for this run; leave a field empty to use the default.'
          : 'This job takes no argument overrides; it runs with its default arguments.'}
      </DialogContentText>
      {job.overridableArguments.map(key => (
        <TextField
          key={key}
          id={fieldId(key)}
          label={key}
          value={values[key] ?? ''}
          placeholder={job.defaultArguments[key]}
          helperText={
            job.defaultArguments[key] !== undefined
              ? `Default: ${job.defaultArguments[key]}`
              : 'No default'
          }
          onChange={e => onChange(key, e.target.value)}
          fullWidth
          margin="dense"
          variant="outlined"
        />
      ))}
    </>
  );
}

/** The second step: what will start, with which overrides. */
export function ConfirmStartStep(props: {
  job: GlueJob;
  overrides: Record<string, string>;
}) {
  const { job, overrides } = props;
  return (
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
          The job allows one concurrent run: starting fails while another run is
          active.
        </Typography>
      )}
    </>
  );
}

/** Cancel, and Review (first step) or Back and Confirm start (second). */
export function StartRunActions(props: {
  step: StartRunStep;
  busy: boolean;
  onCancel: () => void;
  onReview: () => void;
  onBack: () => void;
  onConfirm: () => void;
}) {
  const { step, busy, onCancel, onReview, onBack, onConfirm } = props;
  return (
    <>
      <Button onClick={onCancel} disabled={busy}>
        Cancel
      </Button>
      {step === 'confirm' && (
        <Button onClick={onBack} disabled={busy}>
          Back
        </Button>
      )}
      {step === 'edit' ? (
        <Button color="primary" variant="contained" onClick={onReview}>
          Review
        </Button>
      ) : (
        <Button
          color="primary"
          variant="contained"
          onClick={onConfirm}
          disabled={busy}
          startIcon={busy ? <CircularProgress size={16} /> : undefined}
        >
          Confirm start
        </Button>
      )}
    </>
  );
}
