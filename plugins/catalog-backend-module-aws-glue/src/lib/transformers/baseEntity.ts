import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  EntityLink,
} from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_ARN,
  ANNOTATION_AWS_GLUE_SLA,
  GLUE_SLA_TAG,
  GLUE_ANNOTATIONS as A,
} from '@aws-glue-backstage/plugin-aws-glue-common';
import { awsGlueProviderLocation } from '@aws-glue-backstage/plugin-aws-glue-node';
import type { JsonObject } from '@backstage/types';
import { ENTITY_KIND } from '../entityNames';
import { plainDescription } from '../plainDescription';
import {
  GlueUnitContext,
  ResolvedGlueResource,
  ResolvedRunnableResource,
} from './types';

/** Annotation values; `undefined` and `''` leave the annotation out. */
export type AnnotationValues = Record<string, string | number | undefined>;

/** What {@link baseEntity} writes an entity from besides the resolved resource. */
export interface BaseEntityFields {
  /** A Glue text or a sentence made from Glue names: made plain here. */
  description: string;
  /** The kind's own annotations, after the common ones. */
  annotations?: AnnotationValues;
  links: EntityLink[];
  /** Entity tags; left out of the metadata when absent. */
  tags?: string[];
  spec: JsonObject;
}

function definedAnnotations(values: AnnotationValues): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') {
      result[key] = String(value);
    }
  }
  return result;
}

/** The console link every Glue resource's entity has. */
export function consoleLink(url: string, title = 'AWS Glue console') {
  return { url, title, icon: 'cloud' };
}

/**
 * The spec of a job, crawler or trigger: its type, lifecycle, owner, system
 * and each `dependsOn` ref once.
 */
export function runnableSpec(
  type: string,
  resolved: ResolvedRunnableResource,
  dependsOn: string[],
): JsonObject {
  return {
    type,
    lifecycle: resolved.lifecycle,
    owner: resolved.owner,
    ...(resolved.system ? { system: resolved.system } : {}),
    dependsOn: [...new Set(dependsOn)],
  };
}

/**
 * What every synced entity has: its kind, name, namespace, title (the Glue
 * name) and plain description, and the common annotations (locations, ARN, account, region,
 * Glue name, resource kind, provider) followed by the kind's own.
 */
export function baseEntity(
  input: { unit: GlueUnitContext; resolved: ResolvedGlueResource },
  fields: BaseEntityFields,
): Entity {
  const { unit, resolved } = input;
  // Only this module's providers emit this location type: the backend
  // plugin trusts an entity as the Glue resource's own because of it.
  const location = awsGlueProviderLocation(unit.providerId);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: ENTITY_KIND[resolved.kind],
    metadata: {
      namespace: unit.namespace,
      name: resolved.entityName,
      title: resolved.glueName,
      // Descriptions are rendered as Markdown, and Glue texts are written by
      // whoever may update the resource: redacted, one line, Markdown escaped.
      description: plainDescription(fields.description, unit.redactor),
      annotations: {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [ANNOTATION_AWS_ARN]: resolved.arn,
        [ANNOTATION_AWS_ACCOUNT_ID]: unit.accountId,
        [A.region]: unit.region,
        [A.name]: resolved.glueName,
        [A.resourceKind]: resolved.kind,
        [A.provider]: unit.providerId,
        ...slaAnnotation(resolved),
        ...definedAnnotations(fields.annotations ?? {}),
      },
      links: fields.links,
      ...(fields.tags ? { tags: fields.tags } : {}),
    },
    spec: fields.spec,
  };
}

/** A job's or workflow's landing-time SLA, from its `sla` Glue tag (read and validated where it is used). */
function slaAnnotation(resolved: {
  kind: string;
  tags: Record<string, string>;
}): Record<string, string> {
  const value = resolved.tags[GLUE_SLA_TAG]?.trim();
  return value && (resolved.kind === 'job' || resolved.kind === 'workflow')
    ? { [ANNOTATION_AWS_GLUE_SLA]: value }
    : {};
}
