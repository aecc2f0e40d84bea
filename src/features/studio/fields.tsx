import { useId, useState, type ReactNode } from 'react';
import type { Problem } from '../../domain/content';

/** The checker's findings about one field, worded as on the command line, with the line they point at. */
export function FieldProblems({ id, problems, onShowLine }: { id: string; problems: readonly Problem[]; onShowLine: (line: number) => void }) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="field-problems">
      {problems.map((item) => (
        <li key={`${item.line}:${item.column}:${item.message}`} className={item.severity}>
          <strong>{item.severity === 'error' ? 'Error' : 'Warning'}:</strong> {item.message}{' '}
          <button type="button" className="link-button" onClick={() => onShowLine(item.line)}>
            line {item.line} in the source
          </button>
        </li>
      ))}
    </ul>
  );
}

interface TextFieldProps {
  label: string;
  /** The value as the file holds it. */
  value: string;
  onChange: (value: string) => void;
  problems: readonly Problem[];
  onShowLine: (line: number) => void;
  hint?: ReactNode;
  rows?: number;
  /** A hint shown greyed in the empty field. */
  placeholder?: string | undefined;
  /** The template's stand-in text: while the file still holds it, the field reads as empty with it as the hint. */
  standIn?: string | undefined;
  /** Monospace, for Markdown. */
  code?: boolean;
}

/**
 * A text field written straight into the file. While it has focus it shows what was typed, not the
 * file's tidied value, so a trailing space or a new paragraph is not swallowed mid-word.
 */
export function TextField({ label, value, onChange, problems, onShowLine, hint, rows, placeholder, standIn, code }: TextFieldProps) {
  const id = useId();
  const [typed, setTyped] = useState<string>();
  const shown = typed ?? (standIn !== undefined && value === standIn ? '' : value);
  const describedBy = [hint ? `${id}-hint` : '', problems.length > 0 ? `${id}-problems` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value: shown,
    placeholder: standIn ?? placeholder,
    'aria-describedby': describedBy,
    'aria-invalid': problems.some((item) => item.severity === 'error') || undefined,
    onChange: (event: { target: { value: string } }) => {
      setTyped(event.target.value);
      onChange(event.target.value);
    },
    onBlur: () => setTyped(undefined),
    className: code ? 'editor' : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="help">
          {hint}
        </p>
      )}
      {rows ? <textarea rows={rows} spellCheck {...common} /> : <input type="text" autoComplete="off" {...common} />}
      <FieldProblems id={`${id}-problems`} problems={problems} onShowLine={onShowLine} />
    </div>
  );
}

interface SelectFieldProps {
  label: string;
  value: string;
  choices: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  problems: readonly Problem[];
  onShowLine: (line: number) => void;
}

/** A choice from a fixed vocabulary; a value the file holds that is not in it is shown as it is, so nothing changes unasked. */
export function SelectField({ label, value, choices, onChange, problems, onShowLine }: SelectFieldProps) {
  const id = useId();
  const known = choices.some((choice) => choice.value === value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
        aria-invalid={problems.some((item) => item.severity === 'error') || undefined}
      >
        {!known && <option value={value}>{value ? `${value} (not a valid choice)` : 'Choose…'}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <FieldProblems id={`${id}-problems`} problems={problems} onShowLine={onShowLine} />
    </div>
  );
}

/** Text typed one item a line, as the list a YAML field holds. */
export function linesToList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Text typed with commas between items. */
export function commasToList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
