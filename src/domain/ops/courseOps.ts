import * as path from 'node:path';
import { DomainError } from '../errors';
import type { Course, Lesson, Section } from '../model';
import { validateName } from '../names';
import { initialKeys } from '../ordering';
import type { ScanResult } from '../courseRepo/scan';
import type { Tx } from '../store/tx';
import { VersionContent } from '../store/content';
import { emptyContent } from '../store/schema';
import { courseShardKeys } from '../store/layout';

export interface CreateCourseArgs {
  name: string;
  /** Absolute CourseRepo path, or null/undefined for a Ghost Course. */
  repoPath?: string | null;
  /** Sections and lessons parsed from the CourseRepo, created as real entries. */
  scan?: Pick<ScanResult, 'sections'>;
}

function checkRepoPath(tx: Tx, repoPath: string, exceptCourseId?: string): string {
  if (!path.isAbsolute(repoPath)) throw new DomainError('invalid-argument', `The CourseRepo path ${repoPath} must be absolute.`);
  const normalized = path.resolve(repoPath);
  for (const c of tx.replica.courses.all()) {
    if (c.id !== exceptCourseId && c.repoPath === normalized) {
      throw new DomainError('conflict', `The folder ${normalized} is already the CourseRepo of the course "${c.name}".`);
    }
  }
  return normalized;
}

export function createCourse(tx: Tx, args: CreateCourseArgs): Course {
  const name = validateName(args.name, 'Course');
  const repoPath = args.repoPath ? checkRepoPath(tx, args.repoPath) : null;
  if (args.scan && !repoPath) throw new DomainError('invalid-argument', 'A Ghost Course cannot be created from a scanned CourseRepo.');
  const course: Course = { id: tx.newId(), name, repoPath, archived: false, createdAt: tx.now() };
  const versionId = tx.newId();
  tx.courses.insert(course);
  tx.versions.insert({ id: versionId, courseId: course.id, name: null, description: null, createdAt: tx.now(), publishedAt: null, file: null });
  const content = new VersionContent(course.id, versionId, emptyContent(), false);
  tx.custom(
    () => tx.replica.drafts.set(course.id, content),
    () => tx.replica.drafts.delete(course.id),
    courseShardKeys(course.id),
  );
  if (args.scan) {
    const draft = tx.draft(course.id);
    const sectionKeys = initialKeys(args.scan.sections.length);
    args.scan.sections.forEach((s, i) => {
      const section: Section = {
        id: tx.newId(), versionId, path: s.path, title: validateName(s.title, 'Section'), fsStatus: 'real', order: sectionKeys[i],
        archivedAt: s.archived ? tx.now() : null, previousVersionSectionId: null,
      };
      draft.sections.insert(section);
      const lessonKeys = initialKeys(s.lessons.length);
      s.lessons.forEach((l, j) => {
        const lesson: Lesson = {
          id: tx.newId(), sectionId: section.id, path: l.path, title: validateName(l.title, 'Lesson'), fsStatus: 'real', order: lessonKeys[j],
          archived: false, previousVersionLessonId: null, description: '', priority: 'P2', status: 'todo',
        };
        draft.lessons.insert(lesson);
      });
    });
  }
  return course;
}

export function renameCourse(tx: Tx, args: { courseId: string; name: string }): Course {
  tx.course(args.courseId);
  return tx.courses.update(args.courseId, { name: validateName(args.name, 'Course') });
}

export function setCourseArchived(tx: Tx, args: { courseId: string; archived: boolean }): Course {
  tx.course(args.courseId);
  return tx.courses.update(args.courseId, { archived: args.archived });
}

/** Gives a course its CourseRepo (Materialization Cascade) or moves it; a real course never becomes a Ghost Course again. */
export function setCourseRepoPath(tx: Tx, args: { courseId: string; repoPath: string | null }): Course {
  const course = tx.course(args.courseId);
  if (!args.repoPath) {
    throw new DomainError(
      'invalid-argument',
      course.repoPath
        ? `The course "${course.name}" has a CourseRepo (${course.repoPath}) and can never become a Ghost Course again.`
        : `A CourseRepo path is required to materialize the course "${course.name}".`,
    );
  }
  return tx.courses.update(args.courseId, { repoPath: checkRepoPath(tx, args.repoPath, course.id) });
}
