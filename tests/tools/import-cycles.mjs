// @ts-check
/**
 * An ESLint rule: no import cycles, type-only imports included. import-x/no-cycle passes over `import type` (a
 * cycle of types costs nothing at run time), but this project keeps its dependencies pointing one way for people
 * reading it, and a cycle of types is as much a knot in the design as one of values.
 *
 * The graph is every file of the TypeScript project (tsconfig.json, with its path aliases), read once per lint
 * run: each import, export-from, import() and import type, resolved the way the compiler resolves it. An import
 * is reported when the file it leads to leads back, with the way round.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

/** @typedef {{ edges: Map<string, Set<string>>, component: Map<string, number>, resolveFrom: (spec: string, file: string) => string | undefined, root: string }} Graph */

/** @type {Map<string, Graph>} */
const graphs = new Map();

/** @param {string} tsconfig @returns {Graph} */
function graphOf(tsconfig) {
  const cached = graphs.get(tsconfig);
  if (cached) return cached;
  const root = dirname(tsconfig);
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed) throw new Error(`import-cycles: cannot read ${tsconfig}`);
  const cache = ts.createModuleResolutionCache(root, (f) => f, parsed.options);
  /** @type {(spec: string, file: string) => string | undefined} */
  const resolveFrom = (spec, file) => {
    const found = ts.resolveModuleName(spec, file, parsed.options, ts.sys, cache).resolvedModule;
    // Packages are not ours to untangle, and JSON or declaration files import nothing.
    if (!found || found.isExternalLibraryImport || !/\.(?:[cm]?tsx?|[cm]?jsx?)$/.test(found.resolvedFileName)) return undefined;
    if (found.resolvedFileName.endsWith('.d.ts')) return undefined;
    return resolve(found.resolvedFileName);
  };
  /** @type {Map<string, Set<string>>} */
  const edges = new Map();
  const files = parsed.fileNames.filter((f) => /\.(?:[cm]?tsx?|[cm]?jsx?)$/.test(f) && !f.endsWith('.d.ts')).map((f) => resolve(f));
  for (const file of files) {
    if (!existsSync(file)) continue;
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set(importedFiles.map((i) => resolveFrom(i.fileName, file)).filter((t) => t !== undefined));
    edges.set(file, targets);
  }
  const graph = { edges, component: strongComponents(edges), resolveFrom, root };
  graphs.set(tsconfig, graph);
  return graph;
}

/**
 * Tarjan's strongly connected components, iteratively: files in one component of more than one file (or a file
 * importing itself) lie on a cycle. Returns each such file's component number.
 * @param {Map<string, Set<string>>} edges
 */
function strongComponents(edges) {
  /** @type {Map<string, number>} */ const index = new Map();
  /** @type {Map<string, number>} */ const low = new Map();
  /** @type {string[]} */ const stack = [];
  const onStack = new Set();
  /** @type {Map<string, number>} */ const component = new Map();
  let next = 0;
  let components = 0;
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    /** @type {[string, Iterator<string>][]} */
    const work = [[start, (edges.get(start) ?? new Set()).values()]];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const [node, children] = /** @type {[string, Iterator<string>]} */ (work.at(-1));
      const step = children.next();
      if (!step.done) {
        const child = step.value;
        if (!index.has(child)) {
          index.set(child, next);
          low.set(child, next++);
          stack.push(child);
          onStack.add(child);
          work.push([child, (edges.get(child) ?? new Set()).values()]);
        } else if (onStack.has(child)) {
          low.set(node, Math.min(/** @type {number} */ (low.get(node)), /** @type {number} */ (index.get(child))));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1)?.[0];
      if (parent !== undefined) low.set(parent, Math.min(/** @type {number} */ (low.get(parent)), /** @type {number} */ (low.get(node))));
      if (low.get(node) !== index.get(node)) continue;
      /** @type {string[]} */
      const members = [];
      let member;
      do {
        member = /** @type {string} */ (stack.pop());
        onStack.delete(member);
        members.push(member);
      } while (member !== node);
      const selfImport = edges.get(node)?.has(node);
      if (members.length > 1 || selfImport) {
        components++;
        for (const m of members) component.set(m, components);
      }
    }
  }
  return component;
}

/**
 * The shortest way from `from` to `to` inside their component: the files an import leads through.
 * @param {Graph} graph @param {string} from @param {string} to
 */
function wayBetween(graph, from, to) {
  /** @type {Map<string, string | null>} */
  const previous = new Map([[from, null]]);
  const queue = [from];
  while (queue.length && !previous.has(to)) {
    const node = /** @type {string} */ (queue.shift());
    for (const child of graph.edges.get(node) ?? []) {
      if (previous.has(child) || graph.component.get(child) !== graph.component.get(from)) continue;
      previous.set(child, node);
      queue.push(child);
    }
  }
  /** @type {string[]} */
  const way = [];
  for (let node = /** @type {string | null | undefined} */ (to); node; node = previous.get(node)) way.unshift(node);
  return way;
}

/** @type {import('eslint').Rule.RuleModule} */
const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles, type-only imports included' },
    schema: [{ type: 'object', properties: { tsconfig: { type: 'string' } }, additionalProperties: false }],
    messages: { cycle: 'Import cycle: {{way}}' },
  },
  create(context) {
    const tsconfig = resolve(context.options[0]?.tsconfig ?? 'tsconfig.json');
    const graph = graphOf(tsconfig);
    const file = resolve(context.physicalFilename);
    const mine = graph.component.get(file);
    if (mine === undefined) return {};
    /** @param {import('estree').Node & { source?: unknown }} node @param {unknown} source */
    const check = (node, source) => {
      const spec = /** @type {{ value?: unknown }} */ (source)?.value;
      if (typeof spec !== 'string') return;
      const target = graph.resolveFrom(spec, file);
      if (!target || graph.component.get(target) !== mine) return;
      const way = [file, ...wayBetween(graph, target, file)].map((f) => relative(graph.root, f)).join(' → ');
      context.report({ node, messageId: 'cycle', data: { way } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      /** @param {any} node */
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument),
    };
  },
};

export default { rules: { 'no-import-cycle': noImportCycle } };
