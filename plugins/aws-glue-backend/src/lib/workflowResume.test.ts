import { GlueWorkflowRun } from '@aws-glue-backstage/plugin-aws-glue-common';
import { resumePreview } from './workflowResume';

const run = (overrides: Partial<GlueWorkflowRun> = {}): GlueWorkflowRun => ({
  id: 'wr_1',
  status: 'COMPLETED',
  statistics: {},
  nodes: [
    { id: 'n-start', type: 'TRIGGER', name: 'start' },
    { id: 'n-extract', type: 'JOB', name: 'extract', state: 'SUCCEEDED' },
    { id: 'n-t2', type: 'TRIGGER', name: 'after-extract' },
    { id: 'n-load', type: 'JOB', name: 'load', state: 'FAILED' },
    { id: 'n-t3', type: 'TRIGGER', name: 'after-load' },
    { id: 'n-report', type: 'JOB', name: 'report' },
    { id: 'n-crawl', type: 'CRAWLER', name: 'crawl' },
  ],
  edges: [
    { from: 'n-start', to: 'n-extract' },
    { from: 'n-extract', to: 'n-t2' },
    { from: 'n-t2', to: 'n-load' },
    { from: 'n-load', to: 'n-t3' },
    { from: 'n-t3', to: 'n-report' },
    { from: 'n-t3', to: 'n-crawl' },
  ],
  ...overrides,
});

describe('resumePreview', () => {
  it('resumes the failed nodes and runs what they start again', () => {
    expect(resumePreview('sales-pipeline', run())).toEqual({
      workflowName: 'sales-pipeline',
      runId: 'wr_1',
      nodeIds: ['n-load'],
      willRun: ['load', 'report', 'crawl'],
      resumable: true,
    });
  });

  it('refuses a running run, one without failures, and nodes that did not fail', () => {
    expect(resumePreview('w', run({ status: 'RUNNING' }))).toMatchObject({
      resumable: false,
      reason: expect.stringMatching(/RUNNING: only a finished run/),
    });
    const clean = run({
      nodes: run().nodes.map(n =>
        n.state === 'FAILED' ? { ...n, state: 'SUCCEEDED' } : n,
      ),
    });
    expect(resumePreview('w', clean)).toMatchObject({
      resumable: false,
      reason: expect.stringMatching(/no failed/),
    });
    expect(resumePreview('w', run(), ['n-extract'])).toMatchObject({
      resumable: false,
      reason: 'Not a failed node of run wr_1: n-extract; failed: n-load',
    });
  });
});
