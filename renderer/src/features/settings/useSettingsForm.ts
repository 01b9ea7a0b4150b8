// The Settings form's state: what it shows (settings, warehouses, carriers, the tracker's settings),
// what was typed, the reason next to each field that cannot be saved, and saving (settings.update
// for the station, sync.updateSettings for the tracker: the key is write-only).
import { useEffect, useState } from 'react';
import { isSafeEndpoint, type CarrierView, type SyncSettingsView } from '../../../../shared/api/contract';
import { writeControls } from '../../../../shared/scannerFrame';
import type { RpcError } from '../../../../shared/errors';
import { useClient } from '../../api/ClientContext';
import { errorHeadline, useLanguage } from '../../i18n';
import { useFacets } from '../../stores/facets';
import {
  draftFrom,
  draftProblems,
  fieldOf,
  firstIssueField,
  patchFrom,
  type Draft,
  type DraftField,
} from './settingsDraft';
import { useStationSettings } from '../../stores/stationSettings';

export type Field = DraftField | 'trackerUrl' | 'trackerKey';
export type Problems = Partial<Record<Field, string>>;
export interface TrackerDraft {
  url: string;
  /** A new key to store ('' keeps the one set). */
  key: string;
}
export type Status = { tone: 'ok' | 'error'; text: string } | null;

/** The tracker field a sync.updateSettings refusal is about. */
function trackerFieldOf(error: RpcError, keyTyped: boolean): 'trackerUrl' | 'trackerKey' {
  const head = firstIssueField(error.details);
  if (head === 'trackerUrl' || head === 'trackerKey') return head;
  return error.code === 'KEY_STORE_UNAVAILABLE' || keyTyped ? 'trackerKey' : 'trackerUrl';
}

export function useSettingsForm() {
  const client = useClient();
  const settings = useStationSettings((s) => s.settings);
  const facets = useFacets((s) => s.facets);
  const [carriers, setCarriers] = useState<CarrierView[] | null>(null);
  const [tracker, setTracker] = useState<SyncSettingsView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [trackerDraft, setTrackerDraft] = useState<TrackerDraft>({ url: '', key: '' });
  const [problems, setProblems] = useState<Problems>({});
  const [status, setStatus] = useState<Status>(null);
  const [saving, setSaving] = useState(false);
  const [loadFailed, setLoadFailed] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const failed = (err: unknown) => current && setLoadFailed(err instanceof Error ? err.message : String(err));
    // Fresh from the core: another window may have changed them.
    client.call('settings.get', {}).then((a) => {
      if (!current) return;
      if (a.ok) useStationSettings.getState().set(a.value);
      else setLoadFailed(a.error.message);
    }, failed);
    client.call('carriers.list', {}).then((a) => current && a.ok && setCarriers(a.value), failed);
    client.call('sync.settings', {}).then((a) => {
      if (!current || !a.ok) return;
      setTracker(a.value);
      setTrackerDraft({ url: a.value.trackerUrl ?? '', key: '' });
    }, failed);
    if (!useFacets.getState().facets) void useFacets.getState().load(client);
    return () => {
      current = false;
    };
  }, [client]);

  // The form starts from the settings once both they and the warehouses are known.
  useEffect(() => {
    if (!draft && settings && facets) setDraft(draftFrom(settings, facets.warehouses, writeControls));
  }, [draft, settings, facets]);

  const edit = (next: Partial<Draft>, fields: Field[]) => {
    setDraft((d) => (d ? { ...d, ...next } : d));
    setProblems((p) => {
      const out = { ...p };
      for (const f of fields) delete out[f];
      return out;
    });
  };

  const editTracker = (next: Partial<TrackerDraft>, field: 'trackerUrl' | 'trackerKey') => {
    setTrackerDraft((d) => ({ ...d, ...next }));
    setProblems((p) => ({ ...p, [field]: undefined }));
  };

  const refusal = (error: RpcError): string => {
    const { t } = useLanguage.getState();
    return `${errorHeadline(t, error.code)} ${error.message}`;
  };

  const save = async (): Promise<boolean> => {
    const { t } = useLanguage.getState();
    if (!draft || !settings || saving) return false;
    const found: Problems = draftProblems(draft, t);
    const urlChanged =
      tracker !== null && tracker.trackerUrlFrom !== 'env' && trackerDraft.url.trim() !== (tracker.trackerUrl ?? '');
    if (urlChanged && trackerDraft.url.trim() !== '' && !isSafeEndpoint(trackerDraft.url.trim()))
      found.trackerUrl = t('settings.tracker.badUrl');
    if (trackerDraft.key.trim() !== '' && !/^[^\s:]+:\S+$/.test(trackerDraft.key.trim()))
      found.trackerKey = t('settings.tracker.badKey');
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setStatus({ tone: 'error', text: t('settings.fixFields') });
      return false;
    }
    setSaving(true);
    setStatus(null);
    const next: Problems = {};
    try {
      const patch = patchFrom(draft, settings);
      if (Object.keys(patch).length > 0) {
        const answer = await client.call('settings.update', patch);
        if (answer.ok) {
          useStationSettings.getState().set(answer.value);
          setDraft(draftFrom(answer.value, facets?.warehouses ?? [], writeControls));
        } else next[fieldOf(answer.error.details) ?? 'operatorName'] = refusal(answer.error);
      }
      if (urlChanged || trackerDraft.key.trim() !== '') {
        const answer = await client.call('sync.updateSettings', {
          ...(urlChanged ? { trackerUrl: trackerDraft.url.trim() || null } : {}),
          ...(trackerDraft.key.trim() !== '' ? { trackerKey: trackerDraft.key.trim() } : {}),
        });
        if (answer.ok) {
          setTracker(answer.value);
          setTrackerDraft({ url: answer.value.trackerUrl ?? '', key: '' });
        } else next[trackerFieldOf(answer.error, trackerDraft.key.trim() !== '')] = refusal(answer.error);
      }
    } catch (err) {
      setStatus({ tone: 'error', text: `${t('settings.saveFailed')} ${err instanceof Error ? err.message : ''}` });
      return false;
    } finally {
      setSaving(false);
    }
    setProblems(next);
    const ok = Object.keys(next).length === 0;
    setStatus(ok ? { tone: 'ok', text: t('settings.saved') } : { tone: 'error', text: t('settings.fixFields') });
    return ok;
  };

  const removeKey = async () => {
    const { t } = useLanguage.getState();
    try {
      const answer = await client.call('sync.updateSettings', { trackerKey: null });
      if (answer.ok) {
        setTracker(answer.value);
        setStatus({ tone: 'ok', text: t('settings.tracker.keyRemoved') });
      } else setProblems((p) => ({ ...p, trackerKey: refusal(answer.error) }));
    } catch (err) {
      setStatus({ tone: 'error', text: `${t('settings.saveFailed')} ${err instanceof Error ? err.message : ''}` });
    }
  };

  return {
    settings,
    warehouses: facets?.warehouses ?? null,
    carriers,
    tracker,
    draft,
    trackerDraft,
    problems,
    status,
    saving,
    loadFailed,
    edit,
    editTracker,
    save,
    removeKey,
    setStatus,
  };
}
