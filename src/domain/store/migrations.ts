// Staged schema migrations (seed 003): backup first, stages in dependency order with progress, validation of
// every reference afterwards, and nothing written unless the whole run succeeded.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DomainError, errorMessage } from '../errors';
import { backupDatabase, readDoc, writeDoc } from './disk';
import { checkReferences, type ContentRef } from './integrity';
import { frozenVersionFileName, MANIFEST_FILE, parseShardKey, shardFileName, type ManifestDoc, type ShardKey, type VersionContentDoc } from './layout';
import { checkManifestHeader } from './schema';

export const STAGES = ['courses', 'versions', 'sections', 'lessons', 'videos', 'clips'] as const;
export type StageName = (typeof STAGES)[number];

/** Every database document as plain JSON, keyed by shard key / version id. */
export interface RawDatabase {
  manifest: ManifestDoc & Record<string, unknown>;
  shards: Map<string, Record<string, unknown>>;
  frozen: Map<string, Record<string, unknown>>;
}

export type RawRow = Record<string, unknown> & { id: string };

export interface Migration {
  from: number;
  to: number;
  description: string;
  /** Called for each row of the stage's kind, in dependency order; mutate the row (or `db`) in place. */
  stages: Partial<Record<StageName, (row: RawRow, db: RawDatabase) => void>>;
  /** Called once after the stages, for changes to document headers. */
  finish?: (db: RawDatabase) => void;
}

export interface MigrationProgress {
  migration: string;
  stage: StageName;
  total: number;
  done: number;
  failed: number;
  current: string | null;
}

export interface FailedItem {
  stage: StageName;
  id: string;
  error: string;
}

export class MigrationError extends DomainError {
  constructor(
    message: string,
    readonly failed: FailedItem[],
    readonly backup: string,
  ) {
    super('migration-failed', message);
  }
}

/** Built-in migrations, oldest first. Schema 1 is the first released layout, so there are none yet. */
export const BUILT_IN_MIGRATIONS: Migration[] = [];

function contentDocs(db: RawDatabase): Record<string, unknown>[] {
  return [...db.shards.entries()].filter(([k]) => k.startsWith('course:')).map(([, d]) => d).concat([...db.frozen.values()]);
}

function rowsOf(db: RawDatabase, stage: StageName): RawRow[] {
  if (stage === 'courses') return db.manifest.courses as unknown as RawRow[];
  if (stage === 'versions') return db.manifest.versions as unknown as RawRow[];
  const keys = stage === 'clips' ? ['clips', 'clipSections'] : [stage];
  return contentDocs(db).flatMap((d) => keys.flatMap((k) => (d[k] as RawRow[]) ?? []));
}

/** Each course Draft's structure and clip buckets merged into one content document. */
export function draftContents(db: Pick<RawDatabase, 'shards'>): ContentRef[] {
  const byCourse = new Map<string, ContentRef>();
  for (const [key, d] of db.shards) {
    const parsed = parseShardKey(key);
    if (!parsed) continue;
    let ref = byCourse.get(parsed.courseId);
    if (!ref) {
      ref = { versionId: '', courseId: parsed.courseId, file: key, doc: { sections: [], lessons: [], videos: [], clips: [], clipSections: [] } };
      byCourse.set(parsed.courseId, ref);
    }
    if (parsed.bucket === null) ref.versionId = d.versionId as string;
    for (const k of ['sections', 'lessons', 'videos', 'clips', 'clipSections'] as const) {
      const rows = d[k] as never[] | undefined;
      if (rows) ref.doc[k].push(...rows);
    }
  }
  return [...byCourse.values()];
}

async function loadRaw(dir: string, manifest: ManifestDoc): Promise<RawDatabase> {
  const asRecord = (d: unknown) => d as Record<string, unknown>;
  const shards = new Map<string, Record<string, unknown>>();
  for (const [key, rel] of Object.entries(manifest.shards)) shards.set(key, await readDoc(dir, rel, asRecord));
  const frozen = new Map<string, Record<string, unknown>>();
  for (const v of manifest.versions) if (v.file) frozen.set(v.id, await readDoc(dir, v.file, asRecord));
  return { manifest: manifest as RawDatabase['manifest'], shards, frozen };
}

/**
 * Brings the database in `dir` from its schema version to `target`. Call with the store lock held.
 * Returns the backup folder; throws MigrationError (with the failed items) after leaving every file as it was.
 */
export async function runMigrations(
  dir: string,
  manifest: ManifestDoc,
  target: number,
  migrations: Migration[],
  onProgress: (p: MigrationProgress) => void = () => undefined,
): Promise<string> {
  const chain: Migration[] = [];
  for (let v = manifest.schemaVersion; v < target; ) {
    const m = migrations.find((x) => x.from === v);
    if (!m) throw new DomainError('migration-failed', `No migration from schema ${v} towards ${target} is known; update the extension.`);
    chain.push(m);
    v = m.to;
  }
  const backup = await backupDatabase(dir, `schema${manifest.schemaVersion}`);
  const db = await loadRaw(dir, structuredClone(manifest));
  for (const m of chain) {
    const failed: FailedItem[] = [];
    for (const stage of STAGES) {
      const fn = m.stages[stage];
      if (!fn) continue;
      const rows = rowsOf(db, stage);
      const progress: MigrationProgress = { migration: m.description, stage, total: rows.length, done: 0, failed: 0, current: null };
      for (const row of rows) {
        progress.current = row.id;
        try {
          fn(row, db);
          progress.done++;
        } catch (e) {
          progress.failed++;
          failed.push({ stage, id: row.id, error: errorMessage(e) });
        }
        if ((progress.done + progress.failed) % 1000 === 0 || progress.done + progress.failed === rows.length) onProgress({ ...progress });
      }
      if (failed.length) break; // later stages depend on this one
    }
    if (failed.length) {
      throw new MigrationError(
        `Migration "${m.description}" failed for ${failed.length} item(s) (first: ${failed[0].stage} ${failed[0].id}: ${failed[0].error}). ` +
          `Nothing was changed; a backup is in ${backup}.`,
        failed,
        backup,
      );
    }
    m.finish?.(db);
    db.manifest.schemaVersion = m.to;
    for (const d of [...db.shards.values(), ...db.frozen.values()]) d.schemaVersion = m.to;
  }
  const contents = draftContents(db).concat(
    [...db.frozen.entries()].map(([id, d]) => ({ versionId: id, courseId: d.courseId as string, file: id, doc: d as unknown as VersionContentDoc })),
  );
  const problems = checkReferences(db.manifest, contents).filter((f) => f.severity === 'error');
  if (problems.length) {
    throw new MigrationError(
      `The migrated database failed validation (${problems.length} problem(s); first: ${problems[0].message}). Nothing was changed; a backup is in ${backup}.`,
      problems.map((p) => ({ stage: 'courses', id: p.code, error: p.message })),
      backup,
    );
  }
  // Write everything under new names, then the manifest (the commit point), then remove the old files.
  const revision = manifest.revision + 1;
  const old = [...Object.values(manifest.shards), ...manifest.versions.map((v) => v.file).filter((f): f is string => !!f)];
  for (const [key, doc] of db.shards) {
    const rel = shardFileName(key as ShardKey, revision);
    await writeDoc(dir, rel, doc);
    db.manifest.shards[key] = rel;
  }
  for (const v of db.manifest.versions) {
    if (!v.file) continue;
    v.file = frozenVersionFileName(v.id, db.manifest.schemaVersion);
    await writeDoc(dir, v.file, db.frozen.get(v.id));
  }
  db.manifest.revision = revision;
  await writeDoc(dir, MANIFEST_FILE, db.manifest);
  const kept = new Set([...Object.values(db.manifest.shards), ...db.manifest.versions.map((v) => v.file)]);
  for (const rel of old) if (!kept.has(rel)) await fs.promises.rm(path.join(dir, rel), { force: true });
  return backup;
}

export { checkManifestHeader };
