// Planning with ghosts: add, rename, archive. These change only the database.
import * as vscode from 'vscode';
import { validateName } from '../domain/names';
import type { Position } from '../domain/ordering';
import type { CourseController } from '../controller';
import type { Node } from '../tree/nodes';
import { askName, command, type CommandOptions } from './run';
import { pickCourse, pickSection } from './pickers';

async function addGhostLesson(c: CourseController, node: Node | undefined, opts: CommandOptions, where: 'before' | 'after' | 'end') {
  const target = await pickSection(c, node);
  if (!target) return undefined;
  const title = await askName(opts, 'Title of the Ghost Lesson', '', (s) => validateName(s, 'Lesson'));
  if (title === undefined) return undefined;
  const position: Position = node?.kind === 'lesson' && where !== 'end' ? (where === 'before' ? { before: node.lessonId } : { after: node.lessonId }) : { end: true };
  const store = c.requireStore();
  const lesson = store.mutate('addLesson', { sectionId: target.sectionId, title, position });
  await store.flush();
  return lesson;
}

export function registerStructureCommands(c: CourseController): vscode.Disposable[] {
  return [
    command(c, 'cvm.addGhostSection', async (c, node, opts) => {
      const courseId = await pickCourse(c, node);
      if (!courseId) return undefined;
      const title = await askName(opts, 'Title of the Ghost Section', '', (s) => validateName(s, 'Section'));
      if (title === undefined) return undefined;
      const store = c.requireStore();
      await store.loadCourse(courseId);
      const section = store.mutate('addSection', { courseId, title, position: node?.kind === 'section' ? { after: node.sectionId } : { end: true } });
      await store.flush();
      return section;
    }),
    command(c, 'cvm.addGhostLessonBefore', (c, node, opts) => addGhostLesson(c, node, opts, 'before')),
    command(c, 'cvm.addGhostLessonAfter', (c, node, opts) => addGhostLesson(c, node, opts, 'after')),
    command(c, 'cvm.addGhostLessonAtEnd', (c, node, opts) => addGhostLesson(c, node, opts, 'end')),
    command(c, 'cvm.rename', async (c, node, opts) => {
      const store = c.requireStore();
      if (!node || node.kind === 'message' || node.kind === 'standalone') return undefined;
      const draft = store.draft(node.courseId);
      switch (node.kind) {
        case 'course': {
          const name = await askName(opts, 'New name of the course', store.course(node.courseId)!.name, (s) => validateName(s, 'Course'));
          if (name !== undefined) store.mutate('renameCourse', { courseId: node.courseId, name });
          break;
        }
        case 'section': {
          const title = await askName(opts, 'New title of the section (the folder keeps its name)', draft!.sections.get(node.sectionId)!.title, (s) => validateName(s, 'Section'));
          if (title !== undefined) store.mutate('renameSection', { sectionId: node.sectionId, title });
          break;
        }
        case 'lesson': {
          const title = await askName(opts, 'New title of the lesson (the folder keeps its name)', draft!.lessons.get(node.lessonId)!.title, (s) => validateName(s, 'Lesson'));
          if (title !== undefined) store.mutate('renameLesson', { lessonId: node.lessonId, title });
          break;
        }
        case 'video': {
          const name = await askName(opts, 'New name of the video', draft!.videos.get(node.videoId)!.name, (s) => validateName(s, 'Video'));
          if (name !== undefined) store.mutate('renameVideo', { videoId: node.videoId, name });
          break;
        }
      }
      await store.flush();
      return undefined;
    }),
    command(c, 'cvm.archive', (c, node) => setArchived(c, node, true)),
    command(c, 'cvm.unarchive', (c, node) => setArchived(c, node, false)),
  ];
}

async function setArchived(c: CourseController, node: Node | undefined, archived: boolean): Promise<void> {
  const store = c.requireStore();
  if (!node) return;
  if (node.kind === 'course') store.mutate('setCourseArchived', { courseId: node.courseId, archived });
  else if (node.kind === 'section') store.mutate('setSectionArchived', { sectionId: node.sectionId, archived });
  else if (node.kind === 'lesson') store.mutate('setLessonArchived', { lessonId: node.lessonId, archived });
  else if (node.kind === 'video') store.mutate('setVideoArchived', { videoId: node.videoId, archived });
  await store.flush();
}
