#!/usr/bin/env node
// Runs a mocha suite inside code-server's (VS Code 1.139) Node extension host, driven by headless Chromium.
// usage: node scripts/run-vscode-tests.js --extensionDevelopmentPath DIR --extensionTestsPath FILE --workspace DIR
//          [--timeout SEC] [--screenshot PNG] [--ui-check JSON] [--env KEY=VALUE,...]
// --ui-check FILE: while the suite runs, waits for the suite to write FILE ([{label, ghost}]), then checks the rows
//             of the "Course" view in the workbench DOM (every label shown, ghost rows in the disabled colour, others
//             not), saves the screenshot, and writes FILE.result.json ({problems, rows}) for the suite to assert on.
const { spawn } = require('child_process');
const fs = require('fs'), os = require('os'), path = require('path'), net = require('net'), http = require('http'), util = require('util');
const ROOT = path.resolve(__dirname, '..');
const TOOLS = process.env.VSCODE_TOOLS_DIR || path.join(ROOT, '.tools');
const pwDir = path.join(TOOLS, 'pw/node_modules/playwright-core');
if (!fs.existsSync(pwDir)) {
  console.error(`playwright-core is not installed in ${TOOLS}: run scripts/setup-vscode.sh (npm test does it).`);
  process.exit(1);
}
const { chromium } = require(pwDir);

const argv = process.argv.slice(2), opt = {};
for (let i = 0; i < argv.length; i += 2) opt[argv[i].replace(/^--/, '')] = argv[i + 1];
const extDev = path.resolve(opt.extensionDevelopmentPath), testsPath = path.resolve(opt.extensionTestsPath);
const workspace = path.resolve(opt.workspace || extDev), timeoutMs = (+opt.timeout || 300) * 1000;
const extraEnv = Object.fromEntries((opt.env || '').split(',').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
const t0 = Date.now(), log = (m) => console.log(`[vscode-test ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

const freePort = () => new Promise((res, rej) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); s.on('error', rej); });
const healthy = (port) => new Promise((res) => http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (r) => { r.resume(); res(r.statusCode === 200); }).on('error', () => res(false)));

/** Reads the rows of the "Course" view from the DOM and checks them against the expectation. */
async function uiCheck(page, expectFile) {
  const expected = JSON.parse(fs.readFileSync(expectFile, 'utf8'));
  let rows = [];
  for (let i = 0; i < 40; i++) {
    rows = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--vscode-disabledForeground)';
      (document.querySelector('.monaco-workbench') || document.body).appendChild(probe);
      const disabled = getComputedStyle(probe).color;
      probe.remove();
      const pane = [...document.querySelectorAll('.pane')].find((p) => p.querySelector('.pane-header .title')?.textContent?.trim().toLowerCase() === 'course');
      if (!pane) return [];
      return [...pane.querySelectorAll('.monaco-list-row')].map((r) => {
        const name = r.querySelector('.label-name');
        return { label: name?.textContent?.trim() ?? '', description: r.querySelector('.label-description')?.textContent?.trim() ?? '', color: name ? getComputedStyle(name).color : '', disabled };
      });
    });
    if (expected.every((e) => rows.some((r) => r.label === e.label && (r.color === r.disabled) === e.ghost))) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const problems = [];
  if (rows.length === 0) problems.push('the Course view shows no rows');
  for (const e of expected) {
    const row = rows.find((r) => r.label === e.label);
    if (!row) problems.push(`row "${e.label}" is not shown`);
    else if ((row.color === row.disabled) !== e.ghost) problems.push(`row "${e.label}" is ${e.ghost ? 'not greyed' : 'greyed'} (colour ${row.color}, disabledForeground ${row.disabled})`);
  }
  console.log('[ui-check] rows of the Course view:\n' + rows.map((r) => `  ${r.label}  ${r.description}  ${r.color === r.disabled ? '(greyed)' : ''}`).join('\n'));
  return { problems, rows };
}

(async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-test-'));
  const udd = path.join(tmp, 'user-data'), xdg = path.join(tmp, 'xdg');
  fs.mkdirSync(path.join(udd, 'User'), { recursive: true }); fs.mkdirSync(xdg);
  fs.writeFileSync(path.join(udd, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true, 'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'update.mode': 'none',
    'workbench.enableExperiments': false, 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'git.enabled': false,
    'workbench.colorTheme': 'Default Dark Modern',
  }, null, 1));
  fs.writeFileSync(path.join(tmp, 'config.yaml'), '');
  const port = +opt.port || await freePort();
  const serverLog = path.join(tmp, 'code-server.log');
  const out = fs.openSync(serverLog, 'a');
  const env = { ...process.env, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg, XDG_CACHE_HOME: xdg, TMPDIR: tmp, ...extraEnv };
  const cs = spawn(path.join(TOOLS, 'bin/node'), [path.join(TOOLS, 'code-server/node_modules/code-server/out/node/entry.js'),
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--config', path.join(tmp, 'config.yaml'),
    '--user-data-dir', udd, '--extensions-dir', path.join(tmp, 'extensions'),
    '--vscode-option', 'enable-smoke-test-driver',
    workspace], { detached: true, stdio: ['ignore', out, out], env });
  const killServer = () => { try { process.kill(-cs.pid, 'SIGTERM'); } catch {} };
  process.on('exit', () => { try { process.kill(-cs.pid, 'SIGKILL'); } catch {} });
  let browser, code = 'timeout';
  try {
    for (let i = 0; !(await healthy(port)); i++) { if (i > 120 || cs.exitCode !== null) throw new Error('code-server did not start'); await new Promise((r) => setTimeout(r, 500)); }
    log(`code-server up on port ${port}`);
    browser = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, viewport: { width: 1400, height: 860 }, env,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    });
    const page = browser.pages()[0] || await browser.newPage();
    let exited; const done = new Promise((r) => (exited = r));
    const noise = /AgentHost|ChatModelSelection|AccountPolicyGate|Service Worker|socket|connection token|grace time|builtin extensions cache|open-vsx\.org|ChatSessionStore/;
    await page.exposeFunction('codeAutomationLog', (type, args) => { const t = util.format(...(args || [])); if (process.env.VSCODE_TEST_VERBOSE || !noise.test(t)) console.log(t); });
    await page.exposeFunction('codeAutomationExit', (c) => exited(c));
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [['extensionDevelopmentPath', remote(extDev)], ['extensionTestsPath', remote(testsPath)], ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const shoot = async () => { if (opt.screenshot) { fs.mkdirSync(path.dirname(path.resolve(opt.screenshot)), { recursive: true }); await page.screenshot({ path: opt.screenshot }); log(`screenshot: ${opt.screenshot}`); } };
    let uiDone = !opt['ui-check'];
    const uiPoll = setInterval(async () => {
      if (uiDone || !fs.existsSync(opt['ui-check'])) return;
      uiDone = true;
      await new Promise((r) => setTimeout(r, 500)); // let the tree render the revealed rows
      const { problems, rows } = await uiCheck(page, opt['ui-check']);
      await shoot();
      fs.writeFileSync(opt['ui-check'] + '.result.json', JSON.stringify({ problems, rows }));
    }, 200);
    code = await Promise.race([done, new Promise((r) => setTimeout(() => r('timeout'), timeoutMs))]);
    clearInterval(uiPoll);
    if (!opt['ui-check']) await shoot();
  } catch (e) { console.error(e); code = 'error'; }
  finally { if (browser) await browser.close().catch(() => {}); killServer(); }
  log(`extension tests finished: ${code === 0 ? 'exit 0' : 'FAILED (' + code + ')'}`);
  if (code !== 0) { console.log('--- code-server log (tail) ---\n' + fs.readFileSync(serverLog, 'utf8').split('\n').slice(-40).join('\n')); }
  await new Promise((r) => setTimeout(r, 1500));
  try { process.kill(-cs.pid, 'SIGKILL'); } catch {}
  if (!process.env.VSCODE_TEST_KEEP) fs.rmSync(tmp, { recursive: true, force: true }); else log(`kept ${tmp}`);
  process.exit(code === 0 ? 0 : 1);
})();
