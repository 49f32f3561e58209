// One measurement in a fresh process (so "cold" means a new replica and a new heap). Prints one JSON line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Store } from '../src/domain/store/store';

const [what, dir, courseId] = process.argv.slice(2);

function allFiles(d: string): string[] {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(d, e.name);
    if (e.isDirectory()) return e.name === 'backups' || e.name === 'payloads' ? [] : allFiles(p);
    return e.name.endsWith('.json') ? [p] : [];
  });
}

async function main(): Promise<unknown> {
  const t0 = performance.now();
  switch (what) {
    case 'bare-parse': {
      // The baseline: read every database file and JSON.parse it, nothing else.
      let bytes = 0;
      const docs: unknown[] = [];
      for (const f of allFiles(dir)) {
        const text = await fs.promises.readFile(f, 'utf8');
        bytes += text.length;
        docs.push(JSON.parse(text));
      }
      return { ms: performance.now() - t0, bytes, files: docs.length };
    }
    case 'open-all': {
      const store = await Store.open({ dir });
      await store.loadAll();
      return { ms: performance.now() - t0, rssMB: process.resourceUsage().maxRSS / 1024 };
    }
    case 'open-one': {
      const store = await Store.open({ dir });
      await store.loadCourse(courseId);
      return { ms: performance.now() - t0, rssMB: process.resourceUsage().maxRSS / 1024 };
    }
    case 'idle':
      return { ms: 0, rssMB: process.resourceUsage().maxRSS / 1024 };
  }
  throw new Error(`unknown probe ${what}`);
}

main().then((r) => process.stdout.write(JSON.stringify(r) + '\n'));
