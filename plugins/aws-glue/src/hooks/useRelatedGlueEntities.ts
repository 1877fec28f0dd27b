import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import {
  Entity,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  catalogApiRef,
  getEntityRelations,
} from '@backstage/plugin-catalog-react';
import {
  GLUE_ANNOTATIONS,
  getGlueResourceKind,
} from '@aws-glue-backstage/plugin-aws-glue-common';

/** Related Glue entities of an entity, by Glue kind and Glue name. */
export interface RelatedGlueEntities {
  /** `job:<name>` or `crawler:<name>` → entity ref. */
  byGlueName: Map<string, string>;
  /** Related trigger entities. */
  triggers: Entity[];
}

/**
 * Looks up the entities an entity is related to (`dependsOn`,
 * `dependencyOf`), so that Glue names in annotations can link to them.
 */
export function useRelatedGlueEntities(entity: Entity) {
  const catalogApi = useApi(catalogApiRef);
  const refs = [
    ...getEntityRelations(entity, RELATION_DEPENDS_ON),
    ...getEntityRelations(entity, RELATION_DEPENDENCY_OF),
  ].map(ref => stringifyEntityRef(ref));
  const key = [...new Set(refs)].sort().join(',');
  return useAsync(async (): Promise<RelatedGlueEntities> => {
    const byGlueName = new Map<string, string>();
    const triggers: Entity[] = [];
    if (!key) return { byGlueName, triggers };
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: key.split(','),
      fields: ['kind', 'metadata', 'spec.type'],
    });
    for (const item of items) {
      if (!item) continue;
      const kind = getGlueResourceKind(item);
      const name = item.metadata.annotations?.[GLUE_ANNOTATIONS.name];
      if (kind === 'trigger') triggers.push(item);
      if (name && (kind === 'job' || kind === 'crawler')) {
        byGlueName.set(`${kind}:${name}`, stringifyEntityRef(item));
      }
    }
    return { byGlueName, triggers };
  }, [catalogApi, key]);
}
