// Lines of one order become one order, and lines of one shipment group (the whole order, or one
// Coupang bundle) one shipment. Order and shipment fields are taken from the group's first line
// that has them (Shopify writes them on an order's first row only); a later line that says
// something else about the recipient or the address is a conflict, not silently overruled.
import type { OrderField } from '../../../shared/api/contract';
import type { ChannelId } from '../../../shared/channels';
import type { DraftLine } from './readLines';
import { readChannel, type Problem } from './values';

export const ORDER_LEVEL: readonly OrderField[] = ['buyerName', 'claim', 'originalOrderNo'];
export const SHIPMENT_LEVEL: readonly OrderField[] = [
  'recipientName',
  'recipientPhone',
  'country',
  'postalCode',
  'addressLine1',
  'addressLine2',
  'memo',
  'warehouse',
  'policy',
  'option',
];
/** Where two lines of one shipment may not disagree (the memo and facets simply take the first). */
const MUST_AGREE: readonly OrderField[] = ['recipientName', 'country', 'postalCode', 'addressLine1', 'addressLine2'];

export interface LineDraft {
  draft: DraftLine;
  channel: ChannelId;
  orderNo: string;
  lineId: string;
  shipmentKey: string;
  problem: Problem | null;
}

export interface ShipmentGroup {
  key: string;
  shipmentKey: string;
  values: Partial<Record<OrderField, string>>;
  lines: LineDraft[];
}

export interface OrderGroup {
  key: string;
  channel: ChannelId;
  orderNo: string;
  values: Partial<Record<OrderField, string>>;
  lines: LineDraft[];
  shipments: ShipmentGroup[];
}

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

export function orderKeyOf(channel: string, orderNo: string): string {
  return `${channel}\u0001${orderNo}`;
}

function firstValues(lines: readonly LineDraft[], fields: readonly OrderField[]): Partial<Record<OrderField, string>> {
  const values: Partial<Record<OrderField, string>> = {};
  for (const f of fields) {
    const found = lines.find((l) => l.draft.values[f]);
    if (found) values[f] = found.draft.values[f];
  }
  return values;
}

/**
 * Groups lines by order, in file order. `lineIdPlanned` false: the line id is the line's position
 * in its order (Shopify), so the same sheet imported again names the same lines.
 */
export function groupLines(
  drafts: readonly DraftLine[],
  channelOfPlan: ChannelId,
  lineIdPlanned: boolean,
  shipmentKeyName: string | null,
): OrderGroup[] {
  const orders = new Map<string, OrderGroup>();
  for (const draft of drafts) {
    const channel = readChannel(draft.values.channel ?? '', channelOfPlan);
    const orderNo = draft.values.orderNo ?? '';
    const chosen: ChannelId = channel.ok ? channel.value : channelOfPlan;
    const key = orderKeyOf(chosen, orderNo);
    let order = orders.get(key);
    if (!order) {
      order = { key, channel: chosen, orderNo, values: {}, lines: [], shipments: [] };
      orders.set(key, order);
    }
    // No line id (the layout has none, or our template's cell is blank): the line's position in its order.
    const lineId = (lineIdPlanned && draft.values.lineId) || String(order.lines.length + 1);
    const problem: Problem | null =
      draft.problem ?? (channel.ok ? null : { code: channel.code, message: channel.message });
    order.lines.push({
      draft,
      channel: chosen,
      orderNo,
      lineId,
      shipmentKey: shipmentKeyName ? (draft.keys[shipmentKeyName] ?? '') : '',
      problem,
    });
  }
  for (const order of orders.values()) {
    order.values = firstValues(order.lines, ORDER_LEVEL);
    const byShipment = new Map<string, ShipmentGroup>();
    for (const line of order.lines) {
      let group = byShipment.get(line.shipmentKey);
      if (!group) {
        group = { key: `${order.key}\u0001${line.shipmentKey}`, shipmentKey: line.shipmentKey, values: {}, lines: [] };
        byShipment.set(line.shipmentKey, group);
        order.shipments.push(group);
      }
      group.lines.push(line);
    }
    for (const group of order.shipments) {
      group.values = firstValues(group.lines, SHIPMENT_LEVEL);
      for (const line of group.lines) {
        if (line.problem) continue;
        const differs = MUST_AGREE.find((f) => {
          const mine = line.draft.values[f];
          const first = group.values[f];
          return mine && first && squash(mine) !== squash(first);
        });
        if (differs) {
          const first = group.lines.find((l) => l.draft.values[differs]);
          line.problem = {
            code: 'FIELD_CONFLICT',
            message: `This line's ${differs} ("${(line.draft.values[differs] ?? '').slice(0, 40)}") differs from row ${first?.draft.row ?? '?'} of the same order ("${(group.values[differs] ?? '').slice(0, 40)}"). One parcel goes to one address: correct the sheet.`,
          };
        }
      }
    }
  }
  return [...orders.values()];
}
