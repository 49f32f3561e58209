import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export interface GlobalOptions {
  db?: string;
  json: boolean;
  help: boolean;
  name?: string;
  positionals: string[];
}

export function parseCommandLine(argv: string[]): GlobalOptions {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        name: { type: 'string' },
      },
    });
    return { db: values.db, json: !!values.json, help: !!values.help, name: values.name, positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export const USAGE = `Usage: cvm <command> [options]

Commands:
  scan REPO                     Parse a CourseRepo folder into sections and lessons (writes nothing)
  course add REPO [--name N]    Add a course backed by the CourseRepo folder REPO
  course add-ghost NAME         Add a Ghost Course (planning only, no folder)
  course list                   List every course
  tree COURSE                   Show a course's Draft: sections, lessons, videos (COURSE: id, id prefix or name)
  verify                        Check the database's schema and integrity (exit 1 when something is wrong)

Options:
  --db PATH    The database folder (default: $CVM_DB, else the per-user data folder)
  --json       Machine-readable output on stdout
  -h, --help   Show this help

Exit codes: 0 ok, 1 failure or findings, 2 usage error.`;
