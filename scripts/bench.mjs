// `npm run bench`: runs every benchmark (TypeScript through tsx), prints the table and writes bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/index.ts'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
