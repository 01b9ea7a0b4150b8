// At start (and after a reconnect) the language saved in Shipdesk's settings wins over the one
// remembered in this browser.
import { useEffect } from 'react';
import { useClient } from '../../api/ClientContext';
import { useLanguage } from '../../i18n';

export function useSettingsLanguage(): void {
  const client = useClient();
  useEffect(() => {
    const apply = () =>
      client.call('settings.get', {}).then(
        (answer) => {
          if (answer.ok && answer.value.language !== useLanguage.getState().choice)
            useLanguage.getState().choose(answer.value.language);
        },
        () => undefined, // the remembered language stays; nothing the operator must act on
      );
    void apply();
    return client.onConnection((state) => {
      if (state === 'open') void apply();
    });
  }, [client]);
}
