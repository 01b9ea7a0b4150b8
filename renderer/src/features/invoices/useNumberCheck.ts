// Live feedback while the operator types or scans: carriers.validate, a moment after the last key.
import { useEffect, useState } from 'react';
import type { ValidationResult } from '../../../../shared/contract';
import type { CarrierId } from '../../../../shared/carriers';
import { useClient } from '../../api/ClientContext';

const QUIET_MS = 200;

export type NumberCheck = { state: 'idle' } | { state: 'checking' } | { state: 'done'; result: ValidationResult };

export function useNumberCheck(carrierId: CarrierId | null, invoiceNo: string): NumberCheck {
  const client = useClient();
  const [check, setCheck] = useState<NumberCheck>({ state: 'idle' });

  useEffect(() => {
    if (invoiceNo.trim() === '' || carrierId === null) {
      setCheck({ state: 'idle' });
      return;
    }
    let current = true; // an answer for an older keystroke must not overwrite a newer one
    setCheck({ state: 'checking' });
    const timer = setTimeout(() => {
      client.call('carriers.validate', { carrierId, invoiceNo }).then(
        (answer) => {
          if (!current) return;
          // A failed check says nothing about the number; Register will get the core's verdict.
          setCheck(answer.ok ? { state: 'done', result: answer.value } : { state: 'idle' });
        },
        () => {
          if (current) setCheck({ state: 'idle' });
        },
      );
    }, QUIET_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, carrierId, invoiceNo]);

  return check;
}
