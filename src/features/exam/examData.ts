import { listPacks, loadPack } from '../../catalog/catalog';
import type { Pack } from '../../domain/content';
import type { ExamQuestion } from '../../domain/exam';

/** Every question of the enabled packs, with what drawing and scoring need. */
export async function loadExamBank(): Promise<ExamQuestion[]> {
  const listings = (await listPacks()).filter((pack) => pack.enabled);
  const packs = (await Promise.all(listings.map((pack) => loadPack(pack.id)))).filter((pack): pack is Pack => pack !== undefined);
  return packs.flatMap((pack) => pack.questions.map((question) => ({ ...question, packId: pack.id, questionId: question.id })));
}

export function formatClock(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const two = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}
