import { useId } from 'react';
import type { Problem } from '../../domain/content';
import { CONTENT_AREAS, DIFFICULTY_LABELS, OPTION_LETTERS, QUALIFIERS } from '../../domain/content/vocabulary';
import { questionTemplate } from '../../domain/content/authoring';
import { readQuestionForm, writeQuestionForm, type FormPart, type QuestionForm } from '../../domain/studio/questionForm';
import { commasToList, FieldProblems, SelectField, TextField } from './fields';
import { PrinciplePicker, type PickablePrinciple } from './PrinciplePicker';

/** The template's stand-in sentences, shown as placeholders until the author replaces them. */
const TEMPLATE = (() => {
  const reading = readQuestionForm(questionTemplate('template'));
  return 'form' in reading ? reading.form : undefined;
})();

const AREA_CHOICES = Object.entries(CONTENT_AREAS).map(([value, area]) => ({ value, label: area.label }));
const QUALIFIER_CHOICES = QUALIFIERS.map((value) => ({ value, label: value }));
const DIFFICULTY_CHOICES = Object.entries(DIFFICULTY_LABELS).map(([value, label]) => ({ value, label: `${value}, ${label}` }));

interface QuestionEditorProps {
  text: string;
  onText: (text: string) => void;
  problems: readonly Problem[];
  onShowLine: (line: number) => void;
  principles: readonly PickablePrinciple[];
  onCreatePrinciple: (title: string) => { id: string } | { refusal: string };
}

/** One question in a form: every field of the file, each with the checker's findings about it. */
export function QuestionEditor({ text, onText, problems, onShowLine, principles, onCreatePrinciple }: QuestionEditorProps) {
  const addOptionId = useId();
  const reading = readQuestionForm(text);
  if (!('form' in reading)) return <FormUnavailable reason={reading.reason} line={reading.line} onShowLine={onShowLine} />;
  const { form, partAt } = reading;
  const at = (part: FormPart) => problems.filter((item) => partAt(item) === part);
  const set = (next: Partial<QuestionForm>) => onText(writeQuestionForm(text, { ...form, ...next }));
  const field = { onShowLine };
  const letters = form.options.map((_, index) => OPTION_LETTERS[index] ?? '?');

  const removeOption = (index: number) => {
    const removed = letters[index];
    const answerIndex = letters.indexOf(form.answer as (typeof letters)[number]);
    // Later options move up a letter; the best answer moves with its option.
    const answer = form.answer === removed ? '' : answerIndex > index ? (letters[answerIndex - 1] ?? '') : form.answer;
    set({ options: form.options.filter((_, other) => other !== index), answer });
    // The button pressed is gone: "Add option" takes its place in the keyboard's path.
    requestAnimationFrame(() => document.getElementById(addOptionId)?.focus());
  };

  return (
    <div className="question-form">
      <FieldProblems id="question-file-problems" problems={at('file')} onShowLine={onShowLine} />
      <TextField
        label="Id"
        value={form.id}
        onChange={(id) => set({ id })}
        problems={at('id')}
        hint="Lower-case letters, digits and hyphens. Never change it once the pack is shared: candidates’ progress is kept under it."
        {...field}
      />
      <div className="field-row">
        <SelectField label="Content area" value={form.area} choices={AREA_CHOICES} onChange={(area) => set({ area })} problems={at('area')} {...field} />
        <SelectField label="Qualifier" value={form.qualifier} choices={QUALIFIER_CHOICES} onChange={(qualifier) => set({ qualifier })} problems={at('qualifier')} {...field} />
        <SelectField label="Difficulty" value={form.difficulty} choices={DIFFICULTY_CHOICES} onChange={(difficulty) => set({ difficulty })} problems={at('difficulty')} {...field} />
      </div>
      <TextField label="Scenario (the stem)" value={form.stem} onChange={(stem) => set({ stem })} problems={at('stem')} rows={5} standIn={TEMPLATE?.stem} {...field} />
      <TextField label="Lead-in (the question asked)" value={form.leadIn} onChange={(leadIn) => set({ leadIn: leadIn.replace(/\n/g, ' ') })} problems={at('leadIn')} rows={2} {...field} />
      <fieldset className="options-editor">
        <legend>Options</legend>
        <FieldProblems id="question-options-problems" problems={at('options')} onShowLine={onShowLine} />
        {form.options.map((option, index) => {
          const letter = letters[index] as string;
          const update = (change: Partial<typeof option>) => set({ options: form.options.map((other, position) => (position === index ? { ...other, ...change } : other)) });
          return (
            <fieldset key={letter} className="option-editor">
              <legend>
                Option {letter}
                {form.answer === letter && <span className="badge badge-key">Best answer</span>}
              </legend>
              <TextField
                label={`Text of option ${letter}`}
                value={option.text}
                onChange={(value) => update({ text: value.replace(/\n/g, ' ') })}
                problems={at(`option-${index}-text`)}
                standIn={TEMPLATE?.options[index]?.text}
                rows={2}
                {...field}
              />
              <TextField
                label={`Why option ${letter} is ${form.answer === letter ? 'the best answer' : 'worse'}`}
                value={option.rationale}
                onChange={(rationale) => update({ rationale })}
                problems={at(`option-${index}-rationale`)}
                standIn={TEMPLATE?.options[index]?.rationale}
                rows={3}
                {...field}
              />
              {form.options.length > 3 && (
                <button type="button" onClick={() => removeOption(index)}>
                  Remove option {letter}
                </button>
              )}
            </fieldset>
          );
        })}
        {form.options.length < 4 && (
          <button type="button" id={addOptionId} onClick={() => set({ options: [...form.options, { text: '', rationale: '' }] })}>
            Add option {OPTION_LETTERS[form.options.length]}
          </button>
        )}
      </fieldset>
      <SelectField
        label="Best answer"
        value={form.answer}
        choices={letters.map((letter, index) => ({ value: letter, label: `${letter}. ${form.options[index]?.text === TEMPLATE?.options[index]?.text ? '' : (form.options[index]?.text ?? '')}`.trim() }))}
        onChange={(answer) => set({ answer })}
        problems={at('answer')}
        {...field}
      />
      <PrinciplePicker
        linked={form.principles}
        onChange={(linked) => set({ principles: linked })}
        principles={principles}
        onCreate={(title) => {
          const created = onCreatePrinciple(title);
          if ('refusal' in created) return created.refusal;
          set({ principles: [...form.principles, created.id] });
          return undefined;
        }}
        problems={at('principles')}
        {...field}
      />
      <TextField
        label="Tags, separated by commas"
        value={form.tags.join(', ')}
        onChange={(tags) => set({ tags: commasToList(tags) })}
        problems={at('tags')}
        hint="Topic words in lower case with hyphens, such as first-contact."
        {...field}
      />
    </div>
  );
}

export function FormUnavailable({ reason, line, onShowLine }: { reason: string; line: number; onShowLine: (line: number) => void }) {
  return (
    <div className="problems" role="note">
      <p>
        The form cannot show this file without losing some of its text: {reason}.{' '}
        <button type="button" className="link-button" onClick={() => onShowLine(line)}>
          Edit line {line} in the source
        </button>
      </p>
    </div>
  );
}
