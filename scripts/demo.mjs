// `npm run demo`: builds, writes a sample CourseRepo with generated footage under .demo/, and opens it with the
// extension loaded: desktop `code` when it is on PATH, else code-server on 127.0.0.1 (the URL is printed).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { createSampleRepo } from './sample-repo.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const DEMO = path.join(ROOT, '.demo');
const REPO = path.join(DEMO, 'typescript-basics');
const DB = path.join(DEMO, 'db');
const has = (cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
const step = (msg) => console.log(`\n» ${msg}`);
const must = (r, what) => {
  if (r.status !== 0) {
    console.error(`${what} failed.`);
    process.exit(1);
  }
};

step('Building');
must(spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' }), 'The build');

if (!has('ffmpeg')) {
  if (process.getuid?.() === 0 && has('apt-get')) {
    step('Installing ffmpeg (Debian package) to generate the sample footage');
    must(spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' }), 'apt-get update');
    must(spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'ffmpeg'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }), 'Installing ffmpeg');
  } else {
    console.error('ffmpeg is needed to generate the sample footage. Install it (Debian/Ubuntu: sudo apt-get install ffmpeg; macOS: brew install ffmpeg) and run `npm run demo` again.');
    process.exit(1);
  }
}

if (!fs.existsSync(path.join(REPO, '.git'))) {
  step(`Writing the sample CourseRepo with generated footage: ${REPO}`);
  fs.rmSync(REPO, { recursive: true, force: true });
  createSampleRepo(REPO, { footage: true });
}
step(`Seeding the demo database: ${DB}`);
must(spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo-seed.ts', DB, REPO], { cwd: ROOT, stdio: 'inherit' }), 'Seeding');
const env = { ...process.env, CVM_DB: DB };

if (has('code')) {
  step('Opening it in VS Code (desktop) with the extension loaded');
  spawn('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, REPO], { env, stdio: 'inherit', detached: true }).unref();
  console.log(`\nThe demo uses its own database (CVM_DB=${DB}). Try: cvm tree "TypeScript Basics" --db ${DB}`);
} else {
  step('No desktop `code` on PATH: starting code-server (VS Code in the browser)');
  must(spawnSync('bash', ['scripts/setup-vscode.sh'], { cwd: ROOT, stdio: 'inherit' }), 'Setting up code-server');
  const port = Number(process.env.PORT) || (await new Promise((res) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => s.close(() => res(s.address()?.port ?? 8080)));
  }));
  const tools = path.join(ROOT, '.tools');
  const data = path.join(DEMO, 'code-server');
  fs.mkdirSync(path.join(data, 'user-data', 'User'), { recursive: true });
  fs.writeFileSync(path.join(data, 'user-data', 'User', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'chat.disableAIFeatures': true, 'workbench.secondarySideBar.defaultVisibility': 'hidden' }));
  fs.writeFileSync(path.join(data, 'config.yaml'), '');
  const server = spawn(path.join(tools, 'bin', 'node'), [path.join(tools, 'code-server/node_modules/code-server/out/node/entry.js'),
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    '--disable-workspace-trust', // the demo opens a folder it wrote itself
    '--config', path.join(data, 'config.yaml'), '--user-data-dir', path.join(data, 'user-data'), '--extensions-dir', path.join(data, 'extensions'),
    '--vscode-option', 'enable-smoke-test-driver', REPO], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${ROOT}`], ['skipWelcome', 'true']]);
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(REPO)}&payload=${encodeURIComponent(payload)}`;
  console.log(`\nOpen this URL in a browser (the extension is loaded from ${ROOT}):\n\n  ${url}\n\nThe demo uses its own database (CVM_DB=${DB}). Press Ctrl+C to stop code-server.`);
  process.on('SIGINT', () => server.kill('SIGTERM'));
  server.on('exit', (code) => process.exit(code ?? 0));
}
