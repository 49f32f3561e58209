import { strict as assert } from 'node:assert';
import { validateName, MAX_NAME_LENGTH, slugify, titleFromSlug } from '../../src/domain/names';
import { DomainError } from '../../src/domain/errors';

describe('name validation', () => {
  const rejects = (name: unknown, pattern: RegExp) =>
    assert.throws(() => validateName(name, 'Lesson'), (e: unknown) => e instanceof DomainError && e.code === 'invalid-name' && pattern.test(e.message));

  it('accepts ordinary names, trimmed, with spaces and unicode', () => {
    assert.equal(validateName('  Arrays & Loops ', 'Lesson'), 'Arrays & Loops');
    assert.equal(validateName('Ünïcode — 日本語', 'Lesson'), 'Ünïcode — 日本語');
  });
  it('rejects empty names', () => rejects('   ', /empty/));
  it('rejects path separators and reserved characters, naming the character', () => {
    rejects('a/b', /reserved character "\/"/);
    rejects('a\\b', /reserved character "\\\\"/);
    rejects('what?', /reserved character "\?"/);
    rejects('a:b', /reserved character ":"/);
  });
  it('rejects ".." anywhere', () => {
    rejects('..', /"\.\."/);
    rejects('a..b', /"\.\."/);
  });
  it('rejects control characters', () => rejects('line\nbreak', /control character/));
  it('rejects Windows device names and a trailing dot', () => {
    rejects('CON', /reserved device name/);
    rejects('name.', /ends with a dot/);
  });
  it('enforces the length limit and says what the limit is', () => {
    assert.equal(validateName('x'.repeat(MAX_NAME_LENGTH), 'Lesson').length, MAX_NAME_LENGTH);
    rejects('x'.repeat(MAX_NAME_LENGTH + 1), new RegExp(`limit is ${MAX_NAME_LENGTH}`));
  });
  it('rejects non-text', () => rejects(42, /must be text/));
  it('slugifies titles into safe folder names and back', () => {
    assert.equal(slugify('Arrays & Loops: Part 2'), 'arrays-loops-part-2');
    assert.equal(slugify('Ünïcode café'), 'unicode-cafe');
    assert.equal(slugify('???'), 'untitled');
    assert.equal(titleFromSlug('getting-started'), 'Getting started');
  });
});
