// Integration suites in a real VS Code (code-server 4.139.1 = VS Code 1.139.1), each on its own fixture and database.
// Prints the mocha output of each run and a line `integration: N passing, M failing`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { createSampleRepo } from './sample-repo.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const OUT = path.join(ROOT, 'out', 'test', 'integration');
const RESULTS = path.join(ROOT, 'test-results');
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(RESULTS, { recursive: true });
for (const f of ['ui-expect.json', 'ui-expect.json.result.json']) fs.rmSync(path.join(RESULTS, f), { force: true });
const entries = fs.readdirSync(path.join(ROOT, 'test', 'integration')).filter((f) => f === 'index.ts' || f.endsWith('.test.ts'));
await build({
  entryPoints: entries.map((f) => path.join(ROOT, 'test', 'integration', f)), outdir: OUT, bundle: true, platform: 'node', target: 'node20',
  format: 'cjs', sourcemap: true, external: ['vscode', 'mocha'], logLevel: 'warning',
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cvm-it-'));
let passing = 0;
let failing = 0;
function runSuite(name, { suite, workspace, db, extra = [] }) {
  console.log(`\n--- integration suite: ${name}`);
  const args = [path.join(ROOT, 'scripts', 'run-vscode-tests.js'), '--extensionDevelopmentPath', ROOT, '--extensionTestsPath', path.join(OUT, 'index.js'),
    '--workspace', workspace, '--env', `CVM_DB=${db},CVM_SUITE=${suite},CVM_UI_EXPECT=${path.join(RESULTS, 'ui-expect.json')}`, ...extra];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  const p = Number(/(\d+) passing/.exec(r.stdout)?.[1] ?? 0);
  const f = Number(/(\d+) failing/.exec(r.stdout)?.[1] ?? 0);
  passing += p;
  failing += f + (r.status !== 0 && f === 0 ? 1 : 0); // a failed runner (start-up, UI check) counts as a failure
  if (p + f === 0) failing++;
}

const benchIndex = process.argv.indexOf('--bench');
if (benchIndex > 0) {
  // `npm run bench`: the benchmark suite on a given workspace and database, results to a JSON file.
  const [workspace, db, out] = process.argv.slice(benchIndex + 1);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'run-vscode-tests.js'), '--extensionDevelopmentPath', ROOT, '--extensionTestsPath', path.join(OUT, 'index.js'),
    '--workspace', workspace, '--env', `CVM_DB=${db},CVM_SUITE=3-,CVM_BENCH_OUT=${out}`], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const ws = createSampleRepo(path.join(tmp, 'typescript-basics'));
runSuite('course tree', { suite: '1-', workspace: ws, db: path.join(tmp, 'db'), extra: ['--ui-check', path.join(RESULTS, 'ui-expect.json'), '--screenshot', path.join(RESULTS, 'course-tree.png')] });

const corrupt = path.join(tmp, 'corrupt-db');
fs.mkdirSync(corrupt);
fs.writeFileSync(path.join(corrupt, 'store.json'), '{"kind":"cvm-store","schemaVersion":1,');
runSuite('database error state', { suite: '2-', workspace: createSampleRepo(path.join(tmp, 'other')), db: corrupt, extra: ['--screenshot', path.join(RESULTS, 'error-state.png')] });

if (!process.env.CVM_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
console.log(`integration: ${passing} passing, ${failing} failing`);
process.exit(failing ? 1 : 0);
