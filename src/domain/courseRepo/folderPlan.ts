// Which folder name every real section and lesson should have, given its position: the numbering rules of a CourseRepo.
import * as path from 'node:path';
import { slugify } from '../names';
import type { VersionContent } from '../store/content';
import { parseNumbered } from './scan';

/** One folder that must be created or renamed. Paths are relative to the CourseRepo, with `/` separators. */
export interface FolderMove {
  kind: 'section' | 'lesson';
  id: string;
  /** Current folder (null: to be created). */
  from: string | null;
  to: string;
  /** The new value of the row's `path` field (section: relative path; lesson: folder name). */
  path: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function slugOf(folder: string | null, title: string): string {
  return (folder && parseNumbered(folder)?.slug) || slugify(title);
}

/** The folder (relative to the repo) that holds sections: '' for the root, or e.g. 'exercises'. */
export function sectionsRoot(content: VersionContent): string {
  for (const s of content.orderedSections()) if (s.path?.includes('/')) return s.path.slice(0, s.path.lastIndexOf('/'));
  return '';
}

/** Lesson folders are either `NN.MM-slug` (section number . lesson number) or `NNN-slug` (a running number). */
type LessonStyle = 'dotted' | 'flat';

function lessonStyle(content: VersionContent): LessonStyle {
  for (const l of content.lessons.all()) {
    if (l.path) return /^\d+\.\d+-/.test(l.path) ? 'dotted' : 'flat';
  }
  return 'dotted';
}

/** Where a lesson's folder is on disk now: its section and folder name (before a pending move). */
export type LessonOrigin = Map<string, { sectionPath: string | null; folder: string | null }>;

export function lessonOrigins(content: VersionContent): LessonOrigin {
  const out: LessonOrigin = new Map();
  for (const l of content.lessons.all()) out.set(l.id, { sectionPath: content.sections.get(l.sectionId)?.path ?? null, folder: l.path });
  return out;
}

/**
 * Plans the folders of every real section and lesson (plus those in `include`, about to become real) so that
 * their numbers follow their order. `origin` tells where lesson folders are now when `content` already shows a
 * move that the disk does not have yet. Returns only the folders that must be created or renamed; a lesson that
 * keeps its name inside a renamed section moves with it and is not listed.
 */
export function planFolders(content: VersionContent, include: { sections?: string[]; lessons?: string[] } = {}, origin: LessonOrigin = lessonOrigins(content)): FolderMove[] {
  const willBeReal = (fsStatus: string, id: string, list?: string[]) => fsStatus === 'real' || (list?.includes(id) ?? false);
  const root = sectionsRoot(content);
  const style = lessonStyle(content);
  const moves: FolderMove[] = [];
  const realSections = content.orderedSections().filter((s) => willBeReal(s.fsStatus, s.id, include.sections));
  const sectionWidth = Math.max(2, ...realSections.map((s) => parseNumbered(path.posix.basename(s.path ?? ''))?.number.length ?? 2));
  let flatNumber = 0;
  realSections.forEach((s, i) => {
    const number = pad(i + 1, sectionWidth);
    const folder = `${number}-${slugOf(s.path ? path.posix.basename(s.path) : null, s.title)}`;
    const sectionPath = root ? `${root}/${folder}` : folder;
    if (s.path !== sectionPath) moves.push({ kind: 'section', id: s.id, from: s.path, to: sectionPath, path: sectionPath });
    const lessons = content.orderedLessons(s.id).filter((l) => willBeReal(l.fsStatus, l.id, include.lessons));
    lessons.forEach((l, j) => {
      flatNumber++;
      const lessonNumber = style === 'dotted' ? `${number}.${pad(j + 1, 2)}` : pad(flatNumber, 3);
      const name = `${lessonNumber}-${slugOf(l.path, l.title)}`;
      const from = origin.get(l.id);
      const onDisk = from?.folder && from.sectionPath ? `${from.sectionPath}/${from.folder}` : null;
      const sameSection = from?.sectionPath === s.path;
      if (!onDisk || l.path !== name || !sameSection) {
        moves.push({ kind: 'lesson', id: l.id, from: onDisk, to: `${sectionPath}/${name}`, path: name });
      }
    });
  });
  return moves;
}

/** One line for the log: `from -> to` for every folder created or renamed. */
export function describeMoves(moves: FolderMove[]): string {
  return moves.map((m) => `${m.from ?? '(new)'} -> ${m.to}`).join(', ');
}
