/*
 * Straight to the emulator over AWS JSON 1.1 (no SDK, no backend cache):
 * what Glue itself holds, and starting runs.
 */

export interface GlueRun {
  Id: string;
  JobName: string;
  JobRunState: string;
  Attempt?: number;
  StartedOn?: number;
  CompletedOn?: number;
}

async function call<T>(
  endpoint: string,
  operation: string,
  body: Record<string, unknown>,
): Promise<T> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSGlue.${operation}`,
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) {
    throw new Error(
      `emulator ${operation}: ${res.status} ${text.slice(0, 300)}`,
    );
  }
  return JSON.parse(text) as T;
}

/** StartJobRun; `outcome` is passed as `--emulator-outcome`. */
export async function startJobRun(
  endpoint: string,
  jobName: string,
  outcome?: string,
): Promise<string> {
  const { JobRunId } = await call<{ JobRunId: string }>(
    endpoint,
    'StartJobRun',
    {
      JobName: jobName,
      ...(outcome ? { Arguments: { '--emulator-outcome': outcome } } : {}),
    },
  );
  return JobRunId;
}

/** Every run Glue holds for a job, newest first (all pages). */
export async function allJobRuns(
  endpoint: string,
  jobName: string,
): Promise<GlueRun[]> {
  const runs: GlueRun[] = [];
  let token: string | undefined;
  for (let page = 0; page < 100; page++) {
    const body = await call<{ JobRuns?: GlueRun[]; NextToken?: string }>(
      endpoint,
      'GetJobRuns',
      {
        JobName: jobName,
        MaxResults: 200,
        ...(token ? { NextToken: token } : {}),
      },
    );
    runs.push(...(body.JobRuns ?? []));
    token = body.NextToken;
    if (!token) break;
  }
  return runs;
}

export async function getJobRun(
  endpoint: string,
  jobName: string,
  runId: string,
): Promise<GlueRun> {
  const { JobRun } = await call<{ JobRun: GlueRun }>(endpoint, 'GetJobRun', {
    JobName: jobName,
    RunId: runId,
  });
  return JobRun;
}

export const ENDED = new Set([
  'SUCCEEDED',
  'FAILED',
  'TIMEOUT',
  'ERROR',
  'STOPPED',
  'EXPIRED',
]);
