export { RunStatus } from './RunStatus';
export type { RunStatusProps } from './RunStatus';
