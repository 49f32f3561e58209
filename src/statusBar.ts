import * as vscode from 'vscode';
import type { Store, StoreStatus } from './domain/store/store';
import { Disposable } from './util/disposable';

/** The store's write state in the status bar: saving / saved / error (error colours); a click shows the log. */
export class StoreStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('cvm.storeStatus', vscode.StatusBarAlignment.Left, 10));

  constructor() {
    super();
    this.item.name = 'Course Database';
    this.item.command = 'cvm.showLog';
    this.showLoading();
    this.item.show();
  }

  showLoading(): void {
    this.item.text = '$(loading~spin) Course DB';
    this.item.tooltip = 'Opening the course database…';
    this.item.backgroundColor = undefined;
  }

  showOpenError(message: string): void {
    this.item.text = '$(error) Course DB';
    this.item.tooltip = `The course database could not be opened: ${message}\nClick to show the log.`;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  }

  bind(store: Store): void {
    this.update(store.status);
    this.register(store.onDidChangeStatus((s) => this.update(s)));
  }

  private update(s: StoreStatus): void {
    const icon = { saved: '$(check)', dirty: '$(circle-filled)', saving: '$(sync~spin)', error: '$(error)' }[s.state];
    const word = { saved: 'saved', dirty: 'unsaved', saving: 'saving', error: 'error' }[s.state];
    this.item.text = `${icon} Course DB`;
    this.item.tooltip = `Course database: ${word} (revision ${s.revision}${s.pending ? `, ${s.pending} change(s) queued` : ''})${s.error ? `\n${s.error}` : ''}\nClick to show the log.`;
    this.item.backgroundColor = s.state === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.accessibilityInformation = { label: `Course database ${word}` };
  }
}
