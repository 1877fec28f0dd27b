import {
  InputAdornment,
  MenuItem,
  TextField,
  Typography,
} from '@material-ui/core';
import SearchIcon from '@material-ui/icons/Search';
import { GlueRunIndexFreshness } from '@aws-glue-backstage/plugin-aws-glue-common';
import type {
  FleetFilterOptions,
  FleetFilters,
  FleetJobsState,
} from '../../hooks';
import {
  describeFreshness,
  formatDateTime,
  indexUpdatedAt,
} from '../../lib/format';
import { RUN_STATE_FILTERS } from '../../lib/runStateFilters';
import { Toolbar, ToolbarSpacer } from '../Toolbar';

function Filter(props: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
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
      {props.options.map(option => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** "All", then each value as itself; the current value even when not offered. */
const choices = (values: string[], current: string) => [
  { value: '', label: 'All' },
  ...[...new Set(current ? [...values, current] : values)].map(value => ({
    value,
    label: value,
  })),
];

const STATE_CHOICES = RUN_STATE_FILTERS.map(f => ({
  value: f.value,
  label: f.value === 'all' ? 'All' : f.label,
}));

/** How fresh the run index is, and whether signals keep the page live. */
function Freshness(props: {
  freshness?: GlueRunIndexFreshness;
  live: boolean;
}) {
  const { freshness, live } = props;
  if (!freshness) return null;
  const updated = indexUpdatedAt(freshness);
  return (
    <Typography
      variant="body2"
      color="textSecondary"
      title={updated ? formatDateTime(updated) : undefined}
    >
      {describeFreshness(freshness)}
      {live ? ' · live' : ''}
    </Typography>
  );
}

/** Props of {@link JobFilters}. */
export interface JobFiltersProps {
  filters: FleetFilters;
  onChange: FleetJobsState['setFilter'];
  /** The values the owner, account and region filters offer. */
  options: FleetFilterOptions;
  freshness?: GlueRunIndexFreshness;
  live: boolean;
}

/** Text, owner, latest state, account and region filters of the overview, and the index's freshness. */
export function JobFilters(props: JobFiltersProps) {
  const { filters, onChange, options } = props;
  return (
    <Toolbar>
      <TextField
        label="Search"
        size="small"
        variant="outlined"
        value={filters.text}
        onChange={e => onChange('text', e.target.value)}
        placeholder="Job title or name"
        InputLabelProps={{ shrink: true }}
        inputProps={{ 'aria-label': 'Search jobs' }}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        }}
      />
      <Filter
        label="Owner"
        value={filters.owner}
        options={choices(options.owner, filters.owner)}
        onChange={value => onChange('owner', value)}
      />
      <Filter
        label="Latest state"
        value={filters.state}
        options={STATE_CHOICES}
        onChange={value => onChange('state', value)}
      />
      <Filter
        label="Account"
        value={filters.account}
        options={choices(options.account, filters.account)}
        onChange={value => onChange('account', value)}
      />
      <Filter
        label="Region"
        value={filters.region}
        options={choices(options.region, filters.region)}
        onChange={value => onChange('region', value)}
      />
      <ToolbarSpacer />
      <Freshness freshness={props.freshness} live={props.live} />
    </Toolbar>
  );
}
