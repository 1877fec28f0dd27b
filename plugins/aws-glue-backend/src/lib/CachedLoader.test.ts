import { mockServices } from '@backstage/backend-test-utils';
import { CachedLoader } from './CachedLoader';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('CachedLoader', () => {
  it('shares one load among identical concurrent calls, then serves the cache', async () => {
    const cache = mockServices.cache.mock();
    const store = new Map<string, any>();
    cache.get.mockImplementation(async key => store.get(key));
    cache.set.mockImplementation(async (key, value) => {
      store.set(key, value);
    });
    const loader = new CachedLoader(cache);
    const gate = deferred<number>();
    const load = jest.fn(() => gate.promise);

    const calls = Array.from({ length: 50 }, () =>
      loader.load('k', load, () => 1000),
    );
    gate.resolve(42);
    expect(await Promise.all(calls)).toEqual(Array(50).fill(42));
    expect(load).toHaveBeenCalledTimes(1);
    expect(cache.set).toHaveBeenCalledWith('k', { value: 42 }, { ttl: 1000 });

    expect(await loader.load('k', load, () => 1000)).toBe(42);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('caches undefined results and skips caching with a zero TTL', async () => {
    const cache = mockServices.cache.mock();
    const store = new Map<string, any>();
    cache.get.mockImplementation(async key => store.get(key));
    cache.set.mockImplementation(async (key, value) => {
      store.set(key, value);
    });
    const loader = new CachedLoader(cache);
    const none = jest.fn(async () => undefined);
    expect(await loader.load('none', none, () => 1000)).toBeUndefined();
    expect(await loader.load('none', none, () => 1000)).toBeUndefined();
    expect(none).toHaveBeenCalledTimes(1);

    const uncached = jest.fn(async () => 'x');
    await loader.load('zero', uncached, () => 0);
    await loader.load('zero', uncached, () => 0);
    expect(uncached).toHaveBeenCalledTimes(2);
  });

  it('does not cache failures, and lets the next call try again', async () => {
    const cache = mockServices.cache.mock();
    cache.get.mockResolvedValue(undefined);
    const loader = new CachedLoader(cache);
    const load = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(new Error('throttled'))
      .mockResolvedValueOnce('ok');
    await expect(loader.load('k', load, () => 1000)).rejects.toThrow(
      'throttled',
    );
    await expect(loader.load('k', load, () => 1000)).resolves.toBe('ok');
  });

  it('keeps working when the cache fails', async () => {
    const cache = mockServices.cache.mock();
    cache.get.mockRejectedValue(new Error('redis down'));
    cache.set.mockRejectedValue(new Error('redis down'));
    const logger = mockServices.logger.mock();
    const loader = new CachedLoader(cache, logger);
    await expect(
      loader.load(
        'k',
        async () => 7,
        () => 1000,
      ),
    ).resolves.toBe(7);
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });
});
