export { RunDetails } from './RunDetails';
export type { RunDetailsProps } from './RunDetails';
