import * as vscode from 'vscode';
import { DomainError, errorMessage } from '../domain/errors';
import type { CourseController } from '../controller';
import type { Node } from '../tree/nodes';

/** Options a command accepts besides its tree item, so it can be run without prompts (keybindings, tests). */
export interface CommandOptions {
  /** The name or title to use instead of asking. */
  name?: string;
  /** Skip the confirmation dialog (the caller already confirmed). */
  confirm?: boolean;
  /** A folder to use instead of asking (Materialization Cascade, Add Course). */
  folder?: string;
}

export type Handler = (c: CourseController, node: Node | undefined, opts: CommandOptions) => Promise<unknown>;

/** Registers a command whose errors become a clear message (and a log line) instead of an unhandled rejection. */
export function command(c: CourseController, id: string, handler: Handler): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (node?: Node, opts?: CommandOptions) => {
    try {
      await c.ready;
      return await handler(c, node && typeof node === 'object' && 'kind' in node ? node : undefined, opts ?? {});
    } catch (e) {
      const message = errorMessage(e);
      c.log.error(`${id}: ${message}`);
      if (e instanceof DomainError) void vscode.window.showErrorMessage(message);
      else void vscode.window.showErrorMessage(`${message}`, 'Show Log').then((a) => a && c.log.show());
      if (opts) throw e; // programmatic callers (tests) see the failure
      return undefined;
    }
  });
}

/** Asks for a name, validating as the user types; returns undefined when cancelled. */
export async function askName(opts: CommandOptions, prompt: string, value: string, validate: (s: string) => void): Promise<string | undefined> {
  if (opts.name !== undefined) return opts.name;
  return vscode.window.showInputBox({
    prompt,
    value,
    validateInput: (s) => {
      try {
        validate(s);
        return undefined;
      } catch (e) {
        return errorMessage(e);
      }
    },
  });
}

/** A modal confirmation; `opts.confirm` answers it in advance. */
export async function confirm(opts: CommandOptions, message: string, detail: string, action: string): Promise<boolean> {
  if (opts.confirm) return true;
  const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
  return answer === action;
}
