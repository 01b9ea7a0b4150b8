// Live feedback while the operator types or scans: carriers.validate a moment after the last key.
// The answer also names every carrier the number fits, which drives the auto-detected carrier.
import { useEffect, useState } from 'react';
import type { ValidationResult } from '../../../../shared/contract';
import type { CarrierId } from '../../../../shared/carriers';
import { useClient } from '../../api/ClientContext';

const QUIET_MS = 150;

export type NumberCheck =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'done'; result: ValidationResult; invoiceNo: string; carrierId: CarrierId | null };

export function useNumberCheck(carrierId: CarrierId | null, invoiceNo: string): NumberCheck {
  const client = useClient();
  const [check, setCheck] = useState<NumberCheck>({ state: 'idle' });

  useEffect(() => {
    if (invoiceNo.trim() === '') {
      setCheck({ state: 'idle' });
      return;
    }
    let current = true; // an answer for an older keystroke must not overwrite a newer one
    setCheck((c) => (c.state === 'done' ? c : { state: 'checking' }));
    const timer = setTimeout(() => {
      client.call('carriers.validate', carrierId ? { carrierId, invoiceNo } : { invoiceNo }).then(
        (answer) => {
          if (!current) return;
          // A failed check says nothing about the number; Register will get the core's verdict.
          setCheck(answer.ok ? { state: 'done', result: answer.value, invoiceNo, carrierId } : { state: 'idle' });
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

  // Only an answer for exactly what is in the fields counts; anything older is "checking".
  if (check.state === 'done' && (check.invoiceNo !== invoiceNo || check.carrierId !== carrierId))
    return { state: 'checking' };
  return check;
}
