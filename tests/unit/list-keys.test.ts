import { describe, expect, it } from 'vitest';
import { listKeyTarget } from '@/components/popup/list-keys';

describe('listKeyTarget', () => {
  it.each([
    // From the search box (-1), ArrowDown enters the list.
    ['ArrowDown', -1, 5, 0],
    ['ArrowDown', 0, 5, 1],
    ['ArrowDown', 4, 5, 4], // the last stays put
    ['ArrowUp', 2, 5, 1],
    ['ArrowUp', 0, 5, -1], // above the first: back to the search box
    ['Home', 3, 5, 0],
    ['End', 1, 5, 4],
    ['Enter', 1, 5, null], // not ours: the button opens the company
    ['ArrowDown', -1, 0, null], // no results, nowhere to go
  ] as const)('%s from %i of %i → %j', (key, current, count, target) => expect(listKeyTarget(key, current, count)).toBe(target));
});
