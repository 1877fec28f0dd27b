import {
  FormControlLabel,
  MenuItem,
  Switch,
  TextField,
} from '@material-ui/core';
import type { JobRowFilters } from '../../hooks';
import { Toolbar } from '../Toolbar';

function Filter(props: {
  label: string;
  value: string;
  options: string[];
  onChange: (value: string) => void;
}) {
  return (
    <TextField
      select
      label={props.label}
      size="small"
      variant="outlined"
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      InputLabelProps={{ shrink: true }}
      SelectProps={{
        displayEmpty: true,
        inputProps: {
          'aria-label': `Filter by ${props.label.toLocaleLowerCase('en-US')}`,
        },
      }}
      style={{ minWidth: 180 }}
    >
      <MenuItem value="">All</MenuItem>
      {props.options.map(option => (
        <MenuItem key={option} value={option}>
          {option}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Props of {@link JobFilters}. */
export interface JobFiltersProps {
  filters: JobRowFilters;
  onChange: <K extends keyof JobRowFilters>(
    key: K,
    value: JobRowFilters[K],
  ) => void;
  /** The values each filter offers. */
  options: { owner: string[]; account: string[]; region: string[] };
}

/** Owned by me, owner, account and region filters of the overview. */
export function JobFilters(props: JobFiltersProps) {
  const { filters, onChange, options } = props;
  return (
    <Toolbar>
      <FormControlLabel
        control={
          <Switch
            checked={filters.ownedByMe}
            onChange={e => onChange('ownedByMe', e.target.checked)}
            color="primary"
          />
        }
        label="Owned by me"
      />
      <Filter
        label="Owner"
        value={filters.owner}
        options={options.owner}
        onChange={value => onChange('owner', value)}
      />
      <Filter
        label="Account"
        value={filters.account}
        options={options.account}
        onChange={value => onChange('account', value)}
      />
      <Filter
        label="Region"
        value={filters.region}
        options={options.region}
        onChange={value => onChange('region', value)}
      />
    </Toolbar>
  );
}
