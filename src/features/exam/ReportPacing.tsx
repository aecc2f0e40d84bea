import { DataTable } from '../../components/charts/DataTable';
import { LineChart } from '../../components/charts/LineChart';
import type { OptionLetter } from '../../domain/content';
import type { ExamAttempt } from '../../domain/examSession';
import { answerChanges, pacing } from '../../domain/pacing';

/** "1 min 25 s", "40 s". */
export function formatDuration(ms: number): string {
  const seconds = Math.round(Math.abs(ms) / 1000);
  const minutes = Math.floor(seconds / 60);
  if (minutes === 0) return `${seconds} s`;
  return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
}

/** "question 4", "questions 4, 9 and 12". */
function questionList(indexes: readonly number[]): string {
  const names = indexes.map((index) => String(index + 1));
  return names.length <= 1 ? `question ${names[0] ?? ''}` : `questions ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Time per item against the format's pace: where the candidate fell behind, as a chart and a table. */
export function PacingSection({ attempt }: { attempt: ExamAttempt }) {
  const { plan } = attempt;
  const { paceMs, items, behind } = pacing(plan.items.length, plan.durationMs, attempt.timeMs);
  if (items.length === 0) return null;
  const minutes = (ms: number) => Math.round(ms / 6000) / 10;
  const usedMs = items.at(-1)?.usedMs ?? 0;
  const yMax = Math.max(1, Math.ceil(Math.max(minutes(usedMs), minutes(plan.durationMs)) / 10) * 10);
  const step = Math.max(1, Math.round(items.length / 5));
  const worst = behind.reduce<(typeof behind)[number] | undefined>((found, stretch) => (!found || stretch.worstMs > found.worstMs ? stretch : found), undefined);
  const label =
    `Time used against the pace, question by question: ${formatDuration(usedMs)} used on ${items.length} questions, ` +
    `where the pace allows ${formatDuration(plan.durationMs)}. ` +
    (worst ? `Furthest behind: ${formatDuration(worst.worstMs)} at question ${worst.worstIndex + 1}.` : 'Never behind the pace.');
  return (
    <section aria-labelledby="pacing-heading">
      <h2 id="pacing-heading">Pacing</h2>
      <p>
        This format allows {formatDuration(paceMs)} a question. You spent {formatDuration(usedMs / items.length)} on average, {formatDuration(usedMs)} in
        all.
      </p>
      {behind.length === 0 ? (
        <p>You kept up with the pace throughout: after every question, the time you had used was within what the pace allows.</p>
      ) : (
        <>
          <p>You fell behind the pace:</p>
          <ul>
            {behind.map((stretch) => (
              <li key={stretch.first}>
                {stretch.first === stretch.last ? `at question ${stretch.first + 1}` : `from question ${stretch.first + 1} to ${stretch.last + 1}`}, by up to{' '}
                {formatDuration(stretch.worstMs)} (at question {stretch.worstIndex + 1})
                {stretch.last === items.length - 1 ? ', and did not catch up by the end' : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <LineChart
        label={label}
        series={[
          { name: 'Time you had used (minutes)', values: items.map((item) => minutes(item.usedMs)) },
          { name: 'Time the pace allows (minutes)', values: items.map((item) => minutes(item.allowedMs)) },
        ]}
        xLabels={items.map((item) => (item.index === 0 || (item.index + 1) % step === 0 ? `Q${item.index + 1}` : ''))}
        yMax={yMax}
        yTicks={[0, yMax / 2, yMax]}
        formatTick={(value) => String(value)}
        markers={items.length <= 40}
      />
      <DataTable
        subject="time per question"
        caption="Time per question, and the time used so far against what the pace allows"
        columns={[{ header: 'Question' }, { header: 'Time', numeric: true }, { header: 'Used so far', numeric: true }, { header: 'Pace allows', numeric: true }, { header: 'Behind by', numeric: true }]}
        rows={items.map((item) => ({
          key: String(item.index),
          cells: [
            String(item.index + 1),
            formatDuration(item.ms),
            formatDuration(item.usedMs),
            formatDuration(item.allowedMs),
            item.usedMs > item.allowedMs ? formatDuration(item.usedMs - item.allowedMs) : '–',
          ],
        }))}
      />
    </section>
  );
}

/** The answers changed during the exam, by what the change did to the score. */
export function ChangesSection({ attempt, keys }: { attempt: ExamAttempt; keys: readonly (OptionLetter | undefined)[] }) {
  if (!attempt.firstAnswers) return null;
  const { rightToWrong, wrongToRight, wrongToWrong } = answerChanges(keys, attempt.firstAnswers, attempt.answers);
  const changed = rightToWrong.length + wrongToRight.length + wrongToWrong.length;
  return (
    <section aria-labelledby="changes-heading">
      <h2 id="changes-heading">Changed answers</h2>
      {changed === 0 ? (
        <p>You kept every first answer.</p>
      ) : (
        <>
          <p>
            You changed {changed} {changed === 1 ? 'answer' : 'answers'}: the change gained {wrongToRight.length} and lost {rightToWrong.length}.
          </p>
          <ul>
            <li>
              From wrong to right: {wrongToRight.length}
              {wrongToRight.length > 0 && ` (${questionList(wrongToRight)})`}
            </li>
            <li>
              From right to wrong: {rightToWrong.length}
              {rightToWrong.length > 0 && ` (${questionList(rightToWrong)})`}
            </li>
            <li>
              From one wrong answer to another: {wrongToWrong.length}
              {wrongToWrong.length > 0 && ` (${questionList(wrongToWrong)})`}
            </li>
          </ul>
        </>
      )}
    </section>
  );
}
