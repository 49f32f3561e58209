// Freezing the Draft into a Published Version and cloning a new Draft (the store side of Publish).
import { DomainError } from '../errors';
import type { CourseVersion } from '../model';
import { validateName } from '../names';
import { VersionContent } from '../store/content';
import { courseShardKeys, frozenVersionFileName } from '../store/layout';
import { emptyContent } from '../store/schema';
import type { Tx } from '../store/tx';

export const MAX_DESCRIPTION_LENGTH = 20_000;

/**
 * Freezes the course's Draft Version as a Published Version named `name`, writes its content once to its
 * own immutable file (at commit), and makes a new Draft whose rows link to the published ones.
 */
export function publishDraft(tx: Tx, args: { courseId: string; name: string; description: string }): { published: CourseVersion; draft: CourseVersion } {
  const name = validateName(args.name, 'Version');
  if (typeof args.description !== 'string' || args.description.length > MAX_DESCRIPTION_LENGTH) {
    throw new DomainError('invalid-argument', `A version description must be text of at most ${MAX_DESCRIPTION_LENGTH} characters.`);
  }
  const old = tx.draft(args.courseId);
  const entry = tx.replica.draftVersionOf(args.courseId);
  if (!entry || entry.id !== old.versionId) throw new DomainError('conflict', `The Draft Version of course ${args.courseId} is inconsistent; run \`cvm verify\`.`);
  const publishedAt = tx.now();
  const published = tx.versions.update(entry.id, { name, description: args.description, publishedAt, file: frozenVersionFileName(entry.id, tx.replica.schemaVersion) });
  // The new Draft is created a millisecond later so that it is strictly the latest by createdAt.
  const draftCreatedAt = new Date(Date.parse(publishedAt) + 1).toISOString();
  const draft = tx.versions.insert({ id: tx.newId(), courseId: args.courseId, name: null, description: null, createdAt: draftCreatedAt, publishedAt: null, file: null });

  const frozen = new VersionContent(args.courseId, entry.id, old.toDoc(), true);
  const next = new VersionContent(args.courseId, draft.id, emptyContent(), false);
  cloneInto(tx, old, next);
  tx.custom(
    () => {
      tx.replica.drafts.set(args.courseId, next);
      tx.replica.published.set(entry.id, frozen);
      tx.frozen.set(entry.id, frozen);
    },
    () => {
      tx.replica.drafts.set(args.courseId, old);
      tx.replica.published.delete(entry.id);
      tx.frozen.delete(entry.id);
    },
    courseShardKeys(args.courseId),
  );
  return { published, draft };
}

/** Copies every row of `from` into the empty `to` with new ids, linking sections and lessons to their previous versions. */
function cloneInto(tx: Tx, from: VersionContent, to: VersionContent): void {
  const ids = new Map<string, string>();
  const map = (id: string): string => {
    let n = ids.get(id);
    if (!n) ids.set(id, (n = tx.newId()));
    return n;
  };
  const undo = to.sections.undo;
  for (const t of to.tables()) t.undo = tx.undo; // `to` is not reachable until commit; undo is discarded with it
  for (const s of from.sections.all()) to.sections.insert({ ...s, id: map(s.id), versionId: to.versionId, previousVersionSectionId: s.id });
  for (const l of from.lessons.all()) to.lessons.insert({ ...l, id: map(l.id), sectionId: map(l.sectionId), previousVersionLessonId: l.id });
  for (const v of from.videos.all()) to.videos.insert({ ...v, id: map(v.id), lessonId: v.lessonId === null ? null : map(v.lessonId) });
  for (const c of from.clips.all()) to.clips.insert({ ...c, id: map(c.id), videoId: map(c.videoId) });
  for (const c of from.clipSections.all()) to.clipSections.insert({ ...c, id: map(c.id), videoId: map(c.videoId) });
  for (const t of to.tables()) t.undo = undo;
}
