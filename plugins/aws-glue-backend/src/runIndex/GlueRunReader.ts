import { NotFoundError } from '@backstage/errors';
import {
  callGlue,
  fetchJobRun,
  fetchJobRunsPage,
  GlueCallOptions,
} from '../lib/glueCalls';
import { JobRef, StoredJobRun } from '../lib/shapes';

/**
 * One page of GetJobRuns, newest first.
 *
 * @public
 */
export interface FreshRunsPage {
  runs: StoredJobRun[];
  nextToken?: string;
}

/**
 * Glue reads for the run index, past the plugin's cache (the index wants
 * Glue's state now): GetJobRun for an event's run, coalesced so that the
 * events of one run share one call, and GetJobRuns pages for the
 * reconciler. Every call has the configured deadline; at most `concurrency`
 * are in flight. Runs come back redacted.
 *
 * @public
 */
export class GlueRunReader {
  private readonly inFlight = new Map<string, Promise<StoredJobRun>>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly options: GlueCallOptions & { concurrency: number },
  ) {}

  /** GetJobRun with predecessors; concurrent asks for one run share a call. */
  getRun(job: JobRef, runId: string): Promise<StoredJobRun> {
    const key = `${job.arn}\u0000${runId}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.call(job, 'GetJobRun', async (client, abortSignal) => {
        const run = await fetchJobRun(
          client,
          job,
          runId,
          this.options.redactor,
          abortSignal,
        );
        if (!run) throw new NotFoundError(`AWS Glue has no run ${runId}`);
        return run;
      }).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /** One GetJobRuns page. */
  getRunsPage(
    job: JobRef,
    nextToken: string | undefined,
    maxResults: number,
  ): Promise<FreshRunsPage> {
    return this.call(job, 'GetJobRuns', (client, abortSignal) =>
      fetchJobRunsPage(
        client,
        job,
        { nextToken, maxResults },
        this.options.redactor,
        abortSignal,
      ),
    );
  }

  private async call<T>(
    job: JobRef,
    operation: string,
    send: Parameters<typeof callGlue<T>>[3],
  ): Promise<T> {
    await this.acquire();
    try {
      return await callGlue(
        this.options,
        job,
        {
          operation,
          target: `job ${job.name} (${job.accountId}/${job.region})`,
        },
        send,
      );
    } finally {
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    if (this.active < this.options.concurrency) {
      this.active += 1;
      return;
    }
    await new Promise<void>(resolve => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}
