// Carrying out a folder plan on disk: two-phase renames (never over an existing folder), created folders,
// and a complete undo when any step fails.
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { DomainError, errorMessage } from '../errors';
import type { FolderMove } from './folderPlan';
import { resolveInsideRepo } from './paths';

/** Renames folders inside a CourseRepo; the git implementation (src/media/git.ts) uses `git mv` for tracked folders. */
export interface FolderMover {
  move(repoPath: string, from: string, to: string): Promise<void>;
}

export const plainMover: FolderMover = {
  async move(repoPath, from, to) {
    await fs.promises.rename(resolveInsideRepo(repoPath, from), resolveInsideRepo(repoPath, to));
  },
};

/** What was done, so it can be undone. */
export interface AppliedPlan {
  undo(): Promise<void>;
}

/**
 * Creates and renames folders as planned. Renames go through temporary names first so that swapping numbers
 * never collides; a target that already exists (and is not itself being moved away) stops everything.
 * On any failure every step done so far is reverted and a DomainError says what happened.
 */
export async function applyFolderPlan(repoPath: string, moves: FolderMove[], mover: FolderMover = plainMover): Promise<AppliedPlan> {
  const done: Array<{ from: string; to: string } | { created: string }> = [];
  const undo = async () => {
    for (const step of [...done].reverse()) {
      try {
        if ('created' in step) await fs.promises.rm(resolveInsideRepo(repoPath, step.created), { recursive: true, force: true });
        else await mover.move(repoPath, step.to, step.from);
      } catch {
        /* best effort: keep undoing the rest */
      }
    }
    done.length = 0;
  };
  const renames = moves.filter((m) => m.from !== null);
  const creates = moves.filter((m) => m.from === null);
  // Lessons first (their current paths are inside the current section folders), then sections.
  const order = (kind: 'lesson' | 'section') => renames.filter((m) => m.kind === kind);
  const temp = new Map<FolderMove, string>();
  try {
    const vacated = new Set(renames.map((m) => m.from!));
    for (const m of [...moves]) {
      const target = resolveInsideRepo(repoPath, m.to);
      if (fs.existsSync(target) && !vacated.has(m.to) && !moves.some((o) => o.kind === 'section' && o.from && m.to.startsWith(o.from + '/'))) {
        throw new DomainError('conflict', `The folder ${target} already exists; it is never overwritten. Rename or remove it first.`);
      }
    }
    for (const m of [...order('lesson'), ...order('section')]) {
      if (!fs.existsSync(resolveInsideRepo(repoPath, m.from!))) {
        throw new DomainError('not-found', `The folder ${resolveInsideRepo(repoPath, m.from!)} is missing on disk, so it cannot be renamed to ${m.to}. Recreate it or convert it to a ghost first.`);
      }
      const t = `.cvm-move-${randomBytes(6).toString('hex')}`;
      await mover.move(repoPath, m.from!, t);
      done.push({ from: m.from!, to: t });
      temp.set(m, t);
    }
    for (const m of [...order('section'), ...order('lesson')]) {
      await mover.move(repoPath, temp.get(m)!, m.to);
      done.push({ from: temp.get(m)!, to: m.to });
    }
    for (const m of [...creates.filter((c) => c.kind === 'section'), ...creates.filter((c) => c.kind === 'lesson')]) {
      const target = resolveInsideRepo(repoPath, m.to);
      await fs.promises.mkdir(target);
      done.push({ created: m.to });
    }
  } catch (e) {
    await undo();
    if (e instanceof DomainError) throw e;
    throw new DomainError('io', `Changing folders in ${repoPath} failed (${errorMessage(e)}); every change was undone.`);
  }
  return { undo };
}
