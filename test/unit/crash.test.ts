import { strict as assert } from 'node:assert';
import { Store } from '../../src/domain/store/store';
import { verifyDatabase } from '../../src/domain/store/verify';
import { tmpDir } from '../helpers/tmp';
import { startWorker } from '../helpers/worker';

describe('crash safety', function () {
  this.timeout(300_000);

  it('survives SIGKILL at 50 random moments: the database always opens and holds every acknowledged write', async () => {
    const dir = tmpDir();
    const setup = await Store.open({ dir });
    const course = setup.mutate('createCourse', { name: 'Crash course' });
    setup.mutate('addVideo', { courseId: course.id, name: 'Video' });
    await setup.dispose();

    const acked = new Set<number>();
    let seed = 42;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    let killedMidWrite = 0;
    for (let round = 0; round < 50; round++) {
      let ready!: () => void;
      const isReady = new Promise<void>((r) => (ready = r));
      let acksThisRound = 0;
      const w = startWorker(['crash', dir, course.id], (m) => {
        if (m.ready) ready();
        if (typeof m.ack === 'number') {
          acked.add(m.ack);
          acksThisRound++;
        }
      });
      await Promise.race([isReady, w.exited.then(() => assert.fail(`worker exited before it was ready: ${w.stderr()}`))]);
      await new Promise((r) => setTimeout(r, 5 + random() * 60));
      w.child.kill('SIGKILL');
      await w.exited;
      if (acksThisRound > 0) killedMidWrite++;

      // The database must open (recovering the dead process's lock) and contain every acknowledged clip.
      const store = await Store.open({ dir, lockTimeoutMs: 5_000 });
      const draft = await store.loadCourse(course.id);
      const present = new Set(draft.clips.toArray().map((c) => Number(/take-(\d+)/.exec(c.sourceFile!)![1])));
      for (const n of acked) assert.ok(present.has(n), `round ${round}: acknowledged clip ${n} is missing`);
      for (const c of draft.clips.toArray()) if (c.textRef) assert.match(await store.clipText(c), /^long text/);
      await store.dispose();
    }
    assert.ok(acked.size > 50, `the workers acknowledged ${acked.size} writes`);
    assert.ok(killedMidWrite > 25, 'most kills landed while the worker was writing');
    const report = await verifyDatabase(dir);
    assert.deepEqual(report.findings.filter((f) => f.severity === 'error'), []);
  });
});
