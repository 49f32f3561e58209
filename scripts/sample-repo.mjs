// Writes a sample CourseRepo: a git repo with sections and lessons (and, on request, generated footage).
// Used by `npm run demo` and the integration tests. Processes are spawned with argument arrays.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SAMPLE_LAYOUT = {
  'exercises/01-getting-started/01.01-hello-world': 'console.log("Hello, world!");\n',
  'exercises/01-getting-started/01.02-variables': 'const answer = 42;\nlet count = 0;\n',
  'exercises/02-functions/02.01-arrow-functions': 'const double = (n: number) => n * 2;\n',
  'exercises/02-functions/02.02-closures': 'function counter() {\n  let n = 0;\n  return () => ++n;\n}\n',
  'exercises/99-old-ideas-ARCHIVE/001-abandoned': '// an idea that did not make it\n',
};

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.error) throw new Error(`${cmd} is not installed or not on PATH (${r.error.message}); install it (e.g. apt-get install ${cmd}).`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Generates `seconds` of 720p footage: a test pattern and a tone with two pauses (for silence detection). */
export function generateFootage(file, seconds = 12, ffmpeg = 'ffmpeg') {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const volume = `volume='if(between(t,4,5.5)+between(t,8.5,10),0,1)':eval=frame`;
  run(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=30:duration=${seconds}`, '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
    '-af', volume, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file]);
}

export function createSampleRepo(dir, { footage = false, ffmpeg = 'ffmpeg' } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'README.md'), '# TypeScript Basics\n\nA sample CourseRepo made by Course Video Manager.\n');
  for (const [folder, code] of Object.entries(SAMPLE_LAYOUT)) {
    fs.mkdirSync(path.join(dir, folder), { recursive: true });
    fs.writeFileSync(path.join(dir, folder, 'index.ts'), code);
    fs.writeFileSync(path.join(dir, folder, 'README.md'), `# ${path.basename(folder).replace(/^[\d.]+-/, '').replace(/-/g, ' ')}\n`);
  }
  if (footage) {
    fs.writeFileSync(path.join(dir, '.gitignore'), 'footage/\n');
    generateFootage(path.join(dir, 'footage', 'getting-started-take-1.mp4'), 12, ffmpeg);
    generateFootage(path.join(dir, 'footage', 'functions-take-1.mp4'), 8, ffmpeg);
  }
  run('git', ['init', '-q', '-b', 'main'], dir);
  run('git', ['add', '-A'], dir);
  run('git', ['-c', 'user.name=Course Author', '-c', 'user.email=author@example.com', 'commit', '-q', '-m', 'Sample course'], dir);
  return dir;
}
