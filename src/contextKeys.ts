import * as vscode from 'vscode';

/** Context keys the manifest's `when` clauses read (typed so a typo does not compile). */
export type ContextKey = 'cvm.storeState' | 'cvm.hasWorkspaceCourse' | 'cvm.hasCourses' | 'cvm.showArchived';

export function setContext(key: ContextKey, value: string | boolean): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}
