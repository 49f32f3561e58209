import { DomainError } from './errors';

export const MAX_NAME_LENGTH = 120;

const RESERVED_CHARS = /[<>:"/\\|?*]/;
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const RESERVED_WINDOWS_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * Validates a user-given name (course, section, lesson, video, clip section, plan entries).
 * Returns the trimmed name or throws a DomainError that says what is wrong.
 */
export function validateName(raw: unknown, what: string): string {
  if (typeof raw !== 'string') throw new DomainError('invalid-name', `${what} name must be text.`);
  const name = raw.trim();
  const quoted = JSON.stringify(raw);
  if (name.length === 0) throw new DomainError('invalid-name', `${what} name is empty: type at least one character.`);
  if (name.length > MAX_NAME_LENGTH)
    throw new DomainError('invalid-name', `${what} name is ${name.length} characters long; the limit is ${MAX_NAME_LENGTH}.`);
  if (CONTROL_CHARS.test(name))
    throw new DomainError('invalid-name', `${what} name ${quoted} contains a control character (such as a newline or tab); remove it.`);
  if (name === '.' || name === '..' || name.includes('..'))
    throw new DomainError('invalid-name', `${what} name ${quoted} contains "..", which is not allowed in names that can become folders.`);
  const bad = RESERVED_CHARS.exec(name);
  if (bad)
    throw new DomainError(
      'invalid-name',
      `${what} name ${quoted} contains the reserved character ${JSON.stringify(bad[0])}; names cannot contain path separators or any of < > : " / \\ | ? *.`,
    );
  if (RESERVED_WINDOWS_NAMES.test(name))
    throw new DomainError('invalid-name', `${what} name ${quoted} is a reserved device name on Windows; choose another name.`);
  if (name.endsWith('.'))
    throw new DomainError('invalid-name', `${what} name ${quoted} ends with a dot, which folders on Windows cannot; remove it.`);
  return name;
}

/** Turns a title into a folder slug: lower-case words joined by dashes, safe on every platform. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'untitled';
}

/** Turns a folder slug back into a readable title: `getting-started` -> `Getting started`. */
export function titleFromSlug(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : slug;
}
