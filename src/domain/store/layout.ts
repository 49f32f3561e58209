import * as path from 'node:path';
import type { Course, CourseVersion, Plan, PlanLesson, PlanSection, Section, Lesson, Video, Clip, ClipSection } from '../model';

/** Current on-disk schema version of the course database. */
export const SCHEMA_VERSION = 1;

export const MANIFEST_FILE = 'store.json';
export const LOCK_FILE = 'store.lock';
export const DRAFTS_DIR = 'drafts';
export const VERSIONS_DIR = 'versions';
export const PAYLOADS_DIR = 'payloads';
export const BACKUPS_DIR = 'backups';

/**
 * Key of a mutable shard: a course Draft's structure (`course:<id>`), one of its clip buckets
 * (`course:<id>:b<NN>`: the clips and ClipSections of the videos that hash to that bucket), or the plans.
 */
export type ShardKey = `course:${string}` | 'plans';

/** Clips of a Draft are spread over this many files, so one clip change rewrites a small file. */
export const CLIP_BUCKETS = 8;

export interface VersionEntry extends CourseVersion {
  /** File of a Published Version's frozen content, relative to the database folder; null on the Draft. */
  file: string | null;
}

/** The manifest: small, read on every commit; replacing it atomically is the commit point of every write. */
export interface ManifestDoc {
  kind: 'cvm-store';
  schemaVersion: number;
  /** Changes when the database is recreated (restore, import that replaces it): replicas then reload from scratch. */
  epoch: string;
  revision: number;
  updatedAt: string;
  courses: Course[];
  versions: VersionEntry[];
  /** Mutable shard files by key, relative to the database folder. */
  shards: Record<string, string>;
}

/** The content of one CourseVersion (sections down to clips). Draft shards and frozen versions share it. */
export interface VersionContentDoc {
  sections: Section[];
  lessons: Lesson[];
  videos: Video[];
  clips: Clip[];
  clipSections: ClipSection[];
}

/** A Draft's structure file; its clips live in CLIP_BUCKETS ClipBucketDocs. */
export interface DraftDoc extends Pick<VersionContentDoc, 'sections' | 'lessons' | 'videos'> {
  kind: 'cvm-draft';
  schemaVersion: number;
  courseId: string;
  versionId: string;
  clipBuckets: number;
}

export interface ClipBucketDoc extends Pick<VersionContentDoc, 'clips' | 'clipSections'> {
  kind: 'cvm-clips';
  schemaVersion: number;
  courseId: string;
  bucket: number;
}

export interface FrozenVersionDoc extends VersionContentDoc {
  kind: 'cvm-published-version';
  schemaVersion: number;
  courseId: string;
  versionId: string;
}

export interface PlansDoc {
  kind: 'cvm-plans';
  schemaVersion: number;
  plans: Plan[];
  planSections: PlanSection[];
  planLessons: PlanLesson[];
}

export function courseShardKey(courseId: string): ShardKey {
  return `course:${courseId}`;
}

/** Every shard key of a course's Draft: its structure and all its clip buckets. */
export function courseShardKeys(courseId: string): ShardKey[] {
  return [courseShardKey(courseId), ...Array.from({ length: CLIP_BUCKETS }, (_, b) => bucketShardKey(courseId, b))];
}

export function bucketShardKey(courseId: string, bucket: number): ShardKey {
  return `course:${courseId}:b${String(bucket).padStart(2, '0')}`;
}

/** The course and (for a clip bucket) the bucket number of a shard key; null for the plans. */
export function parseShardKey(key: string): { courseId: string; bucket: number | null } | null {
  const m = /^course:([^:]+)(?::b(\d+))?$/.exec(key);
  return m ? { courseId: m[1], bucket: m[2] === undefined ? null : Number(m[2]) } : null;
}

/** Which clip bucket a video's clips live in (FNV-1a of its id). */
export function bucketOf(videoId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < videoId.length; i++) h = Math.imul(h ^ videoId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % CLIP_BUCKETS;
}

export function shardFileName(key: ShardKey, revision: number): string {
  if (key === 'plans') return `plans.r${revision}.json`;
  const parsed = parseShardKey(key)!;
  const bucket = parsed.bucket === null ? '' : `.b${String(parsed.bucket).padStart(2, '0')}`;
  return path.posix.join(DRAFTS_DIR, `${parsed.courseId}${bucket}.r${revision}.json`);
}

export function frozenVersionFileName(versionId: string, schemaVersion: number): string {
  return path.posix.join(VERSIONS_DIR, schemaVersion === 1 ? `${versionId}.json` : `${versionId}.s${schemaVersion}.json`);
}

export function emptyManifest(epoch: string): ManifestDoc {
  return { kind: 'cvm-store', schemaVersion: SCHEMA_VERSION, epoch, revision: 0, updatedAt: new Date().toISOString(), courses: [], versions: [], shards: {} };
}
