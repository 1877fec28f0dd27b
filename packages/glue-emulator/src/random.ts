/*
 * Deterministic randomness helpers. Everything the emulator invents (run ids,
 * outcomes, durations, fault decisions) is derived from a seed and a string key
 * so that the same seed and start time always give the same answers.
 */
import { createHash } from 'node:crypto';

/** A pseudo-random number generator returning floats in [0, 1). */
export type Rng = () => number;

/** 32-bit FNV-1a hash of a string, mixed with murmur3's finalizer. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for simulations. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator seeded from a string key. */
export function rngFor(key: string): Rng {
  return createRng(hashString(key));
}

/** 64 lowercase hex characters derived from a key (sha256). */
export function hex64(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A uuid-shaped string derived from a key. */
export function uuidFor(key: string): string {
  const h = hex64(key);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(
    17,
    20,
  )}-${h.slice(20, 32)}`;
}

/** Uniform float in [min, max). */
export function between(rng: Rng, min: number, max: number): number {
  return min + rng() * (max - min);
}

/** Uniform integer in [min, max]. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return Math.floor(min + rng() * (max - min + 1));
}

/** Picks one element. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}
