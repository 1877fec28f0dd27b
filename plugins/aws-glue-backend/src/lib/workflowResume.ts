import {
  GlueWorkflowResumePreview,
  GlueWorkflowRun,
  isActiveWorkflowStatus,
  isFailedRunState,
} from '@aws-glue-backstage/plugin-aws-glue-common';

/** Job and crawler states a resume runs again: failed, stopped, cancelled. */
const RESUMABLE_STATES = new Set(['STOPPED', 'CANCELLED']);

const resumableNode = (node: GlueWorkflowRun['nodes'][number]) =>
  (node.type === 'JOB' || node.type === 'CRAWLER') &&
  (isFailedRunState(node.state) || RESUMABLE_STATES.has(node.state ?? ''));

/**
 * What resuming a workflow run does: ResumeWorkflowRun runs the named nodes
 * and every node downstream of them again
 * (https://docs.aws.amazon.com/glue/latest/dg/resuming-workflow.html). The
 * nodes are the run's failed, stopped or cancelled jobs and crawlers (or the
 * caller's pick among them). Pure.
 */
export function resumePreview(
  workflowName: string,
  run: GlueWorkflowRun,
  picked?: string[],
): GlueWorkflowResumePreview {
  const failed = run.nodes.filter(resumableNode).map(node => node.id);
  const base = { workflowName, runId: run.id };
  if (isActiveWorkflowStatus(run.status)) {
    return {
      ...base,
      nodeIds: [],
      willRun: [],
      resumable: false,
      reason: `Run ${run.id} is ${run.status}: only a finished run can be resumed`,
    };
  }
  if (failed.length === 0) {
    return {
      ...base,
      nodeIds: [],
      willRun: [],
      resumable: false,
      reason: `Run ${run.id} has no failed, stopped or cancelled job or crawler to resume`,
    };
  }
  const unknown = (picked ?? []).filter(id => !failed.includes(id));
  if (unknown.length > 0) {
    return {
      ...base,
      nodeIds: [],
      willRun: [],
      resumable: false,
      reason: `Not a failed node of run ${run.id}: ${unknown.join(
        ', ',
      )}; failed: ${failed.join(', ')}`,
    };
  }
  const nodeIds = picked && picked.length > 0 ? picked : failed;
  const next = new Map<string, string[]>();
  for (const edge of run.edges) {
    next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  }
  const seen = new Set(nodeIds);
  const queue = [...nodeIds];
  while (queue.length > 0) {
    for (const to of next.get(queue.shift()!) ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  const willRun = run.nodes
    .filter(
      node =>
        seen.has(node.id) && (node.type === 'JOB' || node.type === 'CRAWLER'),
    )
    .map(node => node.name);
  return { ...base, nodeIds, willRun, resumable: true };
}
