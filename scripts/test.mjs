// `npm test`: build, type-check, lint, then every suite; prints one summary line `Summary: N passed, N failed`.
import { spawnSync } from 'node:child_process';

const results = [];
let passed = 0;
let failed = 0;

function run(label, cmd, args, { parseMocha = false } = {}) {
  const started = Date.now();
  console.log(`\n=== ${label}`);
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write((r.stderr ?? '').split('\n').filter((l) => !/Unknown user config "nodedir"/.test(l)).join('\n'));
  const ok = r.status === 0;
  if (parseMocha) {
    // The integration runner prints its own total line; the unit runner prints mocha's.
    const total = /^integration: (\d+) passing, (\d+) failing$/m.exec(r.stdout);
    const p = Number(total?.[1] ?? /(\d+) passing/.exec(r.stdout)?.[1] ?? 0);
    const f = Number(total?.[2] ?? /(\d+) failing/.exec(r.stdout)?.[1] ?? 0);
    const pending = Number(/(\d+) pending/.exec(r.stdout)?.[1] ?? 0);
    passed += p;
    failed += f + pending; // a skipped test hides a failure: it counts as failed
    if (!ok && f === 0) failed++; // the runner itself failed (no tests found, crash)
    if (p + f === 0) {
      console.error(`${label}: no test ran`);
      failed++;
    }
  } else if (!ok) {
    failed++;
  }
  results.push(`${label}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`Node ${process.version} is too old: install Node 20 or newer (https://nodejs.org or your package manager).`);
  process.exit(1);
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
run('build (esbuild)', process.execPath, ['scripts/build.mjs']);
run('type-check (tsc --noEmit)', npx, ['tsc', '--noEmit', '-p', '.']);
run('lint (eslint)', npx, ['eslint', '.']);
run('unit tests (mocha on Node)', npx, ['mocha'], { parseMocha: true });
// The integration suites need a real VS Code: code-server and Node 24 from npm into .tools/, Debian's chromium.
if (run('set up VS Code for tests (scripts/setup-vscode.sh)', 'bash', ['scripts/setup-vscode.sh'])) {
  run('integration tests (code-server 4.139.1 = VS Code 1.139.1)', process.execPath, ['scripts/integration.mjs'], { parseMocha: true });
} else {
  console.error('The integration suites could not run: see the setup output above for what to install.');
}

console.log('\n' + results.join('\n'));
console.log(`Summary: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
