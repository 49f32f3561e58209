import * as vscode from 'vscode';
import * as path from 'node:path';
import { formatDuration } from '../domain/courseTree';
import { isSectionArchived, type Lesson, type Section } from '../domain/model';
import type { CourseRepoService } from '../domain/courseRepo/courseRepoService';
import type { Store } from '../domain/store/store';
import type { VersionContent } from '../domain/store/content';
import { nodeId, rowUri, type Node } from './nodes';

export type TreeMode = 'workspace' | 'all';

/** What the provider needs from the extension; the store is null until it opened (or when it failed to). */
export interface TreeContext {
  store(): Store | null;
  repoService(): CourseRepoService | null;
  workspaceCourseId(): string | undefined;
  openError(): string | undefined;
  showArchived(): boolean;
}

/**
 * One provider for both views: "Course" (the open workspace's course: its sections at the root) and
 * "Courses" (every course, the workspace's first, Ghost Courses greyed).
 */
export class CourseTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    readonly mode: TreeMode,
    private readonly ctx: TreeContext,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    const store = this.ctx.store();
    if (!node) {
      const error = this.ctx.openError();
      if (error) return errorNodes(error);
      if (!store) return [{ kind: 'message', id: 'loading', label: 'Opening the course database…', icon: 'loading~spin' }];
      if (this.mode === 'workspace') {
        const courseId = this.ctx.workspaceCourseId();
        return courseId ? this.courseChildren(store, courseId) : [];
      }
      const ws = this.ctx.workspaceCourseId();
      const courses = store.courses().filter((c) => this.ctx.showArchived() || !c.archived);
      courses.sort((a, b) => (a.id === ws ? -1 : b.id === ws ? 1 : 0) || Number(a.repoPath === null) - Number(b.repoPath === null));
      return courses.map((c) => ({ kind: 'course', courseId: c.id }));
    }
    if (!store) return [];
    switch (node.kind) {
      case 'course':
        return this.courseChildren(store, node.courseId);
      case 'section': {
        const draft = store.draft(node.courseId);
        if (!draft) return [];
        return draft
          .orderedLessons(node.sectionId)
          .filter((l) => this.ctx.showArchived() || !l.archived)
          .map((l) => ({ kind: 'lesson', courseId: node.courseId, sectionId: node.sectionId, lessonId: l.id }));
      }
      case 'lesson':
        return this.videos(store.draft(node.courseId), node.courseId, node.lessonId);
      case 'standalone':
        return this.videos(store.draft(node.courseId), node.courseId, null);
      default:
        return [];
    }
  }

  private videos(draft: VersionContent | undefined, courseId: string, lessonId: string | null): Node[] {
    if (!draft) return [];
    return draft
      .videosOf(lessonId)
      .filter((v) => this.ctx.showArchived() || !v.archived)
      .map((v) => ({ kind: 'video', courseId, videoId: v.id }));
  }

  private async courseChildren(store: Store, courseId: string): Promise<Node[]> {
    const draft = await store.loadCourse(courseId);
    const nodes: Node[] = draft
      .orderedSections()
      .filter((s) => this.ctx.showArchived() || !isSectionArchived(s))
      .map((s) => ({ kind: 'section', courseId, sectionId: s.id }));
    if (draft.videosOf(null).length) nodes.push({ kind: 'standalone', courseId });
    return nodes;
  }

  getParent(node: Node): Node | undefined {
    const draft = 'courseId' in node ? this.ctx.store()?.draft(node.courseId) : undefined;
    const courseNode: Node | undefined = this.mode === 'all' && 'courseId' in node ? { kind: 'course', courseId: node.courseId } : undefined;
    switch (node.kind) {
      case 'section':
      case 'standalone':
        return courseNode;
      case 'lesson':
        return { kind: 'section', courseId: node.courseId, sectionId: node.sectionId };
      case 'video': {
        const v = draft?.videos.get(node.videoId);
        if (!v) return undefined;
        if (v.lessonId === null) return { kind: 'standalone', courseId: node.courseId };
        const l = draft!.lessons.get(v.lessonId)!;
        return { kind: 'lesson', courseId: node.courseId, sectionId: l.sectionId, lessonId: l.id };
      }
      default:
        return undefined;
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const store = this.ctx.store();
    const item = this.buildItem(node, store);
    item.id = `${this.mode}/${nodeId(node)}`;
    return item;
  }

  private buildItem(node: Node, store: Store | null): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    if (node.kind === 'message') {
      const item = new vscode.TreeItem(node.label, C.None);
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.description = node.description;
      item.command = node.command;
      item.tooltip = node.tooltip;
      item.contextValue = 'message';
      return item;
    }
    const course = store?.course(node.courseId);
    const draft = store?.draft(node.courseId);
    if (!store || !course) return new vscode.TreeItem('(gone)');
    switch (node.kind) {
      case 'course': {
        const ghost = course.repoPath === null;
        const item = new vscode.TreeItem(course.name, node.courseId === this.ctx.workspaceCourseId() ? C.Expanded : C.Collapsed);
        item.description = ghost ? 'ghost' : path.basename(course.repoPath!);
        item.iconPath = new vscode.ThemeIcon(ghost ? 'circle-large-outline' : 'mortar-board');
        item.resourceUri = rowUri(node, { ghost, archived: course.archived });
        item.contextValue = `course+${ghost ? 'ghost' : 'real'}${course.archived ? '+archived' : ''}`;
        item.tooltip = new vscode.MarkdownString(`**${course.name}**${ghost ? ' — Ghost Course (planning only, no folder)' : `\n\n${course.repoPath}`}\n\n${store.versions(course.id).length - 1} Published Version(s)`);
        return item;
      }
      case 'section': {
        const s = draft?.sections.get(node.sectionId);
        if (!s) return new vscode.TreeItem('(gone)');
        return this.sectionItem(node, s, draft!);
      }
      case 'lesson': {
        const l = draft?.lessons.get(node.lessonId);
        const s = l && draft?.sections.get(l.sectionId);
        if (!l || !s) return new vscode.TreeItem('(gone)');
        return this.lessonItem(node, l, s, course.repoPath, draft!);
      }
      case 'standalone': {
        const item = new vscode.TreeItem('Standalone Videos', C.Collapsed);
        item.iconPath = new vscode.ThemeIcon('files');
        item.contextValue = 'standalone';
        return item;
      }
      case 'video': {
        const v = draft?.videos.get(node.videoId);
        if (!v) return new vscode.TreeItem('(gone)');
        const clips = draft!.clips.childrenOf(v.id).filter((c) => !c.archived).length;
        const item = new vscode.TreeItem(v.name, C.None);
        item.description = `${clips} clip${clips === 1 ? '' : 's'} · ${formatDuration(draft!.duration(v.id))}`;
        item.iconPath = new vscode.ThemeIcon('device-camera-video');
        item.resourceUri = rowUri(node, { archived: v.archived });
        item.contextValue = `video${v.archived ? '+archived' : ''}`;
        return item;
      }
    }
  }

  private sectionItem(node: Node, s: Section, draft: VersionContent): vscode.TreeItem {
    const ghost = s.fsStatus === 'ghost';
    const archived = isSectionArchived(s);
    const hasLessons = draft.lessons.childrenOf(s.id).length > 0;
    const item = new vscode.TreeItem(s.title, hasLessons ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.description = [ghost ? 'ghost' : path.posix.basename(s.path!), archived ? 'archived' : ''].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(ghost ? 'circle-large-outline' : archived ? 'archive' : 'folder');
    item.resourceUri = rowUri(node, { ghost, archived });
    item.contextValue = `section+${ghost ? 'ghost' : 'real'}${archived ? '+archived' : ''}`;
    item.tooltip = new vscode.MarkdownString(`**${s.title}**\n\n${ghost ? 'Ghost Section: planned, no folder yet' : `Folder: \`${s.path}\``}`);
    return item;
  }

  private lessonItem(node: Node, l: Lesson, s: Section, repo: string | null, draft: VersionContent): vscode.TreeItem {
    const ghost = l.fsStatus === 'ghost';
    const missing = !!this.ctx.repoService()?.isMissing(l, s, repo);
    const videos = draft.videos.childrenOf(l.id).length;
    const item = new vscode.TreeItem(l.title, videos ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.description = [ghost ? 'ghost' : missing ? 'missing on disk' : l.path!, l.archived ? 'archived' : '', l.status === 'done' ? 'done' : ''].filter(Boolean).join(' · ');
    item.iconPath = ghost
      ? new vscode.ThemeIcon('circle-large-outline')
      : missing
        ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
        : new vscode.ThemeIcon(l.status === 'done' ? 'pass' : 'book');
    item.resourceUri = rowUri(node, { ghost, archived: l.archived, missing });
    item.contextValue = `lesson+${ghost ? 'ghost' : 'real'}${missing ? '+missing' : ''}${l.archived ? '+archived' : ''}`;
    item.tooltip = new vscode.MarkdownString(
      `**${l.title}** (${l.priority}, ${l.status})\n\n` +
        (ghost ? 'Ghost Lesson: planned, no folder yet. Materialize it to create its folder.' : missing ? `The folder \`${s.path}/${l.path}\` is missing on disk: recreate it or convert the lesson to a ghost.` : `Folder: \`${s.path}/${l.path}\``) +
        (l.description ? `\n\n${l.description}` : ''),
    );
    return item;
  }
}

function errorNodes(error: string): Node[] {
  return [
    { kind: 'message', id: 'error', label: 'The course database could not be opened', icon: 'error', tooltip: error, description: error.slice(0, 80) },
    { kind: 'message', id: 'show-log', label: 'Show Log', icon: 'output', command: { command: 'cvm.showLog', title: 'Show Log' } },
    { kind: 'message', id: 'open-db', label: 'Open Database Folder', icon: 'folder-opened', command: { command: 'cvm.openDatabaseFolder', title: 'Open Database Folder' } },
  ];
}
