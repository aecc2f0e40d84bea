import { loadQuestionColumns } from '../../catalog/catalog';
import { principlesAt } from '../../domain/content/facts';
import type { ExamQuestion } from '../../domain/exam';

/** Every question of the enabled packs, with what drawing and scoring need: facts only, the text loads for the drawn ones. */
export async function loadExamBank(): Promise<ExamQuestion[]> {
  return (await loadQuestionColumns()).flatMap(({ packId, facts }) =>
    facts.ids.map((questionId, index) => ({
      packId,
      questionId,
      principles: principlesAt(facts, index),
      area: facts.areas[index] as ExamQuestion['area'],
      qualifier: facts.qualifiers[index] as ExamQuestion['qualifier'],
      difficulty: facts.difficulties[index] as ExamQuestion['difficulty'],
      answer: facts.answers[index] as ExamQuestion['answer'],
    })),
  );
}

export function formatClock(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const two = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}
