// The headers of the columns that fit; Shipment No. and Order date sort (the core indexes them), with aria-sort.
import type { SortKey } from '../../../../shared/domain';
import { Icon } from '../../components/Icon';
import { useT } from '../../i18n';
import { useFilters, useStoreApis } from '../../stores/StoresContext';
import type { Column } from './columns';

export function GridHeader({ columns }: { columns: readonly Column[] }) {
  const t = useT();
  const sort = useFilters((s) => s.sort);
  const { filters } = useStoreApis();

  const sortBy = (key: SortKey) => {
    const dir = sort.key === key ? (sort.dir === 'desc' ? 'asc' : 'desc') : key === 'orderDate' ? 'desc' : 'asc';
    filters.getState().set({ sort: { key, dir } });
  };

  return (
    <div role="rowgroup" className="grid-head">
      <div role="row" className="grid-row grid-head-row" aria-rowindex={1}>
        {columns.map((c) => {
          const active = c.sortKey !== undefined && c.sortKey === sort.key;
          const ariaSort =
            c.sortKey === undefined ? undefined : active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
          return (
            <div key={c.id} role="columnheader" className={`col-${c.id}`} aria-sort={ariaSort} title={t(c.label)}>
              {c.sortKey ? (
                <button type="button" className="sort-button" onClick={() => c.sortKey && sortBy(c.sortKey)}>
                  <span>{t(c.label)}</span>
                  <Icon
                    name={active ? (sort.dir === 'asc' ? 'sortAsc' : 'sortDesc') : 'sortNone'}
                    size={12}
                    className={active ? 'sort-active' : 'sort-idle'}
                  />
                </button>
              ) : (
                t(c.label)
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
