// Builds the large-author database through the public store API:
// 10 courses, each with 3 Published Versions and a Draft of 15 sections x 12 lessons x 2 videos x 30 clips.
import * as fs from 'node:fs';
import { Store } from '../src/domain/store/store';

export const SHAPE = { courses: 10, published: 3, sections: 15, lessons: 12, videos: 2, clips: 30 };

export async function generateLargeAuthor(dir: string): Promise<{ courseIds: string[] }> {
  fs.rmSync(dir, { recursive: true, force: true });
  const store = await Store.open({ dir, flushDelayMs: 60_000 });
  const courseIds: string[] = [];
  for (let c = 0; c < SHAPE.courses; c++) {
    const course = store.mutate('createCourse', { name: `Course ${c + 1}`, repoPath: `/courses/course-${c + 1}` });
    courseIds.push(course.id);
    store.transaction((m) => {
      for (let s = 0; s < SHAPE.sections; s++) {
        const section = m.mutate('addSection', { courseId: course.id, title: `Section ${s + 1}`, path: `${String(s + 1).padStart(2, '0')}-section-${s + 1}` });
        for (let l = 0; l < SHAPE.lessons; l++) {
          const lesson = m.mutate('addLesson', { sectionId: section.id, title: `Lesson ${s + 1}.${l + 1}`, path: `${String(s + 1).padStart(2, '0')}.${String(l + 1).padStart(2, '0')}-lesson` });
          for (let v = 0; v < SHAPE.videos; v++) {
            const video = m.mutate('addVideo', { lessonId: lesson.id, name: `Take ${v + 1}` });
            for (let k = 0; k < SHAPE.clips; k++) {
              m.mutate('addClip', { videoId: video.id, sourceFile: `/footage/course-${c + 1}/2026-11-${String((s % 28) + 1).padStart(2, '0')} 10-${String(l).padStart(2, '0')}-00.mkv`, start: k * 12.5, end: k * 12.5 + 11.25, text: `Clip ${k + 1}: what the author says here.` });
            }
          }
        }
      }
    });
    for (let p = 0; p < SHAPE.published; p++) {
      store.mutate('publishDraft', { courseId: course.id, name: `v${p + 1}`, description: `Release ${p + 1}` });
    }
    await store.flush();
  }
  await store.dispose();
  return { courseIds };
}
