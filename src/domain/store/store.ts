import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DomainError, errorMessage, StoreCorruptError } from '../errors';
import type { Clip, Course } from '../model';
import { operations, type OpArgs, type OpName, type OpResult } from '../ops';
import { PlansContent, VersionContent } from './content';
import { MissingFileError, readDoc, unreferencedFiles, writeDoc, listBackups } from './disk';
import { writeFileAtomic } from './atomicFile';
import { Emitter, SerialQueue, type Disposable } from './events';
import {
  bucketOf, CLIP_BUCKETS, courseShardKey, courseShardKeys, emptyManifest, LOCK_FILE, MANIFEST_FILE, parseShardKey, SCHEMA_VERSION, shardFileName,
  type ClipBucketDoc, type DraftDoc, type FrozenVersionDoc, type ManifestDoc, type PlansDoc, type ShardKey, type VersionEntry,
} from './layout';
import { FileLock } from './lock';
import { BUILT_IN_MIGRATIONS, runMigrations, type Migration, type MigrationProgress } from './migrations';
import { PayloadStore } from './payloads';
import { Replica } from './replica';
import { checkManifestHeader, validateClipBucket, validateDraft, validateFrozen, validateManifest, validatePlans } from './schema';
import { Tx, type OpRecord } from './tx';

const RETRY_DELAY_MS = 2_000;

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

export interface StoreStatus {
  state: SaveState;
  /** Revision of the database on disk that this replica has read or written last. */
  revision: number;
  /** Mutations applied in memory and not yet persisted. */
  pending: number;
  error?: string;
}

export interface StoreChange {
  revision: number;
  /** `local`: a mutation in this process; `external`: another process or window wrote; `reload`: the database was recreated. */
  origin: 'local' | 'external' | 'reload';
  /** Courses whose content changed; empty when only the course list or versions changed. */
  courseIds: string[];
}

export interface RejectedChange {
  op: string;
  error: string;
}

export interface StoreOptions {
  /** The database folder. */
  dir: string;
  /** How long mutations may wait before the write queue flushes them (ms). Default 200. */
  flushDelayMs?: number;
  /** Wait this long at most for another process's lock (ms). */
  lockTimeoutMs?: number;
  migrations?: Migration[];
  /** Schema version to migrate to (tests); defaults to the current one. */
  schemaVersion?: number;
  onMigrationProgress?: (p: MigrationProgress) => void;
}

interface Pending {
  seq: number;
  records: OpRecord[];
  shards: Set<ShardKey>;
  frozen: Map<string, VersionContent>;
  payloads: Map<string, string>;
}

/** The mutation API handed to a `transaction` callback. */
export interface Mutator {
  mutate<K extends OpName>(name: K, args: OpArgs<K>): OpResult<K>;
}

/**
 * The course database: an in-memory replica of the files in one folder, changed only through named
 * operations, persisted by a write queue with atomic commits, and shared safely between processes.
 */
export class Store {
  private replica: Replica;
  private readonly lock: FileLock;
  private readonly payloadStore: PayloadStore;
  private readonly io = new SerialQueue();
  private pending: Pending[] = [];
  private seq = 0;
  private persistedSeq = 0;
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<boolean> | null = null;
  private statusValue: StoreStatus;
  private disposed = false;
  private watcher: fs.FSWatcher | undefined;
  /** Number of files written by commits (manifest, shards, frozen versions, payloads): for the benchmark. */
  fileWrites = 0;

  private readonly changeEmitter = new Emitter<StoreChange>();
  private readonly statusEmitter = new Emitter<StoreStatus>();
  private readonly rejectEmitter = new Emitter<RejectedChange>();
  readonly onDidChange = this.changeEmitter.event;
  readonly onDidChangeStatus = this.statusEmitter.event;
  /** A queued mutation could not be applied on top of another process's newer data and was dropped. */
  readonly onDidRejectChange = this.rejectEmitter.event;

  private constructor(
    readonly dir: string,
    manifest: ManifestDoc,
    private readonly options: StoreOptions,
  ) {
    this.replica = new Replica(manifest);
    this.lock = new FileLock(path.join(dir, LOCK_FILE));
    this.payloadStore = new PayloadStore(dir);
    this.statusValue = { state: 'saved', revision: manifest.revision, pending: 0 };
  }

  /**
   * Opens (or creates) the database in `options.dir`: validates the manifest, runs pending migrations (backup
   * first), removes files left by an interrupted commit. Course Drafts are loaded on demand (loadCourse).
   * A corrupt database is never overwritten: this throws StoreCorruptError naming the file and any backups.
   */
  static async open(options: StoreOptions): Promise<Store> {
    const dir = path.resolve(options.dir);
    const target = options.schemaVersion ?? SCHEMA_VERSION;
    await fs.promises.mkdir(dir, { recursive: true });
    const lock = new FileLock(path.join(dir, LOCK_FILE));
    await lock.acquire({ timeoutMs: options.lockTimeoutMs });
    let manifest: ManifestDoc;
    try {
      manifest = await Store.readOrCreateManifest(dir);
      if (manifest.schemaVersion > target) {
        throw new DomainError(
          'migration-failed',
          `The course database ${dir} has schema ${manifest.schemaVersion}, newer than this version understands (${target}). Update the extension and the cvm CLI.`,
        );
      }
      if (manifest.schemaVersion < target) {
        await runMigrations(dir, manifest, target, options.migrations ?? BUILT_IN_MIGRATIONS, options.onMigrationProgress);
        manifest = await readDoc(dir, MANIFEST_FILE, checkManifestHeader);
      }
      try {
        manifest = validateManifest(manifest, target);
      } catch (e) {
        throw new StoreCorruptError(path.join(dir, MANIFEST_FILE), errorMessage(e), listBackups(dir));
      }
      for (const rel of unreferencedFiles(dir, manifest)) await fs.promises.rm(path.join(dir, rel), { force: true });
    } finally {
      lock.release();
    }
    return new Store(dir, manifest, { ...options, dir });
  }

  /**
   * Replaces the database in `dir` with the backup in `backupDir` (made by a migration or `backupDatabase`).
   * The restored database gets a new epoch, so every open replica reloads it from scratch instead of merging.
   */
  static async restoreBackup(dir: string, backupDir: string, lockTimeoutMs?: number): Promise<void> {
    const backup = await readDoc(backupDir, MANIFEST_FILE, checkManifestHeader);
    const lock = new FileLock(path.join(dir, LOCK_FILE));
    await lock.acquire({ timeoutMs: lockTimeoutMs });
    try {
      const current = await readDoc(dir, MANIFEST_FILE, checkManifestHeader).catch(() => null);
      const revision = Math.max(backup.revision, current?.revision ?? 0) + 1;
      for (const entry of await fs.promises.readdir(backupDir)) {
        if (entry === MANIFEST_FILE) continue;
        await fs.promises.cp(path.join(backupDir, entry), path.join(dir, entry), { recursive: true, force: true });
      }
      await writeDoc(dir, MANIFEST_FILE, { ...backup, epoch: randomUUID(), revision, updatedAt: new Date().toISOString() });
      if (current) for (const rel of unreferencedFiles(dir, { ...backup, shards: backup.shards ?? {}, versions: backup.versions ?? [] })) {
        await fs.promises.rm(path.join(dir, rel), { force: true });
      }
    } finally {
      lock.release();
    }
  }

  private static async readOrCreateManifest(dir: string): Promise<ManifestDoc> {
    try {
      return await readDoc(dir, MANIFEST_FILE, checkManifestHeader);
    } catch (e) {
      if (!(e instanceof MissingFileError)) throw e;
    }
    const leftovers = fs.readdirSync(dir).filter((n) => n !== LOCK_FILE && !n.startsWith('.'));
    if (leftovers.length) {
      throw new StoreCorruptError(path.join(dir, MANIFEST_FILE), `the manifest is missing but the folder holds ${leftovers.join(', ')}`, listBackups(dir));
    }
    const manifest = emptyManifest(randomUUID());
    await writeDoc(dir, MANIFEST_FILE, manifest);
    return manifest;
  }

  // ---------------------------------------------------------------- reads

  get status(): StoreStatus {
    return { ...this.statusValue };
  }

  get epoch(): string {
    return this.replica.epoch;
  }

  get schemaVersion(): number {
    return this.replica.schemaVersion;
  }

  courses(): Course[] {
    return this.replica.courses.toArray().sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  }

  course(courseId: string): Course | undefined {
    return this.replica.courses.get(courseId);
  }

  /** The course whose CourseRepo is `repoPath` (the open workspace folder). */
  courseForRepo(repoPath: string): Course | undefined {
    const abs = path.resolve(repoPath);
    return this.replica.courses.toArray().find((c) => c.repoPath === abs);
  }

  /** A course's versions, oldest first; the Draft Version is last. */
  versions(courseId: string): VersionEntry[] {
    return this.replica.versionsOf(courseId);
  }

  draftVersion(courseId: string): VersionEntry | undefined {
    return this.replica.draftVersionOf(courseId);
  }

  /** The loaded Draft content of a course (read it, never change it: use mutate). */
  draft(courseId: string): VersionContent | undefined {
    return this.replica.drafts.get(courseId);
  }

  isLoaded(courseId: string): boolean {
    return this.replica.drafts.has(courseId);
  }

  /** Loads a course's Draft (once) and returns it. */
  async loadCourse(courseId: string): Promise<VersionContent> {
    const loaded = this.replica.drafts.get(courseId);
    if (loaded) return loaded;
    if (!this.replica.courses.has(courseId)) throw new DomainError('not-found', `No course with id ${courseId} exists.`);
    return this.io.run(() =>
      this.withFreshPointers(async () => {
        const existing = this.replica.drafts.get(courseId);
        if (existing) return existing;
        const content = await this.readDraft(courseId, this.replica.shards, this.replica.schemaVersion);
        this.replica.drafts.set(courseId, content);
        return content;
      }),
    );
  }

  /** Loads every course's Draft, the plans and every Published Version. */
  async loadAll(): Promise<void> {
    await this.loadPlans();
    for (const c of this.replica.courses.toArray()) {
      await this.loadCourse(c.id);
      for (const v of this.versions(c.id)) if (v.publishedAt) await this.loadVersion(v.id);
    }
  }

  async loadPlans(): Promise<PlansContent> {
    if (this.replica.plans) return this.replica.plans;
    return this.io.run(() =>
      this.withFreshPointers(async () => {
        if (!this.replica.plans) this.replica.plans = await this.readPlans(this.replica.shards.plans, this.replica.schemaVersion);
        return this.replica.plans;
      }),
    );
  }

  /** The content of any version: the Draft's live content, or a Published Version's frozen content. */
  async loadVersion(versionId: string): Promise<VersionContent> {
    const entry = this.replica.versions.get(versionId);
    if (!entry) throw new DomainError('not-found', `No course version with id ${versionId} exists.`);
    if (entry.publishedAt === null) return this.loadCourse(entry.courseId);
    const cached = this.replica.published.get(versionId);
    if (cached) return cached;
    const file = entry.file!;
    const doc = await readDoc<FrozenVersionDoc>(this.dir, file, (d) => validateFrozen(d, this.replica.schemaVersion));
    const content = new VersionContent(entry.courseId, versionId, doc, true);
    this.replica.published.set(versionId, content);
    return content;
  }

  async readPayload(hash: string): Promise<string> {
    return this.payloadStore.get(hash);
  }

  /** A clip's transcript, inline or from its payload file (a missing payload raises a clear DomainError). */
  async clipText(clip: Clip): Promise<string> {
    return clip.textRef ? this.payloadStore.get(clip.textRef) : clip.text;
  }

  // ---------------------------------------------------------------- writes

  /** Applies one operation to the replica (all or nothing) and queues it for the write queue. */
  mutate<K extends OpName>(name: K, args: OpArgs<K>): OpResult<K> {
    return this.transaction((m) => m.mutate(name, args));
  }

  /** Applies several operations as one unit: if any throws, none of them takes effect. */
  transaction<T>(fn: (m: Mutator) => T): T {
    if (this.disposed) throw new DomainError('invalid-argument', 'The course database has been closed.');
    const tx = new Tx(this.replica);
    const records: OpRecord[] = [];
    let result: T;
    try {
      result = fn({
        mutate: (name, args) => {
          const record: OpRecord = { name, args: structuredClone(args), ids: [], now: new Date().toISOString() };
          tx.use(record, false);
          const out = (operations[name] as (t: Tx, a: unknown) => unknown)(tx, args);
          records.push(record);
          return out as never;
        },
      });
    } catch (e) {
      tx.undo.rollback();
      throw e;
    } finally {
      tx.detach();
    }
    if (records.length === 0 || (tx.dirtyShards.size === 0 && !tx.manifestChanged)) return result;
    this.pending.push({ seq: ++this.seq, records, shards: new Set(tx.dirtyShards), frozen: tx.frozen, payloads: tx.payloads });
    this.setStatus({ state: 'dirty' });
    this.changeEmitter.fire({ revision: this.replica.revision, origin: 'local', courseIds: courseIdsOf(tx.dirtyShards) });
    this.schedule();
    return result;
  }

  /** Persists every mutation made before this call. Resolves when they are on disk (or were rejected). */
  async flush(): Promise<void> {
    const target = this.seq;
    while (this.persistedSeq < target) {
      await this.io.run(() => this.commit());
    }
  }

  /**
   * Checks the files for writes by other processes and applies them: the changed shards are reloaded, or everything
   * when the epoch changed. Concurrent calls share one reload. Returns true when something changed. A failed reload
   * keeps the previous replica, sets the error state and rethrows.
   */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = this.io.run(() => this.reloadFromDisk()).finally(() => (this.refreshing = null));
    }
    return this.refreshing;
  }

  /** Watches the database folder and refreshes when another process commits. */
  watch(debounceMs = 50): Disposable {
    let t: NodeJS.Timeout | undefined;
    const w = fs.watch(this.dir, (_e, name) => {
      if (name !== MANIFEST_FILE) return;
      clearTimeout(t);
      t = setTimeout(() => void this.refresh().catch(() => undefined), debounceMs);
    });
    this.watcher = w;
    return { dispose: () => (clearTimeout(t), w.close()) };
  }

  /** Flushes what is queued and stops the write queue. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    clearTimeout(this.timer);
    this.watcher?.close();
    try {
      await this.flush();
    } finally {
      this.disposed = true;
      this.changeEmitter.dispose();
      this.statusEmitter.dispose();
      this.rejectEmitter.dispose();
    }
  }

  // ---------------------------------------------------------------- internals

  /**
   * Arms the write queue's timer. After a failed commit (`retry`) the queued batch is tried again later, replacing
   * whatever the queue's own timer said, but never in a tight loop.
   */
  private schedule(retry = false): void {
    if (this.disposed || (this.timer && !retry)) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch(() => undefined); // the error is in the status; the batch stays queued
    }, retry ? RETRY_DELAY_MS : (this.options.flushDelayMs ?? 200));
  }

  private setStatus(patch: Partial<StoreStatus>): void {
    const next: StoreStatus = { ...this.statusValue, ...patch, pending: this.pending.length, revision: this.replica.revision };
    if (next.state !== 'error') delete next.error;
    const prev = this.statusValue;
    this.statusValue = next;
    if (prev.state !== next.state || prev.revision !== next.revision || prev.pending !== next.pending || prev.error !== next.error) {
      this.statusEmitter.fire({ ...next });
    }
  }

  /** Runs `fn`; when a shard file it read has been replaced by another process's commit, refreshes and retries. */
  private async withFreshPointers<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        if (!(e instanceof MissingFileError) || attempt >= 3) throw e;
        await this.reloadFromDisk();
      }
    }
  }

  /** Reads a course Draft's structure file and its clip buckets as listed in `shards`. */
  private async readDraft(courseId: string, shards: Record<string, string>, schema: number): Promise<VersionContent> {
    const rel = shards[courseShardKey(courseId)];
    if (!rel) throw new StoreCorruptError(path.join(this.dir, MANIFEST_FILE), `course ${courseId} has no Draft file`, listBackups(this.dir));
    const [doc, ...buckets] = await Promise.all([
      readDoc<DraftDoc>(this.dir, rel, (d) => validateDraft(d, schema)),
      ...courseShardKeys(courseId)
        .slice(1)
        .filter((k) => shards[k])
        .map((k) => readDoc<ClipBucketDoc>(this.dir, shards[k], (d) => validateClipBucket(d, schema))),
    ]);
    const { sections, lessons, videos } = doc;
    return new VersionContent(courseId, doc.versionId, { sections, lessons, videos, clips: buckets.flatMap((b) => b.clips), clipSections: buckets.flatMap((b) => b.clipSections) }, false);
  }

  /** True when any file of the course's Draft differs between two shard maps. */
  private static courseChanged(courseId: string, a: Record<string, string>, b: Record<string, string>): boolean {
    return courseShardKeys(courseId).some((k) => a[k] !== b[k]);
  }

  private async readPlans(rel: string | undefined, schema: number): Promise<PlansContent> {
    if (!rel) return new PlansContent({ plans: [], planSections: [], planLessons: [] });
    return new PlansContent(await readDoc<PlansDoc>(this.dir, rel, (d) => validatePlans(d, schema)));
  }

  private async readManifest(): Promise<ManifestDoc> {
    return readDoc(this.dir, MANIFEST_FILE, (d) => validateManifest(d, this.replica.schemaVersion));
  }

  /**
   * Builds a replica of `disk` that keeps what is still valid from the current one and re-reads the rest:
   * shards whose file changed, shards that queued mutations touch (those are replayed next), everything on a new epoch.
   */
  private async rebuild(disk: ManifestDoc, pendingShards: Set<ShardKey>): Promise<{ next: Replica; changed: string[] }> {
    const current = this.replica;
    const next = new Replica(disk);
    const sameEpoch = disk.epoch === current.epoch;
    const changed: string[] = [];
    const touchedCourses = new Set([...pendingShards].map((k) => parseShardKey(k)?.courseId));
    for (const [courseId, content] of current.drafts) {
      if (!disk.shards[courseShardKey(courseId)]) continue; // created by a queued mutation (replayed) or gone
      const fileChanged = !sameEpoch || Store.courseChanged(courseId, disk.shards, current.shards);
      if (!fileChanged && !touchedCourses.has(courseId)) {
        next.drafts.set(courseId, content);
      } else {
        next.drafts.set(courseId, await this.readDraft(courseId, disk.shards, disk.schemaVersion));
        if (fileChanged) changed.push(courseId);
      }
    }
    if (current.plans) {
      next.plans = sameEpoch && disk.shards.plans === current.shards.plans && !pendingShards.has('plans') ? current.plans : await this.readPlans(disk.shards.plans, disk.schemaVersion);
    }
    if (sameEpoch) {
      for (const [id, content] of current.published) if (next.versions.get(id)?.publishedAt) next.published.set(id, content);
    }
    return { next, changed };
  }

  private async reloadFromDisk(): Promise<boolean> {
    try {
      for (;;) {
        const disk = await this.readManifest();
        if (disk.epoch === this.replica.epoch && disk.revision === this.replica.revision) return false;
        if (this.pending.length) {
          // Queued mutations must be replayed on top of the new data: that is the commit path's job.
          await this.commit();
          return true;
        }
        let rebuilt: Awaited<ReturnType<Store['rebuild']>>;
        try {
          rebuilt = await this.rebuild(disk, new Set());
        } catch (e) {
          if (e instanceof MissingFileError) continue; // another commit replaced a file meanwhile: read again
          throw e;
        }
        if (this.pending.length) continue; // a mutation arrived while reading: go through the commit path
        const epochChanged = disk.epoch !== this.replica.epoch;
        this.replica = rebuilt.next;
        this.setStatus({ state: this.statusValue.state === 'error' ? 'saved' : this.statusValue.state });
        this.changeEmitter.fire({ revision: disk.revision, origin: epochChanged ? 'reload' : 'external', courseIds: rebuilt.changed });
        return true;
      }
    } catch (e) {
      this.setStatus({ state: 'error', error: `Reloading the course database failed: ${errorMessage(e)}` });
      throw e;
    }
  }

  /** Replays queued mutations on `replica` (a fresh base); drops and reports those that no longer apply. */
  private replay(replica: Replica, batch: Pending[]): Pending[] {
    const kept: Pending[] = [];
    for (const p of batch) {
      const tx = new Tx(replica);
      try {
        for (const r of p.records) {
          tx.use(r, true);
          (operations[r.name as OpName] as (t: Tx, a: unknown) => unknown)(tx, structuredClone(r.args));
        }
        kept.push({ ...p, shards: new Set(tx.dirtyShards), frozen: tx.frozen, payloads: tx.payloads });
      } catch (e) {
        tx.undo.rollback();
        this.rejectEmitter.fire({ op: p.records.map((r) => r.name).join('+'), error: errorMessage(e) });
      } finally {
        tx.detach();
      }
    }
    return kept;
  }

  /** One write-queue cycle: lock, rebase on other processes' commits if needed, write, commit the manifest. */
  private async commit(): Promise<void> {
    if (this.pending.length === 0) return;
    this.setStatus({ state: 'saving' });
    let batch: Pending[] = [];
    let previousShards: Record<string, string> | null = null;
    try {
      await this.lock.acquire({ timeoutMs: this.options.lockTimeoutMs });
      let disk = await this.readManifest();
      if (disk.epoch !== this.replica.epoch || disk.revision !== this.replica.revision) {
        // Another process committed: rebuild on its data and replay our queued mutations on top.
        for (;;) {
          const touched = new Set<ShardKey>(this.pending.flatMap((p) => [...p.shards]));
          const { next, changed } = await this.rebuild(disk, touched);
          const nowTouched = new Set<ShardKey>(this.pending.flatMap((p) => [...p.shards]));
          if ([...nowTouched].some((k) => !touched.has(k))) {
            disk = await this.readManifest();
            continue; // a mutation touched another shard while we read: read again
          }
          const epochChanged = disk.epoch !== this.replica.epoch;
          const kept = this.replay(next, this.pending);
          this.pending = kept;
          this.replica = next;
          this.changeEmitter.fire({ revision: disk.revision, origin: epochChanged ? 'reload' : 'external', courseIds: changed });
          break;
        }
      }
      // Synchronous from here to the serialization: the files get exactly the replica with every queued mutation.
      // The shard files of this replica (after any rebase) are the ones this commit supersedes.
      previousShards = { ...this.replica.shards };
      batch = this.pending;
      this.pending = [];
      const lastSeq = this.seq;
      const revision = disk.revision + 1;
      const shards = new Set<ShardKey>(batch.flatMap((p) => [...p.shards]));
      const writes: Array<[string, string]> = [];
      for (const key of shards) {
        const text = this.serializeShard(key);
        if (text === null) continue;
        const rel = shardFileName(key, revision);
        writes.push([rel, text]);
        this.replica.shards[key] = rel;
      }
      const frozen = batch.flatMap((p) => [...p.frozen.values()]);
      const frozenWrites = frozen.map((c) => [this.replica.versions.get(c.versionId)!.file!, JSON.stringify(this.frozenDoc(c))] as const);
      const manifestText = JSON.stringify(this.replica.toManifest(revision));
      const payloads = batch.flatMap((p) => [...p.payloads.entries()]);

      for (const [hash, text] of payloads) {
        if (!this.payloadStore.exists(hash)) this.fileWrites++;
        await this.payloadStore.put(hash, text);
      }
      for (const [rel, text] of frozenWrites) await this.writeOnce(rel, text, disk);
      for (const [rel, text] of writes) await this.writeFile(rel, text);
      if (!this.lock.verify()) throw new DomainError('store-locked', 'The database lock was taken over by another process during a write; retrying.');
      await this.writeFile(MANIFEST_FILE, manifestText); // the commit point
      this.replica.revision = revision;
      this.persistedSeq = lastSeq;
      for (const key of shards) {
        const old = previousShards[key];
        if (old && old !== this.replica.shards[key]) await fs.promises.rm(path.join(this.dir, old), { force: true });
      }
      this.setStatus({ state: this.pending.length ? 'dirty' : 'saved' });
      if (this.pending.length) this.schedule();
    } catch (e) {
      // Nothing was committed: keep the batch queued (in front of newer mutations) and report.
      if (previousShards) this.replica.shards = previousShards;
      this.pending = batch.concat(this.pending);
      this.setStatus({ state: 'error', error: `Saving the course database failed: ${errorMessage(e)}` });
      this.schedule(true);
      throw e;
    } finally {
      this.lock.release();
    }
  }

  private serializeShard(key: ShardKey): string | null {
    if (key === 'plans') {
      const plans = this.replica.plans;
      return plans ? JSON.stringify({ kind: 'cvm-plans', schemaVersion: this.replica.schemaVersion, ...plans.toDoc() } satisfies PlansDoc) : null;
    }
    const { courseId, bucket } = parseShardKey(key)!;
    const content = this.replica.drafts.get(courseId);
    if (!content) return null;
    const schemaVersion = this.replica.schemaVersion;
    if (bucket === null) {
      const doc: DraftDoc = {
        kind: 'cvm-draft', schemaVersion, courseId, versionId: content.versionId, clipBuckets: CLIP_BUCKETS,
        sections: content.sections.toArray(), lessons: content.lessons.toArray(), videos: content.videos.toArray(),
      };
      return JSON.stringify(doc);
    }
    const doc: ClipBucketDoc = { kind: 'cvm-clips', schemaVersion, courseId, bucket, clips: [], clipSections: [] };
    for (const v of content.videos.all()) {
      if (bucketOf(v.id) !== bucket) continue;
      for (const c of content.clips.childrenOf(v.id)) doc.clips.push(c);
      for (const c of content.clipSections.childrenOf(v.id)) doc.clipSections.push(c);
    }
    return JSON.stringify(doc);
  }

  private frozenDoc(c: VersionContent): FrozenVersionDoc {
    return { kind: 'cvm-published-version', schemaVersion: this.replica.schemaVersion, courseId: c.courseId, versionId: c.versionId, ...c.toDoc() };
  }

  private async writeFile(rel: string, text: string): Promise<void> {
    this.fileWrites++;
    const file = path.join(this.dir, rel);
    if (rel.includes('/')) await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, text);
  }

  /** Published Versions are written once: a file the committed manifest already references is never rewritten. */
  private async writeOnce(rel: string, text: string, disk: ManifestDoc): Promise<void> {
    if (disk.versions.some((v) => v.file === rel)) {
      throw new DomainError('immutable-version', `The frozen version file ${rel} already exists and is never rewritten.`);
    }
    await this.writeFile(rel, text);
  }
}

function courseIdsOf(keys: Iterable<ShardKey>): string[] {
  return [...new Set([...keys].map((k) => parseShardKey(k)?.courseId).filter((id): id is string => !!id))];
}
