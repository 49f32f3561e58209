// `cvm`: the command-line entry over the domain. Thin: parse, call the domain, print.
import { DomainError, errorMessage } from '../domain/errors';
import { parseCommandLine, UsageError, USAGE } from './args';
import { runCommand } from './commands';

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n')): Promise<number> {
  let opts;
  try {
    opts = parseCommandLine(argv);
    if (opts.help || opts.positionals.length === 0) {
      out(USAGE);
      return opts.help ? 0 : 2;
    }
    return await runCommand(opts, out);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`cvm: ${e.message}\nRun \`cvm --help\` for usage.\n`);
      return 2;
    }
    const msg = e instanceof DomainError ? e.message : `unexpected error: ${errorMessage(e)}`;
    process.stderr.write(`cvm: ${msg.replace(/\s*\n\s*/g, ' ')}\n`);
    if (!(e instanceof DomainError) && process.env.CVM_DEBUG) console.error(e);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
