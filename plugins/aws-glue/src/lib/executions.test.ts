import {
  DOWNSTREAM,
  GLUEETL,
  UPSTREAM,
  executionsResponse,
} from '../__testUtils__/executions';
import {
  describeCell,
  describeRoot,
  describeSla,
  executionTimeline,
  landingPoints,
  runMatrix,
} from './executions';

const [failed, late, onTime] = executionsResponse.executions;

describe('executionTimeline', () => {
  it('puts every node on one axis from the first start to the last end', () => {
    const timeline = executionTimeline(onTime);
    expect(timeline.start).toBe(Date.parse('2025-03-04T02:00:00.000Z'));
    expect(timeline.end).toBe(Date.parse('2025-03-04T03:30:00.000Z'));
    const [up, etl, down] = timeline.rows;
    expect(up.bar).toEqual({ left: 0, width: 30 / 90 });
    expect(etl.bar!.left).toBeCloseTo(31 / 90);
    expect(etl.gap).toEqual({
      left: 30 / 90,
      width: expect.closeTo(1 / 90),
      seconds: 60,
    });
    expect(down.bar!.left + down.bar!.width).toBeCloseTo(1);
  });

  it('draws no bar for a node that did not start', () => {
    const rows = executionTimeline(failed).rows;
    expect(rows.map(r => r.node.nodeId)).toEqual([
      UPSTREAM,
      GLUEETL,
      DOWNSTREAM,
    ]);
    expect(rows[2].bar).toBeUndefined();
    expect(rows[1].bar!.left + rows[1].bar!.width).toBeCloseTo(1);
  });

  it('runs a running node to now', () => {
    const running = {
      ...onTime,
      nodes: [
        {
          ...onTime.nodes[0],
          state: 'RUNNING',
          completedOn: undefined,
          durationSeconds: undefined,
        },
      ],
    };
    const now = Date.parse('2025-03-04T02:10:00.000Z');
    expect(executionTimeline(running, now).end).toBe(now);
  });
});

describe('runMatrix', () => {
  it('has a cell per row and execution, oldest left', () => {
    const { columns, cells } = runMatrix(executionsResponse);
    expect(columns.map(c => c.id)).toEqual(['jr_up_1', 'jr_up_2', 'jr_up_3']);
    expect(cells).toHaveLength(3);
    expect(cells.every(row => row.length === 3)).toBe(true);
    expect(cells[1][2].node?.state).toBe('FAILED');
    expect(describeCell(cells[2][2])).toBe('Not started in this execution');
    expect(describeCell({ ...cells[0][0], node: undefined })).toBe(
      'No run in this execution',
    );
    expect(describeCell(cells[0][0])).toMatch(/^SUCCEEDED, 30m 00s, started /);
  });
});

describe('landingPoints', () => {
  it('takes the executions with a landing time, oldest first, with their deadline', () => {
    expect(landingPoints(executionsResponse)).toEqual([
      {
        execution: onTime,
        landingSeconds: 5400,
        late: false,
        deadlineSeconds: 7200,
      },
      {
        execution: late,
        landingSeconds: 9000,
        late: true,
        deadlineSeconds: 7200,
      },
    ]);
  });
});

describe('describing', () => {
  it('says how an execution began and what the SLA is', () => {
    expect(describeRoot(onTime.root)).toBe('scheduled (nightly)');
    expect(describeRoot({ runId: 'jr', jobName: 'a', kind: 'MANUAL' })).toBe(
      'manual start',
    );
    expect(describeSla({ kind: 'duration', seconds: 7200 })).toBe(
      '2h 00m after the scheduled start',
    );
    expect(
      describeSla({
        kind: 'time-of-day',
        hour: 6,
        minute: 5,
        zone: 'Europe/Berlin',
      }),
    ).toBe('by 06:05 Europe/Berlin');
  });
});
