/*
 * The operation registry: X-Amz-Target operation name -> handler (Glue, the
 * Resource Groups Tagging API and CloudWatch Logs).
 */
import type { Operation } from './context';
import * as crawlers from './crawlers';
import * as jobs from './jobs';
import * as logs from './logs';
import * as runs from './runs';
import * as tags from './tags';
import * as triggers from './triggers';
import * as workflows from './workflows';

export type { Operation, OperationContext } from './context';

/** `X-Amz-Target: AWSGlue.<name>` */
export const GLUE_TARGET_PREFIX = 'AWSGlue.';
/** `X-Amz-Target: Logs_20140328.<name>` (CloudWatch Logs) */
export const LOGS_TARGET_PREFIX = 'Logs_20140328.';
/** `X-Amz-Target: ResourceGroupsTaggingAPI_20170126.<name>` */
export const TAGGING_TARGET_PREFIX = 'ResourceGroupsTaggingAPI_20170126.';

export const glueOperations: Record<string, Operation> = {
  GetJobs: jobs.GetJobs,
  GetJob: jobs.GetJob,
  BatchGetJobs: jobs.BatchGetJobs,
  ListJobs: jobs.ListJobs,
  GetJobBookmark: jobs.GetJobBookmark,
  ResetJobBookmark: jobs.ResetJobBookmark,
  GetJobRuns: runs.GetJobRuns,
  GetJobRun: runs.GetJobRun,
  StartJobRun: runs.StartJobRun,
  BatchStopJobRun: runs.BatchStopJobRun,
  GetTriggers: triggers.GetTriggers,
  GetTrigger: triggers.GetTrigger,
  BatchGetTriggers: triggers.BatchGetTriggers,
  ListTriggers: triggers.ListTriggers,
  StartTrigger: triggers.StartTrigger,
  StopTrigger: triggers.StopTrigger,
  ListWorkflows: workflows.ListWorkflows,
  BatchGetWorkflows: workflows.BatchGetWorkflows,
  GetWorkflow: workflows.GetWorkflow,
  GetWorkflowRuns: workflows.GetWorkflowRuns,
  GetWorkflowRun: workflows.GetWorkflowRun,
  StartWorkflowRun: workflows.StartWorkflowRun,
  ResumeWorkflowRun: workflows.ResumeWorkflowRun,
  GetCrawlers: crawlers.GetCrawlers,
  GetCrawler: crawlers.GetCrawler,
  BatchGetCrawlers: crawlers.BatchGetCrawlers,
  ListCrawlers: crawlers.ListCrawlers,
  StartCrawler: crawlers.StartCrawler,
  GetTags: tags.GetTags,
};

export const taggingOperations: Record<string, Operation> = {
  GetResources: tags.GetResources,
};

export const logsOperations: Record<string, Operation> = {
  GetLogEvents: logs.GetLogEvents,
  FilterLogEvents: logs.FilterLogEvents,
};
