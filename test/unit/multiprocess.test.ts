import { strict as assert } from 'node:assert';
import { Store } from '../../src/domain/store/store';
import { verifyDatabase } from '../../src/domain/store/verify';
import { tmpDir } from '../helpers/tmp';
import { startWorker } from '../helpers/worker';

interface Done {
  acked: { sections: Record<string, string>; lessons: Record<string, string>; clips: Record<string, number> };
  rejected: number;
}

describe('several processes on one database', function () {
  this.timeout(300_000);

  it('3 processes x 300 random mutations: every acknowledged mutation is present, no duplicate ids', async () => {
    const dir = tmpDir();
    const setup = await Store.open({ dir });
    const course = setup.mutate('createCourse', { name: 'Shared' });
    await setup.dispose();

    const results: Done[] = [];
    const workers = [1, 2, 3].map((seed) =>
      startWorker(['random', dir, course.id, String(seed)], (m) => {
        if (m.done) results.push(m as unknown as Done);
      }, { MUTATIONS: '300' }),
    );
    const codes = await Promise.all(workers.map((w) => w.exited));
    assert.deepEqual(codes, [0, 0, 0], workers.map((w) => w.stderr()).join('\n'));
    assert.equal(results.length, 3);

    const store = await Store.open({ dir });
    const draft = await store.loadCourse(course.id);
    for (const r of results) {
      assert.equal(r.rejected, 0);
      for (const [id, title] of Object.entries(r.acked.sections)) assert.equal(draft.sections.get(id)?.title, title, `section ${id}`);
      for (const [id, title] of Object.entries(r.acked.lessons)) assert.equal(draft.lessons.get(id)?.title, title, `lesson ${id}`);
      for (const [id, end] of Object.entries(r.acked.clips)) assert.equal(draft.clips.get(id)?.end, end, `clip ${id}`);
    }
    const lessons = results.reduce((n, r) => n + Object.keys(r.acked.lessons).length, 0);
    assert.equal(draft.lessons.size, lessons, 'no lost and no extra lessons');
    const report = await verifyDatabase(dir);
    assert.deepEqual(report.findings.filter((f) => f.code === 'duplicate-id' || f.severity === 'error'), []);
    await store.dispose();
  });
});
