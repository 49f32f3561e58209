// `npm run bench`: the store's speed and memory goals, each against a baseline measured in the same run.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Store } from '../src/domain/store/store';
import { writeFileAtomic } from '../src/domain/store/atomicFile';
import { generateLargeAuthor, SHAPE } from './generate';
import { type Row, percentile, median } from './report';

const ROOT = path.join(__dirname, '..');
export const DATA = path.join(ROOT, '.bench-data', 'large-author');

function probe(what: string, ...args: string[]): Record<string, number> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'probe.ts'), what, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`probe ${what} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

export async function benchStore(): Promise<{ rows: Row[]; courseIds: string[] }> {
  const rows: Row[] = [];
  const t0 = Date.now();
  const { courseIds } = await generateLargeAuthor(DATA);
  const clipsTotal = SHAPE.courses * (SHAPE.published + 1) * SHAPE.sections * SHAPE.lessons * SHAPE.videos * SHAPE.clips;
  console.log(`generated ${clipsTotal.toLocaleString('en')} clips in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // 1. Cold open, each run in a fresh process, alternating with the bare JSON.parse baseline.
  const bare: number[] = [];
  const open: number[] = [];
  const openOne: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const b = probe('bare-parse', DATA);
    bare.push(b.ms);
    bytes = b.bytes;
    open.push(probe('open-all', DATA).ms);
    openOne.push(probe('open-one', DATA, courseIds[0]).ms);
  }
  const ratio = median(open) / median(bare);
  rows.push({ metric: `Cold open, everything (${(bytes / 1e6).toFixed(0)} MB, ${clipsTotal.toLocaleString('en')} clips), median of 5`, value: `${median(open).toFixed(0)} ms`, baseline: `JSON.parse of the same bytes: ${median(bare).toFixed(0)} ms`, ratio: `${ratio.toFixed(2)}x`, goal: '<= 1.5x', met: ratio <= 1.5 });
  rows.push({ metric: 'Cold open + one course Draft (as a window does)', value: `${median(openOne).toFixed(0)} ms`, baseline: `JSON.parse of everything: ${median(bare).toFixed(0)} ms`, ratio: `${(median(openOne) / median(bare)).toFixed(2)}x`, goal: '(info)', met: null });

  // 2. flush() after one clip mutation on a Draft, against a bare atomic write (temp + fsync + rename) of a small file.
  const store = await Store.open({ dir: DATA, flushDelayMs: 60_000 });
  const draft = await store.loadCourse(courseIds[0]);
  const clips = draft.clips.toArray();
  const flushes: number[] = [];
  const bareWrites: number[] = [];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cvm-bench-'));
  for (let i = 0; i < 200; i++) {
    const clip = clips[(i * 7919) % clips.length];
    store.mutate('updateClip', { clipId: clip.id, end: clip.start + 5 + (i % 10) / 10 });
    let t = performance.now();
    await store.flush();
    flushes.push(performance.now() - t);
    t = performance.now();
    await writeFileAtomic(path.join(scratch, 'x.json'), JSON.stringify({ i }));
    bareWrites.push(performance.now() - t);
  }
  const p50 = percentile(flushes, 50);
  rows.push({ metric: 'flush() after one clip mutation, p50 (200 runs)', value: `${p50.toFixed(1)} ms`, baseline: `bare atomic write of a tiny file: ${percentile(bareWrites, 50).toFixed(1)} ms`, ratio: `${(p50 / percentile(bareWrites, 50)).toFixed(1)}x`, goal: '<= 30 ms', met: p50 <= 30 });
  rows.push({ metric: 'flush() after one clip mutation, p95', value: `${percentile(flushes, 95).toFixed(1)} ms`, baseline: `bare: ${percentile(bareWrites, 95).toFixed(1)} ms`, ratio: `${(percentile(flushes, 95) / percentile(bareWrites, 95)).toFixed(1)}x`, goal: '(info)', met: null });

  // 3. File writes caused by a burst of 1,000 mutations (write queue coalescing), two shapes of burst.
  const burst = async (label: string, fn: (i: number) => void) => {
    const before = store.fileWrites;
    for (let i = 0; i < 1000; i++) fn(i);
    await store.flush();
    const writes = store.fileWrites - before;
    rows.push({ metric: `File writes for a burst of 1,000 mutations: ${label}`, value: String(writes), baseline: 'one write per mutation: 1000', ratio: `${(writes / 1000).toFixed(3)}x`, goal: '<= 10', met: writes <= 10 });
  };
  const video = draft.videosOf(draft.orderedLessons(draft.orderedSections()[0].id)[0].id)[0];
  await burst('one video timeline (recording, reordering)', (i) => {
    const c = store.mutate('addClip', { videoId: video.id, sourceFile: 'burst.mkv', start: i, end: i + 0.5 });
    if (i % 2) store.mutate('moveTimelineItem', { itemId: c.id, position: { start: true } });
  });
  await burst('spread over a whole course', (i) => {
    const clip = clips[(i * 104729) % clips.length];
    store.mutate('updateClip', { clipId: clip.id, end: clip.start + 6 + (i % 10) / 10 });
  });
  await store.dispose();
  fs.rmSync(scratch, { recursive: true, force: true });

  // 4. Peak memory (max RSS) of a process that opens the database and loads one course's Draft, and of one that loads all.
  const idle = probe('idle');
  const one = probe('open-one', DATA, courseIds[0]);
  const all = probe('open-all', DATA);
  rows.push({ metric: 'Peak RSS: open + one course Draft', value: `${one.rssMB.toFixed(0)} MB`, baseline: `idle Node process: ${idle.rssMB.toFixed(0)} MB`, ratio: `${(one.rssMB / idle.rssMB).toFixed(1)}x`, goal: '<= 150 MB', met: one.rssMB <= 150 });
  rows.push({ metric: 'Peak RSS: open + everything', value: `${all.rssMB.toFixed(0)} MB`, baseline: `idle: ${idle.rssMB.toFixed(0)} MB`, ratio: `${(all.rssMB / idle.rssMB).toFixed(1)}x`, goal: '(info)', met: null });
  return { rows, courseIds };
}

