// Reading and writing the database folder's files (no caching here: see Store).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Low } from 'lowdb';
import { StoreCorruptError } from '../errors';
import { AtomicJsonFile, TEMP_SUFFIX } from './atomicFile';
import { BACKUPS_DIR, DRAFTS_DIR, LOCK_FILE, MANIFEST_FILE, PAYLOADS_DIR, VERSIONS_DIR, type ManifestDoc } from './layout';
import { SchemaError } from './schema';

export class MissingFileError extends Error {
  constructor(readonly file: string) {
    super(`missing file ${file}`);
  }
}

/** Reads and validates one JSON document through lowdb; a parse or schema failure becomes StoreCorruptError. */
export async function readDoc<T>(dir: string, rel: string, validate: (doc: unknown) => T): Promise<T> {
  const file = path.join(dir, rel);
  const db = new Low<unknown>(new AtomicJsonFile<unknown>(file), null);
  try {
    await db.read();
  } catch (e) {
    if (e instanceof SyntaxError) throw new StoreCorruptError(file, `invalid JSON: ${e.message}`, listBackups(dir));
    throw e;
  }
  if (db.data === null) throw new MissingFileError(file);
  try {
    return validate(db.data);
  } catch (e) {
    if (e instanceof SchemaError) throw new StoreCorruptError(file, e.message, listBackups(dir));
    throw e;
  }
}

export async function writeDoc(dir: string, rel: string, doc: unknown): Promise<void> {
  const file = path.join(dir, rel);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const db = new Low<unknown>(new AtomicJsonFile<unknown>(file), doc);
  await db.write();
}

export function listBackups(dir: string): string[] {
  try {
    return fs
      .readdirSync(path.join(dir, BACKUPS_DIR))
      .sort()
      .reverse()
      .map((b) => path.join(dir, BACKUPS_DIR, b));
  } catch {
    return [];
  }
}

/** Copies the database files (not backups, not the lock) into a new backup folder; returns its path. */
export async function backupDatabase(dir: string, label: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, BACKUPS_DIR, `${stamp}-${label}`);
  await fs.promises.mkdir(target, { recursive: true });
  for (const entry of await fs.promises.readdir(dir)) {
    if (entry === BACKUPS_DIR || entry === LOCK_FILE || entry.endsWith(TEMP_SUFFIX)) continue;
    await fs.promises.cp(path.join(dir, entry), path.join(target, entry), { recursive: true });
  }
  return target;
}

/** Database files in `dir` that the manifest does not reference (left by a crash before a commit). Call under the lock. */
export function unreferencedFiles(dir: string, manifest: ManifestDoc): string[] {
  const referenced = new Set<string>([...Object.values(manifest.shards), ...manifest.versions.map((v) => v.file).filter((f): f is string => !!f)]);
  const out: string[] = [];
  const consider = (rel: string) => {
    if (rel.endsWith(TEMP_SUFFIX) || !referenced.has(rel)) out.push(rel);
  };
  for (const sub of [DRAFTS_DIR, VERSIONS_DIR]) {
    let names: string[] = [];
    try {
      names = fs.readdirSync(path.join(dir, sub));
    } catch {
      /* folder not created yet */
    }
    for (const n of names) consider(`${sub}/${n}`);
  }
  for (const n of fs.readdirSync(dir)) {
    if (/^plans\.r\d+\.json$/.test(n) || (n.endsWith(TEMP_SUFFIX) && n !== MANIFEST_FILE)) consider(n);
  }
  try {
    for (const n of fs.readdirSync(path.join(dir, PAYLOADS_DIR))) if (n.endsWith(TEMP_SUFFIX)) out.push(`${PAYLOADS_DIR}/${n}`);
  } catch {
    /* no payloads yet */
  }
  return out;
}
