import { MenuItem, TextField } from '@material-ui/core';
import { GlueChainExecution } from '@aws-glue-backstage/plugin-aws-glue-common';
import { executionLabel } from '../../lib/executions';

/** Props of {@link ExecutionPicker}. */
export interface ExecutionPickerProps {
  /** Latest first. */
  executions: GlueChainExecution[];
  selectedId?: string;
  onSelect: (executionId: string) => void;
}

/** Which execution the timeline shows, latest first: start time, state and how it began. */
export function ExecutionPicker(props: ExecutionPickerProps) {
  return (
    <TextField
      select
      label="Execution"
      size="small"
      variant="outlined"
      value={props.selectedId ?? ''}
      onChange={e => props.onSelect(String(e.target.value))}
      SelectProps={{ inputProps: { 'aria-label': 'Execution' } }}
      style={{ minWidth: 360 }}
    >
      {props.executions.map(execution => (
        <MenuItem key={execution.id} value={execution.id}>
          {executionLabel(execution)}
        </MenuItem>
      ))}
    </TextField>
  );
}
