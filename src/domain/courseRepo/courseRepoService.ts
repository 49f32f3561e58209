// Operations that change both the CourseRepo folders and the database, all or nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DomainError, errorMessage } from '../errors';
import type { Position } from '../ordering';
import type { Lesson, Section } from '../model';
import type { Mutator, Store } from '../store/store';
import type { VersionContent } from '../store/content';
import { applyFolderPlan, plainMover, type FolderMover } from './folderOps';
import { lessonOrigins, planFolders, type FolderMove } from './folderPlan';
import { resolveInsideRepo } from './paths';
import { compareNumbered, scanCourseRepo } from './scan';

const PREVIEW = Symbol('preview');

export interface CourseRepoServiceOptions {
  mover?: FolderMover;
  /** Test hook: called after the folders changed and before the database is updated (throw to simulate a failure). */
  beforeCommit?: (moves: FolderMove[]) => void;
}

export class CourseRepoService {
  private readonly mover: FolderMover;
  /** Fault injection for tests (see CourseRepoServiceOptions.beforeCommit). */
  readonly hooks: { beforeCommit?: (moves: FolderMove[]) => void };

  constructor(
    private readonly store: Store,
    options: CourseRepoServiceOptions = {},
  ) {
    this.mover = options.mover ?? plainMover;
    this.hooks = { beforeCommit: options.beforeCommit };
  }

  private located<K extends 'sections' | 'lessons'>(table: K, id: string): { draft: VersionContent; courseId: string; repo: string | null } {
    for (const c of this.store.courses()) {
      const draft = this.store.draft(c.id);
      if (draft?.[table].has(id)) return { draft, courseId: c.id, repo: c.repoPath };
    }
    throw new DomainError('not-found', `No ${table === 'sections' ? 'section' : 'lesson'} with id ${id} is loaded.`);
  }

  lessonFolder(lessonId: string): string | null {
    const { draft, repo } = this.located('lessons', lessonId);
    const lesson = draft.lessons.get(lessonId)!;
    const section = draft.sections.get(lesson.sectionId)!;
    if (!repo || !lesson.path || !section.path) return null;
    return resolveInsideRepo(repo, section.path, lesson.path);
  }

  sectionFolder(sectionId: string): string | null {
    const { draft, repo } = this.located('sections', sectionId);
    const section = draft.sections.get(sectionId)!;
    return repo && section.path ? resolveInsideRepo(repo, section.path) : null;
  }

  /** A real lesson whose folder is not on disk. */
  isMissing(lesson: Lesson, section: Section, repo: string | null): boolean {
    return lesson.fsStatus === 'real' && !!repo && !!section.path && !!lesson.path && !fs.existsSync(path.join(repo, section.path, lesson.path));
  }

  /**
   * The core of every folder-changing operation: apply `change` to a preview of the Draft to plan the folders,
   * change the disk, then apply `change` plus the new paths in one transaction. Any failure undoes the disk.
   */
  private async withFolders(courseId: string, repo: string, change: (m: Mutator) => void, include: { sections?: string[]; lessons?: string[] } = {}): Promise<FolderMove[]> {
    const draft = await this.store.loadCourse(courseId);
    const origins = lessonOrigins(draft);
    let moves: FolderMove[] = [];
    try {
      this.store.transaction((m) => {
        change(m);
        moves = planFolders(this.store.draft(courseId)!, include, origins);
        throw PREVIEW;
      });
    } catch (e) {
      if (e !== PREVIEW) throw e;
    }
    const applied = await applyFolderPlan(repo, moves, this.mover);
    try {
      this.hooks.beforeCommit?.(moves);
      this.store.transaction((m) => {
        change(m);
        for (const mv of moves) {
          if (mv.kind === 'section') m.mutate('setSectionPath', { sectionId: mv.id, path: mv.path });
        }
        for (const mv of moves) {
          if (mv.kind === 'lesson') m.mutate('setLessonPath', { lessonId: mv.id, path: mv.path });
        }
      });
    } catch (e) {
      await applied.undo();
      throw e instanceof DomainError ? e : new DomainError('io', `Updating the course database failed (${errorMessage(e)}); the folders were put back.`);
    }
    await this.store.flush();
    return moves;
  }

  private realRepo(courseId: string): string {
    const course = this.store.course(courseId)!;
    if (!course.repoPath) {
      throw new DomainError('invalid-argument', `The course "${course.name}" is a Ghost Course: use the Materialization Cascade to give it a folder first.`);
    }
    if (!fs.existsSync(course.repoPath)) throw new DomainError('not-found', `The CourseRepo ${course.repoPath} of "${course.name}" does not exist.`);
    return course.repoPath;
  }

  /** Materialize a Ghost Lesson (and its Ghost Section): folders created with numbered names at their positions. */
  async materializeLesson(lessonId: string): Promise<FolderMove[]> {
    const { courseId, draft } = this.located('lessons', lessonId);
    const lesson = draft.lessons.get(lessonId)!;
    if (lesson.fsStatus === 'real') throw new DomainError('invalid-argument', `The lesson "${lesson.title}" is already real.`);
    const repo = this.realRepo(courseId);
    return this.withFolders(courseId, repo, () => undefined, { sections: [lesson.sectionId], lessons: [lessonId] });
  }

  async materializeSection(sectionId: string): Promise<FolderMove[]> {
    const { courseId, draft } = this.located('sections', sectionId);
    const section = draft.sections.get(sectionId)!;
    if (section.fsStatus === 'real') throw new DomainError('invalid-argument', `The section "${section.title}" is already real.`);
    return this.withFolders(courseId, this.realRepo(courseId), () => undefined, { sections: [sectionId] });
  }

  /**
   * Materialization Cascade: a lesson of a Ghost Course becomes real together with its section and the course,
   * whose CourseRepo becomes `repoPath`. Rolled back completely (folders and rows) when any step fails.
   */
  async materializeCascade(lessonId: string, repoPath: string): Promise<FolderMove[]> {
    const { courseId, draft } = this.located('lessons', lessonId);
    const course = this.store.course(courseId)!;
    if (course.repoPath) return this.materializeLesson(lessonId);
    const abs = path.resolve(repoPath);
    if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) throw new DomainError('not-found', `The folder ${abs} does not exist; pick an existing folder for the CourseRepo.`);
    const lesson = draft.lessons.get(lessonId)!;
    return this.withFolders(courseId, abs, (m) => m.mutate('setCourseRepoPath', { courseId, repoPath: abs }), { sections: [lesson.sectionId], lessons: [lessonId] });
  }

  /** Applies a reordering change: with folder renumbering when the course has a CourseRepo, in the database alone otherwise. */
  private async reorder(courseId: string, change: (m: Mutator) => void): Promise<FolderMove[]> {
    if (!this.store.course(courseId)!.repoPath) {
      this.store.transaction(change);
      return [];
    }
    return this.withFolders(courseId, this.realRepo(courseId), change);
  }

  /** Reorders a lesson or moves it to another section; real folders are renumbered (and moved) to match. */
  async moveLesson(lessonId: string, target: { sectionId?: string; position: Position }): Promise<FolderMove[]> {
    const { courseId } = this.located('lessons', lessonId);
    return this.reorder(courseId, (m) => m.mutate('moveLesson', { lessonId, sectionId: target.sectionId, position: target.position }));
  }

  async moveSection(sectionId: string, position: Position): Promise<FolderMove[]> {
    const { courseId } = this.located('sections', sectionId);
    return this.reorder(courseId, (m) => m.mutate('moveSection', { sectionId, position }));
  }

  /**
   * Removes a folder safely: it is first renamed aside, the database is changed, and only then is it deleted
   * (or renamed back when the database change fails).
   */
  private async removeFolderThen(folder: string | null, change: () => void): Promise<void> {
    if (!folder || !fs.existsSync(folder)) {
      change();
      await this.store.flush();
      return;
    }
    const aside = path.join(path.dirname(folder), `.cvm-removed-${randomBytes(6).toString('hex')}`);
    await fs.promises.rename(folder, aside);
    try {
      change();
    } catch (e) {
      await fs.promises.rename(aside, folder);
      throw e;
    }
    await fs.promises.rm(aside, { recursive: true, force: true });
    await this.store.flush();
  }

  /** Convert to Ghost: the folder is removed, the lesson stays as a planning entry. */
  async convertLessonToGhost(lessonId: string): Promise<void> {
    const folder = this.lessonFolder(lessonId);
    await this.removeFolderThen(folder, () => this.store.mutate('ghostLesson', { lessonId }));
  }

  /** Convert a section to a ghost: its folder (with every lesson folder in it) is removed. */
  async convertSectionToGhost(sectionId: string): Promise<void> {
    const folder = this.sectionFolder(sectionId);
    await this.removeFolderThen(folder, () => this.store.mutate('ghostSection', { sectionId }));
  }

  /** Delete: a Ghost Lesson loses its row; a real lesson loses its folder and its row. */
  async deleteLesson(lessonId: string): Promise<void> {
    const folder = this.lessonFolder(lessonId);
    await this.removeFolderThen(folder, () => this.store.mutate('deleteLesson', { lessonId }));
  }

  async deleteSection(sectionId: string): Promise<void> {
    const folder = this.sectionFolder(sectionId);
    await this.removeFolderThen(folder, () => this.store.mutate('deleteSection', { sectionId }));
  }

  /** Recreates the missing folder of a real lesson (and of its section when that is missing too). */
  async recreateFolder(lessonId: string): Promise<string> {
    const folder = this.lessonFolder(lessonId);
    if (!folder) throw new DomainError('invalid-argument', 'Only a real lesson of a real course has a folder to recreate.');
    if (fs.existsSync(folder)) throw new DomainError('conflict', `The folder ${folder} already exists.`);
    await fs.promises.mkdir(folder, { recursive: true });
    return folder;
  }

  /**
   * Brings folders that appeared on disk into the Draft as real sections and lessons (at their numbered positions).
   * Folders that vanished are left as they are: the tree flags them "missing on disk". Returns what was added.
   */
  async reconcile(courseId: string): Promise<{ sections: number; lessons: number }> {
    const course = this.store.course(courseId);
    if (!course?.repoPath || !fs.existsSync(course.repoPath)) return { sections: 0, lessons: 0 };
    const draft = await this.store.loadCourse(courseId);
    const scan = scanCourseRepo(course.repoPath);
    const added = { sections: 0, lessons: 0 };
    const knownSections = new Map(draft.sections.toArray().filter((s) => s.path).map((s) => [s.path!, s]));
    const plan: Array<(m: Mutator) => void> = [];
    for (const scanned of scan.sections) {
      const existing = knownSections.get(scanned.path);
      const sectionRef: { id?: string } = { id: existing?.id };
      if (!existing) {
        const realPaths = draft.orderedSections().filter((s) => s.path);
        const before = realPaths.find((s) => compareNumbered(path.posix.basename(s.path!), path.posix.basename(scanned.path)) > 0);
        plan.push((m) => {
          sectionRef.id = m.mutate('addSection', { courseId, title: scanned.title, path: scanned.path, position: before ? { before: before.id } : { end: true } }).id;
          if (scanned.archived) m.mutate('setSectionArchived', { sectionId: sectionRef.id, archived: true });
        });
        added.sections++;
      }
      const known = new Set(existing ? draft.lessons.childrenOf(existing.id).map((l) => l.path) : []);
      for (const l of scanned.lessons) {
        if (known.has(l.path)) continue;
        const siblings = existing ? draft.orderedLessons(existing.id).filter((x) => x.path) : [];
        const before = siblings.find((x) => compareNumbered(x.path!, l.path) > 0);
        plan.push((m) => void m.mutate('addLesson', { sectionId: sectionRef.id!, title: l.title, path: l.path, position: before ? { before: before.id } : { end: true } }));
        added.lessons++;
      }
    }
    if (plan.length) this.store.transaction((m) => plan.forEach((p) => p(m)));
    return added;
  }
}
