export { RunTriage, TRIAGE_STATES } from './RunTriage';
export type { RunTriageProps } from './RunTriage';
export { RetryRunButton, RETRY_DISABLED_REASON } from './RetryRunButton';
export type { RetryRunButtonProps } from './RetryRunButton';
