// The time zone an eBay report's dates are read in (the seller's local time, docs/ORDERS.md "eBay's
// orders report"): the zone the preview used, and a choice to read the sheet again in another.
import { useId, useState } from 'react';
import { useClient } from '../../api/ClientContext';
import { useT } from '../../i18n';
import { useOrders } from './ordersStore';

function knownZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

export function DateZonePicker({ zone }: { zone: string }) {
  const t = useT();
  const client = useClient();
  const id = useId();
  const withDateZone = useOrders((s) => s.withDateZone);
  const [chosen, setChosen] = useState(zone);
  return (
    <form
      className="import-date-zone"
      onSubmit={(e) => {
        e.preventDefault();
        void withDateZone(client, chosen);
      }}
    >
      <label className="field-label" htmlFor={id}>
        {t('orders.dateZone')}
      </label>
      <select id={id} className="select" value={chosen} onChange={(e) => setChosen(e.target.value)}>
        {knownZones(zone).map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </select>
      <div className="form-actions form-actions-start">
        <button type="submit" className="button" disabled={chosen === zone}>
          {t('orders.dateZoneApply')}
        </button>
      </div>
    </form>
  );
}
