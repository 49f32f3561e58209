// Benchmark suite (run by `npm run bench`, not by `npm test`): activation and tree speed on the large-author database.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import type { Node } from '../../src/tree/nodes';
import { controller } from './helpers';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('benchmark: extension on the large-author database', () => {
  it('measures activation, a section expand and a full course expand', async function () {
    this.timeout(300_000);
    const c = await controller();
    const tree = c.courseTree;
    const roots = await tree.getChildren();
    const firstChildrenMs = performance.now() - c.timings.activateStart;
    assert.equal(roots.length, 15, 'the workspace course has 15 sections');
    const draft = c.store()!.draft(c.workspaceCourseId()!)!;

    const section = roots[0];
    const sectionRuns: number[] = [];
    const bareRuns: number[] = [];
    for (let i = 0; i < 50; i++) {
      let t = performance.now();
      const lessons = await tree.getChildren(section);
      lessons.forEach((n) => tree.getTreeItem(n));
      sectionRuns.push(performance.now() - t);
      assert.equal(lessons.length, 12);
      t = performance.now();
      draft.orderedLessons((section as { sectionId: string }).sectionId).map((l) => l.title);
      bareRuns.push(performance.now() - t);
    }

    const expand = async (nodes: Node[]): Promise<number> => {
      let count = 0;
      for (const n of nodes) {
        tree.getTreeItem(n);
        count += 1 + (await expand(await tree.getChildren(n)));
      }
      return count;
    };
    const fullRuns: number[] = [];
    let rows = 0;
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      rows = await expand(await tree.getChildren());
      fullRuns.push(performance.now() - t);
    }
    fs.writeFileSync(process.env.CVM_BENCH_OUT!, JSON.stringify({
      firstChildrenMs, storeOpenMs: c.timings.storeOpenMs, courseLoadMs: c.timings.courseLoadMs,
      sectionMs: median(sectionRuns), sectionBareMs: median(bareRuns), fullExpandMs: median(fullRuns), fullExpandRows: rows,
    }));
  });
});
