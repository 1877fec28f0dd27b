export { RunDetails } from './RunDetails';
export type { RunDetailsProps } from './RunDetails';
export type { RunDetailsContext } from './RunDetails';
