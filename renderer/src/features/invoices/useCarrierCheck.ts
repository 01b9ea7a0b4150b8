// Live feedback while the operator types or scans: a moment after the last key, the number is
// checked against the carrier the form would use (carriers.validate), which may hand it to another
// carrier (carrierChoice.ts). Only an answer for exactly what is in the fields counts.
import { useEffect, useState } from 'react';
import type { CarrierView } from '../../../../shared/api/contract';
import type { CarrierId } from '../../../../shared/carriers';
import { useClient } from '../../api/ClientContext';
import type { ShipdeskClient } from '../../api/client';
import { decideCarrier, type CarrierDecision, type Validate } from './carrierChoice';

const QUIET_MS = 150;

/** The last answer: a decision, or null when the check itself failed. */
type Answer = { decision: CarrierDecision | null; input: CheckInput } | null;

export interface CheckInput {
  invoiceNo: string;
  /** The carrier chosen by hand, or else preselected (null: none). */
  base: CarrierId | null;
  byHand: boolean;
}

export type CarrierCheck =
  | { state: 'idle' }
  /** `last`: the previous answer, so the carrier shown does not flicker while the operator types. */
  | { state: 'checking'; last: CarrierDecision | null }
  | { state: 'done'; decision: CarrierDecision; input: CheckInput };

export function validatorFor(client: ShipdeskClient): Validate {
  return async (invoiceNo, carrierId) => {
    const answer = await client.call('carriers.validate', carrierId ? { carrierId, invoiceNo } : { invoiceNo });
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };
}

export const sameInput = (a: CheckInput, b: CheckInput): boolean =>
  a.invoiceNo === b.invoiceNo && a.base === b.base && a.byHand === b.byHand;

export function useCarrierCheck(input: CheckInput, carriers: readonly CarrierView[] | null): CarrierCheck {
  const client = useClient();
  const [answer, setAnswer] = useState<Answer>(null);
  const { invoiceNo, base, byHand } = input;

  useEffect(() => {
    if (invoiceNo.trim() === '' || carriers === null) return;
    let current = true; // an answer for an older keystroke must not overwrite a newer one
    const timer = setTimeout(() => {
      const asked = { invoiceNo, base, byHand };
      decideCarrier(validatorFor(client), { ...asked, carriers }).then(
        (decision) => current && setAnswer({ decision, input: asked }),
        // A failed check says nothing about the number; Register will get the core's verdict.
        () => current && setAnswer({ decision: null, input: asked }),
      );
    }, QUIET_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, carriers, invoiceNo, base, byHand]);

  if (invoiceNo.trim() === '') return { state: 'idle' };
  if (answer === null) return { state: 'checking', last: null };
  if (!sameInput(answer.input, input)) return { state: 'checking', last: answer.decision };
  return answer.decision ? { state: 'done', decision: answer.decision, input: answer.input } : { state: 'idle' };
}
