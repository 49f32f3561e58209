import * as path from 'node:path';
import * as fs from 'node:fs';
import { DomainError } from '../domain/errors';
import { defaultDatabaseDir } from '../domain/defaults';
import { scanCourseRepo } from '../domain/courseRepo/scan';
import { buildCourseTree } from '../domain/courseTree';
import { Store } from '../domain/store/store';
import { verifyDatabase } from '../domain/store/verify';
import type { Course } from '../domain/model';
import { titleFromSlug } from '../domain/names';
import { UsageError, type GlobalOptions } from './args';
import { formatCourseList, formatScan, formatTree, formatVerify } from './format';

type Out = (s: string) => void;

function dbDir(opts: GlobalOptions): string {
  return opts.db ? path.resolve(opts.db) : defaultDatabaseDir();
}

function expectArgs(opts: GlobalOptions, count: number, usage: string): string[] {
  const rest = opts.positionals.slice(opts.positionals[0] === 'course' ? 2 : 1);
  if (rest.length !== count) throw new UsageError(`expected ${usage}`);
  return rest;
}

async function withStore<T>(opts: GlobalOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await Store.open({ dir: dbDir(opts) });
  try {
    return await fn(store);
  } finally {
    await store.dispose();
  }
}

/** Finds a course by id, unique id prefix, or exact (case-insensitive) name. */
export function resolveCourse(store: Store, ref: string): Course {
  const all = store.courses();
  const exact = all.find((c) => c.id === ref);
  if (exact) return exact;
  const matches = all.filter((c) => c.id.startsWith(ref) || c.name.toLowerCase() === ref.toLowerCase());
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) throw new DomainError('invalid-argument', `"${ref}" matches ${matches.length} courses; use the course id (see \`cvm course list\`).`);
  throw new DomainError('not-found', `No course matches "${ref}"; run \`cvm course list\` to see the courses.`);
}

export async function runCommand(opts: GlobalOptions, out: Out): Promise<number> {
  const [cmd, sub] = opts.positionals;
  const print = (json: unknown, text: string) => out(opts.json ? JSON.stringify(json, null, 2) : text);
  switch (cmd) {
    case 'scan': {
      const [repo] = expectArgs(opts, 1, 'cvm scan REPO');
      const result = scanCourseRepo(repo);
      print(result, formatScan(result));
      return 0;
    }
    case 'course': {
      if (sub === 'add') {
        const [repo] = expectArgs(opts, 1, 'cvm course add REPO [--name NAME]');
        const scan = scanCourseRepo(repo);
        const realRepo = fs.realpathSync(scan.repoPath);
        const name = opts.name ?? titleFromSlug(path.basename(realRepo));
        return withStore(opts, async (store) => {
          const course = store.mutate('createCourse', { name, repoPath: realRepo, scan });
          await store.flush();
          const lessons = scan.sections.reduce((n, s) => n + s.lessons.length, 0);
          print(course, `Added course "${course.name}" (${course.id}) from ${realRepo}: ${scan.sections.length} sections, ${lessons} lessons.`);
          return 0;
        });
      }
      if (sub === 'add-ghost') {
        const [name] = expectArgs(opts, 1, 'cvm course add-ghost NAME');
        return withStore(opts, async (store) => {
          const course = store.mutate('createCourse', { name, repoPath: null });
          await store.flush();
          print(course, `Added Ghost Course "${course.name}" (${course.id}).`);
          return 0;
        });
      }
      if (sub === 'list') {
        expectArgs(opts, 0, 'cvm course list');
        return withStore(opts, async (store) => {
          const rows = store.courses().map((c) => ({ ...c, ghost: c.repoPath === null, versions: store.versions(c.id).length }));
          print(rows, formatCourseList(rows));
          return 0;
        });
      }
      throw new UsageError(`unknown course command ${sub ? JSON.stringify(sub) : '(none)'}; expected add, add-ghost or list`);
    }
    case 'tree': {
      const [ref] = expectArgs(opts, 1, 'cvm tree COURSE');
      return withStore(opts, async (store) => {
        const tree = await buildCourseTree(store, resolveCourse(store, ref).id);
        print(tree, formatTree(tree));
        return 0;
      });
    }
    case 'verify': {
      expectArgs(opts, 0, 'cvm verify');
      const report = await verifyDatabase(dbDir(opts));
      print(report, formatVerify(report));
      return report.ok && report.findings.length === 0 ? 0 : 1;
    }
    default:
      throw new UsageError(`unknown command ${JSON.stringify(cmd)}`);
  }
}
