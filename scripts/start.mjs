// `npm start`: build, make sure the Electron runtime is there (first start downloads it), open the app.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { installElectron } from './install-electron.mjs';

const require = createRequire(import.meta.url);

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

if (!installElectron()) process.exit(1);

// node_modules/electron exports the binary's path once it is installed.
const electronBinary = require('electron');
const child = spawn(electronBinary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
