/*
 * Glue errors as they go on the wire (AWS JSON 1.1): a status code, an error
 * type (`__type` in the body and the `x-amzn-ErrorType` header) and a message.
 */

/** An error the emulator answers with instead of a result. */
export class GlueError extends Error {
  constructor(readonly type: string, message: string, readonly status = 400) {
    super(message);
    this.name = type;
  }
}

export const entityNotFound = (message: string) =>
  new GlueError('EntityNotFoundException', message);

export const invalidInput = (message: string) =>
  new GlueError('InvalidInputException', message);

/** `JobName` -> `jobName`, as in AWS validation messages. */
function memberName(field: string): string {
  return field.charAt(0).toLocaleLowerCase('en-US') + field.slice(1);
}

/** A request body as parsed JSON. */
export type Input = Record<string, unknown>;

/** Options for the input readers. */
export interface FieldOptions {
  /** Error type for validation failures (InvalidInputException by default). */
  errorType?: string;
}

function validation(
  field: string,
  value: unknown,
  constraint: string,
  options?: FieldOptions,
): GlueError {
  const shown =
    value === undefined || value === null ? 'null' : `'${String(value)}'`;
  return new GlueError(
    options?.errorType ?? 'InvalidInputException',
    `1 validation error detected: Value ${shown} at '${memberName(
      field,
    )}' failed to satisfy constraint: ${constraint}`,
  );
}

function wrongType(field: string, expected: string): GlueError {
  return new GlueError(
    'SerializationException',
    `Expected ${expected} for member '${field}'`,
  );
}

/** A required, non-empty string member. */
export function requireString(
  input: Input,
  field: string,
  options?: FieldOptions,
): string {
  const value = input[field];
  if (value === undefined || value === null) {
    throw validation(field, value, 'Member must not be null', options);
  }
  if (typeof value !== 'string') {
    throw wrongType(field, 'a string');
  }
  if (value.length === 0) {
    throw validation(
      field,
      value,
      'Member must have length greater than or equal to 1',
      options,
    );
  }
  return value;
}

/** An optional string member. */
export function optionalString(
  input: Input,
  field: string,
): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(field, 'a string');
  return value;
}

export function optionalBoolean(
  input: Input,
  field: string,
): boolean | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw wrongType(field, 'a boolean');
  return value;
}

/** An optional integer within [min, max]. */
export function optionalInt(
  input: Input,
  field: string,
  min: number,
  max: number,
  options?: FieldOptions,
): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw wrongType(field, 'a number');
  }
  if (value < min) {
    throw validation(
      field,
      value,
      `Member must have value greater than or equal to ${min}`,
      options,
    );
  }
  if (value > max) {
    throw validation(
      field,
      value,
      `Member must have value less than or equal to ${max}`,
      options,
    );
  }
  return Math.floor(value);
}

/** A list of strings with a length range; `required` makes null an error. */
export function stringList(
  input: Input,
  field: string,
  range: { min: number; max: number; required: boolean },
  options?: FieldOptions,
): string[] | undefined {
  const value = input[field];
  if (value === undefined || value === null) {
    if (range.required)
      throw validation(field, value, 'Member must not be null', options);
    return undefined;
  }
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
    throw wrongType(field, 'a list of strings');
  }
  if (value.length < range.min) {
    throw validation(
      field,
      `[${value.join(', ')}]`,
      `Member must have length greater than or equal to ${range.min}`,
      options,
    );
  }
  if (value.length > range.max) {
    throw validation(
      field,
      `[${value.length} items]`,
      `Member must have length less than or equal to ${range.max}`,
      options,
    );
  }
  return value as string[];
}

/** An optional string -> string map. */
export function optionalMap(
  input: Input,
  field: string,
): Record<string, string> | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (
    typeof value !== 'object' ||
    Array.isArray(value) ||
    Object.values(value as object).some(v => typeof v !== 'string')
  ) {
    throw wrongType(field, 'a map of strings');
  }
  return value as Record<string, string>;
}
