// Videos and their timelines: Clips (footage and Effect Clips) and ClipSections in one shared order space.
import { DomainError } from '../errors';
import type { Clip, ClipSection, EffectType, Video } from '../model';
import { validateName } from '../names';
import { keyForPosition, type Position } from '../ordering';
import type { VersionContent } from '../store/content';
import type { Tx } from '../store/tx';
import { removeVideo } from './structureOps';

/** Transcripts longer than this many characters go to a payload file. */
export const INLINE_TEXT_LIMIT = 512;
export const MAX_TEXT_LENGTH = 1_000_000;

export function addVideo(tx: Tx, args: { courseId?: string; lessonId?: string | null; name: string }): Video {
  const name = validateName(args.name, 'Video');
  let content: VersionContent;
  if (args.lessonId) {
    content = tx.find('lessons', args.lessonId).content;
  } else {
    if (!args.courseId) throw new DomainError('invalid-argument', 'A Standalone Video needs a courseId.');
    content = tx.draft(args.courseId);
  }
  return content.videos.insert({
    id: tx.newId(), lessonId: args.lessonId ?? null, courseId: content.courseId, name, archived: false, createdAt: tx.now(), updatedAt: tx.now(),
  });
}

export function renameVideo(tx: Tx, args: { videoId: string; name: string }): Video {
  const { content } = tx.find('videos', args.videoId);
  return content.videos.update(args.videoId, { name: validateName(args.name, 'Video'), updatedAt: tx.now() });
}

export function setVideoArchived(tx: Tx, args: { videoId: string; archived: boolean }): Video {
  const { content } = tx.find('videos', args.videoId);
  return content.videos.update(args.videoId, { archived: args.archived, updatedAt: tx.now() });
}

export function deleteVideo(tx: Tx, args: { videoId: string }): void {
  const { content } = tx.find('videos', args.videoId);
  removeVideo(content, args.videoId);
}

function timelineKey(content: VersionContent, videoId: string, position: Position | undefined, excludeId?: string): string {
  const siblings = [...content.clips.childrenOf(videoId), ...content.clipSections.childrenOf(videoId)].filter((x) => x.id !== excludeId);
  const { key, rebalanced } = keyForPosition(siblings, position, 'timeline item');
  if (rebalanced) {
    for (const [id, order] of rebalanced) {
      if (content.clips.has(id)) content.clips.update(id, { order });
      else content.clipSections.update(id, { order });
    }
  }
  return key;
}

function touch(content: VersionContent, videoId: string, now: string): void {
  content.videos.update(videoId, { updatedAt: now });
}

function checkRange(start: number, end: number): void {
  if (!Number.isFinite(start) || !Number.isFinite(end) || start < 0 || end <= start) {
    throw new DomainError('invalid-argument', `A clip needs 0 <= start < end (seconds); got start ${start}, end ${end}.`);
  }
}

export function addClip(tx: Tx, args: { videoId: string; sourceFile: string; start: number; end: number; position?: Position; text?: string }): Clip {
  const { content } = tx.find('videos', args.videoId);
  if (typeof args.sourceFile !== 'string' || !args.sourceFile || args.sourceFile.includes('\0')) {
    throw new DomainError('invalid-argument', 'A clip needs the path of its source footage file.');
  }
  checkRange(args.start, args.end);
  const clip = content.clips.insert({
    id: tx.newId(), videoId: args.videoId, kind: 'footage', sourceFile: args.sourceFile, start: args.start, end: args.end,
    order: timelineKey(content, args.videoId, args.position), archived: false, text: '', textRef: null, transcribedAt: null, effect: null,
  });
  touch(content, args.videoId, tx.now());
  return args.text ? setClipText(tx, { clipId: clip.id, text: args.text }) : clip;
}

export function addEffectClip(tx: Tx, args: { videoId: string; effect: EffectType; duration: number; position?: Position }): Clip {
  const { content } = tx.find('videos', args.videoId);
  if (args.effect !== 'white-noise' && args.effect !== 'transition') {
    throw new DomainError('invalid-argument', `An Effect Clip is "white-noise" or "transition", not ${JSON.stringify(args.effect)}.`);
  }
  checkRange(0, args.duration);
  const clip = content.clips.insert({
    id: tx.newId(), videoId: args.videoId, kind: 'effect', sourceFile: null, start: 0, end: args.duration,
    order: timelineKey(content, args.videoId, args.position), archived: false, text: '', textRef: null, transcribedAt: null, effect: args.effect,
  });
  touch(content, args.videoId, tx.now());
  return clip;
}

export function updateClip(tx: Tx, args: { clipId: string; start?: number; end?: number }): Clip {
  const { content, row } = tx.find('clips', args.clipId);
  const start = args.start ?? row.start;
  const end = args.end ?? row.end;
  checkRange(start, end);
  touch(content, row.videoId, tx.now());
  return content.clips.update(row.id, { start, end });
}

/** Sets a clip's transcript; long text goes to a content-addressed payload file. */
export function setClipText(tx: Tx, args: { clipId: string; text: string; transcribedAt?: string | null }): Clip {
  const { content } = tx.find('clips', args.clipId);
  if (typeof args.text !== 'string' || args.text.length > MAX_TEXT_LENGTH) {
    throw new DomainError('invalid-argument', `A transcript must be text of at most ${MAX_TEXT_LENGTH} characters.`);
  }
  const long = args.text.length > INLINE_TEXT_LIMIT;
  return content.clips.update(args.clipId, {
    text: long ? '' : args.text,
    textRef: long ? tx.putPayload(args.text) : null,
    transcribedAt: args.transcribedAt === undefined ? tx.now() : args.transcribedAt,
  });
}

export function setClipArchived(tx: Tx, args: { clipId: string; archived: boolean }): Clip {
  const { content, row } = tx.find('clips', args.clipId);
  touch(content, row.videoId, tx.now());
  return content.clips.update(args.clipId, { archived: args.archived });
}

export function deleteClip(tx: Tx, args: { clipId: string }): Clip {
  const { content, row } = tx.find('clips', args.clipId);
  touch(content, row.videoId, tx.now());
  return content.clips.remove(args.clipId);
}

export function addClipSection(tx: Tx, args: { videoId: string; name: string; position?: Position }): ClipSection {
  const name = validateName(args.name, 'Clip section');
  const { content } = tx.find('videos', args.videoId);
  const order = timelineKey(content, args.videoId, args.position);
  touch(content, args.videoId, tx.now());
  return content.clipSections.insert({ id: tx.newId(), videoId: args.videoId, name, order, archived: false });
}

export function renameClipSection(tx: Tx, args: { clipSectionId: string; name: string }): ClipSection {
  const { content } = tx.find('clipSections', args.clipSectionId);
  return content.clipSections.update(args.clipSectionId, { name: validateName(args.name, 'Clip section') });
}

export function setClipSectionArchived(tx: Tx, args: { clipSectionId: string; archived: boolean }): ClipSection {
  const { content } = tx.find('clipSections', args.clipSectionId);
  return content.clipSections.update(args.clipSectionId, { archived: args.archived });
}

/** Moves a Clip or ClipSection within its video's shared order space. */
export function moveTimelineItem(tx: Tx, args: { itemId: string; position: Position }): void {
  const located = tx.replica.locate('clips', args.itemId) ? tx.find('clips', args.itemId) : tx.find('clipSections', args.itemId);
  const { content, row } = located;
  const order = timelineKey(content, row.videoId, args.position, row.id);
  if (content.clips.has(row.id)) content.clips.update(row.id, { order });
  else content.clipSections.update(row.id, { order });
  touch(content, row.videoId, tx.now());
}
