import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileContent, formatProblem } from '../src/domain/content/compile.ts';
import type { CompileResult, QuestionFacts } from '../src/domain/content/index.ts';
import { factsOf } from '../src/domain/content/facts.ts';
import { readContentFolder } from './read-content.ts';

const CATALOG = 'virtual:rapport/catalog';
const PACK_PREFIX = 'virtual:rapport/pack/';
const PRINCIPLES = 'virtual:rapport/principles';
const QUESTION_INDEX = 'virtual:rapport/question-index';

/**
 * Compiles content/ at build time into JSON modules: a small catalog loaded with the app,
 * and one module per pack (and one for principle texts) loaded when first needed.
 * Any error fails the build with file:line messages.
 */
export function rapportContent(contentDir = 'content'): Plugin {
  let root = '';
  let compiled: CompileResult | undefined;

  const compile = (): CompileResult => {
    const result = compileContent(readContentFolder(root));
    const errors = result.problems.filter((item) => item.severity === 'error');
    if (errors.length > 0) {
      const lines = errors.map((item) => formatProblem(item, `${contentDir}/`));
      throw new Error(`content has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    }
    return result;
  };

  return {
    name: 'rapport-content',
    configResolved(config) {
      root = resolve(config.root, contentDir);
    },
    buildStart() {
      compiled = compile();
      for (const file of readContentFolder(root)) this.addWatchFile(resolve(root, file.path));
    },
    resolveId(id) {
      if (id === CATALOG || id === PRINCIPLES || id === QUESTION_INDEX || id.startsWith(PACK_PREFIX)) return `\0${id}`;
      return null;
    },
    load(id) {
      if (!id.startsWith('\0virtual:rapport/')) return null;
      compiled ??= compile();
      const name = id.slice(1);
      if (name === CATALOG) return catalogModule(compiled);
      if (name === PRINCIPLES) return `export default ${JSON.stringify(compiled.principles)};`;
      if (name === QUESTION_INDEX) return `export default ${JSON.stringify(questionIndex(compiled))};`;
      const pack = compiled.packs.find((candidate) => candidate.id === name.slice(PACK_PREFIX.length));
      if (!pack) this.error(`no pack "${name.slice(PACK_PREFIX.length)}" in ${contentDir}/`);
      return `export default ${JSON.stringify(pack)};`;
    },
    configureServer(server) {
      server.watcher.add(root);
      server.watcher.on('all', (_event, path) => {
        if (!path.startsWith(root)) return;
        compiled = undefined;
        for (const module of server.moduleGraph.idToModuleMap.values()) {
          if (module.id?.startsWith('\0virtual:rapport/')) server.moduleGraph.invalidateModule(module);
        }
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}

/**
 * Just enough of every question to plan a session or draw an exam without loading the packs: its
 * facts, and how many options it has (the chance of a lucky guess, for the readiness estimate).
 */
function questionIndex(content: CompileResult): Record<string, (QuestionFacts & { options: number })[]> {
  return Object.fromEntries(content.packs.map((pack) => [pack.id, pack.questions.map((question) => ({ ...factsOf(question), options: question.options.length }))]));
}

function catalogModule(content: CompileResult): string {
  const packs = content.packs.map(({ questions, ...meta }) => ({ ...meta, questionCount: questions.length }));
  const principles = content.principles.map(({ id, title, summary }) => ({ id, title, summary }));
  const loaders = content.packs
    .map((pack) => `  ${JSON.stringify(pack.id)}: () => import(${JSON.stringify(PACK_PREFIX + pack.id)}),`)
    .join('\n');
  return [
    `export const packs = ${JSON.stringify(packs)};`,
    `export const principles = ${JSON.stringify(principles)};`,
    `export const blueprints = ${JSON.stringify(content.blueprints)};`,
    `export const packLoaders = {\n${loaders}\n};`,
    `export const loadPrincipleTexts = () => import(${JSON.stringify(PRINCIPLES)});`,
    `export const loadQuestionIndex = () => import(${JSON.stringify(QUESTION_INDEX)});`,
  ].join('\n');
}
