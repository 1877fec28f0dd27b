import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
} from '@backstage/core-components';
import { runStatusCategory } from '@aws-glue-backstage/plugin-aws-glue-common';

/**
 * Props of {@link RunStatus}.
 *
 * @public
 */
export interface RunStatusProps {
  /** A Glue job run state, workflow run status or node state. */
  state?: string;
  /** The text next to the icon; the state itself by default. */
  label?: string;
}

/** Glue workflow run statuses mapped onto run states. */
const WORKFLOW_STATUS: Record<string, string> = {
  COMPLETED: 'SUCCEEDED',
  RUNNING: 'RUNNING',
  STOPPING: 'STOPPING',
  STOPPED: 'STOPPED',
  ERROR: 'ERROR',
  // crawler states
  READY: 'SUCCEEDED',
  CANCELLED: 'STOPPED',
};

/**
 * A status chip for a Glue run state: `SUCCEEDED` green, `FAILED`/`TIMEOUT`/
 * `ERROR` red, `RUNNING` blue, `STOPPED` grey, `WAITING` pending.
 *
 * @public
 */
export function RunStatus(props: RunStatusProps) {
  const { state, label } = props;
  const text = label ?? state ?? 'No runs';
  const category = runStatusCategory(
    state ? WORKFLOW_STATUS[state] ?? state : undefined,
  );
  switch (category) {
    case 'ok':
      return <StatusOK>{text}</StatusOK>;
    case 'error':
      return <StatusError>{text}</StatusError>;
    case 'aborted':
      return <StatusAborted>{text}</StatusAborted>;
    case 'running':
      return <StatusRunning>{text}</StatusRunning>;
    default:
      return <StatusPending>{text}</StatusPending>;
  }
}
