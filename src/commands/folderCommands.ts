// Commands that change CourseRepo folders together with the database (all or nothing, one at a time).
import * as vscode from 'vscode';
import { DomainError } from '../domain/errors';
import { describeMoves } from '../domain/courseRepo/folderPlan';
import { uncommittedChanges } from '../media/git';
import type { CourseController } from '../controller';
import type { Node } from '../tree/nodes';
import { command, confirm, type CommandOptions } from './run';

function folderOf(c: CourseController, node: Node | undefined): string | null {
  const service = c.requireService();
  if (node?.kind === 'lesson') return service.lessonFolder(node.lessonId);
  if (node?.kind === 'section') return service.sectionFolder(node.sectionId);
  return null;
}

async function gitWarning(c: CourseController, node: Node, folder: string): Promise<string> {
  const repo = c.requireStore().course((node as { courseId: string }).courseId)?.repoPath;
  if (!repo) return '';
  try {
    const files = await uncommittedChanges(repo, folder);
    return files.length ? `\n\nGit reports uncommitted changes in ${files.length} file(s) there (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''}); they will be lost.` : '';
  } catch (e) {
    c.log.warn(`git status failed for ${folder}: ${e}`);
    return '';
  }
}

async function materialize(c: CourseController, node: Node | undefined, opts: CommandOptions): Promise<unknown> {
  const service = c.requireService();
  const store = c.requireStore();
  if (node?.kind === 'lesson') {
    const course = store.course(node.courseId)!;
    if (!course.repoPath) {
      // Materialization Cascade: pick the folder; the course, the section and the lesson become real in one step.
      let folder = opts.folder;
      if (!folder) {
        const picked = await vscode.window.showOpenDialog({
          canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Use as CourseRepo',
          title: `"${course.name}" is a Ghost Course: pick the folder that becomes its CourseRepo`,
        });
        folder = picked?.[0]?.fsPath;
      }
      if (!folder) return undefined;
      const moves = await service.materializeCascade(node.lessonId, folder);
      c.log.info(`Materialization Cascade: "${course.name}" now lives in ${folder}; created ${describeMoves(moves)}.`);
      // Not awaited: it queues a reconcile behind this folder operation (awaiting it here would deadlock the queue).
      void c.updateWorkspaceCourse();
      return moves;
    }
  }
  if (node?.kind === 'lesson' || node?.kind === 'section') {
    const moves = node.kind === 'lesson' ? await service.materializeLesson(node.lessonId) : await service.materializeSection(node.sectionId);
    c.log.info(`Materialized: ${describeMoves(moves)}`);
    return moves;
  }
  throw new DomainError('invalid-argument', 'Pick a Ghost Section or Ghost Lesson in the course tree to materialize.');
}

export function registerFolderCommands(c: CourseController): vscode.Disposable[] {
  const queued = (fn: (c: CourseController, node: Node | undefined, opts: CommandOptions) => Promise<unknown>) => (cc: CourseController, node: Node | undefined, opts: CommandOptions) =>
    cc.folderQueue.run(() => fn(cc, node, opts)).finally(() => cc.refreshTrees());
  return [
    command(c, 'cvm.materialize', queued(materialize)),
    command(c, 'cvm.convertToGhost', queued(async (c, node, opts) => {
      const folder = folderOf(c, node);
      if (!node || !folder) throw new DomainError('invalid-argument', 'Only a real section or lesson can be converted to a ghost.');
      const what = node.kind === 'section' ? 'section' : 'lesson';
      const ok = await confirm(opts, `Convert this ${what} to a ghost?`, `This deletes the folder ${folder} from disk. The ${what} stays in the course as a planning entry.${await gitWarning(c, node, folder)}`, 'Delete Folder and Convert');
      if (!ok) return undefined;
      const service = c.requireService();
      if (node.kind === 'section') await service.convertSectionToGhost(node.sectionId);
      else if (node.kind === 'lesson') await service.convertLessonToGhost(node.lessonId);
      c.log.info(`Converted to a ghost; removed ${folder}.`);
      return undefined;
    })),
    command(c, 'cvm.delete', queued(async (c, node, opts) => {
      if (node?.kind !== 'lesson' && node?.kind !== 'section') throw new DomainError('invalid-argument', 'Pick a section or lesson to delete.');
      const store = c.requireStore();
      const draft = store.draft(node.courseId)!;
      const title = node.kind === 'lesson' ? draft.lessons.get(node.lessonId)!.title : draft.sections.get(node.sectionId)!.title;
      const folder = folderOf(c, node);
      const service = c.requireService();
      if (folder) {
        const ok = await confirm(opts, `Delete the ${node.kind} "${title}"?`, `This deletes its folder ${folder} from disk and removes it (with its videos and clips) from the course database.${await gitWarning(c, node, folder)}`, 'Delete Folder and Entry');
        if (!ok) return undefined;
      } else if (node.kind === 'section' && draft.lessons.childrenOf(node.sectionId).length > 0) {
        const ok = await confirm(opts, `Delete the Ghost Section "${title}" and its lessons?`, 'Nothing on disk is touched.', 'Delete');
        if (!ok) return undefined;
      }
      if (node.kind === 'lesson') await service.deleteLesson(node.lessonId);
      else await service.deleteSection(node.sectionId);
      c.log.info(`Deleted the ${node.kind} "${title}"${folder ? ` and its folder ${folder}` : ''}.`);
      return undefined;
    })),
    command(c, 'cvm.recreateFolder', queued(async (c, node) => {
      if (node?.kind !== 'lesson') throw new DomainError('invalid-argument', 'Pick a lesson whose folder is missing.');
      const folder = await c.requireService().recreateFolder(node.lessonId);
      c.log.info(`Recreated ${folder}.`);
      return folder;
    })),
    command(c, 'cvm.revealInExplorer', async (c, node) => {
      const folder = folderOf(c, node);
      if (!folder) throw new DomainError('invalid-argument', 'Only a real section or lesson has a folder to reveal.');
      await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(folder));
      return undefined;
    }),
  ];
}

