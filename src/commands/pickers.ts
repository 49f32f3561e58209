import * as vscode from 'vscode';
import type { CourseController } from '../controller';
import type { Node } from '../tree/nodes';

/** The course a command applies to: the node's, else the workspace's, else one the user picks. */
export async function pickCourse(c: CourseController, node: Node | undefined): Promise<string | undefined> {
  if (node && 'courseId' in node) return node.courseId;
  const ws = c.workspaceCourseId();
  if (ws) return ws;
  const store = c.requireStore();
  const courses = store.courses();
  if (courses.length === 0) {
    void vscode.window.showInformationMessage('There is no course yet: add this folder as a course or create a Ghost Course first.');
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    courses.map((x) => ({ label: x.name, description: x.repoPath ?? 'ghost', iconPath: new vscode.ThemeIcon(x.repoPath ? 'mortar-board' : 'circle-large-outline'), id: x.id })),
    { placeHolder: 'Pick a course' },
  );
  return pick?.id;
}

/** The section a command applies to: the node's (or its lesson's), else one the user picks. */
export async function pickSection(c: CourseController, node: Node | undefined): Promise<{ courseId: string; sectionId: string } | undefined> {
  if (node?.kind === 'section' || node?.kind === 'lesson') return { courseId: node.courseId, sectionId: node.sectionId };
  const courseId = await pickCourse(c, node);
  if (!courseId) return undefined;
  const draft = await c.requireStore().loadCourse(courseId);
  const sections = draft.orderedSections();
  if (sections.length === 0) {
    void vscode.window.showInformationMessage('This course has no section yet: add a Ghost Section first.');
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    sections.map((s) => ({ label: s.title, description: s.fsStatus === 'ghost' ? 'ghost' : s.path!, iconPath: new vscode.ThemeIcon(s.fsStatus === 'ghost' ? 'circle-large-outline' : 'folder'), id: s.id })),
    { placeHolder: 'Pick a section' },
  );
  return pick && { courseId, sectionId: pick.id };
}
