import { AwsGlueApi } from '../api';

/** An {@link AwsGlueApi} whose methods are jest mocks (reject unless set). */
export function mockAwsGlueApi(
  implementation: Partial<AwsGlueApi> = {},
): jest.Mocked<AwsGlueApi> {
  const notMocked = (name: string) =>
    jest.fn(async (): Promise<never> => {
      throw new Error(`${name} not mocked`);
    });
  const api = {
    getJobs: notMocked('getJobs'),
    getJobRuns: notMocked('getJobRuns'),
    getJobRun: notMocked('getJobRun'),
    getChain: notMocked('getChain'),
    getBookmark: notMocked('getBookmark'),
    getWorkflowRuns: notMocked('getWorkflowRuns'),
    startJobRun: notMocked('startJobRun'),
    stopJobRun: notMocked('stopJobRun'),
    getFleetJobs: notMocked('getFleetJobs'),
    getTrends: notMocked('getTrends'),
    getTeamSummary: notMocked('getTeamSummary'),
    getChainExecutions: notMocked('getChainExecutions'),
    getRunTriage: notMocked('getRunTriage'),
    retryJobRun: notMocked('retryJobRun'),
    getWorkflowResumePreview: notMocked('getWorkflowResumePreview'),
    resumeWorkflowRun: notMocked('resumeWorkflowRun'),
    runScorecardChecks: notMocked('runScorecardChecks'),
    ...Object.fromEntries(
      Object.entries(implementation).map(([name, fn]) => [
        name,
        jest.fn(fn as (...args: unknown[]) => unknown),
      ]),
    ),
  };
  return api as unknown as jest.Mocked<AwsGlueApi>;
}
