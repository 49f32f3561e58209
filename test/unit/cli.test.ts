import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tmpDir, makeTree, snapshotFiles } from '../helpers/tmp';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');

function cvm(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cvm CLI', () => {
  before(() => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does it).`);
  });

  it('scans a CourseRepo with sections below exercises/, odd names, decimals, ARCHIVE and unnumbered folders', () => {
    const repo = makeTree(tmpDir(), [
      'exercises/01-getting started/01.01-hello world',
      'exercises/01-getting started/01.02-ünïcode-日本',
      'exercises/01-getting started/notes',
      'exercises/02-arrays/003-map',
      'exercises/02-arrays/003.5-flat map',
      'exercises/02-arrays/004-reduce',
      'exercises/02-arrays/010-sort',
      'exercises/99-old-stuff-ARCHIVE/001-gone',
      'exercises/node_modules/01-not-a-section',
      'exercises/assets',
      ['README.md', '# course'],
      ['exercises/02-arrays/003-map/index.ts', 'export {}'],
      'docs/01-only-one',
    ]);
    const before = snapshotFiles(repo);
    const r = cvm(['scan', repo, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const scan = JSON.parse(r.stdout);
    assert.equal(scan.root, 'exercises');
    assert.deepEqual(
      scan.sections.map((s: { number: string; path: string; archived: boolean; lessons: { number: string; path: string }[] }) => [s.number, s.path, s.archived, s.lessons.map((l) => `${l.number}|${l.path}`)]),
      [
        ['01', 'exercises/01-getting started', false, ['01.01|01.01-hello world', '01.02|01.02-ünïcode-日本']],
        ['02', 'exercises/02-arrays', false, ['003|003-map', '003.5|003.5-flat map', '004|004-reduce', '010|010-sort']],
        ['99', 'exercises/99-old-stuff-ARCHIVE', true, ['001|001-gone']],
      ],
    );
    assert.deepEqual(snapshotFiles(repo), before, 'scan writes nothing');
  });

  it('scans sections at the repo root and prints a readable listing without --json', () => {
    const repo = makeTree(tmpDir(), ['01-intro/01.01-a', '02-next/02.01-b', 'src']);
    const r = cvm(['scan', repo]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /2 sections\n {2}01 {2}01-intro\n {4}01\.01 {2}01\.01-a\n {2}02 {2}02-next/);
  });

  it('adds courses, lists them, shows the tree with ghosts and archived entries marked, and verifies', () => {
    const db = tmpDir();
    const repo = makeTree(tmpDir(), ['01-intro/01.01-first', '01-intro/01.02-second', '99-ARCHIVE/001-old']);
    let r = cvm(['course', 'add', repo, '--name', 'My Course', '--db', db, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const course = JSON.parse(r.stdout);
    assert.equal(course.repoPath, fs.realpathSync(repo));
    r = cvm(['course', 'add-ghost', 'Future Course'], { CVM_DB: db });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Added Ghost Course "Future Course"/);
    r = cvm(['course', 'list', '--db', db, '--json']);
    const list = JSON.parse(r.stdout);
    assert.deepEqual(list.map((c: { name: string; ghost: boolean }) => [c.name, c.ghost]), [['Future Course', true], ['My Course', false]]);
    r = cvm(['tree', 'my course', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^My Course {2}\//);
    assert.match(r.stdout, /\n {2}Intro {2}\(01-intro\)\n {4}First {2}\(01\.01-first\)\n {4}Second {2}\(01\.02-second\)\n {2}ARCHIVE {2}\(99-ARCHIVE\) {2}\[archived\]/);
    r = cvm(['tree', course.id.slice(0, 8), '--db', db, '--json']);
    const tree = JSON.parse(r.stdout);
    assert.equal(tree.sections.length, 2);
    r = cvm(['tree', 'Future Course', '--db', db]);
    assert.match(r.stdout, /^Future Course {2}\[ghost\]\n/);
    r = cvm(['verify', '--db', db]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /2 courses, 2 versions, 2 sections, 3 lessons/);
    assert.match(r.stdout, /OK: no problems found/);
    // A lesson folder removed from disk is a finding: exit 1, listed.
    fs.rmSync(path.join(repo, '01-intro', '01.02-second'), { recursive: true });
    r = cvm(['verify', '--db', db, '--json']);
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.stdout).findings.map((f: { code: string }) => f.code), ['lesson-folder-missing']);
  });

  it('exits 1 with one clear line on stderr for bad input, and 2 for usage errors', () => {
    const db = tmpDir();
    let r = cvm(['course', 'add-ghost', 'a/b', '--db', db]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^cvm: Course name "a\/b" contains the reserved character "\/"[^\n]*\n$/);
    r = cvm(['course', 'add', path.join(db, 'nope'), '--db', db]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /does not exist/);
    r = cvm(['tree', 'nothing', '--db', db]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /No course matches "nothing"/);
    r = cvm(['frobnicate']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command "frobnicate"/);
    r = cvm(['scan']);
    assert.equal(r.code, 2);
    r = cvm(['scan', '.', '--bogus']);
    assert.equal(r.code, 2);
    assert.equal(cvm(['--help']).code, 0);
  });

  it('reports a corrupt database with exit 1 from verify, and refuses to use it in other commands', () => {
    const db = tmpDir();
    assert.equal(cvm(['course', 'add-ghost', 'X', '--db', db]).code, 0);
    fs.writeFileSync(path.join(db, 'store.json'), '{"kind": "cvm-store",');
    const before = snapshotFiles(db);
    let r = cvm(['verify', '--db', db]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /ERROR file-corrupt: .*store\.json cannot be read/);
    r = cvm(['course', 'list', '--db', db]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /store\.json cannot be read .* It was left untouched/);
    assert.deepEqual(snapshotFiles(db), before);
  });

  it('uses CVM_DB, else the per-user XDG data folder', () => {
    const xdg = tmpDir();
    const r = cvm(['course', 'add-ghost', 'Default place'], { CVM_DB: '', XDG_DATA_HOME: xdg });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(fs.existsSync(path.join(xdg, 'course-video-manager', 'store.json')));
  });
});
