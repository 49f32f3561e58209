import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { DomainError } from './errors';

/** Where to put an item among its siblings. `end` is the default. */
export type Position = { before: string } | { after: string } | { start: true } | { end: true };

/** Keys longer than this trigger a rebalance of the sibling list (keeps keys short after many inserts in one gap). */
export const MAX_KEY_LENGTH = 48;

interface Ordered {
  id: string;
  order: string;
}

/** Fractional-index keys compare by code unit, never by locale; ties (two processes inserting at once) fall back to the id. */
export function compareOrder(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortByOrder<T extends Ordered>(items: Iterable<T>): T[] {
  return [...items].sort(compareOrder);
}

/**
 * Computes the order key for a new item at `position` among `siblings` (sorted or not).
 * Returns the key and, when the gap became too narrow, new keys for all siblings (a rebalance).
 */
export function keyForPosition(
  siblings: readonly Ordered[],
  position: Position = { end: true },
  what = 'item',
): { key: string; rebalanced?: Map<string, string> } {
  const sorted = sortByOrder(siblings);
  let index: number;
  if ('before' in position) {
    index = sorted.findIndex((s) => s.id === position.before);
    if (index < 0) throw new DomainError('not-found', `Cannot place the ${what} before ${position.before}: that is not one of its siblings.`);
  } else if ('after' in position) {
    const i = sorted.findIndex((s) => s.id === position.after);
    if (i < 0) throw new DomainError('not-found', `Cannot place the ${what} after ${position.after}: that is not one of its siblings.`);
    index = i + 1;
  } else if ('start' in position) {
    index = 0;
  } else {
    index = sorted.length;
  }
  const lo = index > 0 ? sorted[index - 1].order : null;
  const hi = index < sorted.length ? sorted[index].order : null;
  let key: string;
  try {
    key = lo !== null && hi !== null && lo >= hi ? '' : generateKeyBetween(lo, hi);
  } catch {
    key = '';
  }
  if (key && key.length <= MAX_KEY_LENGTH) return { key };
  // The gap is exhausted (or two siblings share a key): spread every sibling out again, leaving room at index.
  const keys = generateNKeysBetween(null, null, sorted.length + 1);
  const rebalanced = new Map<string, string>();
  let k = 0;
  for (let i = 0; i <= sorted.length; i++) {
    if (i === index) {
      key = keys[k++];
    }
    if (i < sorted.length) rebalanced.set(sorted[i].id, keys[k++]);
  }
  return { key, rebalanced };
}

/** Evenly spaced keys for `n` items in order (used when importing a list). */
export function initialKeys(n: number): string[] {
  return generateNKeysBetween(null, null, n);
}
