// Fills the demo database through the store API: the sample CourseRepo as a course, videos with clips of the
// generated footage, ghost lessons and a Ghost Course. Usage: demo-seed.ts DB_DIR REPO_DIR
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Store } from '../src/domain/store/store';
import { scanCourseRepo } from '../src/domain/courseRepo/scan';

const [db, repo] = process.argv.slice(2);

(async () => {
  const store = await Store.open({ dir: db });
  const real = fs.realpathSync(repo);
  if (store.courseForRepo(real)) {
    console.log('demo database already seeded');
    await store.dispose();
    return;
  }
  const scan = scanCourseRepo(real);
  const course = store.mutate('createCourse', { name: 'TypeScript Basics', repoPath: real, scan });
  const draft = store.draft(course.id)!;
  const [gettingStarted, functions] = draft.orderedSections();
  const hello = draft.orderedLessons(gettingStarted.id)[0];
  const closures = draft.orderedLessons(functions.id)[1];
  store.transaction((m) => {
    // The footage has tone from 0-4 s, 5.5-8.5 s and 10-12 s (pauses are where silence detection cuts).
    const take = path.join(real, 'footage', 'getting-started-take-1.mp4');
    const v1 = m.mutate('addVideo', { lessonId: hello.id, name: 'Hello world walkthrough' });
    m.mutate('addClipSection', { videoId: v1.id, name: 'Intro' });
    m.mutate('addClip', { videoId: v1.id, sourceFile: take, start: 0, end: 4, text: 'Welcome to the course.' });
    m.mutate('addClip', { videoId: v1.id, sourceFile: take, start: 5.5, end: 8.5, text: 'Let us print something.' });
    m.mutate('addEffectClip', { videoId: v1.id, effect: 'transition', duration: 0.5 });
    m.mutate('addClip', { videoId: v1.id, sourceFile: take, start: 10, end: 12, text: 'That is it.' });
    const v2 = m.mutate('addVideo', { lessonId: closures.id, name: 'Closures explained' });
    m.mutate('addClip', { videoId: v2.id, sourceFile: path.join(real, 'footage', 'functions-take-1.mp4'), start: 0, end: 4 });
    m.mutate('addLesson', { sectionId: gettingStarted.id, title: 'Types and interfaces', position: { end: true } });
    const planned = m.mutate('addSection', { courseId: course.id, title: 'Async code', position: { before: draft.orderedSections()[2].id } });
    m.mutate('addLesson', { sectionId: planned.id, title: 'Promises' });
    m.mutate('addLesson', { sectionId: planned.id, title: 'Async and await' });
    const ghost = m.mutate('createCourse', { name: 'Advanced TypeScript (planned)' });
    const gs = m.mutate('addSection', { courseId: ghost.id, title: 'Generics' });
    m.mutate('addLesson', { sectionId: gs.id, title: 'Generic functions' });
  });
  await store.dispose();
  console.log(`seeded ${db}`);
})().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
