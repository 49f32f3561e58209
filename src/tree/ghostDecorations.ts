import * as vscode from 'vscode';
import { TREE_SCHEME } from './nodes';

/** Greys out Ghost Courses, Sections and Lessons (and archived rows) in the course views; flags missing folders. */
export class GhostDecorationProvider implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== TREE_SCHEME) return undefined;
    const flags = new Set(uri.query.split('&'));
    if (flags.has('missing')) return { color: new vscode.ThemeColor('list.warningForeground'), badge: '!', tooltip: 'Folder missing on disk' };
    if (flags.has('ghost')) return { color: new vscode.ThemeColor('disabledForeground'), tooltip: 'Ghost: planned, not on disk yet' };
    if (flags.has('archived')) return { color: new vscode.ThemeColor('disabledForeground'), tooltip: 'Archived' };
    return undefined;
  }
}
