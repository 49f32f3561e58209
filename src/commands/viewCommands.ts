import * as vscode from 'vscode';
import type { CourseController } from '../controller';
import { command } from './run';

export function registerViewCommands(c: CourseController): vscode.Disposable[] {
  return [
    command(c, 'cvm.showArchived', async (c) => c.setShowArchived(true)),
    command(c, 'cvm.hideArchived', async (c) => c.setShowArchived(false)),
    command(c, 'cvm.refresh', async (c) => c.refresh()),
    // These two work even when the database failed to open, so they do not wait for it.
    vscode.commands.registerCommand('cvm.showLog', () => c.log.show()),
    vscode.commands.registerCommand('cvm.openDatabaseFolder', async () => {
      const uri = vscode.Uri.file(c.dbDir);
      if (vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName) {
        await vscode.commands.executeCommand('revealFileInOS', uri);
        return;
      }
      const action = await vscode.window.showInformationMessage(`The course database is in ${c.dbDir} (on the machine that runs the extension).`, 'Copy Path', 'Open in New Window');
      if (action === 'Copy Path') await vscode.env.clipboard.writeText(c.dbDir);
      if (action === 'Open in New Window') await vscode.commands.executeCommand('vscode.openFolder', uri, { forceNewWindow: true });
    }),
  ];
}
