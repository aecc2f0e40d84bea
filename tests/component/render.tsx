import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { routes } from '../../src/app/App';
import { database } from '../../src/db/database';
import { recordAnswer } from '../../src/db/progress';
import type { OptionLetter } from '../../src/domain/content';
import { gradeAnswer } from '../../src/domain/grading';
import { useStudy } from '../../src/features/study/store';
import { demoContent } from '../fixtures/packs';
import { contentFolder, principleText, questionText } from '../fixtures/content';
import { compileContent } from '../../src/domain/content/compile';
import { saveImportedPack } from '../../src/db/packs';

/** The whole app, or only the given routes, opened at `path`. */
export function renderAt(path: string, only: RouteObject[] = routes) {
  const router = createMemoryRouter(only, { initialEntries: [path] });
  render(<RouterProvider router={router} />);
  return router;
}

/** Records an answer to a question of the demo pack at time `at`, as the study screen does. */
export async function answerDemoQuestion(questionId: string, chosen: OptionLetter, at: Date) {
  const question = demoContent().pack.questions.find((item) => item.id === questionId);
  if (!question) throw new Error(`no question ${questionId}`);
  await recordAnswer(database(), {
    packId: 'demo',
    questionId,
    contentHash: question.contentHash,
    result: gradeAnswer(question, chosen),
    confidence: 'normal',
    now: at,
    settings: { desiredRetention: 0.9 },
  });
}

/** A new visit: nothing in memory, as after a reload. */
export function forgetMemory() {
  useStudy.setState({ phase: 'loading', target: undefined, session: undefined, packs: new Map(), cardHashes: new Map(), result: undefined, selected: undefined });
}

/** A first visit: nothing in memory and an empty database. */
export async function freshStart() {
  forgetMemory();
  const db = database();
  await db.delete();
  await db.open();
}

/** Imports a pack "extra" of `size` questions resting on a principle of its own, "An imported idea". */
export async function importExtraPack(size: number) {
  const questions = Object.fromEntries(
    Array.from({ length: size }, (_, index) => {
      const id = `x-${String(index + 1).padStart(3, '0')}`;
      return [id, questionText({ id, principles: '[imported-idea]' })];
    }),
  );
  const files = contentFolder(questions, [{ path: 'principles/imported-idea.md', text: principleText('imported-idea', 'An imported idea') }]).map((file) => ({
    ...file,
    path: file.path.replace('packs/demo/', 'packs/extra/'),
    text: file.text.replace('id: demo', 'id: extra').replace('title: Demo pack', 'title: Extra pack'),
  }));
  const compiled = compileContent(files);
  const extra = compiled.packs[0];
  if (!extra) throw new Error('the extra pack did not compile');
  await saveImportedPack(database(), { pack: extra, principles: compiled.principles.filter((item) => item.id === 'imported-idea'), files: [] }, new Date());
}
