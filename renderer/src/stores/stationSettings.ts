// The station's settings as the screen last read them: the scanner hook, the invoice form and the
// header read them from here. Loaded at start and after every reconnect (useSettingsLanguage).
import { create } from 'zustand';
import type { Settings } from '../../../shared/api/contract';

interface StationSettingsState {
  /** null until the first answer (or when it failed): no prefix, no default carrier. */
  settings: Settings | null;
  set(settings: Settings): void;
}

export const useStationSettings = create<StationSettingsState>((set) => ({
  settings: null,
  set: (settings) => set({ settings }),
}));
