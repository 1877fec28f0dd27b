import {
  isOwnerRef,
  normalizeEntityRefValue,
  normalizeOwnerRef,
  OwnershipOptions,
  resolveOwner,
} from './ownership';

describe('normalizeOwnerRef', () => {
  it.each([
    ['Data-Platform', 'group:default/data-platform'],
    ['analytics', 'group:default/analytics'],
    ['  analytics  ', 'group:default/analytics'],
    ['Data Platform', 'group:default/data-platform'],
    ['team_a', 'group:default/team_a'],
    ['Équipe Données', 'group:default/equipe-donnees'],
    ['user:jdoe', 'user:default/jdoe'],
    ['User:JDoe', 'user:default/jdoe'],
    ['group:finance/analysts', 'group:finance/analysts'],
    ['GROUP:Finance/Analysts', 'group:finance/analysts'],
    ['finance/analysts', 'group:finance/analysts'],
    ['Finance_Dept/analysts', 'group:finance-dept/analysts'],
    ['group:default/unknown', 'group:default/unknown'],
  ])('%j -> %j', (value, expected) => {
    expect(normalizeOwnerRef(value)).toBe(expected);
    expect(isOwnerRef(expected)).toBe(true);
  });

  it.each([
    ['', undefined],
    ['   ', undefined],
    ['!!!', undefined],
    ['component:default/foo', undefined],
    ['system:foo', undefined],
    ['user:', undefined],
  ])('%j -> %j', (value, expected) => {
    expect(normalizeOwnerRef(value)).toBe(expected);
  });

  it('uses the given namespace when the value has none', () => {
    expect(normalizeOwnerRef('Data-Platform', 'acme')).toBe(
      'group:acme/data-platform',
    );
    expect(normalizeOwnerRef('group:other/x', 'acme')).toBe('group:other/x');
  });

  it('never returns a name longer than 63 characters', () => {
    const ref = normalizeOwnerRef('a'.repeat(200))!;
    expect(ref).toBe(`group:default/${'a'.repeat(63)}`);
  });
});

describe('resolveOwner', () => {
  const options: OwnershipOptions = {
    tagKeys: ['owner', 'team'],
    rules: [
      { pattern: /^finance_/, owner: 'group:default/finance' },
      { pattern: /_etl$/, owner: 'group:default/etl' },
    ],
    defaultOwner: 'group:default/unknown',
  };

  it.each([
    [
      'first tag key',
      { name: 'x', tags: { owner: 'Data-Platform', team: 'analytics' } },
      { owner: 'group:default/data-platform', source: 'tag' },
    ],
    [
      'second tag key',
      { name: 'x', tags: { team: 'analytics' } },
      { owner: 'group:default/analytics', source: 'tag' },
    ],
    [
      'unusable first tag falls through to the next',
      { name: 'x', tags: { owner: '!!!', team: 'analytics' } },
      { owner: 'group:default/analytics', source: 'tag' },
    ],
    [
      'a rule when no tag',
      { name: 'finance_daily', tags: {} },
      { owner: 'group:default/finance', source: 'rule' },
    ],
    [
      'the first matching rule',
      { name: 'finance_etl', tags: {} },
      { owner: 'group:default/finance', source: 'rule' },
    ],
    [
      'tags win over rules',
      { name: 'finance_daily', tags: { owner: 'ops' } },
      { owner: 'group:default/ops', source: 'tag' },
    ],
    [
      'rules win over inheritance',
      {
        name: 'finance_daily',
        tags: {},
        inherited: 'group:default/data-platform',
      },
      { owner: 'group:default/finance', source: 'rule' },
    ],
    [
      'inherited when no tag or rule',
      { name: 'x', tags: {}, inherited: 'group:default/data-platform' },
      { owner: 'group:default/data-platform', source: 'inherited' },
    ],
    [
      'the default last',
      { name: 'x', tags: { other: 'y' } },
      { owner: 'group:default/unknown', source: 'default' },
    ],
  ])('%s', (_, resource, expected) => {
    expect(resolveOwner(options, resource)).toEqual(expected);
  });

  it('normalises tags into the given namespace', () => {
    expect(
      resolveOwner(options, { name: 'x', tags: { owner: 'ops' } }, 'acme'),
    ).toEqual({ owner: 'group:acme/ops', source: 'tag' });
  });
});

describe('isOwnerRef', () => {
  it.each([
    ['group:default/data-platform', true],
    ['user:default/jdoe', true],
    ['user:jdoe', true],
    ['data-platform', true],
    ['Group:default/x', true],
    ['component:default/x', false],
    ['system:default/x', false],
    ['', false],
    ['a:b:c', false],
  ])('%j -> %s', (ref, expected) => {
    expect(isOwnerRef(ref)).toBe(expected);
  });
});

describe('normalizeEntityRefValue', () => {
  it.each([
    ['Data Lake', ['system'], 'system:default/data-lake'],
    [
      'system:analytics/Sales Pipeline',
      ['system'],
      'system:analytics/sales-pipeline',
    ],
    ['group:ns/', ['group', 'user'], undefined],
    ['group:data-platform', ['system'], undefined],
    ['!!!', ['system'], undefined],
    ['user:J.Doe', ['group', 'user'], 'user:default/j.doe'],
  ])('%j with kinds %j gives %j', (value, kinds, expected) => {
    expect(normalizeEntityRefValue(value, kinds)).toBe(expected);
  });
});
