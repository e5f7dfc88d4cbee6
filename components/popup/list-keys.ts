/**
 * Arrow keys through a list of results: where focus goes from item `current` of `count` on `key`. -1 is the
 * search box above the list (ArrowUp on the first item goes back there); null means the key is not ours.
 */
export function listKeyTarget(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, count - 1);
    case 'ArrowUp':
      return Math.max(current - 1, -1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
