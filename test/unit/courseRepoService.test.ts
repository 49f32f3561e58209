import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Store } from '../../src/domain/store/store';
import { CourseRepoService } from '../../src/domain/courseRepo/courseRepoService';
import { scanCourseRepo } from '../../src/domain/courseRepo/scan';
import { gitAwareMover } from '../../src/media/git';
import { tmpDir, makeTree } from '../helpers/tmp';
import { spawnSync } from 'node:child_process';

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.error) throw new Error('git is not installed: apt-get install git');
  return r.stdout;
}

async function setup(layout: string[]) {
  const repo = fs.realpathSync(makeTree(tmpDir(), layout.map((p) => [`${p}/index.ts`, `// ${p}\n`] as [string, string])));
  git(repo, 'init', '-q');
  git(repo, 'add', '-A');
  git(repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'init');
  const store = await Store.open({ dir: tmpDir() });
  const course = store.mutate('createCourse', { name: 'C', repoPath: repo, scan: scanCourseRepo(repo) });
  const service = new CourseRepoService(store, { mover: gitAwareMover() });
  const list = (rel: string) => fs.readdirSync(path.join(repo, rel)).filter((n) => /^\d/.test(n)).sort();
  return { repo, store, course, service, draft: store.draft(course.id)!, list };
}

describe('CourseRepo folders and the database together', () => {
  it('numbers `NNN-slug` lessons with a running number across sections when one is materialized', async () => {
    const { store, service, draft, list } = await setup(['01-basics/001-hello', '01-basics/002-vars', '02-more/003-loops']);
    const [basics] = draft.orderedSections();
    const ghost = store.mutate('addLesson', { sectionId: basics.id, title: 'Setup', position: { start: true } });
    const moves = await service.materializeLesson(ghost.id);
    assert.deepEqual(list('01-basics'), ['001-setup', '002-hello', '003-vars']);
    assert.deepEqual(list('02-more'), ['004-loops']);
    assert.equal(moves.length, 4);
    assert.deepEqual(draft.orderedLessons(basics.id).map((l) => l.path), ['001-setup', '002-hello', '003-vars']);
  });

  it('moving a section renames its folder and its `NN.MM` lessons, with git following the renames', async () => {
    const { repo, service, draft, list } = await setup(['ex/01-a/01.01-x', 'ex/01-a/01.02-y', 'ex/02-b/02.01-z']);
    const [a, b] = draft.orderedSections();
    await service.moveSection(b.id, { before: a.id });
    assert.deepEqual(list('ex'), ['01-b', '02-a']);
    assert.deepEqual(list('ex/01-b'), ['01.01-z']);
    assert.deepEqual(list('ex/02-a'), ['02.01-x', '02.02-y']);
    assert.equal(fs.readFileSync(path.join(repo, 'ex/02-a/02.02-y/index.ts'), 'utf8'), '// ex/01-a/01.02-y\n');
    assert.deepEqual([draft.sections.get(a.id)!.path, draft.sections.get(b.id)!.path], ['ex/02-a', 'ex/01-b']);
    git(repo, 'add', '-A');
    const status = git(repo, 'status', '--porcelain');
    assert.match(status, /^R {2}ex\/01-a\/01\.02-y\/index\.ts -> ex\/02-a\/02\.02-y\/index\.ts$/m);
  });

  it('puts every folder back when the database update fails, and keeps the database unchanged', async () => {
    const { store, service, draft, list, course } = await setup(['01-a/01.01-x', '01-a/01.02-y']);
    const [a] = draft.orderedSections();
    const [x, y] = draft.orderedLessons(a.id);
    service.hooks.beforeCommit = () => {
      throw new Error('boom');
    };
    await assert.rejects(service.moveLesson(y.id, { position: { before: x.id } }), /boom/);
    assert.deepEqual(list('01-a'), ['01.01-x', '01.02-y']);
    assert.deepEqual(store.draft(course.id)!.orderedLessons(a.id).map((l) => l.id), [x.id, y.id]);
    assert.equal(fs.readdirSync(path.join(store.course(course.id)!.repoPath!)).filter((n) => n.startsWith('.cvm')).length, 0, 'no temporary folder left');
  });

  it('refuses paths that would leave the CourseRepo', async () => {
    const { store, draft } = await setup(['01-a/01.01-x']);
    const [a] = draft.orderedSections();
    assert.throws(() => store.mutate('setLessonPath', { lessonId: draft.orderedLessons(a.id)[0].id, path: '../../etc' }), /single folder name/);
    assert.throws(() => store.mutate('setSectionPath', { sectionId: a.id, path: '../outside' }), /single folder name/);
  });
});
