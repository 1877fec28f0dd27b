import {
  isAwsGlueChainAvailable,
  isAwsGlueCrawlerAvailable,
  isAwsGlueJobAvailable,
  isAwsGlueTriggerAvailable,
  isAwsGlueWorkflowAvailable,
} from './conditions';
import {
  crawlerEntity,
  dependentJobEntity,
  multiJobEntity,
  plainEntity,
  triggerEntity,
  workflowEntity,
} from './__testUtils__/fixtures';

describe('isAwsGlue…Available', () => {
  it.each([
    ['synced job', dependentJobEntity, [true, false, false, false, true]],
    [
      'hand-written entity with job ARNs',
      multiJobEntity,
      [true, false, false, false, true],
    ],
    ['workflow system', workflowEntity, [false, true, false, false, false]],
    ['trigger', triggerEntity, [false, false, true, false, true]],
    ['crawler', crawlerEntity, [false, false, false, true, true]],
    ['unrelated entity', plainEntity, [false, false, false, false, false]],
  ])('%s', (_name, entity, expected) => {
    expect([
      isAwsGlueJobAvailable(entity),
      isAwsGlueWorkflowAvailable(entity),
      isAwsGlueTriggerAvailable(entity),
      isAwsGlueCrawlerAvailable(entity),
      isAwsGlueChainAvailable(entity),
    ]).toEqual(expected);
  });
});
