// Reference and invariant checks over the database documents, shared by migrations (validation after a run) and `cvm verify`.
import type { ManifestDoc, VersionContentDoc } from './layout';

export type FindingSeverity = 'error' | 'warning';

export interface Finding {
  severity: FindingSeverity;
  code: string;
  message: string;
  file?: string;
}

export interface ContentRef {
  versionId: string;
  courseId: string;
  file: string;
  doc: VersionContentDoc;
}

/** Checks that every reference resolves and that each course has exactly one Draft Version, the latest. */
export function checkReferences(manifest: ManifestDoc, contents: ContentRef[]): Finding[] {
  const findings: Finding[] = [];
  const err = (code: string, message: string, file?: string) => findings.push({ severity: 'error', code, message, file });
  const courseIds = new Set<string>();
  const ids = new Set<string>();
  const dup = (id: string, what: string, file?: string) => {
    if (ids.has(id)) err('duplicate-id', `The id ${id} (${what}) is used more than once.`, file);
    ids.add(id);
  };
  for (const c of manifest.courses) {
    dup(c.id, 'course');
    courseIds.add(c.id);
  }
  const versionsByCourse = new Map<string, typeof manifest.versions>();
  for (const v of manifest.versions) {
    dup(v.id, 'course version');
    if (!courseIds.has(v.courseId)) err('dangling-reference', `Course version ${v.id} belongs to the missing course ${v.courseId}.`);
    const list = versionsByCourse.get(v.courseId) ?? [];
    list.push(v);
    versionsByCourse.set(v.courseId, list);
    if (v.publishedAt !== null && (!v.name || !v.file)) err('invalid-version', `Published Version ${v.id} has no name or no frozen file.`);
  }
  for (const c of manifest.courses) {
    const versions = versionsByCourse.get(c.id) ?? [];
    const drafts = versions.filter((v) => v.publishedAt === null);
    if (drafts.length !== 1) {
      err('draft-count', `Course "${c.name}" (${c.id}) has ${drafts.length} Draft Versions; exactly one is required.`);
    } else if (versions.some((v) => v !== drafts[0] && v.createdAt > drafts[0].createdAt)) {
      err('draft-not-latest', `The Draft Version of course "${c.name}" is not its latest version.`);
    }
  }
  for (const { versionId, courseId, file, doc } of contents) {
    const sectionIds = new Set<string>();
    const lessonIds = new Set<string>();
    const videoIds = new Set<string>();
    for (const s of doc.sections) {
      dup(s.id, 'section', file);
      sectionIds.add(s.id);
      if (s.versionId !== versionId) err('dangling-reference', `Section ${s.id} names version ${s.versionId} but is stored in version ${versionId}.`, file);
      if ((s.fsStatus === 'real') !== (s.path !== null)) err('invalid-fs-status', `Section ${s.id} is ${s.fsStatus} but its path is ${JSON.stringify(s.path)}.`, file);
    }
    for (const l of doc.lessons) {
      dup(l.id, 'lesson', file);
      lessonIds.add(l.id);
      if (!sectionIds.has(l.sectionId)) err('dangling-reference', `Lesson ${l.id} belongs to the missing section ${l.sectionId}.`, file);
      if ((l.fsStatus === 'real') !== (l.path !== null)) err('invalid-fs-status', `Lesson ${l.id} is ${l.fsStatus} but its path is ${JSON.stringify(l.path)}.`, file);
    }
    for (const v of doc.videos) {
      dup(v.id, 'video', file);
      videoIds.add(v.id);
      if (v.courseId !== courseId) err('dangling-reference', `Video ${v.id} names course ${v.courseId} but is stored with course ${courseId}.`, file);
      if (v.lessonId !== null && !lessonIds.has(v.lessonId)) err('dangling-reference', `Video ${v.id} belongs to the missing lesson ${v.lessonId}.`, file);
    }
    for (const c of doc.clips) {
      dup(c.id, 'clip', file);
      if (!videoIds.has(c.videoId)) err('dangling-reference', `Clip ${c.id} belongs to the missing video ${c.videoId}.`, file);
    }
    for (const c of doc.clipSections) {
      dup(c.id, 'clip section', file);
      if (!videoIds.has(c.videoId)) err('dangling-reference', `Clip section ${c.id} belongs to the missing video ${c.videoId}.`, file);
    }
  }
  return findings;
}
