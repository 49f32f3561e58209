// A course's Draft as a nested outline, for the CLI's `tree` and the extension's views.
import type { Course, FsStatus } from './model';
import { isSectionArchived } from './model';
import type { Store } from './store/store';

export interface VideoNode {
  id: string;
  name: string;
  archived: boolean;
  clips: number;
  duration: number;
}

export interface LessonNode {
  id: string;
  title: string;
  path: string | null;
  fsStatus: FsStatus;
  archived: boolean;
  videos: VideoNode[];
}

export interface SectionNode {
  id: string;
  title: string;
  path: string | null;
  fsStatus: FsStatus;
  archived: boolean;
  lessons: LessonNode[];
}

export interface CourseTree {
  course: Course;
  ghost: boolean;
  draftVersionId: string;
  publishedVersions: number;
  sections: SectionNode[];
  standaloneVideos: VideoNode[];
}

export async function buildCourseTree(store: Store, courseId: string): Promise<CourseTree> {
  const course = store.course(courseId)!;
  const draft = await store.loadCourse(courseId);
  const video = (id: string): VideoNode => {
    const v = draft.videos.get(id)!;
    return { id, name: v.name, archived: v.archived, clips: draft.clips.childrenOf(id).filter((c) => !c.archived).length, duration: draft.duration(id) };
  };
  return {
    course,
    ghost: course.repoPath === null,
    draftVersionId: draft.versionId,
    publishedVersions: store.versions(courseId).filter((v) => v.publishedAt).length,
    sections: draft.orderedSections().map((s) => ({
      id: s.id, title: s.title, path: s.path, fsStatus: s.fsStatus, archived: isSectionArchived(s),
      lessons: draft.orderedLessons(s.id).map((l) => ({
        id: l.id, title: l.title, path: l.path, fsStatus: l.fsStatus, archived: l.archived, videos: draft.videosOf(l.id).map((v) => video(v.id)),
      })),
    })),
    standaloneVideos: draft.videosOf(null).map((v) => video(v.id)),
  };
}

/** `m:ss` (or `h:mm:ss`) for a duration in seconds. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
