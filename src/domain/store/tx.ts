import { randomUUID, createHash } from 'node:crypto';
import { DomainError } from '../errors';
import type { Course } from '../model';
import type { VersionContent, PlansContent } from './content';
import { bucketOf, bucketShardKey, courseShardKey, type ShardKey, type VersionEntry } from './layout';
import type { Replica } from './replica';
import { Table, UndoLog } from './table';

/** What an operation needs to be replayed identically: its name, arguments, generated ids and clock. */
export interface OpRecord {
  name: string;
  args: unknown;
  ids: string[];
  now: string;
}

type ContentTable = 'sections' | 'lessons' | 'videos' | 'clips' | 'clipSections';

const LABELS: Record<ContentTable, string> = {
  sections: 'section',
  lessons: 'lesson',
  videos: 'video',
  clips: 'clip',
  clipSections: 'clip section',
};

/**
 * The context an operation runs in. Every table it touches records undo steps here, so a failing
 * operation (or a whole transaction) leaves the replica exactly as it was.
 */
export class Tx {
  readonly undo = new UndoLog();
  readonly dirtyShards = new Set<ShardKey>();
  manifestChanged = false;
  /** Frozen version contents to write once at commit, by version id. */
  readonly frozen = new Map<string, VersionContent>();
  /** Payload texts to write at commit, by hash. */
  readonly payloads = new Map<string, string>();
  private readonly attached: Table<{ id: string }>[] = [];
  private idIndex = 0;
  private record: OpRecord = { name: '', args: null, ids: [], now: '' };
  private replaying = false;

  constructor(readonly replica: Replica) {}

  /** Starts the next operation of this transaction (ids and clock come from `record` when replaying). */
  use(record: OpRecord, replaying: boolean): void {
    this.record = record;
    this.replaying = replaying;
    this.idIndex = 0;
  }

  newId(): string {
    if (this.replaying && this.idIndex < this.record.ids.length) return this.record.ids[this.idIndex++];
    const id = randomUUID();
    this.record.ids.push(id);
    this.idIndex++;
    return id;
  }

  now(): string {
    return this.record.now;
  }

  get courses(): Table<Course> {
    return this.attach(this.replica.courses, () => (this.manifestChanged = true));
  }

  get versions(): Table<VersionEntry> {
    return this.attach(this.replica.versions, () => (this.manifestChanged = true));
  }

  course(courseId: string): Course {
    const course = this.replica.courses.get(courseId);
    if (!course) throw new DomainError('not-found', `No course with id ${courseId} exists. Run \`cvm course list\` to see the courses.`);
    return course;
  }

  /** The Draft content of a course, which must have been loaded (Store.loadCourse). */
  draft(courseId: string): VersionContent {
    const content = this.replica.drafts.get(courseId);
    if (!content) {
      this.course(courseId);
      throw new DomainError('course-not-loaded', `The Draft of course ${courseId} is not loaded; call loadCourse first.`);
    }
    const key = courseShardKey(courseId);
    const structure = () => this.dirtyShards.add(key);
    const clips = (row: { videoId: string }) => this.dirtyShards.add(bucketShardKey(courseId, bucketOf(row.videoId)));
    this.attach(content.sections, structure);
    this.attach(content.lessons, structure);
    this.attach(content.videos, structure);
    this.attach(content.clips, clips);
    this.attach(content.clipSections, clips);
    return content;
  }

  /** Finds a row by id in the loaded Drafts; a row of a Published Version is refused as immutable. */
  find<K extends ContentTable>(table: K, id: string): { content: VersionContent; row: NonNullable<ReturnType<VersionContent[K]['get']>> } {
    const content = this.replica.locate(table, id);
    if (!content) {
      throw new DomainError('not-found', `No ${LABELS[table]} with id ${id} exists in the loaded courses (was it deleted, or is its course not loaded?).`);
    }
    if (content.frozen) this.refuseFrozen(content.versionId, LABELS[table]);
    this.draft(content.courseId);
    return { content, row: content[table].get(id) as NonNullable<ReturnType<VersionContent[K]['get']>> };
  }

  refuseFrozen(versionId: string, what: string): never {
    const v = this.replica.versions.get(versionId);
    throw new DomainError(
      'immutable-version',
      `This ${what} belongs to the Published Version ${v?.name ? `"${v.name}"` : versionId}, which is immutable. Change the Draft Version instead.`,
    );
  }

  plans(): PlansContent {
    const plans = this.replica.plans;
    if (!plans) throw new DomainError('course-not-loaded', 'The plans are not loaded; call loadPlans first.');
    for (const t of plans.tables()) this.attach(t, () => this.dirtyShards.add('plans'));
    return plans;
  }

  /** Stores a large text as a content-addressed payload (written at commit); returns its hash. */
  putPayload(text: string): string {
    const hash = createHash('sha256').update(text, 'utf8').digest('hex');
    this.payloads.set(hash, text);
    return hash;
  }

  /** Runs `fn` as part of this operation with its own undo step (for changes outside tables). */
  custom(apply: () => void, revert: () => void, shards: ShardKey[] = []): void {
    apply();
    this.undo.push(revert);
    this.manifestChanged = true;
    for (const s of shards) this.dirtyShards.add(s);
  }

  detach(): void {
    for (const t of this.attached) {
      t.undo = null;
      t.onChange = () => undefined;
    }
    this.attached.length = 0;
  }

  private attach<T extends { id: string }>(table: Table<T>, onChange: (row: T) => void): Table<T> {
    if (table.undo !== this.undo) {
      table.undo = this.undo;
      table.onChange = onChange;
      this.attached.push(table as unknown as Table<{ id: string }>);
    }
    return table;
  }
}
