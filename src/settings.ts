import * as vscode from 'vscode';
import * as path from 'node:path';
import { defaultDatabaseDir } from './domain/defaults';

/** Typed access to the extension's settings (`courseVideoManager.*`). */
export interface Settings {
  databasePath: string;
  finishedVideosFolder: string;
  ffmpegPath: string;
  ffprobePath: string;
  obsHost: string;
  obsPort: number;
}

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('courseVideoManager');
  return {
    databasePath: c.get<string>('databasePath', ''),
    finishedVideosFolder: c.get<string>('finishedVideosFolder', ''),
    ffmpegPath: c.get<string>('ffmpegPath', ''),
    ffprobePath: c.get<string>('ffprobePath', ''),
    obsHost: c.get<string>('obs.host', '127.0.0.1'),
    obsPort: c.get<number>('obs.port', 4455),
  };
}

/** The database folder: the setting, else `CVM_DB`, else the per-user data folder shared with the CLI. */
export function databaseDir(settings: Settings): string {
  return settings.databasePath ? path.resolve(settings.databasePath) : defaultDatabaseDir();
}
