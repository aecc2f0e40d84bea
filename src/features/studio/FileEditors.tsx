import type { Problem } from '../../domain/content';
import { readPackForm, readPrincipleForm, writePackForm, writePrincipleForm, type PackForm, type PrincipleForm } from '../../domain/studio/fieldForms';
import { FieldProblems, linesToList, TextField } from './fields';
import { FormUnavailable } from './QuestionEditor';

interface FileEditorProps {
  text: string;
  onText: (text: string) => void;
  problems: readonly Problem[];
  onShowLine: (line: number) => void;
}

/** pack.yaml in a form: what candidates see in their list of packs, and the version that tells a newer copy from an older one. */
export function PackEditor({ text, onText, problems, onShowLine }: FileEditorProps) {
  const reading = readPackForm(text);
  if (!('form' in reading)) return <FormUnavailable reason={reading.reason} line={reading.line} onShowLine={onShowLine} />;
  const { form, partAt } = reading;
  const at = (part: ReturnType<typeof partAt>) => problems.filter((item) => partAt(item) === part);
  const set = (next: Partial<PackForm>) => onText(writePackForm(text, { ...form, ...next }));
  return (
    <div>
      <FieldProblems id="pack-file-problems" problems={at('file')} onShowLine={onShowLine} />
      <TextField label="Title" value={form.title} onChange={(title) => set({ title })} problems={at('title')} onShowLine={onShowLine} />
      <TextField label="Description" value={form.description} onChange={(description) => set({ description })} problems={at('description')} onShowLine={onShowLine} rows={3} />
      <TextField
        label="Version"
        value={form.version}
        onChange={(version) => set({ version })}
        problems={at('version')}
        onShowLine={onShowLine}
        hint="Three numbers, such as 1.0.1. Raise it each time you share a changed pack: a candidate’s app asks before an older version replaces a newer one."
      />
      <TextField label="Authors, one per line" value={form.authors.join('\n')} onChange={(authors) => set({ authors: linesToList(authors) })} problems={at('authors')} onShowLine={onShowLine} rows={2} />
      <TextField label="Licence (optional)" value={form.licence} onChange={(licence) => set({ licence })} problems={at('licence')} onShowLine={onShowLine} placeholder="CC BY 4.0" />
      <TextField
        label="Pack id"
        value={form.id}
        onChange={(id) => set({ id })}
        problems={at('id')}
        onShowLine={onShowLine}
        hint="Names the pack’s folder and keeps candidates’ progress. Never change it once the pack is shared."
      />
    </div>
  );
}

/** A principle of the pack's own: its summary, sources and text, as the principle's page shows them. */
export function PrincipleEditor({ text, onText, problems, onShowLine }: FileEditorProps) {
  const reading = readPrincipleForm(text);
  if (!('form' in reading)) return <FormUnavailable reason={reading.reason} line={reading.line} onShowLine={onShowLine} />;
  const { form, partAt } = reading;
  const at = (part: ReturnType<typeof partAt>) => problems.filter((item) => partAt(item) === part);
  const set = (next: Partial<PrincipleForm>) => onText(writePrincipleForm(text, { ...form, ...next }));
  return (
    <div>
      <FieldProblems id="principle-file-problems" problems={at('file')} onShowLine={onShowLine} />
      <TextField label="Title" value={form.title} onChange={(title) => set({ title })} problems={at('title')} onShowLine={onShowLine} />
      <TextField
        label="Id"
        value={form.id}
        onChange={(id) => set({ id })}
        problems={at('id')}
        onShowLine={onShowLine}
        hint="Questions link to the principle by this id. One id means one text everywhere: an id another pack or the app already uses must carry the same text."
      />
      <TextField
        label="Summary"
        value={form.summary}
        onChange={(summary) => set({ summary })}
        problems={at('summary')}
        onShowLine={onShowLine}
        rows={2}
        placeholder="One sentence: what the principle asks of the social worker."
      />
      <TextField
        label="Sources, one per line"
        value={form.sources.join('\n')}
        onChange={(sources) => set({ sources: linesToList(sources) })}
        problems={at('sources')}
        onShowLine={onShowLine}
        rows={3}
        placeholder="NASW Code of Ethics, standard 1.07 (Privacy and Confidentiality)"
      />
      <TextField
        label="Text, in Markdown"
        value={form.body}
        onChange={(body) => set({ body })}
        problems={at('body')}
        onShowLine={onShowLine}
        rows={14}
        code
        hint="Sections such as “## What it says”, “## In practice” and “## Exam traps”."
      />
    </div>
  );
}
