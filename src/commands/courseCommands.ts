import * as vscode from 'vscode';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanCourseRepo } from '../domain/courseRepo/scan';
import { titleFromSlug, validateName } from '../domain/names';
import { DomainError } from '../domain/errors';
import type { CourseController } from '../controller';
import { askName, command } from './run';

export function registerCourseCommands(c: CourseController): vscode.Disposable[] {
  return [
    command(c, 'cvm.addCourseFromWorkspace', async (c, _node, opts) => {
      const folder = opts.folder ? fs.realpathSync(opts.folder) : c.workspaceFolder();
      if (!folder) throw new DomainError('invalid-argument', 'Open the folder of a CourseRepo first (File > Open Folder), then add it as a course.');
      const store = c.requireStore();
      const existing = store.courseForRepo(folder);
      if (existing) throw new DomainError('conflict', `This folder is already the course "${existing.name}".`);
      const scan = scanCourseRepo(folder);
      const name = await askName(opts, 'Name of the course', titleFromSlug(path.basename(folder)), (s) => validateName(s, 'Course'));
      if (name === undefined) return undefined;
      const course = store.mutate('createCourse', { name, repoPath: folder, scan });
      await store.flush();
      const lessons = scan.sections.reduce((n, s) => n + s.lessons.length, 0);
      c.log.info(`Added the course "${course.name}" from ${folder}: ${scan.sections.length} sections, ${lessons} lessons.`);
      await c.updateWorkspaceCourse();
      void vscode.window.showInformationMessage(`Added the course "${course.name}": ${scan.sections.length} sections, ${lessons} lessons.`);
      return course;
    }),
    command(c, 'cvm.createGhostCourse', async (c, _node, opts) => {
      const name = await askName(opts, 'Name of the Ghost Course (planning only: it gets a folder when you materialize a lesson)', '', (s) => validateName(s, 'Course'));
      if (name === undefined) return undefined;
      const store = c.requireStore();
      const course = store.mutate('createCourse', { name, repoPath: null });
      await store.flush();
      c.log.info(`Created the Ghost Course "${course.name}".`);
      return course;
    }),
  ];
}
