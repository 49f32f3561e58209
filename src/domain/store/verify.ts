// `cvm verify`: a read-only schema and integrity check of a database folder. Never writes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorMessage, StoreCorruptError } from '../errors';
import { isSectionArchived } from '../model';
import { readDoc, MissingFileError, unreferencedFiles } from './disk';
import { checkReferences, type ContentRef, type Finding } from './integrity';
import { MANIFEST_FILE, SCHEMA_VERSION, type ManifestDoc } from './layout';
import { draftContents } from './migrations';
import { PayloadStore } from './payloads';
import { checkManifestHeader, validateClipBucket, validateDraft, validateFrozen, validateManifest, validatePlans } from './schema';

export interface VerifyReport {
  dir: string;
  ok: boolean;
  schemaVersion: number | null;
  revision: number | null;
  counts: { courses: number; versions: number; sections: number; lessons: number; videos: number; clips: number };
  findings: Finding[];
}

async function tryRead<T>(findings: Finding[], dir: string, rel: string, validate: (d: unknown) => T): Promise<T | null> {
  try {
    return await readDoc(dir, rel, validate);
  } catch (e) {
    if (e instanceof MissingFileError) findings.push({ severity: 'error', code: 'file-missing', message: `The file ${e.file} is missing.`, file: e.file });
    else if (e instanceof StoreCorruptError) findings.push({ severity: 'error', code: 'file-corrupt', message: e.message, file: e.file });
    else findings.push({ severity: 'error', code: 'file-unreadable', message: `${path.join(dir, rel)}: ${errorMessage(e)}`, file: path.join(dir, rel) });
    return null;
  }
}

export async function verifyDatabase(dirArg: string): Promise<VerifyReport> {
  const dir = path.resolve(dirArg);
  const findings: Finding[] = [];
  const counts = { courses: 0, versions: 0, sections: 0, lessons: 0, videos: 0, clips: 0 };
  const report = (m: ManifestDoc | null): VerifyReport => ({
    dir, ok: !findings.some((f) => f.severity === 'error'), schemaVersion: m?.schemaVersion ?? null, revision: m?.revision ?? null, counts, findings,
  });
  if (!fs.existsSync(path.join(dir, MANIFEST_FILE))) {
    findings.push({ severity: 'error', code: 'no-database', message: `No course database in ${dir} (${MANIFEST_FILE} is missing). Create one with \`cvm course add\`.` });
    return report(null);
  }
  const header = await tryRead(findings, dir, MANIFEST_FILE, checkManifestHeader);
  if (!header) return report(null);
  if (header.schemaVersion !== SCHEMA_VERSION) {
    findings.push({
      severity: header.schemaVersion > SCHEMA_VERSION ? 'error' : 'warning', code: 'schema-version',
      message: `The database has schema ${header.schemaVersion}; this version uses ${SCHEMA_VERSION}.` + (header.schemaVersion < SCHEMA_VERSION ? ' It is migrated (after a backup) the next time it is opened.' : ' Update cvm.'),
    });
    if (header.schemaVersion > SCHEMA_VERSION) return report(header);
  }
  const manifest = await tryRead(findings, dir, MANIFEST_FILE, (d) => validateManifest(d, header.schemaVersion));
  if (!manifest) return report(header);
  const schema = manifest.schemaVersion;
  const shards = new Map<string, Record<string, unknown>>();
  for (const [key, rel] of Object.entries(manifest.shards)) {
    const validate = key === 'plans' ? validatePlans : /:b\d+$/.test(key) ? validateClipBucket : validateDraft;
    const doc = await tryRead(findings, dir, rel, (d) => validate(d, schema) as unknown as Record<string, unknown>);
    if (doc) shards.set(key, doc);
  }
  const contents: ContentRef[] = draftContents({ shards });
  for (const v of manifest.versions) {
    if (!v.file) continue;
    const doc = await tryRead(findings, dir, v.file, (d) => validateFrozen(d, schema));
    if (doc) contents.push({ versionId: v.id, courseId: v.courseId, file: path.join(dir, v.file), doc });
  }
  findings.push(...checkReferences(manifest, contents));

  const payloads = new PayloadStore(dir);
  const courses = new Map(manifest.courses.map((c) => [c.id, c]));
  const draftIds = new Set(manifest.versions.filter((v) => v.publishedAt === null).map((v) => v.id));
  counts.courses = manifest.courses.length;
  counts.versions = manifest.versions.length;
  for (const { doc, courseId, versionId } of contents) {
    counts.sections += doc.sections.length;
    counts.lessons += doc.lessons.length;
    counts.videos += doc.videos.length;
    counts.clips += doc.clips.length;
    const repo = courses.get(courseId)?.repoPath ?? null;
    for (const clip of doc.clips) {
      if (clip.textRef) {
        try {
          await payloads.get(clip.textRef);
        } catch (e) {
          findings.push({ severity: 'error', code: 'payload-missing', message: `Clip ${clip.id}: ${errorMessage(e)}` });
        }
      }
    }
    if (!draftIds.has(versionId)) continue; // footage and folders are checked for the Draft only
    const footage = new Set(doc.clips.filter((c) => c.kind === 'footage' && c.sourceFile && !c.archived).map((c) => c.sourceFile!));
    for (const f of footage) {
      const abs = path.isAbsolute(f) ? f : repo ? path.join(repo, f) : null;
      if (abs && !fs.existsSync(abs)) findings.push({ severity: 'warning', code: 'footage-missing', message: `Footage file ${abs} is missing (used by clips of course ${courses.get(courseId)?.name}).` });
    }
    if (!repo) continue;
    if (!fs.existsSync(repo)) {
      findings.push({ severity: 'warning', code: 'repo-missing', message: `The CourseRepo ${repo} of course "${courses.get(courseId)?.name}" does not exist.` });
      continue;
    }
    const sections = new Map(doc.sections.map((s) => [s.id, s]));
    for (const s of doc.sections) {
      if (s.fsStatus === 'real' && !isSectionArchived(s) && !fs.existsSync(path.join(repo, s.path!))) {
        findings.push({ severity: 'warning', code: 'section-folder-missing', message: `Section "${s.title}": folder ${path.join(repo, s.path!)} is missing.` });
      }
    }
    for (const l of doc.lessons) {
      const s = sections.get(l.sectionId);
      if (l.fsStatus === 'real' && s?.path && !l.archived && !isSectionArchived(s) && !fs.existsSync(path.join(repo, s.path, l.path!))) {
        findings.push({ severity: 'warning', code: 'lesson-folder-missing', message: `Lesson "${l.title}": folder ${path.join(repo, s.path, l.path!)} is missing.` });
      }
    }
  }
  for (const rel of unreferencedFiles(dir, manifest)) {
    findings.push({ severity: 'warning', code: 'orphan-file', message: `${path.join(dir, rel)} is not referenced (left by an interrupted write); it is removed at the next open.` });
  }
  return report(manifest);
}
