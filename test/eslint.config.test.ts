import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ESLint } from 'eslint';

/**
 * The layer zones and the cycle rule of eslint.config.js, run through ESLint's own API on snippets
 * placed at paths inside the tree (the files need not exist; what they import must, since zones are
 * checked on resolved paths). Each forbidden import must be reported with its zone's advice, and
 * each allowed one must pass, so a zone that stopped matching is caught as surely as a missing one.
 */
const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });
const LAYER_RULES = new Set([
  'no-restricted-imports',
  'import-x/no-restricted-paths',
  'mixlab/no-import-cycle',
]);

async function layerProblems(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages
    .filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId))
    .map((m) => ({ rule: m.ruleId, message: m.message }));
}

async function expectReported(filePath: string, code: string, rule: string, advice: string) {
  const problems = await layerProblems(filePath, code);
  expect(problems, `${filePath}: ${code}`).toEqual([{ rule, message: expect.stringContaining(advice) }]);
}

describe('layer zones', () => {
  it('keeps the electron module out of the engine, the CLI and electron/common', async () => {
    for (const file of ['electron/engine/x.ts', 'electron/cli/commands/x.ts', 'electron/common/x.ts']) {
      for (const spec of ['electron', 'electron/main']) {
        await expectReported(
          file,
          `import '${spec}';\n`,
          'no-restricted-imports',
          'keep Electron APIs in electron/main',
        );
      }
    }
  });

  it('keeps electron/main and the preload out of the engine, the CLI and electron/common', async () => {
    const advice = 'move what both sides need to electron/common (Node) or shared/';
    await expectReported(
      'electron/cli/x.ts',
      "import '../main/services';\n",
      'import-x/no-restricted-paths',
      advice,
    );
    await expectReported(
      'electron/engine/handlers/x.ts',
      "import '../../main/engineClient';\n",
      'import-x/no-restricted-paths',
      advice,
    );
    await expectReported(
      'electron/common/x.ts',
      "import '../preload/preload';\n",
      'import-x/no-restricted-paths',
      advice,
    );
  });

  it('lets the CLI build on the engine and electron/common, never the reverse', async () => {
    expect(
      await layerProblems(
        'electron/cli/x.ts',
        "import '../engine/inProcessEngine';\nimport '../common/atomicWrite';\n",
      ),
    ).toEqual([]);
    await expectReported(
      'electron/engine/x.ts',
      "import '../cli/args';\n",
      'import-x/no-restricted-paths',
      'move the helper into electron/engine or electron/common',
    );
    await expectReported(
      'electron/common/x.ts',
      "import '../engine/datasetStore';\n",
      'import-x/no-restricted-paths',
      'move the helper down into electron/common or shared/',
    );
  });

  it('lets the row kernels be imported only through compute/index.ts, except by the tests', async () => {
    const advice = 'Import the row kernels only through shared/engine/compute';
    await expectReported(
      'shared/engine/model/x.ts',
      "import '../compute/steps';\n",
      'import-x/no-restricted-paths',
      advice,
    );
    await expectReported(
      'electron/engine/wasm/x.ts',
      "import '../../../shared/engine/compute/wasm/encoder';\n",
      'import-x/no-restricted-paths',
      advice,
    );
    await expectReported(
      'renderer/src/lib/x.ts',
      "import '../../../shared/engine/compute/expNonPositive';\n",
      'import-x/no-restricted-paths',
      advice,
    );
    expect(await layerProblems('shared/engine/model/x.ts', "import '../compute';\n")).toEqual([]);
    expect(
      await layerProblems('shared/engine/compute/x.ts', "import './steps';\nimport './wasm/encoder';\n"),
    ).toEqual([]);
    expect(
      await layerProblems(
        'test/shared/engine/model/x.test.ts',
        "import '../../../../shared/engine/compute/steps';\n",
      ),
    ).toEqual([]);
  });

  it('lets the preload import only electron and shared/api.ts (with shared/errors.ts)', async () => {
    expect(
      await layerProblems(
        'electron/preload/x.ts',
        "import 'electron';\nimport '../../shared/api';\nimport '../../shared/errors';\n",
      ),
    ).toEqual([]);
    const advice = 'Put the work in electron/main behind a window.mixlab call';
    await expectReported(
      'electron/preload/x.ts',
      "import 'node:fs/promises';\n",
      'no-restricted-imports',
      advice,
    );
    await expectReported('electron/preload/x.ts', "import 'zod';\n", 'no-restricted-imports', advice);
    await expectReported(
      'electron/preload/x.ts',
      "import '../engine/engineCore';\n",
      'import-x/no-restricted-paths',
      advice,
    );
    await expectReported(
      'electron/preload/x.ts',
      "import '../../shared/protocol';\n",
      'import-x/no-restricted-paths',
      advice,
    );
  });
});

describe('import cycles', () => {
  it('reports a cycle through the dispatch table back to the handlers’ leaf module', async () => {
    // handlers/index.ts imports every handler, and every handler imports handler.ts.
    await expectReported(
      'electron/engine/handlers/handler.ts',
      "import './index';\n",
      'mixlab/no-import-cycle',
      'Import cycle: electron/engine/handlers/handler.ts → electron/engine/handlers/index.ts → ',
    );
  });

  it('counts a type-only import: services.ts imports desktopServices.ts', async () => {
    await expectReported(
      'electron/main/desktopServices.ts',
      "import type { MixlabServices } from './services';\nexport type Desktop = Pick<MixlabServices, 'closeWindow'>;\n",
      'mixlab/no-import-cycle',
      'Import cycle: electron/main/desktopServices.ts → electron/main/services.ts → electron/main/desktopServices.ts.',
    );
  });

  it('is quiet about an import that does not lead back', async () => {
    expect(
      await layerProblems(
        'electron/main/desktopServices.ts',
        "export type { MenuState } from '../../shared/api';\n",
      ),
    ).toEqual([]);
  });
});
