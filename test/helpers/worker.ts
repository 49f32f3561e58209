import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

export const WORKER = path.join(__dirname, '..', 'fixtures', 'store-worker.ts');

/** Starts the store worker under tsx (argument array, no shell) and hands each JSON line it prints to `onLine`. */
export function startWorker(args: string[], onLine: (msg: Record<string, unknown>) => void, env: NodeJS.ProcessEnv = {}): { child: ChildProcess; exited: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let buf = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      if (line.trim()) onLine(JSON.parse(line));
    }
  });
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, exited, stderr: () => err };
}
