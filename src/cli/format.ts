// Human-readable output of the CLI (the --json output is the data itself).
import type { ScanResult } from '../domain/courseRepo/scan';
import { formatDuration, type CourseTree, type VideoNode } from '../domain/courseTree';
import type { Course } from '../domain/model';
import type { VerifyReport } from '../domain/store/verify';

export function formatScan(r: ScanResult): string {
  const lines = [`CourseRepo ${r.repoPath}${r.root ? ` (sections under ${r.root}/)` : ''}: ${r.sections.length} sections`];
  for (const s of r.sections) {
    lines.push(`  ${s.number}  ${s.path}${s.archived ? '  [archived]' : ''}`);
    for (const l of s.lessons) lines.push(`    ${l.number}  ${l.path}`);
  }
  return lines.join('\n');
}

export function formatCourseList(rows: Array<Course & { ghost: boolean; versions: number }>): string {
  if (rows.length === 0) return 'No courses yet. Add one with `cvm course add REPO` or `cvm course add-ghost NAME`.';
  return rows
    .map((c) => `${c.id}  ${c.name}${c.ghost ? '  [ghost]' : `  ${c.repoPath}`}${c.archived ? '  [archived]' : ''}  (${c.versions} version${c.versions === 1 ? '' : 's'})`)
    .join('\n');
}

const mark = (ghost: boolean, archived: boolean) => (ghost ? '  [ghost]' : '') + (archived ? '  [archived]' : '');
const videoLine = (v: VideoNode, indent: string) => `${indent}▶ ${v.name}  (${v.clips} clip${v.clips === 1 ? '' : 's'}, ${formatDuration(v.duration)})${mark(false, v.archived)}`;

export function formatTree(t: CourseTree): string {
  const lines = [`${t.course.name}${mark(t.ghost, t.course.archived)}${t.course.repoPath ? `  ${t.course.repoPath}` : ''}`];
  lines.push(`Draft Version (${t.publishedVersions} published before it)`);
  for (const s of t.sections) {
    lines.push(`  ${s.title}${s.path ? `  (${s.path})` : ''}${mark(s.fsStatus === 'ghost', s.archived)}`);
    for (const l of s.lessons) {
      lines.push(`    ${l.title}${l.path ? `  (${l.path})` : ''}${mark(l.fsStatus === 'ghost', l.archived)}`);
      for (const v of l.videos) lines.push(videoLine(v, '      '));
    }
  }
  if (t.standaloneVideos.length) {
    lines.push('  Standalone Videos');
    for (const v of t.standaloneVideos) lines.push(videoLine(v, '    '));
  }
  if (t.sections.length === 0 && t.standaloneVideos.length === 0) lines.push('  (empty)');
  return lines.join('\n');
}

export function formatVerify(r: VerifyReport): string {
  const c = r.counts;
  const head = `${r.dir}: schema ${r.schemaVersion ?? '?'}, revision ${r.revision ?? '?'}; ${c.courses} courses, ${c.versions} versions, ${c.sections} sections, ${c.lessons} lessons, ${c.videos} videos, ${c.clips} clips`;
  if (r.findings.length === 0) return `${head}\nOK: no problems found.`;
  return [head, ...r.findings.map((f) => `${f.severity.toUpperCase()} ${f.code}: ${f.message}`), `${r.findings.length} finding(s).`].join('\n');
}
