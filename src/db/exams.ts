import type { ExamAttempt, StoredExam } from '../domain/examSession';
import type { RapportDatabase } from './database';
import { newRecordUid } from './uids';

export async function loadExam(db: RapportDatabase): Promise<StoredExam | undefined> {
  return db.exam.get('current');
}

export async function saveExam(db: RapportDatabase, exam: StoredExam): Promise<void> {
  await db.exam.put(exam);
}

export async function discardExam(db: RapportDatabase): Promise<void> {
  await db.exam.delete('current');
}

/** Files the finished exam in the history and clears the one in progress, together. */
export async function finishExam(db: RapportDatabase, attempt: Omit<ExamAttempt, 'uid'>): Promise<number> {
  return db.transaction('rw', db.exam, db.examAttempts, async () => {
    const id = await db.examAttempts.add({ ...attempt, uid: newRecordUid() });
    await db.exam.delete('current');
    return id;
  });
}

export async function listAttempts(db: RapportDatabase): Promise<ExamAttempt[]> {
  return db.examAttempts.orderBy('submittedAt').toArray();
}

export async function getAttempt(db: RapportDatabase, id: number): Promise<ExamAttempt | undefined> {
  return db.examAttempts.get(id);
}
