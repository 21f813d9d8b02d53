// `npm start`: build, make sure the Electron runtime is there (first start downloads it), open the
// app. Ends with Electron's exit status, non-zero when it died by a signal (electronProcess.mjs).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installElectron } from './install-electron.mjs';
import { runElectron } from './electronProcess.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

if (!installElectron()) process.exit(1);

// node_modules/electron exports the binary's path once it is installed.
const electronBinary = require('electron');
process.exit(await runElectron(electronBinary, [root, ...process.argv.slice(2)], { cwd: root }));
