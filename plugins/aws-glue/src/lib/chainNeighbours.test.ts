import { Entity } from '@backstage/catalog-model';
import {
  GLUE_ANNOTATIONS,
  GlueChainResponse,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { chainNeighbours, startsJob, triggerLine } from './chainNeighbours';
import {
  dependentJobChain,
  scheduledTriggerEntity,
  triggerEntity,
} from '../__testUtils__/fixtures';

const REPEATED =
  'Starts glueetl when upstream_job SUCCEEDED. Starts glueetl when upstream_job SUCCEEDED (glueetl reads what upstream_job writes)';
const ONCE =
  'Starts glueetl when upstream_job SUCCEEDED (glueetl reads what upstream_job writes)';

describe('triggerLine', () => {
  it('is the trigger with its description, schedule and an unusual state', () => {
    expect(triggerLine(triggerEntity)).toEqual({
      key: 'resource:default/trigger-start-freshers-in-dependent-job',
      entityRef: 'resource:default/trigger-start-freshers-in-dependent-job',
      title: 'start-freshers-in-dependent-job',
      detail: 'Starts freshers_in_dependent_job when triggering_job SUCCEEDED',
    });
    expect(triggerLine(scheduledTriggerEntity).detail).toBe(
      'Starts legacy_crm_sync on schedule cron(0 7 ? * MON-FRI *) (at 07:00 UTC, Monday to Friday) [DEACTIVATED]',
    );
  });

  it('says a description that repeats the generated sentence once (glueetl)', () => {
    const trigger: Entity = {
      ...triggerEntity,
      metadata: {
        ...triggerEntity.metadata,
        // as the catalog module writes it: escaped Markdown
        description: REPEATED.replace(/_/g, '\\_'),
      },
    };
    expect(triggerLine(trigger).detail).toBe(ONCE);
  });
});

describe('startsJob', () => {
  it('is true for triggers whose actions start the job', () => {
    expect(startsJob(triggerEntity, 'freshers_in_dependent_job')).toBe(true);
    expect(startsJob(triggerEntity, 'report_job')).toBe(false);
    const withoutActions: Entity = {
      ...triggerEntity,
      metadata: {
        ...triggerEntity.metadata,
        annotations: {
          ...triggerEntity.metadata.annotations,
          [GLUE_ANNOTATIONS.triggerActions]: '',
        },
      },
    };
    expect(startsJob(withoutActions, 'report_job')).toBe(true);
  });
});

describe('chainNeighbours', () => {
  it('says a trigger description that repeats itself once', () => {
    const chain: GlueChainResponse = {
      ...dependentJobChain,
      nodes: dependentJobChain.nodes.map(n =>
        n.kind === 'trigger'
          ? { ...n, trigger: { ...n.trigger, description: REPEATED } }
          : n,
      ),
    };
    expect(chainNeighbours(chain).startedBy.map(l => l.detail)).toEqual([ONCE]);
  });
});
