// One call when a component opens (a dialog's content), with loading and failure as states.
import { useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodResult } from '../../../shared/api/contract';
import type { RpcError } from '../../../shared/errors';
import { useClient } from './ClientContext';

export type CallState<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: RpcError | null; message: string };

export function useCall<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  key: string,
): CallState<MethodResult<M>> {
  const client = useClient();
  const [result, setResult] = useState<CallState<MethodResult<M>>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    client.call(method, input).then(
      (answer) => {
        if (!current) return;
        setResult(
          answer.ok
            ? { state: 'ready', value: answer.value }
            : { state: 'failed', error: answer.error, message: answer.error.message },
        );
      },
      (err: unknown) =>
        current &&
        setResult({ state: 'failed', error: null, message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the input (a new literal each render)
  }, [client, method, key]);
  return result;
}
