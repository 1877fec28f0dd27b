import type { Trigger } from '@aws-sdk/client-glue';
import { GlueTarget } from './keys';
import {
  actionTargets,
  buildTriggerGraph,
  conditionTargets,
} from './triggerGraph';

const synced = new Set(['job:a', 'job:b', 'crawler:c']);
const isSynced = (t: GlueTarget) => synced.has(`${t.kind}:${t.name}`);

const triggers: Trigger[] = [
  {
    Name: 'start-a',
    Type: 'SCHEDULED',
    WorkflowName: 'w1',
    Actions: [{ JobName: 'a' }, { CrawlerName: 'c' }],
  },
  {
    Name: 'a-then-b',
    Type: 'CONDITIONAL',
    WorkflowName: 'w1',
    Actions: [{ JobName: 'b' }, { JobName: 'b' }],
    Predicate: { Conditions: [{ JobName: 'a', State: 'SUCCEEDED' }] },
  },
  {
    Name: 'ghosts',
    Type: 'CONDITIONAL',
    WorkflowName: 'w2',
    Actions: [{ JobName: 'ghost' }, { CrawlerName: 'gone' }, {}],
    Predicate: {
      Conditions: [{ JobName: 'ghost' }, { CrawlerName: 'c' }],
    },
  },
];

describe('actionTargets and conditionTargets', () => {
  it('list what a trigger starts and watches, in order, without empty ones', () => {
    expect(actionTargets(triggers[2])).toEqual([
      { kind: 'job', name: 'ghost' },
      { kind: 'crawler', name: 'gone' },
    ]);
    expect(conditionTargets(triggers[2])).toEqual([
      { kind: 'job', name: 'ghost' },
      { kind: 'crawler', name: 'c' },
    ]);
    expect(conditionTargets({ Name: 'x' })).toEqual([]);
  });
});

describe('buildTriggerGraph', () => {
  const graph = buildTriggerGraph(triggers, isSynced);

  it('records which triggers start each job and crawler, synced or not', () => {
    expect([...graph.startedBy.entries()]).toEqual([
      [{ kind: 'job', name: 'a' }, ['start-a']],
      [{ kind: 'crawler', name: 'c' }, ['start-a']],
      [{ kind: 'job', name: 'b' }, ['a-then-b', 'a-then-b']],
      [{ kind: 'job', name: 'ghost' }, ['ghosts']],
      [{ kind: 'crawler', name: 'gone' }, ['ghosts']],
    ]);
  });

  it('records workflow membership both ways', () => {
    expect(graph.workflowsOf.get({ kind: 'job', name: 'a' })).toEqual(
      new Set(['w1']),
    );
    expect(graph.workflowsOf.get({ kind: 'crawler', name: 'c' })).toEqual(
      new Set(['w1', 'w2']),
    );
    expect(graph.membersOf.get('w1')?.keys()).toEqual([
      { kind: 'job', name: 'a' },
      { kind: 'crawler', name: 'c' },
      { kind: 'job', name: 'b' },
    ]);
    expect(graph.membersOf.get('w2')?.keys()).toEqual([
      { kind: 'job', name: 'ghost' },
      { kind: 'crawler', name: 'gone' },
      { kind: 'crawler', name: 'c' },
    ]);
  });

  it('lists and warns about what is not synced, each once', () => {
    expect([...graph.missingByTrigger]).toEqual([
      ['ghosts', ['ghost', 'crawler gone']],
    ]);
    expect(graph.warnings).toEqual([
      'trigger ghosts refers to ghost, crawler gone, which are not synced (missing in Glue or filtered out); no relation was made',
    ]);
  });

  it('is empty without triggers', () => {
    const empty = buildTriggerGraph([], isSynced);
    expect(empty.startedBy.size).toBe(0);
    expect(empty.membersOf.size).toBe(0);
    expect(empty.warnings).toEqual([]);
  });
});
