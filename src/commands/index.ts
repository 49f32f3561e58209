import type * as vscode from 'vscode';
import type { CourseController } from '../controller';
import { registerCourseCommands } from './courseCommands';
import { registerStructureCommands } from './structureCommands';
import { registerFolderCommands } from './folderCommands';
import { registerViewCommands } from './viewCommands';

export function registerCommands(c: CourseController): vscode.Disposable[] {
  return [...registerCourseCommands(c), ...registerStructureCommands(c), ...registerFolderCommands(c), ...registerViewCommands(c)];
}
