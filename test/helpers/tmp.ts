import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const created: string[] = [];

/** A fresh temporary folder, removed after the run. */
export function tmpDir(prefix = 'cvm-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Creates folders (and `name: contents` files) below `root` from a list of relative paths. */
export function makeTree(root: string, entries: Array<string | [string, string]>): string {
  for (const e of entries) {
    if (typeof e === 'string') fs.mkdirSync(path.join(root, e), { recursive: true });
    else {
      fs.mkdirSync(path.dirname(path.join(root, e[0])), { recursive: true });
      fs.writeFileSync(path.join(root, e[0]), e[1]);
    }
  }
  return root;
}

/** Every file below `dir` with its bytes, to prove that something was left untouched. */
export function snapshotFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p).toString('base64');
    }
  };
  walk(dir);
  return out;
}

process.on('exit', () => {
  if (process.env.CVM_KEEP_TMP) return;
  for (const d of created) fs.rmSync(d, { recursive: true, force: true });
});
