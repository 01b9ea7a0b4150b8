// The home time zone from Shipdesk's settings: the screen counts days (date presets) and shows the
// grid's dates in it, as the core does, whatever zone this computer is set to. Remembered locally
// so the first paint after a restart already uses it.
import { create } from 'zustand';
import { DEFAULT_HOME_TIME_ZONE, isTimeZone } from '../../../shared/days';
import type { ShipdeskClient } from '../api/client';

const REMEMBERED = 'shipdesk.homeTimeZone';

function remembered(): string {
  try {
    const value = globalThis.localStorage?.getItem(REMEMBERED);
    return value && isTimeZone(value) ? value : DEFAULT_HOME_TIME_ZONE;
  } catch {
    return DEFAULT_HOME_TIME_ZONE;
  }
}

interface HomeZoneState {
  zone: string;
  load(client: ShipdeskClient): Promise<void>;
}

export const useHomeZone = create<HomeZoneState>((set) => ({
  zone: remembered(),
  async load(client) {
    try {
      const answer = await client.call('settings.get', {});
      if (!answer.ok || !isTimeZone(answer.value.homeTimeZone)) return;
      set({ zone: answer.value.homeTimeZone });
      try {
        globalThis.localStorage?.setItem(REMEMBERED, answer.value.homeTimeZone);
      } catch {
        // not remembered: the next start asks the settings again
      }
    } catch {
      // the remembered zone stays until the connection is back
    }
  },
}));
