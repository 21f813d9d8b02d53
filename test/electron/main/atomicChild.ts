/**
 * A child process for the atomic-save tests (bundled by the test with esbuild, then run with node):
 *   save <target> <text>   replaces target with text through writeFileAtomic; prints the outcome
 *                          as JSON (run as an unprivileged user to meet a read-only folder)
 *   hang <target> <text>   writes the temporary file, reports "written", then waits to be killed
 *                          before the rename
 */
import { openAtomic, writeFileAtomic } from '../../../electron/common/atomicWrite';
import { EngineError } from '../../../shared/errors';

async function main(): Promise<void> {
  const [mode, target, text] = process.argv.slice(2);
  if (mode === 'save') {
    try {
      await writeFileAtomic(target, text);
      process.stdout.write(JSON.stringify({ ok: true }));
    } catch (err) {
      const e = err as EngineError;
      process.stdout.write(JSON.stringify({ ok: false, code: e.code, message: e.message }));
    }
    return;
  }
  const file = await openAtomic(target);
  await file.write(text);
  process.stdout.write(`written ${file.tempPath}\n`);
  setInterval(() => {}, 1000);
}

void main();
