import { Document, isSeq } from 'yaml';
import type { Pack, PackMeta, Principle, Question } from './types';

/**
 * Content written back as the files an instructor would have typed: the inverse of the parser, so
 * a built-in pack opens in the studio as editable Markdown and a pack carries its principles' text.
 * Parsing what these functions write gives back the same content (a test holds them together).
 */

/** YAML lines for the fields in the order given; lists named in `flowLists` are written `[a, b]`. */
export function yamlFields(fields: Record<string, unknown>, flowLists: readonly string[] = []): string {
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const doc = new Document(present);
  for (const key of flowLists) {
    const node = doc.get(key, true);
    if (isSeq(node)) node.flow = true;
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export function packYamlSource(meta: PackMeta): string {
  const { id, title, version, description, authors, licence, order } = meta;
  return yamlFields({ id, title, version, description, authors, licence, order }, ['authors', 'order']);
}

export function questionFrontMatter(question: Pick<Question, 'id' | 'area' | 'qualifier' | 'difficulty' | 'answer' | 'principles' | 'tags'>): string {
  const { id, area, qualifier, difficulty, answer, principles, tags } = question;
  return yamlFields({ id, area, qualifier, difficulty, answer, principles, tags }, ['principles', 'tags']);
}

export interface QuestionBody {
  stem: string;
  leadIn: string;
  options: readonly { text: string; rationale: string }[];
}

/** The Markdown below the front matter: stem, `##` lead-in, `###` options lettered in order, each followed by its rationale. */
export function questionBodySource({ stem, leadIn, options }: QuestionBody): string {
  const letters = 'ABCDEFGHIJ';
  const parts = [stem.trim(), `## ${oneLine(leadIn)}`];
  options.forEach((option, index) => {
    const rationale = option.rationale.trim();
    parts.push(`### ${letters[index] ?? '?'}. ${oneLine(option.text)}${rationale ? `\n${rationale}` : ''}`);
  });
  return `${parts.join('\n\n')}\n`;
}

export function questionSource(question: Question): string {
  return `---\n${questionFrontMatter(question)}---\n${questionBodySource(question)}`;
}

export function principleSource(principle: Pick<Principle, 'id' | 'title' | 'summary' | 'sources' | 'body'>): string {
  const { id, title, summary, sources, body } = principle;
  return `---\n${yamlFields({ id, title, summary, sources })}---\n${body.trim()}\n`;
}

/** A whole pack as the files of its folder, paths relative to a content folder. */
export function packSourceFiles(pack: Pack): { path: string; text: string }[] {
  const { questions, ...meta } = pack;
  return [
    { path: `packs/${pack.id}/pack.yaml`, text: packYamlSource(meta) },
    ...questions.map((question) => ({ path: `packs/${pack.id}/${question.id}.md`, text: questionSource(question) })),
  ];
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
