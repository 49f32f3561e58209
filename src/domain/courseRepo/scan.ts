import * as fs from 'node:fs';
import * as path from 'node:path';
import { DomainError } from '../errors';
import { titleFromSlug } from '../names';

/** A numbered folder name: `01-intro`, `01.03-arrays`, `003-x`, `003.5-between`. */
const NUMBERED = /^(\d+(?:\.\d+)*)-(.+)$/;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface ScannedLesson {
  /** The number as written in the folder name (`01.03`, `003.5`). */
  number: string;
  /** Folder name inside the section folder. */
  path: string;
  title: string;
}

export interface ScannedSection {
  number: string;
  /** Folder path relative to the CourseRepo root, with `/` separators. */
  path: string;
  title: string;
  /** The folder name ends in ARCHIVE: hidden from the default view. */
  archived: boolean;
  lessons: ScannedLesson[];
}

export interface ScanResult {
  repoPath: string;
  /** Folder below the repo root that holds the sections (`exercises`), or '' for the root itself. */
  root: string;
  sections: ScannedSection[];
}

/** Parses a numbered folder name into its number parts, or null when it has no number. */
export function parseNumbered(name: string): { number: string; parts: number[]; slug: string } | null {
  const m = NUMBERED.exec(name);
  if (!m) return null;
  return { number: m[1], parts: m[1].split('.').map(Number), slug: m[2] };
}

/** Orders numbered names part by part (`003` < `003.5` < `004`, `01.9` < `01.10`), then by name. */
export function compareNumbered(a: string, b: string): number {
  const pa = parseNumbered(a)?.parts ?? [];
  const pb = parseNumbered(b)?.parts ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    if (pa[i] !== pb[i]) return pa[i] - pb[i];
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function subdirs(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && !SKIPPED_DIRS.has(d.name))
    .map((d) => d.name);
}

function numberedSubdirs(dir: string): string[] {
  return subdirs(dir)
    .filter((n) => parseNumbered(n) !== null)
    .sort(compareNumbered);
}

function scanSection(repoPath: string, relPath: string): ScannedSection {
  const folder = path.posix.basename(relPath);
  const parsed = parseNumbered(folder)!;
  const lessons = numberedSubdirs(path.join(repoPath, ...relPath.split('/'))).map((name) => {
    const p = parseNumbered(name)!;
    return { number: p.number, path: name, title: titleFromSlug(p.slug) };
  });
  return { number: parsed.number, path: relPath, title: titleFromSlug(parsed.slug), archived: /ARCHIVE$/.test(folder), lessons };
}

/**
 * Reads a CourseRepo folder into sections and lessons without writing anything.
 * Sections are numbered folders at the repo root or one level down (e.g. `exercises/`); lessons are
 * numbered folders directly inside a section folder; folders without a number are ignored.
 */
export function scanCourseRepo(repoPath: string): ScanResult {
  const abs = path.resolve(repoPath);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    throw new DomainError('not-found', `The CourseRepo folder ${abs} does not exist. Check the path.`);
  }
  if (!stat.isDirectory()) throw new DomainError('invalid-argument', `${abs} is a file, not a CourseRepo folder.`);

  let root = '';
  let sectionNames = numberedSubdirs(abs);
  if (sectionNames.length === 0) {
    // Look one level down: the root with the most section folders wins (ties: alphabetical).
    for (const candidate of subdirs(abs).sort()) {
      const names = numberedSubdirs(path.join(abs, candidate));
      if (names.length > sectionNames.length) {
        root = candidate;
        sectionNames = names;
      }
    }
  }
  const sections = sectionNames.map((name) => scanSection(abs, root ? `${root}/${name}` : name));
  return { repoPath: abs, root, sections };
}
