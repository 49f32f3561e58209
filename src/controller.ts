// Owns the services of one window: the store replica, the CourseRepo service, the trees and the watchers.
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import { Store } from './domain/store/store';
import { CourseRepoService } from './domain/courseRepo/courseRepoService';
import { describeMoves } from './domain/courseRepo/folderPlan';
import { SerialQueue } from './domain/store/events';
import { errorMessage } from './domain/errors';
import { gitAwareMover } from './media/git';
import { setContext } from './contextKeys';
import { readSettings, databaseDir } from './settings';
import { StoreStatusBar } from './statusBar';
import { CourseTreeProvider, type TreeContext } from './tree/courseTreeProvider';
import { CourseDragAndDrop, type DropRequest } from './tree/dragAndDrop';
import { GhostDecorationProvider } from './tree/ghostDecorations';
import type { Node } from './tree/nodes';
import { Disposable } from './util/disposable';

export class CourseController extends Disposable implements TreeContext {
  readonly log = this.register(vscode.window.createOutputChannel('Course Video Manager', { log: true }));
  readonly dbDir = databaseDir(readSettings());
  readonly courseTree = new CourseTreeProvider('workspace', this);
  readonly coursesTree = new CourseTreeProvider('all', this);
  /** Folder operations and reconciliation run one at a time, so a watcher never sees a half-done move. */
  readonly folderQueue = new SerialQueue();
  private storeValue: Store | null = null;
  private service: CourseRepoService | null = null;
  private error: string | undefined;
  private archivedShown = false;
  private wsCourseId: string | undefined;
  private readonly statusBar = this.register(new StoreStatusBar());
  readonly courseView: vscode.TreeView<Node>;
  readonly dnd: CourseDragAndDrop;
  readonly coursesView: vscode.TreeView<Node>;
  /** Resolves when the store has been opened (or failed to). */
  readonly ready: Promise<void>;
  /** Where activation spends its time (ms; for the log and the benchmark). */
  readonly timings = { activateStart: performance.now(), storeOpenMs: 0, courseLoadMs: 0, readyAt: 0 };

  constructor() {
    super();
    this.register(this.courseTree);
    this.register(this.coursesTree);
    this.register(vscode.window.registerFileDecorationProvider(new GhostDecorationProvider()));
    const dnd = (this.dnd = new CourseDragAndDrop((r) => this.drop(r)));
    this.courseView = this.register(vscode.window.createTreeView('cvm.course', { treeDataProvider: this.courseTree, dragAndDropController: dnd, canSelectMany: true, showCollapseAll: true }));
    this.coursesView = this.register(vscode.window.createTreeView('cvm.courses', { treeDataProvider: this.coursesTree, dragAndDropController: dnd, canSelectMany: true, showCollapseAll: true }));
    void setContext('cvm.storeState', 'loading');
    void setContext('cvm.showArchived', false);
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.updateWorkspaceCourse()));
    this.register(
      vscode.workspace.onDidChangeConfiguration(async (e) => {
        if (!e.affectsConfiguration('courseVideoManager.databasePath') || databaseDir(readSettings()) === this.dbDir) return;
        const action = await vscode.window.showInformationMessage('The course database folder changed. Reload the window to use it.', 'Reload Window');
        if (action) await vscode.commands.executeCommand('workbench.action.reloadWindow');
      }),
    );
    this.ready = this.open();
  }

  // TreeContext
  store(): Store | null {
    return this.storeValue;
  }
  repoService(): CourseRepoService | null {
    return this.service;
  }
  workspaceCourseId(): string | undefined {
    return this.wsCourseId;
  }
  openError(): string | undefined {
    return this.error;
  }
  showArchived(): boolean {
    return this.archivedShown;
  }

  requireStore(): Store {
    if (!this.storeValue) throw new Error(this.error ? `The course database could not be opened: ${this.error}` : 'The course database is still opening; try again in a moment.');
    return this.storeValue;
  }

  requireService(): CourseRepoService {
    this.requireStore();
    return this.service!;
  }

  setShowArchived(show: boolean): void {
    this.archivedShown = show;
    void setContext('cvm.showArchived', show);
    this.refreshTrees();
  }

  refreshTrees(): void {
    this.courseTree.refresh();
    this.coursesTree.refresh();
    const ws = this.wsCourseId ? this.storeValue?.course(this.wsCourseId) : undefined;
    this.courseView.description = ws?.name;
    void setContext('cvm.hasWorkspaceCourse', !!ws);
    void setContext('cvm.hasCourses', (this.storeValue?.courses().length ?? 0) > 0);
  }

  /** The real path of the first workspace folder (courses store real paths). */
  workspaceFolder(): string | undefined {
    const f = vscode.workspace.workspaceFolders?.[0];
    if (!f || f.uri.scheme !== 'file') return undefined;
    try {
      return fs.realpathSync(f.uri.fsPath);
    } catch {
      return f.uri.fsPath;
    }
  }

  private async open(): Promise<void> {
    const started = performance.now();
    try {
      const store = await Store.open({ dir: this.dbDir });
      this.timings.storeOpenMs = performance.now() - started;
      this.storeValue = store;
      this.service = new CourseRepoService(store, { mover: gitAwareMover() });
      this.statusBar.bind(store);
      this.register({ dispose: () => void store.dispose() });
      this.register(store.watch());
      // Another window or the CLI may have added (or changed) the course of this folder.
      this.register(store.onDidChange(() => (this.wsCourseId && store.course(this.wsCourseId) ? this.refreshTrees() : void this.updateWorkspaceCourse())));
      this.register(store.onDidRejectChange((r) => this.log.warn(`A change (${r.op}) could not be applied on top of another window's newer data and was dropped: ${r.error}`)));
      this.register(store.onDidChangeStatus((s) => s.state === 'error' && this.log.error(s.error ?? 'store error')));
      this.log.info(`Opened the course database ${this.dbDir} (revision ${store.status.revision}) in ${this.timings.storeOpenMs.toFixed(0)} ms.`);
      void setContext('cvm.storeState', 'ready');
      await this.updateWorkspaceCourse();
    } catch (e) {
      this.error = errorMessage(e);
      this.log.error(`Opening the course database ${this.dbDir} failed: ${this.error}`);
      this.statusBar.showOpenError(this.error);
      void setContext('cvm.storeState', 'error');
    }
    this.refreshTrees();
    this.timings.readyAt = performance.now();
  }

  /** Finds the course of the open folder, loads its Draft, brings new folders in, and watches the folder. */
  async updateWorkspaceCourse(): Promise<void> {
    const store = this.storeValue;
    if (!store) return;
    const folder = this.workspaceFolder();
    const course = folder ? store.courseForRepo(folder) : undefined;
    this.wsCourseId = course?.id;
    if (course) {
      const t = performance.now();
      await store.loadCourse(course.id);
      this.timings.courseLoadMs ||= performance.now() - t;
      // Folders that appeared while no window watched are brought in without delaying the first tree answer.
      void this.reconcile().then(() => this.refreshTrees());
      this.watchWorkspace(folder!);
    }
    this.refreshTrees();
  }

  private watcher: vscode.Disposable | undefined;
  private watchWorkspace(folder: string): void {
    if (this.watcher) return;
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), '**'), false, true, false);
    let timer: NodeJS.Timeout | undefined;
    const onChange = (uri: vscode.Uri) => {
      if (/[\\/](\.git|node_modules)[\\/]|[\\/]\.cvm-/.test(uri.fsPath)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void this.reconcile().then(() => this.refreshTrees()), 300);
    };
    this.watcher = this.register(vscode.Disposable.from(w, w.onDidCreate(onChange), w.onDidDelete(onChange), { dispose: () => clearTimeout(timer) }));
  }

  /** Adds lesson and section folders that appeared on disk to the workspace course. */
  reconcile(): Promise<void> {
    return this.folderQueue.run(async () => {
      const id = this.wsCourseId;
      if (!id || !this.service) return;
      try {
        const added = await this.service.reconcile(id);
        if (added.sections || added.lessons) this.log.info(`Found ${added.sections} new section folder(s) and ${added.lessons} new lesson folder(s) on disk.`);
      } catch (e) {
        this.log.error(`Reading the CourseRepo folders failed: ${errorMessage(e)}`);
      }
    });
  }

  private async drop(r: DropRequest): Promise<void> {
    try {
      await this.folderQueue.run(async () => {
        const service = this.requireService();
        const moves = r.kind === 'lesson' ? await service.moveLesson(r.lessonId, { sectionId: r.sectionId, position: r.position }) : await service.moveSection(r.sectionId, r.position);
        if (moves.length) this.log.info(`Renumbered ${moves.length} folder(s): ${describeMoves(moves)}`);
      });
    } catch (e) {
      this.log.error(`Moving failed: ${errorMessage(e)}`);
      void vscode.window.showErrorMessage(`Could not move: ${errorMessage(e)}`);
    }
    this.refreshTrees();
  }

  /** Re-reads the database and the CourseRepo folders. */
  async refresh(): Promise<void> {
    await this.storeValue?.refresh();
    await this.reconcile();
    this.refreshTrees();
  }
}
