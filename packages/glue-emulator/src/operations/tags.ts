/*
 * Tags: Glue GetTags, and the Resource Groups Tagging API GetResources for
 * Glue resources.
 */
import {
  entityNotFound,
  GlueError,
  invalidInput,
  Input,
  optionalInt,
  optionalString,
  requireString,
  stringList,
} from '../errors';
import type { ResourceType, TaggedResource } from '../model';
import { decodeToken, encodeToken, fingerprint, scanPage } from '../paging';
import type { Operation } from './context';

const GLUE_ARN = /^arn:aws(-(cn|us-gov|iso(-[bef])?))?:glue:/;

export const GetTags: Operation = (input, ctx) => {
  const arn = requireString(input, 'ResourceArn');
  if (!GLUE_ARN.test(arn)) {
    throw invalidInput(`Invalid ResourceArn: ${arn}`);
  }
  const resource = ctx.model.byArn.get(arn);
  if (!resource) {
    throw entityNotFound(`Resource ${arn} not found`);
  }
  return { Tags: resource.tags };
};

const invalidParameter = (message: string) =>
  new GlueError('InvalidParameterException', message);
const TAGGING = { errorType: 'InvalidParameterException' };

const GLUE_TYPES: ResourceType[] = ['job', 'trigger', 'crawler', 'workflow'];

function typeFilter(filters: string[] | undefined): Set<ResourceType> {
  if (!filters || filters.length === 0) return new Set(GLUE_TYPES);
  const types = new Set<ResourceType>();
  for (const filter of filters) {
    const [service, type] = filter.toLocaleLowerCase('en-US').split(':');
    if (service !== 'glue') continue;
    if (type === undefined || type === '') {
      GLUE_TYPES.forEach(t => types.add(t));
    } else if ((GLUE_TYPES as string[]).includes(type)) {
      types.add(type as ResourceType);
    }
  }
  return types;
}

interface TagFilter {
  Key: string;
  Values: string[];
}

function readTagFilters(input: Input): TagFilter[] {
  const value = input.TagFilters;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > 50) {
    throw invalidParameter('TagFilters must be a list of at most 50 filters');
  }
  return value.map((f: unknown, i) => {
    const filter = (f ?? {}) as Record<string, unknown>;
    if (typeof filter.Key !== 'string' || filter.Key.length === 0) {
      throw invalidParameter(`TagFilters[${i}].Key is required`);
    }
    const values = filter.Values ?? [];
    if (!Array.isArray(values) || values.length > 20) {
      throw invalidParameter(
        `TagFilters[${i}].Values must be a list of at most 20 values`,
      );
    }
    return { Key: filter.Key, Values: values.map(String) };
  });
}

/** AND across keys, OR across a key's values, a key without values matches any value. */
function matchesFilters(
  resource: TaggedResource,
  filters: TagFilter[],
): boolean {
  return filters.every(f => {
    const value = resource.tags[f.Key];
    if (value === undefined) return false;
    return f.Values.length === 0 || f.Values.includes(value);
  });
}

const mapping = (r: TaggedResource) => ({
  ResourceARN: r.arn,
  Tags: Object.entries(r.tags).map(([Key, Value]) => ({ Key, Value })),
});

export const GetResources: Operation = (input, ctx) => {
  const types = typeFilter(
    stringList(
      input,
      'ResourceTypeFilters',
      { min: 0, max: 100, required: false },
      TAGGING,
    ),
  );
  const filters = readTagFilters(input);
  const perPage = optionalInt(input, 'ResourcesPerPage', 1, 100, TAGGING);
  optionalInt(input, 'TagsPerPage', 100, 500, TAGGING);
  const token = optionalString(input, 'PaginationToken');
  const arnList = stringList(
    input,
    'ResourceARNList',
    { min: 1, max: 100, required: false },
    TAGGING,
  );
  const matches = (r: TaggedResource) =>
    types.has(r.type) && matchesFilters(r, filters);
  if (arnList) {
    if (
      perPage !== undefined ||
      input.TagsPerPage !== undefined ||
      token ||
      filters.length
    ) {
      throw invalidParameter(
        'ResourceARNList cannot be combined with TagFilters, ResourcesPerPage, TagsPerPage or PaginationToken',
      );
    }
    const wanted = new Set(arnList);
    return {
      ResourceTagMappingList: ctx.model.tagged
        .filter(r => wanted.has(r.arn) && matches(r))
        .map(mapping),
      PaginationToken: '',
    };
  }
  const print = fingerprint(
    'GetResources',
    ctx.accountId,
    ctx.region,
    [...types].sort(),
    filters,
  );
  const offset = decodeToken(token, print, invalidParameter)?.offset ?? 0;
  const { items, next } = scanPage(
    ctx.model.tagged,
    offset,
    perPage ?? 50,
    matches,
  );
  return {
    ResourceTagMappingList: items.map(mapping),
    PaginationToken: next === undefined ? '' : encodeToken(next, print),
  };
};
