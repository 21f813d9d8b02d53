/** Types of electronProcess.mjs (the scripts are plain JavaScript; tests import them). */
export function electronEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function exitStatusOf(code: number | null, signal: NodeJS.Signals | null): number;
export function signalReport(
  signal: NodeJS.Signals,
  options: { platform: NodeJS.Platform; electronBinary: string },
): string[];
export function isMainModule(
  moduleUrl: string,
  argv1: string | undefined,
  platform?: NodeJS.Platform,
): boolean;
export function runElectron(
  electronBinary: string,
  args: string[],
  options?: {
    platform?: NodeJS.Platform;
    env?: NodeJS.ProcessEnv;
    cwd?: string;
    stdio?: 'inherit' | 'pipe' | 'ignore';
    report?: (line: string) => void;
  },
): Promise<number>;
