/**
 * ESLint rule `mixlab/no-import-cycle`: no module may reach itself through its imports, and
 * type-only imports count.
 *
 * Why our own rule rather than import-x/no-cycle: import-x skips `import type` unconditionally (its
 * rules/no-cycle.js has no option for it), but a cycle through types is still a design cycle —
 * neither module can be read, moved or tested without the other, and the first value import added
 * along the same edge turns it into a load-order bug. Reading the graph with TypeScript's import
 * scanner (ts.preProcessFile: no parse, no type check) also keeps the rule cheap on the whole tree.
 *
 * Only relative specifiers are followed: the project has no path aliases, and a package cannot
 * import our modules back. `.vue` files take part through their <script> blocks.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** How an extensionless specifier finds its file, as the bundlers resolve ours. */
const CANDIDATE_SUFFIXES = ['', '.ts', '.vue', '.mjs', '.js', '/index.ts'];

function isFile(file) {
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

function resolveImport(fromFile, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const suffix of CANDIDATE_SUFFIXES) if (isFile(base + suffix)) return base + suffix;
  return null;
}

function scriptOf(file, text) {
  if (!file.endsWith('.vue')) return text;
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

/**
 * Each file's resolved imports as read from disk, re-read when its modification time changes (an
 * editor's ESLint server lives across edits). The time is looked at no more than once a second per
 * file: one `eslint .` walks the same files from every file it lints.
 */
const importsCache = new Map();
const RECHECK_MS = 1000;

function importsOf(file) {
  const now = Date.now();
  const cached = importsCache.get(file);
  if (cached && now - cached.checkedAt < RECHECK_MS) return cached.imports;
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return [];
  if (cached && cached.mtimeMs === stat.mtimeMs) {
    cached.checkedAt = now;
    return cached.imports;
  }
  const text = scriptOf(file, fs.readFileSync(file, 'utf8'));
  const imports = ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => resolveImport(file, f.fileName))
    .filter((resolved) => resolved !== null);
  importsCache.set(file, { mtimeMs: stat.mtimeMs, checkedAt: now, imports });
  return imports;
}

/**
 * Breadth-first from `start` to `goal`: the shortest import route, or null. `deadEnds` is shared by
 * the searches of one linted file: a module a failed search went through cannot lead back to it.
 */
function routeBack(start, goal, deadEnds) {
  const parent = new Map([[start, null]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i];
    if (file === goal) {
      const route = [];
      for (let at = file; at !== null; at = parent.get(at)) route.unshift(at);
      return route;
    }
    for (const next of importsOf(file)) {
      if (parent.has(next) || deadEnds.has(next)) continue;
      parent.set(next, file);
      queue.push(next);
    }
  }
  for (const file of queue) deadEnds.add(file);
  return null;
}

export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles between modules, type-only imports included.' },
    schema: [],
    messages: {
      cycle:
        'Import cycle: {{route}}. Move what both sides need into a leaf module that imports neither ' +
        '(type-only imports count: a cycle of types is still a cycle between modules).',
    },
  },
  create(context) {
    const file = context.physicalFilename;
    if (!path.isAbsolute(file)) return {};
    const deadEnds = new Set();
    const name = (f) => path.relative(context.cwd, f);

    function check(sourceNode) {
      if (typeof sourceNode?.value !== 'string') return;
      const target = resolveImport(file, sourceNode.value);
      if (target === null || deadEnds.has(target)) return;
      const route = routeBack(target, file, deadEnds);
      if (route)
        context.report({
          node: sourceNode,
          messageId: 'cycle',
          data: { route: [file, ...route].map(name).join(' → ') },
        });
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.argument?.literal),
    };
  },
};
