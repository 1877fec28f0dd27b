/*
 * Call counters for benchmarks: calls per operation, overall and per region
 * and account, plus errors returned per error type.
 */

export interface CallCounts {
  calls: Record<string, number>;
  total: number;
}

export interface EmulatorStats extends CallCounts {
  /** Errors returned (faults and real errors) per error type. */
  errors: Record<string, number>;
  /** Per region name. */
  regions: Record<string, CallCounts>;
  /** Per account id. */
  accounts: Record<string, CallCounts>;
}

function bump(counts: CallCounts, operation: string) {
  counts.calls[operation] = (counts.calls[operation] ?? 0) + 1;
  counts.total += 1;
}

export class CallStats {
  private stats: EmulatorStats = CallStats.empty();

  private static empty(): EmulatorStats {
    return { calls: {}, total: 0, errors: {}, regions: {}, accounts: {} };
  }

  record(operation: string, region: string, account: string) {
    bump(this.stats, operation);
    bump((this.stats.regions[region] ??= { calls: {}, total: 0 }), operation);
    bump((this.stats.accounts[account] ??= { calls: {}, total: 0 }), operation);
  }

  recordError(type: string) {
    this.stats.errors[type] = (this.stats.errors[type] ?? 0) + 1;
  }

  snapshot(): EmulatorStats {
    return JSON.parse(JSON.stringify(this.stats));
  }

  reset() {
    this.stats = CallStats.empty();
  }
}
