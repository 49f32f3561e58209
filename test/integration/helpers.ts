import * as vscode from 'vscode';
import { spawnSync } from 'node:child_process';
import type { CourseVideoManagerApi } from '../../src/extension';
import type { CourseController } from '../../src/controller';
import type { Node } from '../../src/tree/nodes';

export const EXTENSION_ID = 'course-video-manager.course-video-manager';

export async function controller(): Promise<CourseController> {
  const ext = vscode.extensions.getExtension<CourseVideoManagerApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  await api.controller.ready;
  return api.controller;
}

export function workspaceRoot(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('the tests need a workspace folder');
  return f.uri.fsPath;
}

export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Labels of the children of `node` in a tree provider, through its public TreeDataProvider interface. */
export async function labels(c: CourseController, tree: 'course' | 'courses', node?: Node): Promise<string[]> {
  const provider = tree === 'course' ? c.courseTree : c.coursesTree;
  const children = await provider.getChildren(node);
  return children.map((n) => String(provider.getTreeItem(n).label));
}

export async function childNodes(c: CourseController, node?: Node, tree: 'course' | 'courses' = 'course'): Promise<Node[]> {
  return (tree === 'course' ? c.courseTree : c.coursesTree).getChildren(node);
}

export async function findNode(c: CourseController, label: string, tree: 'course' | 'courses' = 'course', under?: Node): Promise<Node> {
  const provider = tree === 'course' ? c.courseTree : c.coursesTree;
  const queue = await provider.getChildren(under);
  while (queue.length) {
    const n = queue.shift()!;
    if (provider.getTreeItem(n).label === label) return n;
    queue.push(...(await provider.getChildren(n)));
  }
  throw new Error(`no tree row labelled "${label}"`);
}

export function item(c: CourseController, node: Node, tree: 'course' | 'courses' = 'course'): vscode.TreeItem {
  return (tree === 'course' ? c.courseTree : c.coursesTree).getTreeItem(node);
}

export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 8000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for: ${what}`);
}
