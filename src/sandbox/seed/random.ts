import { createHash } from 'node:crypto';

/** 32-bit FNV-1a: turns a label into a stream seed, so every generator gets its own independent sequence. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * A small deterministic PRNG (mulberry32). Sandbox data must be reproducible from a seed so the
 * persisted state can stay tiny: only the seed travels, the bulk is regenerated.
 */
export class Rng {
  private state: number;

  constructor(seed: number, label = '') {
    this.state = (seed ^ hashString(label)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, max). */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  /** Integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    const total = table.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [value, weight] of table) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return table[table.length - 1][0];
  }

  private hexWord(): string {
    return Math.floor(this.next() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  }

  /** A random (version 4 shaped) GUID drawn from this stream. */
  guid(): string {
    const a = this.hexWord();
    const b = this.hexWord();
    const c = this.hexWord();
    const d = this.hexWord();
    return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${'89ab'[parseInt(c[0], 16) & 3]}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }
}

const nameGuids = new Map<string, string>();

/** A GUID derived from a name, for objects whose id must follow from other ids (e.g. a synced user in the target). */
export function guidFromName(name: string): string {
  let guid = nameGuids.get(name);
  if (guid === undefined) {
    const h = createHash('sha1').update(name).digest('hex');
    const variant = '89ab'[parseInt(h[16], 16) % 4];
    guid = `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    // Bounded: names are ids of seeded objects, but a long-running sandbox must not grow without limit.
    if (nameGuids.size > 50_000) nameGuids.clear();
    nameGuids.set(name, guid);
  }
  return guid;
}
