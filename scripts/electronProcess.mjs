// Running Electron from `npm start` on real machines: its environment, its exit status, what to
// say when it dies by a signal (Ubuntu 24.04's sandbox restriction), and a main-module check that
// holds for paths with spaces and on Windows. Plain JavaScript: the scripts run before any build.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Electron's environment without ELECTRON_RUN_AS_NODE: set (VS Code's integrated terminal and
 * tools built on Electron export it), it makes Electron a plain Node.js, and the app's main script
 * fails on `require('electron')`.
 */
export function electronEnvironment(env) {
  const out = { ...env };
  delete out.ELECTRON_RUN_AS_NODE;
  return out;
}

/** The exit status a shell reports: the code, or 128 + the signal's number for a killed process. */
export function exitStatusOf(code, signal) {
  if (code !== null && code !== undefined) return code;
  const number = signal ? constants.signals[signal] : undefined;
  return number ? 128 + number : 1;
}

/**
 * Signals of a crash rather than of a request to stop: Chromium's CHECK failures end in a trap
 * instruction (SIGTRAP on x86-64, SIGILL elsewhere) or abort(), a bad access in SIGSEGV/SIGBUS.
 */
const CRASH_SIGNALS = new Set(['SIGTRAP', 'SIGILL', 'SIGABRT', 'SIGSEGV', 'SIGBUS']);

/**
 * What to print when Electron died by `signal`. On Linux a crash at start is almost always the
 * sandbox on Ubuntu 23.10 and later: AppArmor blocks unprivileged user namespaces
 * (kernel.apparmor_restrict_unprivileged_userns=1), Chromium falls back to its SUID helper
 * chrome-sandbox, and aborts with SIGTRAP when that is not root-owned with mode 4755 ("The SUID
 * sandbox helper binary was found, but is not configured correctly"; Launchpad bug 2046844,
 * electron/electron#42510). The two fixes are Ubuntu's: the SUID helper, or an AppArmor profile
 * that allows `userns` to this binary (the form of Ubuntu's own profiles and electron-builder's
 * deb template). Running with --no-sandbox is not offered: the page reads untrusted files.
 */
export function signalReport(signal, { platform, electronBinary }) {
  const lines = [`Electron stopped with signal ${signal}.`];
  if (platform !== 'linux' || !CRASH_SIGNALS.has(signal)) return lines;
  const sandbox = path.join(path.dirname(electronBinary), 'chrome-sandbox');
  return [
    ...lines,
    '',
    "If this happened at start, before the window opened, it is most likely Chromium's sandbox: on",
    'Ubuntu 24.04 and later AppArmor restricts the user namespaces it needs, and Electron says above',
    '"The SUID sandbox helper binary was found, but is not configured correctly". Fix it once, either',
    '',
    '  1. by making the sandbox helper setuid root:',
    `       sudo chown root:root "${sandbox}"`,
    `       sudo chmod 4755 "${sandbox}"`,
    '',
    '  2. or by allowing Electron user namespaces with an AppArmor profile: save as',
    '     /etc/apparmor.d/mixture-lab-electron',
    '       abi <abi/4.0>,',
    '       include <tunables/global>',
    `       profile mixture-lab-electron "${electronBinary}" flags=(unconfined) {`,
    '         userns,',
    '       }',
    '     then load it: sudo apparmor_parser -r /etc/apparmor.d/mixture-lab-electron',
    '',
    'and run `npm start` again. (A new Electron download in node_modules needs step 1 again.)',
  ];
}

/**
 * Whether the module at `moduleUrl` (import.meta.url) is the script Node was started with
 * (`argv1`). Comparing `file://${argv1}` with the URL fails for a path with a space (the URL has
 * %20) and on Windows (backslashes, a drive letter, file:///C:/…), so paths are compared instead.
 */
export function isMainModule(moduleUrl, argv1, platform = process.platform) {
  if (!argv1) return false;
  if (platform === 'win32') {
    // fileURLToPath reads a URL by the running OS's rules; a Windows URL is read here by hand.
    const pathname = decodeURIComponent(new URL(moduleUrl).pathname);
    const modulePath = path.win32.normalize(pathname.replace(/^\/([A-Za-z]:)/, '$1'));
    return modulePath.toLowerCase() === path.win32.resolve(argv1).toLowerCase();
  }
  return fileURLToPath(moduleUrl) === path.resolve(argv1);
}

/**
 * Runs Electron in this terminal and resolves with the exit status `npm start` should end with:
 * non-zero when Electron died by a signal (Node reports code null then), with what to do printed.
 */
export function runElectron(electronBinary, args, options = {}) {
  const platform = options.platform ?? process.platform;
  const report = options.report ?? ((line) => console.error(line));
  return new Promise((resolve) => {
    const child = spawn(electronBinary, args, {
      stdio: options.stdio ?? 'inherit',
      env: electronEnvironment(options.env ?? process.env),
      cwd: options.cwd,
    });
    child.on('error', (error) => {
      report(`Could not start Electron (${electronBinary}): ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      if (signal) for (const line of signalReport(signal, { platform, electronBinary })) report(line);
      resolve(exitStatusOf(code, signal));
    });
  });
}
