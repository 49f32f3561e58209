// git through simple-git (which spawns git with argument arrays). Settings come in as arguments; no global state.
import * as path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import type { FolderMover } from '../domain/courseRepo/folderOps';
import { plainMover } from '../domain/courseRepo/folderOps';
import { resolveInsideRepo } from '../domain/courseRepo/paths';

function git(repoPath: string, gitPath?: string): SimpleGit {
  return simpleGit({ baseDir: repoPath, binary: gitPath || 'git', maxConcurrentProcesses: 2, trimmed: true });
}

export async function isGitRepo(repoPath: string, gitPath?: string): Promise<boolean> {
  try {
    return (await git(repoPath, gitPath).revparse(['--show-toplevel'])).length > 0;
  } catch {
    return false;
  }
}

/** True when git tracks at least one file below `rel` (so `git mv` can move it). */
async function isTracked(g: SimpleGit, rel: string): Promise<boolean> {
  const out = await g.raw(['ls-files', '--', rel]);
  return out.trim().length > 0;
}

/**
 * Moves folders with `git mv` when the CourseRepo is a git repo and the folder is tracked (history follows the
 * rename), and with a plain rename otherwise (untracked folders, plain folders).
 */
export function gitAwareMover(gitPath?: string): FolderMover {
  return {
    async move(repoPath, from, to) {
      resolveInsideRepo(repoPath, from);
      resolveInsideRepo(repoPath, to);
      if (await isGitRepo(repoPath, gitPath)) {
        const g = git(repoPath, gitPath);
        if (await isTracked(g, from)) {
          await g.raw(['mv', '--', from, to]);
          return;
        }
      }
      await plainMover.move(repoPath, from, to);
    },
  };
}

/** Files with uncommitted changes (modified, added, untracked) below a folder of the repo. */
export async function uncommittedChanges(repoPath: string, folder: string, gitPath?: string): Promise<string[]> {
  if (!(await isGitRepo(repoPath, gitPath))) return [];
  const rel = path.relative(repoPath, folder).split(path.sep).join('/');
  const status = await git(repoPath, gitPath).status(['--untracked-files=all', '--', rel]);
  return status.files.map((f) => f.path);
}
