// A day typed in the app's language (11/20/2026, 2026. 11. 20.), with a calendar button. A native
// date field would follow the browser's language instead (docs/ARCHITECTURE.md, "Dates").
// The day is taken as soon as a whole day is typed (eight digits), on Enter, or on leaving the field;
// anything else is said beside it and not sent.
import { useEffect, useId, useRef, useState } from 'react';
import { useLanguage, useT } from '../i18n';
import { dayPattern, dayText, parseDayText } from '../i18n/dayText';
import { Icon } from './Icon';

interface DayFieldProps {
  id: string;
  value: string | null;
  onChange(day: string | null): void;
  /** False when the field may not be emptied (the export's day). */
  optional?: boolean;
  invalid?: boolean;
  describedBy?: string | undefined;
  className?: string;
}

export function DayField({ id, value, onChange, optional = true, invalid, describedBy, className }: DayFieldProps) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const noteId = useId();
  const picker = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(dayText(value, language));
  const [editing, setEditing] = useState(false);
  const [unreadable, setUnreadable] = useState(false);

  // A preset, a restart or a new language rewrites the field, unless the operator is typing in it.
  useEffect(() => {
    if (!editing) setText(dayText(value, language));
  }, [value, language, editing]);

  function settle(typed: string): void {
    const day = parseDayText(typed, language);
    const empty = typed.trim() === '';
    const bad = empty ? !optional : day === null;
    setUnreadable(bad);
    if (bad) return;
    if ((day ?? null) !== value) onChange(empty ? null : day);
    setText(dayText(empty ? null : day, language));
  }

  const described = [unreadable ? noteId : null, describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <span className={`day-field${className ? ` ${className}` : ''}`}>
      <input
        id={id}
        className="input day-input"
        inputMode="numeric"
        autoComplete="off"
        placeholder={dayPattern(language)}
        value={text}
        aria-invalid={unreadable || invalid || undefined}
        aria-describedby={described}
        onFocus={() => setEditing(true)}
        onChange={(e) => {
          setText(e.target.value);
          const day = parseDayText(e.target.value, language);
          if (day && e.target.value.replace(/\D/g, '').length === 8) {
            setUnreadable(false);
            if (day !== value) onChange(day);
          }
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') settle(e.currentTarget.value);
        }}
        onBlur={(e) => {
          setEditing(false);
          settle(e.currentTarget.value);
        }}
      />
      <button
        type="button"
        className="day-picker-button"
        aria-label={t('day.calendar')}
        data-tip={t('day.calendar')}
        onClick={() => picker.current?.showPicker()}
      >
        <Icon name="calendar" size={14} />
      </button>
      {/* The browser's calendar, only as a picker: what it picks is shown in the app's language. */}
      <input
        ref={picker}
        type="date"
        className="day-picker"
        tabIndex={-1}
        aria-hidden="true"
        value={value ?? ''}
        onChange={(e) => {
          setUnreadable(false);
          if (e.target.value) onChange(e.target.value);
        }}
      />
      {unreadable && (
        <span id={noteId} className="field-note field-note-error day-note" role="alert">
          {t('day.unreadable', { pattern: dayPattern(language) })}
        </span>
      )}
    </span>
  );
}
