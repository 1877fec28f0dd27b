import {
  isAwsGlueChainAvailable,
  isAwsGlueCrawlerAvailable,
  isAwsGlueExecutionsAvailable,
  isAwsGlueJobAvailable,
  isAwsGlueTeamAvailable,
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

describe('isAwsGlueTeamAvailable', () => {
  it('is true for Groups and Users only', () => {
    const team = (kind: string) => ({ ...plainEntity, kind });
    expect(isAwsGlueTeamAvailable(team('Group'))).toBe(true);
    expect(isAwsGlueTeamAvailable(team('user'))).toBe(true);
    expect(isAwsGlueTeamAvailable(dependentJobEntity)).toBe(false);
    expect(isAwsGlueTeamAvailable(workflowEntity)).toBe(false);
  });
});

describe('isAwsGlueExecutionsAvailable', () => {
  it.each([
    ['synced job', dependentJobEntity, true],
    ['hand-written entity with job ARNs', multiJobEntity, true],
    ['workflow system', workflowEntity, true],
    ['trigger', triggerEntity, false],
    ['crawler', crawlerEntity, false],
    ['unrelated entity', plainEntity, false],
  ])('%s', (_name, entity, expected) => {
    expect(isAwsGlueExecutionsAvailable(entity)).toBe(expected);
  });
});
