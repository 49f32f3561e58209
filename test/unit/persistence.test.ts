import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Store, type StoreChange, type StoreStatus } from '../../src/domain/store/store';
import { StoreCorruptError } from '../../src/domain/errors';
import { backupDatabase } from '../../src/domain/store/disk';
import { verifyDatabase } from '../../src/domain/store/verify';
import { tmpDir, snapshotFiles } from '../helpers/tmp';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('persistence: write queue, atomic commits, replicas', () => {
  it('coalesces a burst of mutations into one commit and reports dirty -> saving -> saved with the revision', async () => {
    const dir = tmpDir();
    const store = await Store.open({ dir, flushDelayMs: 30 });
    const states: StoreStatus[] = [];
    store.onDidChangeStatus((s) => states.push(s));
    const course = store.mutate('createCourse', { name: 'C' });
    const video = store.mutate('addVideo', { courseId: course.id, name: 'V' });
    const writesBefore = store.fileWrites;
    for (let i = 0; i < 200; i++) store.mutate('addClip', { videoId: video.id, sourceFile: 'x.mkv', start: i, end: i + 0.5 });
    assert.equal(store.status.state, 'dirty');
    assert.equal(store.status.revision, 0, 'nothing is persisted yet');
    await wait(150);
    assert.equal(store.status.state, 'saved');
    assert.equal(store.status.revision, 1);
    assert.ok(store.fileWrites - writesBefore <= 19, `one commit writes the structure, a bucket per video and the manifest (${store.fileWrites - writesBefore})`);
    assert.deepEqual([...new Set(states.map((s) => s.state))], ['dirty', 'saving', 'saved']);
    const reopened = await Store.open({ dir });
    assert.equal((await reopened.loadCourse(course.id)).clips.size, 200);
    await Promise.all([store.dispose(), reopened.dispose()]);
  });

  it('keeps a batch whose commit failed queued, reports the error, and retries by itself', async () => {
    const dir = tmpDir();
    const store = await Store.open({ dir, flushDelayMs: 60_000 }); // only the retry can commit in this test
    const c = store.mutate('createCourse', { name: 'C' });
    await store.flush();
    // Block the drafts folder (a file in its place) so the next commit cannot write.
    fs.renameSync(path.join(dir, 'drafts'), path.join(dir, 'drafts.aside'));
    fs.writeFileSync(path.join(dir, 'drafts'), 'in the way');
    store.mutate('addSection', { courseId: c.id, title: 'Survives the failure' });
    await assert.rejects(store.flush());
    assert.equal(store.status.state, 'error');
    assert.match(store.status.error!, /Saving the course database failed/);
    assert.equal(store.status.pending, 1);
    fs.rmSync(path.join(dir, 'drafts'));
    fs.renameSync(path.join(dir, 'drafts.aside'), path.join(dir, 'drafts'));
    const state = () => store.status.state; // read afresh each time (no narrowing from the asserts above)
    for (let i = 0; i < 60 && state() !== 'saved'; i++) await wait(100);
    assert.equal(state(), 'saved', 'the retry committed the batch');
    const again = await Store.open({ dir });
    assert.deepEqual((await again.loadCourse(c.id)).sections.toArray().map((s) => s.title), ['Survives the failure']);
    await Promise.all([store.dispose(), again.dispose()]);
  });

  it('flushes on dispose', async () => {
    const dir = tmpDir();
    const store = await Store.open({ dir, flushDelayMs: 60_000 });
    store.mutate('createCourse', { name: 'Late' });
    await store.dispose();
    const again = await Store.open({ dir });
    assert.deepEqual(again.courses().map((c) => c.name), ['Late']);
    await again.dispose();
  });

  it('refuses to open a corrupt manifest, names the file and the backups, and leaves every byte untouched', async () => {
    const dir = tmpDir();
    const store = await Store.open({ dir });
    store.mutate('createCourse', { name: 'C' });
    await store.dispose();
    const backup = await backupDatabase(dir, 'manual');
    fs.writeFileSync(path.join(dir, 'store.json'), '{"kind":"cvm-store", truncated');
    const before = snapshotFiles(dir);
    await assert.rejects(Store.open({ dir }), (e: unknown) => {
      assert.ok(e instanceof StoreCorruptError);
      assert.match(e.message, /store\.json cannot be read \(invalid JSON/);
      assert.ok(e.message.includes(backup), 'the backup is named');
      return true;
    });
    assert.deepEqual(snapshotFiles(dir), before);
  });

  it('refuses a corrupt Draft file without overwriting it, and keeps working on other courses', async () => {
    const dir = tmpDir();
    const store = await Store.open({ dir });
    const a = store.mutate('createCourse', { name: 'A' });
    const b = store.mutate('createCourse', { name: 'B' });
    await store.dispose();
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'store.json'), 'utf8'));
    const draftFile = path.join(dir, manifest.shards[`course:${a.id}`]);
    fs.writeFileSync(draftFile, '{"kind":"cvm-draft","schemaVersion":1,"courseId":1}');
    const bytes = fs.readFileSync(draftFile);
    const again = await Store.open({ dir });
    await assert.rejects(again.loadCourse(a.id), (e: unknown) => e instanceof StoreCorruptError && e.file === draftFile);
    await again.loadCourse(b.id);
    again.mutate('addSection', { courseId: b.id, title: 'Fine' });
    await again.flush();
    assert.deepEqual(fs.readFileSync(draftFile), bytes);
    await again.dispose();
  });

  it('reloads incrementally when another process (here: a second replica) writes, with change events carrying the revision', async () => {
    const dir = tmpDir();
    const one = await Store.open({ dir });
    const a = one.mutate('createCourse', { name: 'A' });
    const b = one.mutate('createCourse', { name: 'B' });
    await one.flush();
    const two = await Store.open({ dir });
    await two.loadCourse(a.id);
    await two.loadCourse(b.id);
    const bDraft = two.draft(b.id);
    const events: StoreChange[] = [];
    two.onDidChange((e) => events.push(e));
    one.mutate('addSection', { courseId: a.id, title: 'New' });
    await one.flush();
    const [r1, r2] = await Promise.all([two.refresh(), two.refresh()]);
    assert.ok(r1 && r2, 'concurrent refreshes share one reload');
    assert.equal(events.length, 1);
    assert.deepEqual(events[0], { revision: one.status.revision, origin: 'external', courseIds: [a.id] });
    assert.equal(two.draft(a.id)!.sections.size, 1);
    assert.equal(two.draft(b.id), bDraft, 'an unchanged course is not reloaded');
    assert.equal(await two.refresh(), false);
    await Promise.all([one.dispose(), two.dispose()]);
  });

  it('applies its queued mutation on top of another writer\'s newer data instead of overwriting it', async () => {
    const dir = tmpDir();
    const one = await Store.open({ dir, flushDelayMs: 60_000 });
    const c = one.mutate('createCourse', { name: 'C' });
    await one.flush();
    const two = await Store.open({ dir, flushDelayMs: 60_000 });
    await two.loadCourse(c.id);
    const s1 = one.mutate('addSection', { courseId: c.id, title: 'From one' });
    const s2 = two.mutate('addSection', { courseId: c.id, title: 'From two' });
    await one.flush();
    await two.flush();
    const three = await Store.open({ dir });
    const d = await three.loadCourse(c.id);
    assert.ok(d.sections.get(s1.id) && d.sections.get(s2.id), 'both sections survive');
    await Promise.all([one.dispose(), two.dispose(), three.dispose()]);
  });

  it('leaves no superseded file behind when its commit was rebased on another writer\'s', async () => {
    const dir = tmpDir();
    const one = await Store.open({ dir, flushDelayMs: 60_000 });
    const c = one.mutate('createCourse', { name: 'C' });
    await one.flush();
    const two = await Store.open({ dir, flushDelayMs: 60_000 });
    await two.loadCourse(c.id);
    one.mutate('addSection', { courseId: c.id, title: 'From one' });
    two.mutate('addSection', { courseId: c.id, title: 'From two' });
    await one.flush();
    await two.flush(); // rebased on one's commit
    const report = await verifyDatabase(dir);
    assert.deepEqual(report.findings.filter((f) => f.code === 'orphan-file').map((f) => f.message), []);
    await Promise.all([one.dispose(), two.dispose()]);
  });

  it('reports a queued mutation that no longer applies after another writer deleted its target', async () => {
    const dir = tmpDir();
    const one = await Store.open({ dir, flushDelayMs: 60_000 });
    const c = one.mutate('createCourse', { name: 'C' });
    const s = one.mutate('addSection', { courseId: c.id, title: 'S' });
    await one.flush();
    const two = await Store.open({ dir, flushDelayMs: 60_000 });
    await two.loadCourse(c.id);
    two.mutate('renameSection', { sectionId: s.id, title: 'Renamed' });
    one.mutate('deleteSection', { sectionId: s.id });
    await one.flush();
    const rejected: string[] = [];
    two.onDidRejectChange((r) => rejected.push(`${r.op}: ${r.error}`));
    await two.flush();
    assert.equal(rejected.length, 1);
    assert.match(rejected[0], /^renameSection: No section with id/);
    assert.equal(two.draft(c.id)!.sections.size, 0);
    assert.equal(two.status.state, 'saved');
    await Promise.all([one.dispose(), two.dispose()]);
  });

  it('reloads from scratch when the epoch changes (database restored from a backup)', async () => {
    const dir = tmpDir();
    const one = await Store.open({ dir });
    const c = one.mutate('createCourse', { name: 'Before backup' });
    await one.flush();
    const backup = await backupDatabase(dir, 'test');
    one.mutate('renameCourse', { courseId: c.id, name: 'After backup' });
    one.mutate('addSection', { courseId: c.id, title: 'Later' });
    await one.flush();
    const epoch = one.epoch;
    const events: StoreChange[] = [];
    one.onDidChange((e) => events.push(e));
    await Store.restoreBackup(dir, backup);
    assert.ok(await one.refresh());
    assert.notEqual(one.epoch, epoch);
    assert.equal(events[0].origin, 'reload');
    assert.equal(one.course(c.id)!.name, 'Before backup');
    assert.equal(one.draft(c.id)!.sections.size, 0, 'the loaded Draft was read again, not merged');
    await one.dispose();
  });

  it('keeps the previous replica when a reload fails, and reports the error', async () => {
    const dir = tmpDir();
    const one = await Store.open({ dir });
    one.mutate('createCourse', { name: 'Kept' });
    await one.flush();
    const good = fs.readFileSync(path.join(dir, 'store.json'));
    fs.writeFileSync(path.join(dir, 'store.json'), '{ not json');
    await assert.rejects(one.refresh(), StoreCorruptError);
    assert.equal(one.status.state, 'error');
    assert.match(one.status.error!, /Reloading the course database failed/);
    assert.deepEqual(one.courses().map((c) => c.name), ['Kept']);
    fs.writeFileSync(path.join(dir, 'store.json'), good);
    await one.dispose();
  });

  it('watches the folder and refreshes by itself when another process commits', async () => {
    const dir = tmpDir();
    const one = await Store.open({ dir });
    const watcher = await Store.open({ dir });
    const seen = new Promise<StoreChange>((resolve) => watcher.onDidChange(resolve));
    const watching = watcher.watch(10);
    one.mutate('createCourse', { name: 'Seen from afar' });
    await one.flush();
    const change = await Promise.race([seen, wait(5000).then(() => assert.fail('no change event within 5 s'))]);
    assert.equal(change.origin, 'external');
    assert.equal(change.revision, one.status.revision);
    assert.deepEqual(watcher.courses().map((c) => c.name), ['Seen from afar']);
    watching.dispose();
    await Promise.all([one.dispose(), watcher.dispose()]);
  });

  it('removes files left by an interrupted commit when it opens', async () => {
    const dir = tmpDir();
    const store = await Store.open({ dir });
    const c = store.mutate('createCourse', { name: 'C' });
    await store.dispose();
    fs.writeFileSync(path.join(dir, 'drafts', `${c.id}.r99.json`), '{}');
    fs.writeFileSync(path.join(dir, '.store.json.123.abcd.tmp'), '{"half');
    const again = await Store.open({ dir });
    assert.ok(!fs.existsSync(path.join(dir, 'drafts', `${c.id}.r99.json`)));
    assert.ok(!fs.existsSync(path.join(dir, '.store.json.123.abcd.tmp')));
    await again.dispose();
  });
});
