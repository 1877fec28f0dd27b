import type { StandardSchemaV1 } from '@backstage/frontend-plugin-api';

/** A JSON Schema, for the app's documentation of extension config. */
type JsonSchema = Record<string, unknown>;

/**
 * An optional field of an extension's `configSchema`: a Standard Schema
 * with the JSON Schema converter the new frontend system asks for, written
 * out like the framework's own `optionalStringSchema`, so that the plugin
 * needs no schema library.
 */
export interface OptionalConfigField<T>
  extends StandardSchemaV1<unknown, T | undefined> {
  readonly '~standard': StandardSchemaV1.Props<unknown, T | undefined> & {
    readonly jsonSchema: {
      readonly input: (options: unknown) => JsonSchema;
      readonly output: (options: unknown) => JsonSchema;
    };
  };
}

/** The value type of a config field. */
export type ConfigFieldValue<F> = F extends OptionalConfigField<infer T>
  ? T
  : never;

function optionalField<T>(
  jsonSchema: JsonSchema,
  problemOf: (value: unknown) => string | undefined,
): OptionalConfigField<T> {
  return {
    '~standard': {
      version: 1,
      vendor: 'aws-glue',
      validate(value: unknown) {
        if (value === undefined) return { value: undefined };
        const problem = problemOf(value);
        return problem
          ? { issues: [{ message: problem }] }
          : { value: value as T };
      },
      jsonSchema: { input: () => jsonSchema, output: () => jsonSchema },
    },
  };
}

/** A whole number from `min` (to `max`). */
export function optionalInteger(
  min: number,
  max?: number,
): OptionalConfigField<number> {
  const range =
    max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
  return optionalField<number>(
    {
      type: 'integer',
      minimum: min,
      ...(max === undefined ? {} : { maximum: max }),
    },
    value =>
      typeof value === 'number' &&
      Number.isInteger(value) &&
      value >= min &&
      (max === undefined || value <= max)
        ? undefined
        : `Expected a whole number ${range}, got ${JSON.stringify(value)}`,
  );
}

/** A string. */
export function optionalString(): OptionalConfigField<string> {
  return optionalField<string>({ type: 'string' }, value =>
    typeof value === 'string'
      ? undefined
      : `Expected a string, got ${JSON.stringify(value)}`,
  );
}

/** `true` or `false`. */
export function optionalBoolean(): OptionalConfigField<boolean> {
  return optionalField<boolean>({ type: 'boolean' }, value =>
    typeof value === 'boolean'
      ? undefined
      : `Expected true or false, got ${JSON.stringify(value)}`,
  );
}

/** One of `values`. */
export function optionalEnum<T extends string>(
  values: readonly T[],
): OptionalConfigField<T> {
  return optionalField<T>({ type: 'string', enum: [...values] }, value =>
    values.includes(value as T)
      ? undefined
      : `Expected one of ${values.join(', ')}, got ${JSON.stringify(value)}`,
  );
}

/**
 * The props an extension's config sets: the keys of `schema` that the
 * config has a value for, so that a component's own defaults apply to the
 * others.
 */
export function propsFromConfig<
  S extends Record<string, OptionalConfigField<unknown>>,
>(
  schema: S,
  config: { [K in keyof S]?: ConfigFieldValue<S[K]> },
): { [K in keyof S]?: ConfigFieldValue<S[K]> } {
  const props: { [K in keyof S]?: ConfigFieldValue<S[K]> } = {};
  for (const key of Object.keys(schema) as (keyof S)[]) {
    if (config[key] !== undefined) props[key] = config[key];
  }
  return props;
}
