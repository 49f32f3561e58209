import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { spawnSync } from 'node:child_process';
import type { CourseController } from '../../src/controller';
import type { Node } from '../../src/tree/nodes';
import { childNodes, controller, eventually, findNode, git, item, labels, workspaceRoot } from './helpers';

const S1 = 'exercises/01-getting-started';
const S2 = 'exercises/02-functions';

describe('course tree in a real VS Code, on a git CourseRepo', () => {
  let c: CourseController;
  let ws: string;
  const exists = (rel: string) => fs.existsSync(path.join(ws, rel));
  const lessonFolders = (section: string) => fs.readdirSync(path.join(ws, section)).filter((n) => /^\d/.test(n)).sort();

  before(async () => {
    c = await controller();
    ws = fs.realpathSync(workspaceRoot());
  });

  it('shows the empty state, then adds the workspace folder as a course (sections and lessons from disk)', async () => {
    assert.deepEqual(await labels(c, 'course'), [], 'no course for this folder yet (the views welcome shows the actions)');
    const course = await vscode.commands.executeCommand<{ id: string; repoPath: string }>('cvm.addCourseFromWorkspace', undefined, { name: 'Fixture Course' });
    assert.equal(course.repoPath, ws);
    assert.equal(c.workspaceCourseId(), course.id);
    assert.deepEqual(await labels(c, 'course'), ['Getting started', 'Functions'], 'the ARCHIVE section is hidden');
    const s1 = await findNode(c, 'Getting started');
    assert.deepEqual(await labels(c, 'course', s1), ['Hello world', 'Variables']);
    assert.equal(item(c, s1).contextValue, 'section+real');
    assert.equal(item(c, s1).description, '01-getting-started');
    // Show Archived reveals it.
    await vscode.commands.executeCommand('cvm.showArchived');
    assert.deepEqual(await labels(c, 'course'), ['Getting started', 'Functions', 'Old ideas ARCHIVE']);
    await vscode.commands.executeCommand('cvm.hideArchived');
    // The Courses view lists every course, the workspace's first.
    assert.deepEqual(await labels(c, 'courses'), ['Fixture Course']);
  });

  it('adds a Ghost Lesson before the first lesson; materializing it renumbers the real siblings with git mv', async () => {
    const hello = await findNode(c, 'Hello world');
    const ghost = await vscode.commands.executeCommand<{ id: string }>('cvm.addGhostLessonBefore', hello, { name: 'Setup' });
    const node = await findNode(c, 'Setup');
    const ti = item(c, node);
    assert.equal(ti.contextValue, 'lesson+ghost');
    assert.equal(ti.description, 'ghost');
    assert.equal(ti.resourceUri?.scheme, 'cvm-tree');
    assert.equal(ti.resourceUri?.query, 'ghost');
    assert.deepEqual(await labels(c, 'course', await findNode(c, 'Getting started')), ['Setup', 'Hello world', 'Variables']);

    await vscode.commands.executeCommand('cvm.materialize', node);
    assert.deepEqual(lessonFolders(S1), ['01.01-setup', '01.02-hello-world', '01.03-variables']);
    const status = git(ws, 'status', '--porcelain');
    assert.match(status, /R {2}exercises\/01-getting-started\/01\.01-hello-world\/index\.ts -> exercises\/01-getting-started\/01\.02-hello-world\/index\.ts/);
    const draft = c.store()!.draft(c.workspaceCourseId()!)!;
    assert.equal(draft.lessons.get(ghost.id)!.path, '01.01-setup');
    assert.equal(draft.lessons.get(ghost.id)!.fsStatus, 'real');
    assert.equal(item(c, await findNode(c, 'Setup')).contextValue, 'lesson+real');
    await c.store()!.flush();
    assert.equal(c.store()!.status.state, 'saved');
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const s1 = await findNode(c, 'Getting started');
    const before = await labels(c, 'course', s1);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('cvm.addGhostLessonAtEnd', s1, { name: '../../etc' })), /contains "\.\."/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('cvm.addGhostLessonAtEnd', s1, { name: 'a/b' })), /reserved character/);
    assert.deepEqual(await labels(c, 'course', s1), before);
    // A target that already exists is never overwritten (a file here: a folder would be picked up as a lesson).
    const ghost = await vscode.commands.executeCommand<{ id: string }>('cvm.addGhostLessonAtEnd', s1, { name: 'Blocked' });
    fs.writeFileSync(path.join(ws, S1, '01.04-blocked'), 'keep me');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('cvm.materialize', await findNode(c, 'Blocked'), {})), /already exists; it is never overwritten/);
    assert.equal(fs.readFileSync(path.join(ws, S1, '01.04-blocked'), 'utf8'), 'keep me');
    assert.deepEqual(lessonFolders(S1), ['01.01-setup', '01.02-hello-world', '01.03-variables', '01.04-blocked'], 'nothing was renamed');
    assert.equal(c.store()!.draft(c.workspaceCourseId()!)!.lessons.get(ghost.id)!.fsStatus, 'ghost');
    fs.rmSync(path.join(ws, S1, '01.04-blocked'));
    await vscode.commands.executeCommand('cvm.delete', await findNode(c, 'Blocked'));
  });

  it('converts a real lesson to a ghost (folder removed) and deletes ghost and real lessons', async () => {
    fs.writeFileSync(path.join(ws, S1, '01.01-setup', 'notes.md'), 'uncommitted work\n');
    await vscode.commands.executeCommand('cvm.convertToGhost', await findNode(c, 'Setup'), { confirm: true });
    assert.ok(!exists(`${S1}/01.01-setup`));
    const setup = await findNode(c, 'Setup');
    assert.equal(item(c, setup).contextValue, 'lesson+ghost');
    await vscode.commands.executeCommand('cvm.delete', setup);
    assert.deepEqual(await labels(c, 'course', await findNode(c, 'Getting started')), ['Hello world', 'Variables']);
    await vscode.commands.executeCommand('cvm.delete', await findNode(c, 'Variables'), { confirm: true });
    assert.ok(!exists(`${S1}/01.03-variables`));
    assert.deepEqual(await labels(c, 'course', await findNode(c, 'Getting started')), ['Hello world']);
  });

  it('reorders lessons by drag and drop and moves one to another section, renumbering the folders on disk', async () => {
    const dnd = c.dnd;
    const drop = async (source: Node, target: Node) => {
      const data = new vscode.DataTransfer();
      await dnd.handleDrag([source], data);
      await dnd.handleDrop(target, data);
    };
    await drop(await findNode(c, 'Closures'), await findNode(c, 'Arrow functions'));
    assert.deepEqual(await labels(c, 'course', await findNode(c, 'Functions')), ['Closures', 'Arrow functions']);
    assert.deepEqual(lessonFolders(S2), ['02.01-closures', '02.02-arrow-functions']);
    await drop(await findNode(c, 'Arrow functions'), await findNode(c, 'Getting started'));
    assert.deepEqual(await labels(c, 'course', await findNode(c, 'Getting started')), ['Hello world', 'Arrow functions']);
    assert.deepEqual(lessonFolders(S1), ['01.01-hello-world', '01.02-arrow-functions']);
    assert.deepEqual(lessonFolders(S2), ['02.01-closures']);
    assert.equal(fs.readFileSync(path.join(ws, S1, '01.02-arrow-functions', 'index.ts'), 'utf8'), 'const double = (n: number) => n * 2;\n');
    // Persisted: a fresh read of the database has the same order and paths.
    await c.store()!.flush();
    const tree = JSON.stringify(c.store()!.draft(c.workspaceCourseId()!)!.orderedLessons((await findNode(c, 'Getting started') as { sectionId: string }).sectionId).map((l) => l.path));
    assert.equal(tree, '["01.01-hello-world","01.02-arrow-functions"]');
  });

  it('flags a lesson whose folder vanished, and recreates it', async () => {
    fs.rmSync(path.join(ws, S2, '02.01-closures'), { recursive: true });
    await c.refresh();
    const closures = await findNode(c, 'Closures');
    assert.equal(item(c, closures).contextValue, 'lesson+real+missing');
    assert.equal(item(c, closures).description, 'missing on disk');
    await vscode.commands.executeCommand('cvm.recreateFolder', closures);
    assert.ok(exists(`${S2}/02.01-closures`));
    assert.equal(item(c, await findNode(c, 'Closures')).contextValue, 'lesson+real');
  });

  it('shows a lesson folder created on disk as a real lesson (file watcher)', async () => {
    fs.mkdirSync(path.join(ws, S2, '02.02-recursion'));
    await eventually(async () => (await labels(c, 'course', await findNode(c, 'Functions'))).includes('Recursion'), 'the new folder to appear in the tree');
    assert.equal(item(c, await findNode(c, 'Recursion')).contextValue, 'lesson+real');
  });

  it('rolls the Materialization Cascade back completely on an injected failure, then succeeds', async () => {
    const ghost = await vscode.commands.executeCommand<{ id: string }>('cvm.createGhostCourse', undefined, { name: 'Ghost Plan' });
    const courseNode: Node = { kind: 'course', courseId: ghost.id };
    await vscode.commands.executeCommand('cvm.addGhostSection', courseNode, { name: 'Intro' });
    const section = await findNode(c, 'Intro', 'courses', courseNode);
    await vscode.commands.executeCommand('cvm.addGhostLessonAtEnd', section, { name: 'First steps' });
    const lesson = await findNode(c, 'First steps', 'courses', courseNode);
    assert.equal(item(c, courseNode, 'courses').contextValue, 'course+ghost');
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'cascade-'));

    const service = c.repoService()!;
    service.hooks.beforeCommit = () => {
      throw new Error('injected failure');
    };
    try {
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('cvm.materialize', lesson, { folder: target })), /injected failure/);
    } finally {
      service.hooks.beforeCommit = undefined;
    }
    assert.deepEqual(fs.readdirSync(target), [], 'no folder left behind');
    const store = c.store()!;
    assert.equal(store.course(ghost.id)!.repoPath, null, 'the course is still a Ghost Course');
    const draft = store.draft(ghost.id)!;
    assert.deepEqual(draft.sections.toArray().map((s) => [s.fsStatus, s.path]), [['ghost', null]]);
    assert.deepEqual(draft.lessons.toArray().map((l) => [l.fsStatus, l.path]), [['ghost', null]]);

    await vscode.commands.executeCommand('cvm.materialize', lesson, { folder: target });
    assert.ok(fs.existsSync(path.join(target, '01-intro', '01.01-first-steps')));
    assert.equal(store.course(ghost.id)!.repoPath, fs.realpathSync(target));
    assert.deepEqual(draft.lessons.toArray().map((l) => [l.fsStatus, l.path]), [['real', '01.01-first-steps']]);
    assert.equal(item(c, courseNode, 'courses').contextValue, 'course+real');
  });

  it('shows a course added by the cvm CLI (another process) without a manual refresh', async () => {
    const cli = path.join(vscode.extensions.getExtension('course-video-manager.course-video-manager')!.extensionPath, 'dist', 'cli.js');
    const r = spawnSync(process.execPath, [cli, 'course', 'add-ghost', 'Added from the CLI', '--db', process.env.CVM_DB!], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    await eventually(async () => (await labels(c, 'courses')).includes('Added from the CLI'), 'the Courses view to show the CLI\'s course');
  });

  it('shows ghost rows greyed in the workbench (checked in the DOM by the runner)', async function () {
    this.timeout(60_000);
    const s1 = await findNode(c, 'Getting started');
    await vscode.commands.executeCommand('cvm.addGhostLessonAtEnd', s1, { name: 'Generics (planned)' });
    await vscode.commands.executeCommand('cvm.addGhostSection', undefined, { name: 'Async code (planned)' });
    const planned = await findNode(c, 'Async code (planned)');
    await vscode.commands.executeCommand('cvm.addGhostLessonAtEnd', planned, { name: 'Promises' });
    await vscode.commands.executeCommand('workbench.view.extension.courseVideoManager');
    await c.courseView.reveal(await findNode(c, 'Promises'), { expand: true, select: false, focus: false });
    const expectFile = process.env.CVM_UI_EXPECT;
    assert.ok(expectFile, 'CVM_UI_EXPECT names the file the runner checks');
    const rows = [
      { label: 'Getting started', ghost: false },
      { label: 'Hello world', ghost: false },
      { label: 'Arrow functions', ghost: false },
      { label: 'Generics (planned)', ghost: true },
      { label: 'Functions', ghost: false },
      { label: 'Closures', ghost: false },
      { label: 'Async code (planned)', ghost: true },
      { label: 'Promises', ghost: true },
    ];
    for (const r of rows) await findNode(c, r.label);
    assert.equal((await childNodes(c)).length, 3);
    // Hand over to the runner, which reads the rows from the workbench DOM, saves the screenshot and answers.
    const resultFile = `${expectFile}.result.json`;
    fs.rmSync(resultFile, { force: true });
    fs.writeFileSync(expectFile!, JSON.stringify(rows));
    await eventually(() => fs.existsSync(resultFile), 'the runner to check the workbench DOM', 30_000);
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { problems: string[] };
    assert.deepEqual(result.problems, []);
  });
});
