// The course model, in the vocabulary of the domain glossary. Plain data: every row is JSON.

export type FsStatus = 'real' | 'ghost';
export type Priority = 'P1' | 'P2' | 'P3';
export type LessonStatus = 'todo' | 'done';
export type ClipKind = 'footage' | 'effect';
export type EffectType = 'white-noise' | 'transition';

export interface Course {
  id: string;
  name: string;
  /** Absolute path of the CourseRepo; null for a Ghost Course. Once set, never null again. */
  repoPath: string | null;
  archived: boolean;
  createdAt: string;
}

export interface CourseVersion {
  id: string;
  courseId: string;
  /** null on the Draft Version. */
  name: string | null;
  description: string | null;
  createdAt: string;
  /** null on the Draft Version; set when the version is published (then immutable). */
  publishedAt: string | null;
}

export interface Section {
  id: string;
  versionId: string;
  /** Folder path relative to the CourseRepo root (posix separators) when real; null for a Ghost Section. */
  path: string | null;
  title: string;
  fsStatus: FsStatus;
  order: string;
  archivedAt: string | null;
  previousVersionSectionId: string | null;
}

export interface Lesson {
  id: string;
  sectionId: string;
  /** Folder name inside the section folder when real; null for a Ghost Lesson. */
  path: string | null;
  title: string;
  fsStatus: FsStatus;
  order: string;
  archived: boolean;
  previousVersionLessonId: string | null;
  description: string;
  priority: Priority;
  status: LessonStatus;
}

export interface Video {
  id: string;
  /** null for a Standalone Video, which then belongs to the course directly. */
  lessonId: string | null;
  courseId: string;
  name: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Clip {
  id: string;
  videoId: string;
  kind: ClipKind;
  /** Footage file (absolute, or relative to the CourseRepo); null for an Effect Clip. */
  sourceFile: string | null;
  /** Seconds into the source file (Effect Clips: 0). */
  start: number;
  /** Seconds into the source file (Effect Clips: the duration). */
  end: number;
  /** Order key, shared with the video's ClipSections. */
  order: string;
  archived: boolean;
  /** Transcript stored inline when short. */
  text: string;
  /** Content hash of the transcript's payload file when it is too long to keep inline. */
  textRef: string | null;
  transcribedAt: string | null;
  effect: EffectType | null;
}

export interface ClipSection {
  id: string;
  videoId: string;
  name: string;
  order: string;
  archived: boolean;
}

export interface Plan {
  id: string;
  name: string;
  archived: boolean;
  createdAt: string;
}

export interface PlanSection {
  id: string;
  planId: string;
  title: string;
  order: string;
}

export interface PlanLesson {
  id: string;
  planSectionId: string;
  title: string;
  description: string;
  order: string;
}

/** A Section or Lesson archive flag, unified for display. */
export function isSectionArchived(s: Section): boolean {
  return s.archivedAt !== null || /ARCHIVE$/.test(s.path ?? '');
}

export function isDraft(v: CourseVersion): boolean {
  return v.publishedAt === null;
}
