import { DomainError } from '../errors';

export interface Row {
  id: string;
}

/** Records how to undo each change, so a failing operation or transaction can be rolled back completely. */
export class UndoLog {
  private readonly steps: Array<() => void> = [];
  push(step: () => void): void {
    this.steps.push(step);
  }
  rollback(): void {
    for (let i = this.steps.length - 1; i >= 0; i--) this.steps[i]();
    this.steps.length = 0;
  }
}

/**
 * Rows of one kind keyed by id, with an optional index by a parent key (e.g. lessons by sectionId).
 * Every change goes through insert/update/remove, which record their inverse in the current UndoLog.
 */
export class Table<T extends Row> {
  private readonly rows = new Map<string, T>();
  private readonly children = new Map<string | null, Set<string>>();
  /** Set while an operation runs; changes outside an operation are refused. */
  undo: UndoLog | null = null;
  /** Called with each changed row (marks the owning shard dirty). */
  onChange: (row: T) => void = () => undefined;

  constructor(
    readonly what: string,
    private readonly parentKey?: keyof T,
    rows: readonly T[] = [],
  ) {
    for (const row of rows) this.add(row);
  }

  get size(): number {
    return this.rows.size;
  }

  get(id: string): T | undefined {
    return this.rows.get(id);
  }

  has(id: string): boolean {
    return this.rows.has(id);
  }

  require(id: string): T {
    const row = this.rows.get(id);
    if (!row) throw new DomainError('not-found', `No ${this.what} with id ${id} exists in the loaded course data.`);
    return row;
  }

  all(): IterableIterator<T> {
    return this.rows.values();
  }

  toArray(): T[] {
    return [...this.rows.values()];
  }

  /** Rows whose parent key equals `parentId` (requires a parent index). */
  childrenOf(parentId: string | null): T[] {
    const ids = this.children.get(parentId);
    if (!ids) return [];
    const out: T[] = [];
    for (const id of ids) out.push(this.rows.get(id)!);
    return out;
  }

  insert(row: T): T {
    if (this.rows.has(row.id)) throw new DomainError('conflict', `A ${this.what} with id ${row.id} already exists.`);
    this.log(() => this.drop(row.id), row);
    this.add(row);
    return row;
  }

  update(id: string, patch: Partial<T>): T {
    const before = this.require(id);
    const after = { ...before, ...patch };
    this.log(() => this.replace(after, before), before);
    if (this.parentKey && this.parentOf(before) !== this.parentOf(after)) this.onChange(after);
    this.replace(before, after);
    return after;
  }

  remove(id: string): T {
    const row = this.require(id);
    this.log(() => this.add(row), row);
    this.drop(id);
    return row;
  }

  private log(step: () => void, row: T): void {
    if (!this.undo) throw new Error(`internal: ${this.what} changed outside an operation`);
    this.undo.push(step);
    this.onChange(row);
  }

  private add(row: T): void {
    this.rows.set(row.id, row);
    if (this.parentKey) this.index(row).add(row.id);
  }

  private drop(id: string): void {
    const row = this.rows.get(id);
    if (!row) return;
    this.rows.delete(id);
    if (this.parentKey) this.children.get(this.parentOf(row))?.delete(id);
  }

  private replace(before: T, after: T): void {
    this.rows.set(after.id, after);
    if (this.parentKey && this.parentOf(before) !== this.parentOf(after)) {
      this.children.get(this.parentOf(before))?.delete(before.id);
      this.index(after).add(after.id);
    }
  }

  private parentOf(row: T): string | null {
    return (row[this.parentKey!] as unknown as string | null) ?? null;
  }

  private index(row: T): Set<string> {
    const key = this.parentOf(row);
    let set = this.children.get(key);
    if (!set) this.children.set(key, (set = new Set()));
    return set;
  }
}
