/**
 * Electron main process entry. A second launch only hands its command line to the first instance
 * (Electron's single-instance lock forwards argv and the working directory, which opens the files)
 * and quits — before any set-up: no log line, no protocol, no autosave session, no engine process
 * of its own, nothing a second copy could disturb. The first instance starts mainProcess.ts.
 */
import { app } from 'electron';
import type { ForwardedLaunch } from './launchFiles';
import { startMainProcess } from './mainProcess';

const launch: ForwardedLaunch = { argv: process.argv, cwd: process.cwd() };
if (app.requestSingleInstanceLock(launch)) startMainProcess();
else app.exit(0);
