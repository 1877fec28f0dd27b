/**
 * Up to `max` of `count` evenly spaced slots for the ticks of an axis, the
 * first and the last included.
 */
export function tickIndices(count: number, max = 5): number[] {
  if (count <= 0 || max <= 0) return [];
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  if (max === 1) return [count - 1];
  const indices = Array.from({ length: max }, (_, k) =>
    Math.round((k * (count - 1)) / (max - 1)),
  );
  return [...new Set(indices)];
}
