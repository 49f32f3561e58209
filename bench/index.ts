import * as path from 'node:path';
import { benchStore, DATA } from './store.bench';
import { benchExtension } from './extension.bench';
import { writeResults } from './report';

(async () => {
  const { rows: store, courseIds } = await benchStore();
  const extension = await benchExtension(DATA, courseIds[0]);
  writeResults(path.join(__dirname, 'RESULTS.md'), [
    { title: 'Course store (issue 2)', rows: store },
    { title: 'Extension in VS Code 1.139 (code-server), large-author database (issue 3)', rows: extension },
  ]);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
