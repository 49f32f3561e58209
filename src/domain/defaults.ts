import * as os from 'node:os';
import * as path from 'node:path';

export const APP_FOLDER = 'course-video-manager';

/**
 * The per-user database folder shared by every editor flavour and the CLI: the platform's application-data
 * location (XDG data home on Linux). `CVM_DB` overrides it; callers apply their own setting or --db first.
 */
export function defaultDatabaseDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.CVM_DB) return path.resolve(env.CVM_DB);
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), APP_FOLDER);
}
