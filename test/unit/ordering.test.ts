import { strict as assert } from 'node:assert';
import { keyForPosition, sortByOrder, MAX_KEY_LENGTH } from '../../src/domain/ordering';
import { Store } from '../../src/domain/store/store';
import { tmpDir } from '../helpers/tmp';

describe('fractional ordering', () => {
  it('keeps working keys over 10,000 inserts between the same two neighbours', () => {
    const items = [
      { id: 'first', order: 'a0' },
      { id: 'last', order: 'a1' },
    ];
    let previous = 'first';
    let rebalances = 0;
    for (let i = 0; i < 10_000; i++) {
      const { key, rebalanced } = keyForPosition(items, { after: previous });
      if (rebalanced) {
        rebalances++;
        for (const it of items) it.order = rebalanced.get(it.id)!;
      }
      const id = `n${i}`;
      items.push({ id, order: key });
      previous = id;
      assert.ok(key.length <= MAX_KEY_LENGTH, `key ${key} too long`);
    }
    const sorted = sortByOrder(items).map((x) => x.id);
    // Each insert went right after the previous one: the expected order is first, n0..n9999, last.
    assert.deepEqual(sorted, ['first', ...Array.from({ length: 10_000 }, (_, i) => `n${i}`), 'last']);
    assert.equal(new Set(items.map((x) => x.order)).size, items.length, 'keys are distinct');
    assert.ok(rebalances > 0, 'the gap was exhausted and rebalanced at least once');
  });

  it('orders clips and clip sections of a video in one shared space, through the store', async () => {
    const store = await Store.open({ dir: tmpDir() });
    const course = store.mutate('createCourse', { name: 'C' });
    const video = store.mutate('addVideo', { courseId: course.id, name: 'Standalone' });
    const a = store.mutate('addClip', { videoId: video.id, sourceFile: 'a.mkv', start: 0, end: 1 });
    const c = store.mutate('addClip', { videoId: video.id, sourceFile: 'a.mkv', start: 2, end: 3 });
    const s = store.mutate('addClipSection', { videoId: video.id, name: 'Part 2', position: { before: c.id } });
    const b = store.mutate('addClip', { videoId: video.id, sourceFile: 'a.mkv', start: 1, end: 2, position: { after: a.id } });
    const e = store.mutate('addEffectClip', { videoId: video.id, effect: 'white-noise', duration: 1.5, position: { start: true } });
    const ids = () => store.draft(course.id)!.timeline(video.id).map((x) => x.id);
    assert.deepEqual(ids(), [e.id, a.id, b.id, s.id, c.id]);
    store.mutate('moveTimelineItem', { itemId: s.id, position: { start: true } });
    assert.deepEqual(ids(), [s.id, e.id, a.id, b.id, c.id]);
    assert.throws(() => store.mutate('moveTimelineItem', { itemId: s.id, position: { after: 'nope' } }), /not one of its siblings/);
    await store.dispose();
  });
});
