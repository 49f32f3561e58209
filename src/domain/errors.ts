// Errors the domain and the store raise. Every message says what is wrong, where, and how to fix it.

export type DomainErrorCode =
  | 'invalid-name'
  | 'invalid-argument'
  | 'not-found'
  | 'immutable-version'
  | 'conflict'
  | 'course-not-loaded'
  | 'store-corrupt'
  | 'store-locked'
  | 'migration-failed'
  | 'payload-missing'
  | 'path-outside-repo'
  | 'io';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class StoreCorruptError extends DomainError {
  constructor(
    readonly file: string,
    detail: string,
    readonly backups: string[],
  ) {
    super(
      'store-corrupt',
      `The course database file ${file} cannot be read (${detail}). It was left untouched. ` +
        (backups.length
          ? `Backups found: ${backups.join(', ')}. Restore one with \`cvm restore\` or move the broken file aside.`
          : 'No backup was found; move the broken file aside to start a new database, or repair it by hand.'),
    );
    this.name = 'StoreCorruptError';
  }
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
