import {
  ACTIVE_GLUE_JOB_RUN_STATES,
  FAILED_GLUE_JOB_RUN_STATES,
} from '@aws-glue-backstage/plugin-aws-glue-common';

/** The state filters of the run history, each a set of Glue run states. */
export const RUN_STATE_FILTERS: {
  value: string;
  label: string;
  states: string[];
}[] = [
  { value: 'all', label: 'All states', states: [] },
  {
    value: 'failed',
    label: 'Failed, timed out or errored',
    states: [...FAILED_GLUE_JOB_RUN_STATES],
  },
  {
    value: 'active',
    label: 'Active',
    states: [...ACTIVE_GLUE_JOB_RUN_STATES],
  },
  { value: 'succeeded', label: 'Succeeded', states: ['SUCCEEDED'] },
  { value: 'stopped', label: 'Stopped', states: ['STOPPED'] },
];

/** The Glue run states of a filter's `value`; none (all states) when unknown. */
export function statesOfFilter(value: string): string[] {
  return RUN_STATE_FILTERS.find(f => f.value === value)?.states ?? [];
}
