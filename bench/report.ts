import * as fs from 'node:fs';
import * as os from 'node:os';

export interface Row {
  metric: string;
  value: string;
  baseline: string;
  ratio: string;
  goal: string;
  /** null for rows that are information, not a goal. */
  met: boolean | null;
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export function table(rows: Row[]): string {
  const head = '| Metric | Value | Baseline (same run) | Ratio | Goal | Met |\n|---|---|---|---|---|---|';
  return [head, ...rows.map((r) => `| ${r.metric} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.goal} | ${r.met === null ? '–' : r.met ? 'yes' : '**no**'} |`)].join('\n');
}

export function writeResults(file: string, sections: Array<{ title: string; rows: Row[] }>): void {
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()}`;
  const body = sections.map((s) => `## ${s.title}\n\n${table(s.rows)}`).join('\n\n');
  const text = `# Benchmark results\n\nWritten by \`npm run bench\` on ${new Date().toISOString()}.\nMachine: ${machine}. Shared and noisy: compare the ratios, not the absolute numbers.\n\n${body}\n`;
  fs.writeFileSync(file, text);
  console.log('\n' + body + '\n\nwritten to ' + file);
}
