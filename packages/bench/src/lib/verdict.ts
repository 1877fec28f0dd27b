/* How a measured ratio compares with its target. */

/** "met" or how far off the target a ratio is. */
export function verdict(ratio: number | undefined, target: number): string {
  if (ratio === undefined) return 'n/a';
  if (ratio <= target) return `met (${ratio.toFixed(2)}x <= ${target}x)`;
  const over = ratio / target - 1;
  return `MISSED by ${(ratio - target).toFixed(2)}x (${ratio.toFixed(
    2,
  )}x vs ${target}x, ${Math.round(over * 100)}% over)`;
}
