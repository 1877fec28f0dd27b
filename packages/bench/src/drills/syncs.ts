/* Turning a replica-attributed call log into syncs. */
import type { RecordedCall } from './proxy';

export interface SyncObservation {
  replica: string;
  /** ms since the drill's proxy started. */
  startMs: number;
  endMs: number;
  calls: number;
  getJobs: number;
  tick?: number;
}

/** Groups recorded calls into syncs: a sync is one replica's burst of calls. */
export function groupSyncs(
  calls: RecordedCall[],
  gapMs: number,
): SyncObservation[] {
  const syncs: SyncObservation[] = [];
  const open = new Map<string, SyncObservation>();
  for (const call of [...calls].sort((a, b) => a.atMs - b.atMs)) {
    let sync = open.get(call.replica);
    if (!sync || call.atMs - sync.endMs > gapMs) {
      sync = {
        replica: call.replica,
        startMs: call.atMs,
        endMs: call.atMs,
        calls: 0,
        getJobs: 0,
      };
      open.set(call.replica, sync);
      syncs.push(sync);
    }
    sync.endMs = call.atMs;
    sync.calls++;
    if (call.operation === 'GetJobs') sync.getJobs++;
  }
  return syncs;
}
