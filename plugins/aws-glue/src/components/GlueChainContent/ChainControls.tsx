import {
  FormControlLabel,
  MenuItem,
  Switch,
  TextField,
} from '@material-ui/core';
import type { ChainDirection } from '../../hooks';
import { Toolbar } from '../Toolbar';

/** Props of {@link ChainControls}. */
export interface ChainControlsProps {
  direction: ChainDirection;
  onDirection: (direction: ChainDirection) => void;
  depth: number;
  /** The depths to offer (those the backend accepts). */
  depthChoices: number[];
  onDepth: (depth: number) => void;
  showDatasets: boolean;
  onShowDatasets: (show: boolean) => void;
  collapseTriggers: boolean;
  onCollapseTriggers: (collapse: boolean) => void;
}

function Toggle(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <FormControlLabel
      control={
        <Switch
          checked={props.checked}
          onChange={e => props.onChange(e.target.checked)}
          color="primary"
        />
      }
      label={props.label}
    />
  );
}

/** Direction, depth and what to draw of the chain. */
export function ChainControls(props: ChainControlsProps) {
  return (
    <Toolbar>
      <TextField
        select
        label="Direction"
        size="small"
        variant="outlined"
        value={props.direction}
        onChange={e => props.onDirection(e.target.value as ChainDirection)}
        SelectProps={{ inputProps: { 'aria-label': 'Direction' } }}
        style={{ minWidth: 180 }}
      >
        <MenuItem value="both">Upstream and downstream</MenuItem>
        <MenuItem value="up">Upstream only</MenuItem>
        <MenuItem value="down">Downstream only</MenuItem>
      </TextField>
      <TextField
        select
        label="Depth"
        size="small"
        variant="outlined"
        value={props.depth}
        onChange={e => props.onDepth(Number(e.target.value))}
        SelectProps={{ inputProps: { 'aria-label': 'Depth' } }}
        style={{ minWidth: 100 }}
      >
        {props.depthChoices.map(d => (
          <MenuItem key={d} value={d}>
            {d}
          </MenuItem>
        ))}
      </TextField>
      <Toggle
        label="Show datasets"
        checked={props.showDatasets}
        onChange={props.onShowDatasets}
      />
      <Toggle
        label="Triggers as edges"
        checked={props.collapseTriggers}
        onChange={props.onCollapseTriggers}
      />
    </Toolbar>
  );
}
