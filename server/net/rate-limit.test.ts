import { describe, expect, it } from 'vitest';
import { KeyedLimiter, TokenBucket } from './rate-limit';

describe('TokenBucket', () => {
  it('allows a burst, then refills at the steady rate', () => {
    let now = 0;
    const bucket = new TokenBucket(3, 2, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now = 499; // not quite one token (2 per second)
    expect(bucket.take()).toBe(false);
    now = 1000; // two tokens since t=0
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  });

  it('never holds more than its capacity', () => {
    let now = 0;
    const bucket = new TokenBucket(2, 100, () => now);
    now = 60_000;
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  });
});

describe('KeyedLimiter', () => {
  it('limits each key on its own', () => {
    let now = 0;
    const limiter = new KeyedLimiter(1, 1, () => now);
    expect(limiter.take('10.0.0.1')).toBe(true);
    expect(limiter.take('10.0.0.1')).toBe(false);
    expect(limiter.take('10.0.0.2')).toBe(true);
    now = 1000;
    expect(limiter.take('10.0.0.1')).toBe(true);
  });

  it('forgets keys that have been quiet long enough', () => {
    let now = 0;
    const limiter = new KeyedLimiter(5, 1, () => now);
    limiter.take('a');
    limiter.take('b');
    now = 10_000;
    limiter.prune();
    expect(limiter.size).toBe(0);
  });
});
