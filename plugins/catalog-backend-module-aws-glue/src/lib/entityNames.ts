import { stringifyEntityRef } from '@backstage/catalog-model';
import type { GlueResourceKind } from '@aws-glue-backstage/plugin-aws-glue-common';
import { glueArnOf, GlueResourceType } from './filters';
import { DatasetReference } from './lineage';
import { renderNameTemplate, toEntityName } from './naming';
import { GlueInventory } from './types';

/** An entity's `metadata.name` and its full entity ref. */
export interface ResolvedName {
  name: string;
  ref: string;
}

/** Jobs are Components, workflows Systems, everything else Resources. */
export const ENTITY_KIND: Record<
  GlueResourceKind,
  'Component' | 'Resource' | 'System'
> = {
  job: 'Component',
  trigger: 'Resource',
  workflow: 'System',
  crawler: 'Resource',
  dataset: 'Resource',
};

/** Resources of different kinds never meet: each kind has its prefix. */
const NAME_PREFIX: Record<GlueResourceType, string> = {
  job: '',
  trigger: 'trigger-',
  crawler: 'crawler-',
  workflow: '',
};

const DATASET_NAME_PREFIX: Record<DatasetReference['type'], string> = {
  's3-prefix': 's3',
  'glue-table': 'table',
  'jdbc-table': 'jdbc',
};

/** Names entities: each name depends only on the resource's own identity. */
export interface EntityNamer {
  /** A job, trigger, crawler or workflow by its Glue name. */
  resource(type: GlueResourceType, glueName: string): ResolvedName;
  /** A dataset, by its lineage reference and ARN-like identity. */
  dataset(
    reference: Pick<DatasetReference, 'type' | 'location'>,
    arn: string,
  ): ResolvedName;
}

/**
 * The entity names of one account and region: the name template, a prefix
 * per kind, then {@link toEntityName} with the resource's identity.
 */
export function entityNamer(
  unit: Pick<GlueInventory, 'partition' | 'accountId' | 'region'>,
  options: { namespace: string; nameTemplate: string },
): EntityNamer {
  const { accountId, region } = unit;
  const baseName = (name: string) =>
    renderNameTemplate(options.nameTemplate, { name, region, accountId });
  const named = (kind: string, name: string): ResolvedName => ({
    name,
    ref: stringifyEntityRef({ kind, namespace: options.namespace, name }),
  });
  return {
    resource: (type, glueName) =>
      named(
        ENTITY_KIND[type],
        toEntityName(
          `${NAME_PREFIX[type]}${baseName(glueName)}`,
          glueArnOf(unit, type, glueName),
        ),
      ),
    dataset: (reference, arn) =>
      named(
        ENTITY_KIND.dataset,
        // Through the name template like every other entity, so that the
        // providers of two regions never emit the same dataset entity.
        toEntityName(
          `${DATASET_NAME_PREFIX[reference.type]}-${baseName(
            reference.location.replace(/^[a-z0-9]+:\/\//, ''),
          )}`,
          `${arn}|${baseName('')}`,
        ),
      ),
  };
}
