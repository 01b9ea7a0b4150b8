// At start (and after a reconnect) the station's settings are read: the language saved in
// Shipdesk's settings wins over the one remembered in this browser, and the scanner, the invoice
// form and the header get theirs.
import { useEffect } from 'react';
import { useClient } from '../../api/ClientContext';
import { useLanguage } from '../../i18n';
import { useStationSettings } from '../../stores/stationSettings';

export function useSettingsLanguage(): void {
  const client = useClient();
  useEffect(() => {
    const apply = () =>
      client.call('settings.get', {}).then(
        (answer) => {
          if (!answer.ok) return;
          useStationSettings.getState().set(answer.value);
          if (answer.value.language !== useLanguage.getState().choice)
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
