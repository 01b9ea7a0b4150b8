// "Scan here to test": shows everything the scanner sends, control characters made visible (<STX>),
// and whether the prefix and suffix set above arrived. The screen's scanner handling ignores it.
import { useId, useState, type KeyboardEvent } from 'react';
import { writeControls } from '../../../../shared/scannerFrame';
import { useT } from '../../i18n';
import { MODIFIER_KEYS, scannedChar } from '../scanner/scanKeys';
import { SCAN_IGNORE_ATTRIBUTE } from '../scanner/scanMarks';
import { judgeTestScan } from './scanTest';

export function ScanTester({ prefix, suffix }: { prefix: string; suffix: string }) {
  const t = useT();
  const ids = useId();
  const [sent, setSent] = useState('');

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Tab and Escape keep their jobs: leave the field, close the dialog.
    if (e.key === 'Tab' || e.key === 'Escape' || MODIFIER_KEYS.has(e.key)) return;
    if (e.key === 'Backspace' || e.key === 'Delete') {
      e.preventDefault();
      setSent('');
      return;
    }
    const ch = e.key === 'Enter' ? '\r' : scannedChar(e);
    if (ch === null) return;
    e.preventDefault();
    setSent((s) => (s.endsWith('\r') ? '' : s) + ch); // after an Enter, the next key starts a new scan
  };

  const verdict = judgeTestScan(sent, prefix, suffix);
  const said =
    verdict.kind === 'nothing'
      ? t('settings.scanner.test.nothing')
      : verdict.kind === 'unframed'
        ? t('settings.scanner.test.unframed')
        : verdict.kind === 'framed'
          ? t('settings.scanner.test.framed', { code: writeControls(verdict.code) })
          : verdict.prefix && verdict.suffix
            ? t('settings.scanner.test.missingBoth')
            : verdict.prefix
              ? t('settings.scanner.test.missingPrefix')
              : t('settings.scanner.test.missingSuffix');

  return (
    <div className="field scan-tester">
      <label htmlFor={`${ids}-test`}>{t('settings.scanner.test')}</label>
      <input
        id={`${ids}-test`}
        className="mono"
        type="text"
        readOnly
        value={writeControls(sent)}
        placeholder={t('settings.scanner.test.placeholder')}
        aria-describedby={`${ids}-hint ${ids}-verdict`}
        {...{ [SCAN_IGNORE_ATTRIBUTE]: '' }}
        onKeyDown={onKeyDown}
      />
      <p id={`${ids}-hint`} className="field-hint">
        {t('settings.scanner.test.hint')}
      </p>
      <p
        id={`${ids}-verdict`}
        className={`field-note scan-verdict${verdict.kind === 'missing' ? ' field-note-error' : ''}`}
        role="status"
      >
        {said}
      </p>
    </div>
  );
}
