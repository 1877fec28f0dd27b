/*
 * Hand-written entities of the trust scenario, as any developer can
 * register them.
 */
import path from 'node:path';
import {
  GlueEmulator,
  startGlueEmulator,
} from '@aws-glue-backstage/glue-emulator';
import demoPermissionPolicy from '../permissionPolicy';
import { ACCOUNT, ROOT, TestPortal } from './portal';

export const FINANCE = `arn:aws:glue:us-east-1:${ACCOUNT}:job/finance-kpi-rollup`;
export const DEPENDENT = `arn:aws:glue:us-east-1:${ACCOUNT}:job/freshers_in_dependent_job`;

/** Hand-written entities, as any developer can register them. */
export function handWritten(): object[] {
  const component = (
    name: string,
    owner: string,
    annotations: Record<string, string>,
  ) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: { type: 'service', lifecycle: 'production', owner },
  });
  return [
    // the guest's own service naming analytics' job
    component('guest-service', 'group:default/data-platform', {
      'aws.amazon.com/aws-glue-job-arn': FINANCE,
    }),
    // a copy of the synced entity's annotations, written by hand
    component('forged-finance-kpi-rollup', 'group:default/data-platform', {
      'amazonaws.com/arn': FINANCE,
      'amazonaws.com/account-id': ACCOUNT,
      'aws.amazon.com/aws-glue-region': 'us-east-1',
      'aws.amazon.com/aws-glue-resource-kind': 'job',
      'aws.amazon.com/aws-glue-provider':
        'AwsGlueEntityProvider:demo:us-east-1',
      'backstage.io/managed-by-location':
        'aws-glue:AwsGlueEntityProvider:demo:us-east-1',
      'backstage.io/managed-by-origin-location':
        'aws-glue:AwsGlueEntityProvider:demo:us-east-1',
    }),
    // a job in an account no provider reads
    component('foreign-service', 'group:default/data-platform', {
      'aws.amazon.com/aws-glue-job-arn': `arn:aws:glue:us-east-1:999999999999:job/finance-kpi-rollup`,
    }),
    // the right job in odd spellings: other names, no synced entity
    component('odd-case-service', 'group:default/data-platform', {
      'aws.amazon.com/aws-glue-job-arn': `arn:aws:glue:us-east-1:${ACCOUNT}:job/Finance-KPI-Rollup`,
    }),
    component('trailing-slash-service', 'group:default/data-platform', {
      'aws.amazon.com/aws-glue-job-arn': `${FINANCE}/`,
    }),
    // analytics' service naming data-platform's job: the guest may run it
    component('analytics-service', 'group:default/analytics', {
      'aws.amazon.com/aws-glue-job-arn': DEPENDENT,
    }),
    // the guest's pipeline that depends on analytics' job
    {
      ...component('guest-pipeline', 'group:default/data-platform', {}),
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/data-platform',
        dependsOn: [
          'component:default/finance-kpi-rollup',
          'component:default/freshers_in_dependent_job',
        ],
      },
    },
  ];
}

/**
 * The trust scenario: the emulator on a fixed clock, the portal with the
 * demo policy (`readers`: who may read Glue runs) and the hand-written
 * entities, the guest signed in once the named entities are in the catalog.
 */
export async function startTrustScenario(
  readers: 'everyone' | 'owners',
  entities: string[],
): Promise<{ emulator: GlueEmulator; portal: TestPortal }> {
  const emulator = await startGlueEmulator({
    fixture: path.join(ROOT, 'examples/glue/demo.yaml'),
    port: 0,
    startTime: new Date('2026-11-23T12:00:00Z'),
  });
  const portal = await TestPortal.start({
    emulatorUrl: emulator.url,
    readers,
    handWritten: handWritten(),
    features: [demoPermissionPolicy],
  });
  await portal.waitForEntities(['user:guest', ...entities]);
  return { emulator, portal };
}
