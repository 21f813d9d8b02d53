/**
 * `mixlab` — the command line over the same engine handlers the app uses (run in-process).
 *   mixlab inspect <file> …   mixlab fit <file> …   mixlab sweep <file> …
 */
import { createInProcessEngine } from '../engine/inProcessEngine';
import { commands } from './commands';

const USAGE = `Usage: mixlab <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(9)}${c.summary}`)
  .join('\n')}

Run "mixlab <command> --help" for a command's options.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(USAGE + '\n');
    return name ? 0 : 2;
  }
  const command = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`mixlab: unknown command "${name}".\n\n${USAGE}\n`);
    return 2;
  }
  return command.run({
    args,
    engine: createInProcessEngine(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Worker threads or streams left open must not keep a finished command alive.
    setImmediate(() => process.exit(code));
  },
  (err: unknown) => {
    process.stderr.write(`mixlab: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
