import {
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalString,
  propsFromConfig,
} from './configSchema';

const validate = (field: { '~standard': { validate: Function } }, v: unknown) =>
  field['~standard'].validate(v);

describe('config fields', () => {
  it('takes a missing value and values of their type', () => {
    expect(validate(optionalInteger(1, 200), undefined)).toEqual({
      value: undefined,
    });
    expect(validate(optionalInteger(1, 200), 25)).toEqual({ value: 25 });
    expect(validate(optionalString(), 'AWS')).toEqual({ value: 'AWS' });
    expect(validate(optionalBoolean(), false)).toEqual({ value: false });
    expect(validate(optionalEnum(['up', 'down'] as const), 'up')).toEqual({
      value: 'up',
    });
  });

  it('refuses other values with a message', () => {
    const issues = (field: any, v: unknown) =>
      validate(field, v).issues?.map((i: { message: string }) => i.message);
    expect(issues(optionalInteger(1, 200), 0)).toEqual([
      'Expected a whole number from 1 to 200, got 0',
    ]);
    expect(issues(optionalInteger(1000), 2.5)).toEqual([
      'Expected a whole number of at least 1000, got 2.5',
    ]);
    expect(issues(optionalInteger(1), '25')).toHaveLength(1);
    expect(issues(optionalString(), 3)).toHaveLength(1);
    expect(issues(optionalBoolean(), 'yes')).toHaveLength(1);
    expect(issues(optionalEnum(['up', 'down'] as const), 'sideways')).toEqual([
      'Expected one of up, down, got "sideways"',
    ]);
  });

  it('describes itself in JSON Schema', () => {
    expect(
      optionalInteger(1, 200)['~standard'].jsonSchema.input({
        target: 'draft-07',
      }),
    ).toEqual({ type: 'integer', minimum: 1, maximum: 200 });
    expect(
      optionalEnum(['a', 'b'] as const)['~standard'].jsonSchema.input({}),
    ).toEqual({ type: 'string', enum: ['a', 'b'] });
  });
});

describe('propsFromConfig', () => {
  it('takes the schema keys the config sets, and nothing else', () => {
    const schema = { pageSize: optionalInteger(1), height: optionalInteger(1) };
    expect(
      propsFromConfig(schema, {
        pageSize: 10,
        height: undefined,
        // a parent blueprint's key
        ...({ path: '/runs' } as {}),
      }),
    ).toEqual({ pageSize: 10 });
  });
});
