import { MenuItem, TextField } from '@material-ui/core';
import { GlueJob } from '@aws-glue-backstage/plugin-aws-glue-common';

/** Props of {@link JobPicker}. */
export interface JobPickerProps {
  jobs: GlueJob[];
  /** The selected job's name. */
  value: string;
  onChange: (jobName: string) => void;
}

/** Lets the user switch between an entity's jobs (render it for two or more). */
export function JobPicker(props: JobPickerProps) {
  const { jobs, value, onChange } = props;
  return (
    <TextField
      select
      label="Job"
      size="small"
      variant="outlined"
      value={value}
      onChange={e => onChange(e.target.value)}
      SelectProps={{ inputProps: { 'aria-label': 'Job' } }}
      style={{ minWidth: 220 }}
    >
      {jobs.map(job => (
        <MenuItem key={job.arn} value={job.name}>
          {job.name} ({job.region})
        </MenuItem>
      ))}
    </TextField>
  );
}
