import * as fs from 'node:fs';
import * as os from 'node:os';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors';

interface LockOwner {
  pid: number;
  host: string;
  token: string;
  at: number;
}

export interface LockOptions {
  /** Give up after this long (ms). */
  timeoutMs?: number;
  /** A lock older than this is stale even if its owner looks alive (owners hold it for milliseconds). */
  staleMs?: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

/**
 * A cross-process lock file created with O_EXCL. A lock whose owner died (same host, pid gone) or that is
 * older than `staleMs` is taken over: it is first renamed aside, and put back if what was renamed turns out to
 * be a fresh lock of another process.
 */
export class FileLock {
  private token: string | null = null;

  constructor(readonly file: string) {}

  get held(): boolean {
    return this.token !== null;
  }

  async acquire(options: LockOptions = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const staleMs = options.staleMs ?? 20_000;
    const started = Date.now();
    const token = randomUUID();
    let wait = 1;
    for (;;) {
      const owner: LockOwner = { pid: process.pid, host: os.hostname(), token, at: Date.now() };
      try {
        fs.writeFileSync(this.file, JSON.stringify(owner), { flag: 'wx' });
        this.token = token;
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const current = readOwner(this.file);
      if (current && this.isStale(current, staleMs)) {
        this.takeOverStale(current);
        continue;
      }
      if (!current) {
        // Being written right now, or a torn file from a crash between create and write: stale after a while.
        const age = fileAgeMs(this.file);
        if (age !== null && age > 2_000) this.takeOverStale(null);
      }
      if (Date.now() - started > timeoutMs) {
        throw new DomainError(
          'store-locked',
          `The course database is locked by ${current ? `process ${current.pid} on ${current.host}` : 'another process'} (${this.file}). ` +
            'Wait for it to finish; if no other window or cvm command is running, delete the lock file.',
        );
      }
      await new Promise((r) => setTimeout(r, wait));
      wait = Math.min(wait * 2, 50);
    }
  }

  /** True while this process's token is still the one in the lock file. */
  verify(): boolean {
    return this.token !== null && readOwner(this.file)?.token === this.token;
  }

  release(): void {
    if (!this.token) return;
    if (this.verify()) fs.rmSync(this.file, { force: true });
    this.token = null;
  }

  private isStale(owner: LockOwner, staleMs: number): boolean {
    if (owner.host === os.hostname() && owner.pid !== process.pid && !isAlive(owner.pid)) return true;
    return Date.now() - owner.at > staleMs;
  }

  private takeOverStale(judged: LockOwner | null): void {
    const aside = `${this.file}.${randomUUID()}.stale`;
    try {
      fs.renameSync(this.file, aside);
    } catch {
      return; // someone else took it over first
    }
    const moved = readOwner(aside);
    if (judged && moved && moved.token !== judged.token) {
      // We moved a fresh lock of another process: put it back (link fails if yet another lock appeared).
      try {
        fs.linkSync(aside, this.file);
      } catch {
        /* another owner exists now; the revision check at commit still protects the data */
      }
    }
    fs.rmSync(aside, { force: true });
  }
}

function fileAgeMs(file: string): number | null {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}
