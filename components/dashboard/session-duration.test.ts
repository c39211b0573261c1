import { describe, expect, it } from 'vitest';

import { bucketName, bucketOf } from './session-duration';

describe('session duration buckets', () => {
  it('puts a length in the bucket whose lower bound it reaches', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(299.999)).toBe(0);
    expect(bucketOf(300)).toBe(1);
    expect(bucketOf(900)).toBe(2);
    expect(bucketOf(7199.5)).toBe(4);
    expect(bucketOf(86_400)).toBe(5);
    expect(bucketOf(null)).toBe(-1);
    expect(bucketOf(-1)).toBe(-1);
  });

  it('names buckets for people and keeps unknown labels', () => {
    expect(bucketName('[60m,120m)')).toBe('1–2 h');
    expect(bucketName('[120m,∞)')).toBe('2 h and more');
    expect(bucketName('other')).toBe('other');
  });
});
