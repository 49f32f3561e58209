// Tree nodes: plain ids (stable across refreshes, so expansion survives), turned into TreeItems on demand.
import * as vscode from 'vscode';

export type CourseNode = { kind: 'course'; courseId: string };
export type SectionNode = { kind: 'section'; courseId: string; sectionId: string };
export type LessonNode = { kind: 'lesson'; courseId: string; sectionId: string; lessonId: string };
export type VideoNode = { kind: 'video'; courseId: string; videoId: string };
export type StandaloneNode = { kind: 'standalone'; courseId: string };
export type MessageNode = { kind: 'message'; id: string; label: string; icon: string; description?: string; command?: vscode.Command; tooltip?: string };

export type Node = CourseNode | SectionNode | LessonNode | VideoNode | StandaloneNode | MessageNode;

export function nodeId(n: Node): string {
  switch (n.kind) {
    case 'course':
      return `course:${n.courseId}`;
    case 'section':
      return `section:${n.sectionId}`;
    case 'lesson':
      return `lesson:${n.lessonId}`;
    case 'video':
      return `video:${n.videoId}`;
    case 'standalone':
      return `standalone:${n.courseId}`;
    case 'message':
      return `message:${n.id}`;
  }
}

/** The URI scheme of tree rows, so a FileDecorationProvider can grey ghosts out. */
export const TREE_SCHEME = 'cvm-tree';

export function rowUri(n: Node, flags: { ghost?: boolean; archived?: boolean; missing?: boolean }): vscode.Uri {
  const query = Object.entries(flags)
    .filter(([, v]) => v)
    .map(([k]) => k)
    .join('&');
  return vscode.Uri.from({ scheme: TREE_SCHEME, path: `/${nodeId(n).replace(':', '/')}`, query });
}
