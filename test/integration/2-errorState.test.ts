import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { controller, labels } from './helpers';

describe('a course database that cannot be opened', () => {
  it('shows an error item with Show Log and Open Database Folder, and leaves the file untouched', async () => {
    const c = await controller();
    const file = path.join(process.env.CVM_DB!, 'store.json');
    const before = fs.readFileSync(file);
    assert.match(c.openError() ?? '', /store\.json cannot be read/);
    assert.deepEqual(await labels(c, 'course'), ['The course database could not be opened', 'Show Log', 'Open Database Folder']);
    const rows = await c.courseTree.getChildren();
    assert.equal(c.courseTree.getTreeItem(rows[1]).command?.command, 'cvm.showLog');
    assert.equal(c.courseTree.getTreeItem(rows[2]).command?.command, 'cvm.openDatabaseFolder');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('cvm.createGhostCourse', undefined, { name: 'X' })), /could not be opened/);
    assert.deepEqual(fs.readFileSync(file), before);
  });
});
