import { describe, expect, it } from 'vitest';
import { paths, segmentComparePath, segmentEditPath, segmentPath } from './paths';

describe('segment and journey addresses', () => {
  it('builds segment links with the id encoded', () => {
    expect(paths.segments).toBe('/segments');
    expect(paths.journey).toBe('/journey');
    expect(segmentPath('seg-1a2b3c')).toBe('/segments/seg-1a2b3c');
    expect(segmentEditPath('a/b')).toBe('/segments/a%2Fb/edit');
    expect(segmentComparePath()).toBe('/segments/compare');
    expect(segmentComparePath(['a', 'b c'])).toBe('/segments/compare?ids=a,b%20c');
  });
});
