import type { Course } from '../model';
import { Table } from './table';
import { PlansContent, VersionContent } from './content';
import type { ManifestDoc, VersionEntry } from './layout';

/**
 * One process's in-memory copy of the database: the manifest's rows, plus the shards loaded so far
 * (course Drafts, plans) and the Published Versions read so far.
 */
export class Replica {
  schemaVersion: number;
  epoch: string;
  /** Revision of the manifest this replica was built from (the last one read or committed). */
  revision: number;
  readonly courses: Table<Course>;
  readonly versions: Table<VersionEntry>;
  /** Shard files by key, as in the manifest this replica was built from. */
  shards: Record<string, string>;
  readonly drafts = new Map<string, VersionContent>();
  plans: PlansContent | null = null;
  readonly published = new Map<string, VersionContent>();

  constructor(manifest: ManifestDoc) {
    this.schemaVersion = manifest.schemaVersion;
    this.epoch = manifest.epoch;
    this.revision = manifest.revision;
    this.courses = new Table<Course>('course', undefined, manifest.courses);
    this.versions = new Table<VersionEntry>('course version', 'courseId', manifest.versions);
    this.shards = { ...manifest.shards };
  }

  toManifest(revision: number): ManifestDoc {
    return {
      kind: 'cvm-store',
      schemaVersion: this.schemaVersion,
      epoch: this.epoch,
      revision,
      updatedAt: new Date().toISOString(),
      courses: this.courses.toArray(),
      versions: this.versions.toArray(),
      shards: { ...this.shards },
    };
  }

  /** The Draft Version entry of a course (exactly one exists). */
  draftVersionOf(courseId: string): VersionEntry | undefined {
    for (const v of this.versions.childrenOf(courseId)) if (v.publishedAt === null) return v;
    return undefined;
  }

  /** A course's versions, oldest first (the Draft is last). */
  versionsOf(courseId: string): VersionEntry[] {
    return this.versions.childrenOf(courseId).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  }

  /** Finds which loaded version content holds a row of the given table. */
  locate(table: 'sections' | 'lessons' | 'videos' | 'clips' | 'clipSections', id: string): VersionContent | undefined {
    for (const content of this.drafts.values()) if (content[table].has(id)) return content;
    for (const content of this.published.values()) if (content[table].has(id)) return content;
    return undefined;
  }
}
