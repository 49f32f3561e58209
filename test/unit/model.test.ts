import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Store } from '../../src/domain/store/store';
import { DomainError } from '../../src/domain/errors';
import { verifyDatabase } from '../../src/domain/store/verify';
import { tmpDir } from '../helpers/tmp';

const code = (c: string) => (e: unknown) => e instanceof DomainError && e.code === c;

async function courseWithContent(store: Store) {
  const course = store.mutate('createCourse', { name: 'Course' });
  const section = store.mutate('addSection', { courseId: course.id, title: 'Basics' });
  const lesson = store.mutate('addLesson', { sectionId: section.id, title: 'Hello' });
  const video = store.mutate('addVideo', { lessonId: lesson.id, name: 'Take 1' });
  const clip = store.mutate('addClip', { videoId: video.id, sourceFile: '/f.mkv', start: 1, end: 4 });
  return { course, section, lesson, video, clip };
}

describe('model invariants', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = tmpDir();
    store = await Store.open({ dir, flushDelayMs: 10 });
  });
  afterEach(() => store.dispose());

  it('gives every course exactly one Draft Version, always the latest, also across publishes', async () => {
    const { course } = await courseWithContent(store);
    assert.equal(store.versions(course.id).length, 1);
    store.mutate('publishDraft', { courseId: course.id, name: 'v1', description: 'First' });
    store.mutate('publishDraft', { courseId: course.id, name: 'v2', description: 'Second' });
    const versions = store.versions(course.id);
    assert.equal(versions.length, 3);
    assert.deepEqual(versions.map((v) => v.name), ['v1', 'v2', null]);
    assert.equal(versions.filter((v) => v.publishedAt === null).length, 1);
    assert.equal(store.draftVersion(course.id)!.id, versions[2].id, 'the Draft is the latest by createdAt');
    await store.flush();
    const report = await verifyDatabase(dir);
    assert.deepEqual(report.findings.filter((f) => f.severity === 'error'), []);
    assert.deepEqual(report.findings.map((f) => f.code), ['footage-missing'], 'the made-up footage file is reported');
  });

  it('clones the Draft on publish with previous-version links, and refuses every change to a Published Version', async () => {
    const { course, section, lesson, clip, video } = await courseWithContent(store);
    const { published } = store.mutate('publishDraft', { courseId: course.id, name: 'v1', description: '' });
    const draft = store.draft(course.id)!;
    const newSection = draft.orderedSections()[0];
    assert.notEqual(newSection.id, section.id);
    assert.equal(newSection.previousVersionSectionId, section.id);
    assert.equal(draft.orderedLessons(newSection.id)[0].previousVersionLessonId, lesson.id);
    const frozen = await store.loadVersion(published.id);
    assert.equal(frozen.clips.get(clip.id)!.end, 4);
    assert.throws(() => store.mutate('renameSection', { sectionId: section.id, title: 'X' }), code('immutable-version'));
    assert.throws(() => store.mutate('addLesson', { sectionId: section.id, title: 'X' }), code('immutable-version'));
    assert.throws(() => store.mutate('updateClip', { clipId: clip.id, end: 9 }), /Published Version "v1", which is immutable/);
    assert.throws(() => store.mutate('deleteVideo', { videoId: video.id }), code('immutable-version'));
    assert.throws(() => store.mutate('deleteLesson', { lessonId: lesson.id }), code('immutable-version'));
    // The frozen file is written once and keeps the old content after Draft changes.
    store.mutate('renameSection', { sectionId: newSection.id, title: 'Changed in Draft' });
    await store.flush();
    const file = path.join(dir, store.versions(course.id)[0].file!);
    const before = fs.readFileSync(file, 'utf8');
    store.mutate('renameLesson', { lessonId: draft.orderedLessons(newSection.id)[0].id, title: 'Again' });
    await store.flush();
    assert.equal(fs.readFileSync(file, 'utf8'), before);
    assert.match(before, /"title":"Basics"/);
  });

  it('never turns a course with a repoPath back into a Ghost Course', () => {
    const ghost = store.mutate('createCourse', { name: 'Ghost' });
    assert.equal(ghost.repoPath, null);
    const real = store.mutate('setCourseRepoPath', { courseId: ghost.id, repoPath: dir });
    assert.equal(real.repoPath, dir);
    assert.throws(() => store.mutate('setCourseRepoPath', { courseId: ghost.id, repoPath: null }), /can never become a Ghost Course again/);
    assert.equal(store.course(ghost.id)!.repoPath, dir);
  });

  it('refuses a second course on the same CourseRepo and relative repo paths', () => {
    store.mutate('createCourse', { name: 'A', repoPath: dir });
    assert.throws(() => store.mutate('createCourse', { name: 'B', repoPath: dir }), /already the CourseRepo of the course "A"/);
    assert.throws(() => store.mutate('createCourse', { name: 'C', repoPath: 'relative/path' }), /must be absolute/);
  });

  it('validates names in every operation and changes nothing on a bad name', () => {
    const course = store.mutate('createCourse', { name: 'C' });
    const before = store.status.pending;
    assert.throws(() => store.mutate('addSection', { courseId: course.id, title: '../escape' }), code('invalid-name'));
    assert.throws(() => store.mutate('renameCourse', { courseId: course.id, name: 'a/b' }), code('invalid-name'));
    assert.equal(store.draft(course.id)!.sections.size, 0);
    assert.equal(store.course(course.id)!.name, 'C');
    assert.equal(store.status.pending, before);
  });

  it('rolls back a whole transaction when one of its operations fails', () => {
    const course = store.mutate('createCourse', { name: 'C' });
    assert.throws(() =>
      store.transaction((m) => {
        const s = m.mutate('addSection', { courseId: course.id, title: 'S' });
        m.mutate('addLesson', { sectionId: s.id, title: 'L' });
        m.mutate('renameCourse', { courseId: course.id, name: 'Renamed' });
        m.mutate('addLesson', { sectionId: s.id, title: 'bad/name' });
      }),
    );
    assert.equal(store.draft(course.id)!.sections.size, 0);
    assert.equal(store.draft(course.id)!.lessons.size, 0);
    assert.equal(store.course(course.id)!.name, 'C');
  });

  it('keeps ghost and real consistent: no real lesson in a Ghost Section, no real section in a Ghost Course', () => {
    const ghostCourse = store.mutate('createCourse', { name: 'G' });
    assert.throws(() => store.mutate('addSection', { courseId: ghostCourse.id, title: 'S', path: '01-s' }), /cannot have real sections/);
    const s = store.mutate('addSection', { courseId: ghostCourse.id, title: 'S' });
    assert.throws(() => store.mutate('addLesson', { sectionId: s.id, title: 'L', path: '01.01-l' }), /cannot hold a real lesson/);
    assert.throws(() => store.mutate('setSectionPath', { sectionId: s.id, path: '01-s' }), /Materialize the course/);
  });

  it('deletes a section with its lessons, videos and clips', async () => {
    const { course, section, video } = await courseWithContent(store);
    store.mutate('addClipSection', { videoId: video.id, name: 'Intro' });
    store.mutate('deleteSection', { sectionId: section.id });
    const d = store.draft(course.id)!;
    assert.deepEqual([d.sections.size, d.lessons.size, d.videos.size, d.clips.size, d.clipSections.size], [0, 0, 0, 0, 0]);
  });

  it('stores long transcripts as content-addressed payloads and reports a missing payload clearly', async () => {
    const { clip, course } = await courseWithContent(store);
    const long = 'word '.repeat(500);
    const updated = store.mutate('setClipText', { clipId: clip.id, text: long });
    assert.equal(updated.text, '');
    assert.match(updated.textRef!, /^[0-9a-f]{64}$/);
    const short = store.mutate('addClip', { videoId: clip.videoId, sourceFile: '/f.mkv', start: 5, end: 6, text: 'short' });
    assert.equal(short.text, 'short');
    await store.flush();
    assert.equal(fs.readFileSync(path.join(dir, 'payloads', updated.textRef!), 'utf8'), long);
    const reopened = await Store.open({ dir });
    const c = (await reopened.loadCourse(course.id)).clips.get(clip.id)!;
    assert.equal(await reopened.clipText(c), long);
    fs.rmSync(path.join(dir, 'payloads', updated.textRef!));
    await assert.rejects(reopened.clipText(c), (e: unknown) => e instanceof DomainError && e.code === 'payload-missing' && /payload file .* is missing/.test(e.message));
    const report = await verifyDatabase(dir);
    assert.ok(report.findings.some((f) => f.code === 'payload-missing'));
    await reopened.dispose();
  });
});
