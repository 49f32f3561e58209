import * as vscode from 'vscode';
import type { Node } from './nodes';

export const TREE_MIME = 'application/vnd.code.tree.cvm.course';

/** What a drop asks for; the extension carries it out (database and folders together). */
export type DropRequest =
  | { kind: 'lesson'; lessonId: string; sectionId: string; position: { before: string } | { end: true } }
  | { kind: 'section'; sectionId: string; position: { before: string } | { end: true } };

/** Reorders sections and lessons, and moves lessons between sections, by drag and drop. */
export class CourseDragAndDrop implements vscode.TreeDragAndDropController<Node> {
  readonly dragMimeTypes = [TREE_MIME];
  readonly dropMimeTypes = [TREE_MIME];

  constructor(private readonly onDrop: (request: DropRequest) => Promise<void>) {}

  handleDrag(source: readonly Node[], data: vscode.DataTransfer): void {
    const movable = source.filter((n) => n.kind === 'lesson' || n.kind === 'section');
    if (movable.length) data.set(TREE_MIME, new vscode.DataTransferItem(movable));
  }

  async handleDrop(target: Node | undefined, data: vscode.DataTransfer): Promise<void> {
    const item = data.get(TREE_MIME);
    if (!item) return;
    const sources = (typeof item.value === 'string' ? JSON.parse(item.value) : item.value) as Node[];
    for (const request of dropRequests(sources, target)) await this.onDrop(request);
  }
}

/** Works out what dropping `sources` on `target` means: before the target row, or at the end of a section. */
export function dropRequests(sources: Node[], target: Node | undefined): DropRequest[] {
  const out: DropRequest[] = [];
  for (const src of sources) {
    if (src.kind === 'lesson') {
      if (target?.kind === 'lesson' && target.lessonId !== src.lessonId) out.push({ kind: 'lesson', lessonId: src.lessonId, sectionId: target.sectionId, position: { before: target.lessonId } });
      else if (target?.kind === 'section') out.push({ kind: 'lesson', lessonId: src.lessonId, sectionId: target.sectionId, position: { end: true } });
    } else if (src.kind === 'section') {
      if (target?.kind === 'section' && target.sectionId !== src.sectionId) out.push({ kind: 'section', sectionId: src.sectionId, position: { before: target.sectionId } });
      else if (!target || target.kind === 'course') out.push({ kind: 'section', sectionId: src.sectionId, position: { end: true } });
    }
  }
  return out;
}
