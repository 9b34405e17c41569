import { SnapshotCache } from './snapshot-cache';

const value = (id: string) => ({ id });

describe('SnapshotCache', () => {
  it('answers only for the version it was given', () => {
    const cache = new SnapshotCache<{ id: string }>();
    cache.set('a', '7', value('a'));
    expect(cache.get('a', '7')?.id).toBe('a');
    expect(cache.get('a', '8')).toBeUndefined();
    cache.set('a', '8', value('a2'));
    expect(cache.get('a', '7')).toBeUndefined();
    expect(cache.get('a', '8')?.id).toBe('a2');
    expect(cache.size).toBe(1);
  });

  it('drops the entry written longest ago past its capacity', () => {
    const cache = new SnapshotCache<{ id: string }>(2);
    cache.set('a', '1', value('a'));
    cache.set('b', '1', value('b'));
    cache.set('a', '2', value('a'));
    cache.set('c', '1', value('c'));
    expect(cache.size).toBe(2);
    expect(cache.get('b', '1')).toBeUndefined();
    expect(cache.get('a', '2')).toBeDefined();
    expect(cache.get('c', '1')).toBeDefined();
  });
});
