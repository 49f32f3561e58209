// Schema validation of the database files. Hand-written and allocation-free so a cold open stays close to JSON.parse.
import type { ClipBucketDoc, DraftDoc, FrozenVersionDoc, ManifestDoc, PlansDoc, VersionContentDoc } from './layout';

type FieldType = 'string' | 'string?' | 'number' | 'boolean' | readonly string[] | readonly (string | null)[];
type RowSpec = Record<string, FieldType>;

const COURSE: RowSpec = { id: 'string', name: 'string', repoPath: 'string?', archived: 'boolean', createdAt: 'string' };
const VERSION: RowSpec = {
  id: 'string', courseId: 'string', name: 'string?', description: 'string?', createdAt: 'string', publishedAt: 'string?', file: 'string?',
};
const SECTION: RowSpec = {
  id: 'string', versionId: 'string', path: 'string?', title: 'string', fsStatus: ['real', 'ghost'], order: 'string',
  archivedAt: 'string?', previousVersionSectionId: 'string?',
};
const LESSON: RowSpec = {
  id: 'string', sectionId: 'string', path: 'string?', title: 'string', fsStatus: ['real', 'ghost'], order: 'string', archived: 'boolean',
  previousVersionLessonId: 'string?', description: 'string', priority: ['P1', 'P2', 'P3'], status: ['todo', 'done'],
};
const VIDEO: RowSpec = { id: 'string', lessonId: 'string?', courseId: 'string', name: 'string', archived: 'boolean', createdAt: 'string', updatedAt: 'string' };
const CLIP: RowSpec = {
  id: 'string', videoId: 'string', kind: ['footage', 'effect'], sourceFile: 'string?', start: 'number', end: 'number', order: 'string',
  archived: 'boolean', text: 'string', textRef: 'string?', transcribedAt: 'string?', effect: ['white-noise', 'transition', null],
};
const CLIP_SECTION: RowSpec = { id: 'string', videoId: 'string', name: 'string', order: 'string', archived: 'boolean' };
const PLAN: RowSpec = { id: 'string', name: 'string', archived: 'boolean', createdAt: 'string' };
const PLAN_SECTION: RowSpec = { id: 'string', planId: 'string', title: 'string', order: 'string' };
const PLAN_LESSON: RowSpec = { id: 'string', planSectionId: 'string', title: 'string', description: 'string', order: 'string' };

export class SchemaError extends Error {}

function checkField(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'string?':
      return value === null || typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return (type as readonly unknown[]).includes(value);
  }
}

function checkRows(doc: Record<string, unknown>, key: string, spec: RowSpec): void {
  const rows = doc[key];
  if (!Array.isArray(rows)) throw new SchemaError(`"${key}" must be a list`);
  const fields = Object.keys(spec);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Record<string, unknown>;
    if (typeof row !== 'object' || row === null) throw new SchemaError(`${key}[${i}] must be an object`);
    for (const f of fields) {
      if (!checkField(row[f], spec[f])) {
        throw new SchemaError(`${key}[${i}]${typeof row.id === 'string' ? ` (id ${row.id})` : ''}: field "${f}" has an invalid value ${JSON.stringify(row[f])}`);
      }
    }
  }
}

function checkHeader(doc: unknown, kind: string, schemaVersion?: number): Record<string, unknown> {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new SchemaError('not a JSON object');
  const d = doc as Record<string, unknown>;
  if (d.kind !== kind) throw new SchemaError(`"kind" is ${JSON.stringify(d.kind)}, expected "${kind}"`);
  if (typeof d.schemaVersion !== 'number') throw new SchemaError('"schemaVersion" is missing');
  if (schemaVersion !== undefined && d.schemaVersion !== schemaVersion)
    throw new SchemaError(`schema version ${d.schemaVersion} does not match the database's ${schemaVersion}`);
  return d;
}

/** Validates the manifest's header only (schema version may be older: migrations handle that). */
export function checkManifestHeader(doc: unknown): ManifestDoc {
  const d = checkHeader(doc, 'cvm-store');
  if (typeof d.epoch !== 'string') throw new SchemaError('"epoch" is missing');
  if (typeof d.revision !== 'number') throw new SchemaError('"revision" is missing');
  return d as unknown as ManifestDoc;
}

export function validateManifest(doc: unknown, schemaVersion: number): ManifestDoc {
  const d = checkManifestHeader(doc) as unknown as Record<string, unknown>;
  if (d.schemaVersion !== schemaVersion) throw new SchemaError(`schema version ${String(d.schemaVersion)}, expected ${schemaVersion}`);
  checkRows(d, 'courses', COURSE);
  checkRows(d, 'versions', VERSION);
  if (typeof d.shards !== 'object' || d.shards === null) throw new SchemaError('"shards" must be an object');
  for (const [k, v] of Object.entries(d.shards)) if (typeof v !== 'string') throw new SchemaError(`shard "${k}" must name a file`);
  return d as unknown as ManifestDoc;
}

function validateContent(d: Record<string, unknown>): void {
  checkRows(d, 'sections', SECTION);
  checkRows(d, 'lessons', LESSON);
  checkRows(d, 'videos', VIDEO);
  checkRows(d, 'clips', CLIP);
  checkRows(d, 'clipSections', CLIP_SECTION);
}

export function validateDraft(doc: unknown, schemaVersion: number): DraftDoc {
  const d = checkHeader(doc, 'cvm-draft', schemaVersion);
  if (typeof d.courseId !== 'string' || typeof d.versionId !== 'string') throw new SchemaError('"courseId" and "versionId" are required');
  if (typeof d.clipBuckets !== 'number') throw new SchemaError('"clipBuckets" is required');
  checkRows(d, 'sections', SECTION);
  checkRows(d, 'lessons', LESSON);
  checkRows(d, 'videos', VIDEO);
  return d as unknown as DraftDoc;
}

export function validateClipBucket(doc: unknown, schemaVersion: number): ClipBucketDoc {
  const d = checkHeader(doc, 'cvm-clips', schemaVersion);
  if (typeof d.courseId !== 'string' || typeof d.bucket !== 'number') throw new SchemaError('"courseId" and "bucket" are required');
  checkRows(d, 'clips', CLIP);
  checkRows(d, 'clipSections', CLIP_SECTION);
  return d as unknown as ClipBucketDoc;
}

export function validateFrozen(doc: unknown, schemaVersion: number): FrozenVersionDoc {
  const d = checkHeader(doc, 'cvm-published-version', schemaVersion);
  if (typeof d.courseId !== 'string' || typeof d.versionId !== 'string') throw new SchemaError('"courseId" and "versionId" are required');
  validateContent(d);
  return d as unknown as FrozenVersionDoc;
}

export function validatePlans(doc: unknown, schemaVersion: number): PlansDoc {
  const d = checkHeader(doc, 'cvm-plans', schemaVersion);
  checkRows(d, 'plans', PLAN);
  checkRows(d, 'planSections', PLAN_SECTION);
  checkRows(d, 'planLessons', PLAN_LESSON);
  return d as unknown as PlansDoc;
}

export function emptyContent(): VersionContentDoc {
  return { sections: [], lessons: [], videos: [], clips: [], clipSections: [] };
}
