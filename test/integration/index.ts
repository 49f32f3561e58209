// Entry point VS Code calls in the extension host: runs the mocha suites bundled next to it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', forbidOnly: true, forbidPending: true });
  const only = process.env.CVM_SUITE;
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (f.endsWith('.test.js') && (!only || f.startsWith(only))) mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} tests failed.`)) : resolve()));
  });
}
