export { GlueErrorPanel, retryAfterSeconds } from './GlueErrorPanel';
export type { GlueErrorPanelProps } from './GlueErrorPanel';
