import * as path from 'node:path';
import { DomainError } from '../errors';

/**
 * Resolves a path relative to a CourseRepo and refuses anything that would land outside it
 * (absolute paths, `..` segments, drive letters). Every filesystem path derived from a name goes through here.
 */
export function resolveInsideRepo(repoPath: string, ...relative: string[]): string {
  const root = path.resolve(repoPath);
  for (const part of relative) {
    if (path.isAbsolute(part) || /^[a-zA-Z]:/.test(part) || part.split(/[\\/]/).some((seg) => seg === '..')) {
      throw new DomainError('path-outside-repo', `The path ${JSON.stringify(part)} would leave the CourseRepo ${root}; use a path inside it.`);
    }
  }
  const full = path.resolve(root, ...relative.flatMap((p) => p.split(/[\\/]/)));
  const rel = path.relative(root, full);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new DomainError('path-outside-repo', `The path ${full} is outside the CourseRepo ${root}.`);
  }
  return full;
}
