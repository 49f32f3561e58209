import * as path from 'node:path';
import { benchStore } from './store.bench';
import { writeResults } from './report';

(async () => {
  const store = await benchStore();
  writeResults(path.join(__dirname, 'RESULTS.md'), [{ title: 'Course store (issue 2)', rows: store }]);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
