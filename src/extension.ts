import * as vscode from 'vscode';
import { CourseController } from './controller';
import { registerCommands } from './commands';

/** What activate() returns: the services, for the integration tests and for other extensions. */
export interface CourseVideoManagerApi {
  controller: CourseController;
}

let controller: CourseController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CourseVideoManagerApi> {
  controller = new CourseController();
  context.subscriptions.push(controller, ...registerCommands(controller));
  return { controller };
}

export async function deactivate(): Promise<void> {
  // Flush the write queue first: VS Code waits for this promise, not for the controller's disposables.
  await controller?.store()?.dispose();
  controller?.dispose();
  controller = undefined;
}
