import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { DomainError } from '../errors';
import { writeFileAtomic } from './atomicFile';
import { PAYLOADS_DIR } from './layout';

const HASH = /^[0-9a-f]{64}$/;

/** Large texts (transcripts, waveform peaks) in content-addressed files `payloads/<sha256>`, written once. */
export class PayloadStore {
  constructor(private readonly dir: string) {}

  fileOf(hash: string): string {
    if (!HASH.test(hash)) throw new DomainError('invalid-argument', `${JSON.stringify(hash)} is not a payload hash.`);
    return path.join(this.dir, PAYLOADS_DIR, hash);
  }

  async put(hash: string, text: string): Promise<void> {
    const file = this.fileOf(hash);
    if (fs.existsSync(file)) return;
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, text);
  }

  /** Reads a payload; a missing or altered file is a clear DomainError, never a crash. */
  async get(hash: string): Promise<string> {
    const file = this.fileOf(hash);
    let text: string;
    try {
      text = await fs.promises.readFile(file, 'utf8');
    } catch {
      throw new DomainError('payload-missing', `The payload file ${file} is missing; the text it held is lost. Run \`cvm verify\` for a full report.`);
    }
    if (createHash('sha256').update(text, 'utf8').digest('hex') !== hash) {
      throw new DomainError('payload-missing', `The payload file ${file} does not match its hash (it was changed or truncated).`);
    }
    return text;
  }

  exists(hash: string): boolean {
    return fs.existsSync(this.fileOf(hash));
  }
}
