/*
 * The fields the reader keeps are enough: the entities built from picked
 * objects are the entities built from whole ones, read through the real SDK
 * from the emulator (the demo account and a generated one).
 */
import path from 'node:path';
import { GlueClient } from '@aws-sdk/client-glue';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { ConfigReader } from '@backstage/config';
import {
  generateFixture,
  GlueEmulator,
  loadFixture,
  startGlueEmulator,
} from '@aws-glue-backstage/glue-emulator';
import { buildEntities } from '../lib/buildEntities';
import { readProviderConfigs } from './config';
import { readGlueInventory } from './GlueReader';
import { pickJob } from './mappedFields';

jest.setTimeout(60_000);

const demo = loadFixture(
  path.resolve(__dirname, '../../../../examples/glue/demo.yaml'),
);
const generated = generateFixture({ jobs: 300, seed: 11 });

describe.each([
  ['the demo account', demo, '123456789012'],
  ['a generated account', generated, '100000000001'],
])('entities from picked objects: %s', (_, fixture, accountId) => {
  let emulator: GlueEmulator;

  beforeAll(async () => {
    emulator = await startGlueEmulator({ fixture, port: 0, ticker: false });
  });

  afterAll(async () => {
    await emulator.stop();
  });

  it('are the entities from whole objects', async () => {
    const region = 'us-east-1';
    const sdk = {
      region,
      endpoint: emulator.url,
      credentials: { accessKeyId: accountId, secretAccessKey: 'test' },
    };
    const clients = {
      glue: new GlueClient(sdk),
      tagging: new ResourceGroupsTaggingAPIClient(sdk),
    };
    const [config] = readProviderConfigs(
      new ConfigReader({
        catalog: {
          providers: { awsGlue: { accountId, regions: [region] } },
        },
      }),
    );
    const options = {
      providerId: 'AwsGlueEntityProvider:default:us-east-1',
      namespace: config.namespace,
      nameTemplate: config.nameTemplate,
      filters: config.filters,
      ownership: config.ownership,
      lifecycle: config.lifecycle,
      system: config.system,
      workflowsAsSystems: config.workflowsAsSystems,
      lineage: config.lineage,
      redactor: config.redactor,
    };
    const unit = { partition: 'aws', accountId, region };
    const whole = await readGlueInventory(clients, unit, {
      keepWhole: { job: true, trigger: true, workflow: true, crawler: true },
    });
    const picked = await readGlueInventory(clients, unit);

    expect(picked.jobs.length).toBeGreaterThan(0);
    // something was left out, or the test proves nothing
    expect(JSON.stringify(picked.jobs).length).toBeLessThan(
      JSON.stringify(whole.jobs).length,
    );
    expect(picked.jobs).toEqual(whole.jobs.map(pickJob));
    const fromWhole = await buildEntities(whole, options);
    const fromPicked = await buildEntities(picked, options);
    expect(fromPicked.entities.length).toBe(fromWhole.entities.length);
    expect(fromPicked).toEqual(fromWhole);
  });
});
