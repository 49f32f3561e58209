// Sections and lessons of a course's Draft Version: ghosts, ordering, materialization, archive, delete.
import { DomainError } from '../errors';
import type { Lesson, LessonStatus, Priority, Section } from '../model';
import { validateName } from '../names';
import { keyForPosition, type Position } from '../ordering';
import type { VersionContent } from '../store/content';
import type { Table } from '../store/table';
import type { Tx } from '../store/tx';

function place<T extends { id: string; order: string }>(table: Table<T>, siblings: T[], position: Position | undefined, what: string): string {
  const { key, rebalanced } = keyForPosition(siblings, position, what);
  if (rebalanced) for (const [id, order] of rebalanced) table.update(id, { order } as Partial<T>);
  return key;
}

function checkFolderName(name: string, what: string): string {
  if (!name || name.includes('/') || name.includes('\\') || name === '.' || name === '..' || name.includes('..')) {
    throw new DomainError('invalid-argument', `The ${what} folder name ${JSON.stringify(name)} must be a single folder name without separators or "..".`);
  }
  return name;
}

function checkSectionPath(p: string): string {
  const parts = p.split('/');
  if (parts.length > 2 || parts.some((x) => !x)) throw new DomainError('invalid-argument', `The section folder ${JSON.stringify(p)} must be "NN-name" or "root/NN-name".`);
  parts.forEach((x) => checkFolderName(x, 'section'));
  return p;
}

// ---- sections ----

export function addSection(tx: Tx, args: { courseId: string; title: string; position?: Position; path?: string | null }): Section {
  const title = validateName(args.title, 'Section');
  const draft = tx.draft(args.courseId);
  const course = tx.course(args.courseId);
  if (args.path && !course.repoPath) throw new DomainError('invalid-argument', `The Ghost Course "${course.name}" cannot have real sections; materialize it first.`);
  const order = place(draft.sections, draft.sections.childrenOf(draft.versionId), args.position, 'section');
  return draft.sections.insert({
    id: tx.newId(), versionId: draft.versionId, path: args.path ? checkSectionPath(args.path) : null, title,
    fsStatus: args.path ? 'real' : 'ghost', order, archivedAt: null, previousVersionSectionId: null,
  });
}

export function renameSection(tx: Tx, args: { sectionId: string; title: string }): Section {
  const { content } = tx.find('sections', args.sectionId);
  return content.sections.update(args.sectionId, { title: validateName(args.title, 'Section') });
}

export function moveSection(tx: Tx, args: { sectionId: string; position: Position }): Section {
  const { content, row } = tx.find('sections', args.sectionId);
  const siblings = content.sections.childrenOf(row.versionId).filter((s) => s.id !== row.id);
  return content.sections.update(row.id, { order: place(content.sections, siblings, args.position, 'section') });
}

export function setSectionArchived(tx: Tx, args: { sectionId: string; archived: boolean }): Section {
  const { content } = tx.find('sections', args.sectionId);
  return content.sections.update(args.sectionId, { archivedAt: args.archived ? tx.now() : null });
}

/** Records that a section's folder exists (Materialize) or was renamed. */
export function setSectionPath(tx: Tx, args: { sectionId: string; path: string }): Section {
  const { content, row } = tx.find('sections', args.sectionId);
  if (!tx.course(content.courseId).repoPath) throw new DomainError('invalid-argument', 'Materialize the course (give it a CourseRepo) before its sections.');
  const path = checkSectionPath(args.path);
  for (const s of content.sections.childrenOf(row.versionId)) {
    if (s.id !== row.id && s.path === path) throw new DomainError('conflict', `Another section already uses the folder ${path}.`);
  }
  return content.sections.update(row.id, { path, fsStatus: 'real' });
}

/** Convert to Ghost: the section keeps its planning entry; all its lessons become ghosts too. */
export function ghostSection(tx: Tx, args: { sectionId: string }): Section {
  const { content } = tx.find('sections', args.sectionId);
  for (const l of content.lessons.childrenOf(args.sectionId)) content.lessons.update(l.id, { path: null, fsStatus: 'ghost' });
  return content.sections.update(args.sectionId, { path: null, fsStatus: 'ghost' });
}

export function deleteSection(tx: Tx, args: { sectionId: string }): Section {
  const { content } = tx.find('sections', args.sectionId);
  for (const l of content.lessons.childrenOf(args.sectionId)) removeLesson(content, l.id);
  return content.sections.remove(args.sectionId);
}

// ---- lessons ----

export function addLesson(tx: Tx, args: { sectionId: string; title: string; position?: Position; path?: string | null }): Lesson {
  const title = validateName(args.title, 'Lesson');
  const { content, row: section } = tx.find('sections', args.sectionId);
  if (args.path && section.fsStatus !== 'real') throw new DomainError('invalid-argument', `The Ghost Section "${section.title}" cannot hold a real lesson; materialize it first.`);
  const order = place(content.lessons, content.lessons.childrenOf(section.id), args.position, 'lesson');
  return content.lessons.insert({
    id: tx.newId(), sectionId: section.id, path: args.path ? checkFolderName(args.path, 'lesson') : null, title,
    fsStatus: args.path ? 'real' : 'ghost', order, archived: false, previousVersionLessonId: null, description: '', priority: 'P2', status: 'todo',
  });
}

export function renameLesson(tx: Tx, args: { lessonId: string; title: string }): Lesson {
  const { content } = tx.find('lessons', args.lessonId);
  return content.lessons.update(args.lessonId, { title: validateName(args.title, 'Lesson') });
}

export function updateLesson(tx: Tx, args: { lessonId: string; description?: string; priority?: Priority; status?: LessonStatus }): Lesson {
  const { content } = tx.find('lessons', args.lessonId);
  const patch: Partial<Lesson> = {};
  if (args.description !== undefined) {
    if (typeof args.description !== 'string' || args.description.length > 20_000) throw new DomainError('invalid-argument', 'A lesson description must be text of at most 20,000 characters.');
    patch.description = args.description;
  }
  if (args.priority !== undefined) {
    if (!['P1', 'P2', 'P3'].includes(args.priority)) throw new DomainError('invalid-argument', `Priority must be P1, P2 or P3, not ${JSON.stringify(args.priority)}.`);
    patch.priority = args.priority;
  }
  if (args.status !== undefined) {
    if (!['todo', 'done'].includes(args.status)) throw new DomainError('invalid-argument', `Status must be todo or done, not ${JSON.stringify(args.status)}.`);
    patch.status = args.status;
  }
  return content.lessons.update(args.lessonId, patch);
}

/** Reorders a lesson within its section or moves it to another section of the same Draft. */
export function moveLesson(tx: Tx, args: { lessonId: string; sectionId?: string; position: Position }): Lesson {
  const { content, row } = tx.find('lessons', args.lessonId);
  const targetSectionId = args.sectionId ?? row.sectionId;
  const target = content.sections.get(targetSectionId);
  if (!target) throw new DomainError('not-found', `Cannot move the lesson: section ${targetSectionId} is not in the same course Draft.`);
  if (row.fsStatus === 'real' && target.fsStatus !== 'real') {
    throw new DomainError('invalid-argument', `A real lesson cannot move into the Ghost Section "${target.title}"; materialize the section first.`);
  }
  const siblings = content.lessons.childrenOf(target.id).filter((l) => l.id !== row.id);
  return content.lessons.update(row.id, { sectionId: target.id, order: place(content.lessons, siblings, args.position, 'lesson') });
}

export function setLessonArchived(tx: Tx, args: { lessonId: string; archived: boolean }): Lesson {
  const { content } = tx.find('lessons', args.lessonId);
  return content.lessons.update(args.lessonId, { archived: args.archived });
}

/** Records that a lesson's folder exists (Materialize) or was renamed (renumbering). */
export function setLessonPath(tx: Tx, args: { lessonId: string; path: string }): Lesson {
  const { content, row } = tx.find('lessons', args.lessonId);
  const section = content.sections.require(row.sectionId);
  if (section.fsStatus !== 'real') throw new DomainError('invalid-argument', `Materialize the section "${section.title}" before its lessons.`);
  const path = checkFolderName(args.path, 'lesson');
  for (const l of content.lessons.childrenOf(section.id)) {
    if (l.id !== row.id && l.path === path) throw new DomainError('conflict', `The lesson "${l.title}" already uses the folder ${path}.`);
  }
  return content.lessons.update(row.id, { path, fsStatus: 'real' });
}

export function ghostLesson(tx: Tx, args: { lessonId: string }): Lesson {
  const { content } = tx.find('lessons', args.lessonId);
  return content.lessons.update(args.lessonId, { path: null, fsStatus: 'ghost' });
}

export function deleteLesson(tx: Tx, args: { lessonId: string }): Lesson {
  const { content } = tx.find('lessons', args.lessonId);
  return removeLesson(content, args.lessonId);
}

function removeLesson(content: VersionContent, lessonId: string): Lesson {
  for (const v of content.videos.childrenOf(lessonId)) removeVideo(content, v.id);
  return content.lessons.remove(lessonId);
}

export function removeVideo(content: VersionContent, videoId: string): void {
  for (const c of content.clips.childrenOf(videoId)) content.clips.remove(c.id);
  for (const s of content.clipSections.childrenOf(videoId)) content.clipSections.remove(s.id);
  content.videos.remove(videoId);
}
