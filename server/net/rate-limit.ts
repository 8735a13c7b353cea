// Token buckets for rate limits: a burst allowance that refills at a steady rate. Time
// comes from an injectable clock so the limits can be tested without waiting.

/** A clock in milliseconds. */
export type Clock = () => number;

/** Allows `capacity` events at once and `perSecond` more each second after that. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: Clock = performance.now.bind(performance),
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes one token; false when the bucket is empty (the event is over the limit). */
  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whether the bucket has refilled completely (nothing to remember about this key). */
  isFull(): boolean {
    this.refill();
    return this.tokens >= this.capacity;
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
  }
}

/** One token bucket per key (an IP address), forgetting keys whose bucket is full again. */
export class KeyedLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: Clock = performance.now.bind(performance),
  ) {}

  /** Takes one token from `key`'s bucket; false when it is over the limit. */
  take(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= 10_000) this.prune();
      bucket = new TokenBucket(this.capacity, this.perSecond, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }

  /** Drops buckets that are full, i.e. keys that have been quiet long enough. */
  prune(): void {
    for (const [key, bucket] of this.buckets) if (bucket.isFull()) this.buckets.delete(key);
  }

  /** How many keys are remembered (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }
}
