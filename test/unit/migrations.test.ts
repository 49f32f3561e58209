import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Store } from '../../src/domain/store/store';
import { MigrationError, type Migration, type MigrationProgress } from '../../src/domain/store/migrations';
import { tmpDir, snapshotFiles } from '../helpers/tmp';

async function seeded(): Promise<{ dir: string; courseId: string }> {
  const dir = tmpDir();
  const store = await Store.open({ dir });
  const c = store.mutate('createCourse', { name: 'Course' });
  const s = store.mutate('addSection', { courseId: c.id, title: 'S' });
  const l = store.mutate('addLesson', { sectionId: s.id, title: 'Lesson one' });
  const v = store.mutate('addVideo', { lessonId: l.id, name: 'V' });
  for (let i = 0; i < 5; i++) store.mutate('addClip', { videoId: v.id, sourceFile: 'a.mkv', start: i, end: i + 1 });
  store.mutate('publishDraft', { courseId: c.id, name: 'v1', description: '' });
  await store.dispose();
  return { dir, courseId: c.id };
}

/** A test-only schema 2: lesson titles upper-cased, clip times in milliseconds. */
const toV2: Migration = {
  from: 1,
  to: 2,
  description: 'test: v1 to v2',
  stages: {
    lessons: (row) => void (row.title = String(row.title).toUpperCase()),
    clips: (row) => {
      if ('start' in row) {
        row.start = (row.start as number) * 1000;
        row.end = (row.end as number) * 1000;
      }
    },
  },
};

describe('schema migrations', () => {
  it('backs up, runs the stages in dependency order with progress, and opens the migrated database', async () => {
    const { dir, courseId } = await seeded();
    const progress: MigrationProgress[] = [];
    const order: string[] = [];
    const tracking: Migration = { ...toV2, stages: Object.fromEntries(Object.entries({ courses: () => undefined, versions: () => undefined, sections: () => undefined, videos: () => undefined, ...toV2.stages }).map(([k, fn]) => [k, (row: never, db: never) => { if (order.at(-1) !== k) order.push(k); (fn as (r: never, d: never) => void)(row, db); }])) };
    const store = await Store.open({ dir, schemaVersion: 2, migrations: [tracking], onMigrationProgress: (p) => progress.push(p) });
    assert.deepEqual(order, ['courses', 'versions', 'sections', 'lessons', 'videos', 'clips']);
    assert.equal(store.schemaVersion, 2);
    const draft = await store.loadCourse(courseId);
    assert.equal(draft.lessons.toArray()[0].title, 'LESSON ONE');
    assert.deepEqual(draft.clips.toArray().map((c) => c.end).sort((a, b) => a - b), [1000, 2000, 3000, 4000, 5000]);
    const published = await store.loadVersion(store.versions(courseId)[0].id);
    assert.equal(published.clips.size, 5, 'frozen versions are migrated too');
    const clipProgress = progress.filter((p) => p.stage === 'clips').at(-1)!;
    assert.deepEqual({ total: clipProgress.total, done: clipProgress.done, failed: clipProgress.failed }, { total: 10, done: 10, failed: 0 });
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    assert.equal(backups.length, 1);
    assert.match(backups[0], /schema1$/);
    assert.ok(fs.existsSync(path.join(dir, 'backups', backups[0], 'store.json')));
    await store.dispose();
  });

  it('rolls back the whole run when an item fails: every file is left as it was, and the failures are listed', async () => {
    const { dir } = await seeded();
    const before = snapshotFiles(dir);
    let clipsSeen = 0;
    const failing: Migration = {
      ...toV2,
      stages: {
        ...toV2.stages,
        clips: (row) => {
          if (++clipsSeen === 7) throw new Error('bad clip');
          toV2.stages.clips!(row, undefined as never);
        },
      },
    };
    const progress: MigrationProgress[] = [];
    await assert.rejects(Store.open({ dir, schemaVersion: 2, migrations: [failing], onMigrationProgress: (p) => progress.push(p) }), (e: unknown) => {
      assert.ok(e instanceof MigrationError);
      assert.equal(e.failed.length, 1);
      assert.equal(e.failed[0].stage, 'clips');
      assert.equal(e.failed[0].error, 'bad clip');
      assert.match(e.message, /Nothing was changed; a backup is in/);
      return true;
    });
    assert.equal(progress.at(-1)!.failed, 1);
    const after = snapshotFiles(dir);
    for (const k of Object.keys(after)) if (k.startsWith('backups')) delete after[k];
    assert.deepEqual(after, before);
    // Retrying with a fixed migration succeeds.
    const store = await Store.open({ dir, schemaVersion: 2, migrations: [toV2] });
    assert.equal(store.schemaVersion, 2);
    await store.dispose();
  });

  it('rolls back when the migrated data fails reference validation', async () => {
    const { dir } = await seeded();
    const before = snapshotFiles(dir);
    const breaking: Migration = { ...toV2, stages: { lessons: (row) => void (row.sectionId = 'missing') } };
    await assert.rejects(Store.open({ dir, schemaVersion: 2, migrations: [breaking] }), /failed validation .*missing section/);
    const after = snapshotFiles(dir);
    for (const k of Object.keys(after)) if (k.startsWith('backups')) delete after[k];
    assert.deepEqual(after, before);
  });

  it('refuses a database from a newer schema without touching it', async () => {
    const { dir } = await seeded();
    const before = snapshotFiles(dir);
    await assert.rejects(Store.open({ dir, schemaVersion: 0 }), /newer than this version understands/);
    assert.deepEqual(snapshotFiles(dir), before);
  });
});
