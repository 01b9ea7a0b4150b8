// Every line's verdict, from the sheet alone and from what Shipdesk already holds. Runs for the
// preview and again inside the commit's transaction, so what is saved is what is true then.
// An order is imported whole or not at all: one bad line holds back its order's other new lines.
import type { OrderImportTotals, OrderLineVerdict } from '../../../shared/api/contract';
import type { ChannelId } from '../../../shared/channels';
import type { ClaimType, Region } from '../../../shared/domain';
import type { ServiceContext } from '../services/context';
import { takesNewLines } from '../domain/regroupRules';
import { countryCode } from './countries';
import { orderDateOfCell } from './dates';
import { shownValues } from './shownValues';
import { FACET_KINDS, facetWord, type Facet, type FacetBook, type FacetKind } from './facets';
import { groupLines, orderKeyOf, type LineDraft, type OrderGroup, type ShipmentGroup } from './groupLines';
import { existingOrders, type ExistingOrder } from './existing';
import { refuseOrphanedExchanges } from './exchangeOriginals';
import type { ColumnPlan } from './plan';
import type { DraftLine, SourceRow } from './readLines';
import { readClaim, readQuantity, type Problem } from './values';

export interface CheckSettings {
  timeZone: string;
  homeCountry: string;
  /** The order date of layouts without one. */
  importTime: number;
  facets: FacetBook;
}

export interface NewShipment {
  key: string;
  orderKey: string;
  recipientName: string;
  recipientPhone: string;
  country: string;
  region: Region;
  postalCode: string;
  addressLine1: string;
  addressLine2: string;
  memo: string;
  facets: Record<FacetKind, Facet>;
}

export interface NewOrder {
  key: string;
  channel: ChannelId;
  orderNo: string;
  orderedAt: number;
  buyerName: string;
  claim: ClaimType;
  /** An exchange's original order: its key (in this file or already in Shipdesk). */
  originalKey: string | null;
  existingId: number | null;
}

export interface CheckedLine extends OrderLineVerdict {
  productId: string;
  productName: string;
  optionName: string;
  quantity: number;
  keys: Record<string, string>;
  source: SourceRow | null;
  orderKey: string;
  /** Where a created line goes: a new shipment (by group key) or an unshipped one that exists. */
  target: { kind: 'new'; key: string } | { kind: 'existing'; shipmentId: number; shipmentNo: string } | null;
}

export interface CheckedImport {
  lines: CheckedLine[];
  orders: Map<string, NewOrder>;
  shipments: Map<string, NewShipment>;
  totals: OrderImportTotals;
}

function verdictOf(line: CheckedLine, outcome: CheckedLine['outcome'], p: Problem | null): void {
  line.outcome = outcome;
  line.verdict = outcome === 'reject' ? 'error' : p ? 'warning' : 'ok';
  if (p) {
    line.code = p.code;
    line.message = p.message;
  } else {
    delete line.code;
    delete line.message;
  }
}

function baseLine(l: LineDraft): CheckedLine {
  return {
    row: l.draft.row,
    channel: l.channel,
    orderNo: l.orderNo,
    lineId: l.lineId,
    outcome: 'create',
    verdict: 'ok',
    ...shownValues(l.draft.values),
    productId: l.draft.values.productId ?? '',
    productName: l.draft.values.productName ?? '',
    optionName: l.draft.values.optionName ?? '',
    quantity: 0,
    keys: l.draft.keys,
    source: l.draft.source,
    orderKey: orderKeyOf(l.channel, l.orderNo),
    target: null,
  };
}

/** The order date of a group: the first line's that has one; a line whose date cannot be read is its problem. */
function orderDate(
  group: OrderGroup,
  plan: ColumnPlan,
  s: CheckSettings,
): { ms: number | null; bad: Map<DraftLine, string> } {
  const bad = new Map<DraftLine, string>();
  if (!plan.fields.orderedAt) return { ms: s.importTime, bad };
  let ms: number | null = null;
  for (const l of group.lines) {
    if (!l.draft.dateCell) continue;
    const read = orderDateOfCell(l.draft.dateCell, plan.dateZone ?? s.timeZone);
    if (!read) continue;
    if (!read.ok) bad.set(l.draft, read.message);
    else ms ??= read.ms;
  }
  return { ms, bad };
}

function shipmentFields(group: ShipmentGroup, plan: ColumnPlan, s: CheckSettings): NewShipment | Problem {
  const v = group.values;
  if (!v.recipientName)
    return {
      code: 'MISSING_VALUE',
      message: 'The recipient is missing on every line of this order. Fill in who receives the parcel.',
    };
  if (!v.addressLine1)
    return {
      code: 'MISSING_VALUE',
      message: 'The address is missing on every line of this order. Fill in where the parcel goes.',
    };
  let country = s.homeCountry;
  if (plan.fields.country && (v.country || plan.countryRequired)) {
    if (!v.country)
      return { code: 'MISSING_VALUE', message: 'The country is missing. Fill in a country code such as KR or US.' };
    const code = countryCode(v.country);
    if (!code)
      return {
        code: 'UNKNOWN_COUNTRY',
        message: `"${v.country.slice(0, 40)}" is not a country Shipdesk knows. Use a two-letter code such as KR, US or JP.`,
      };
    country = code;
  }
  const facets = {} as Record<FacetKind, Facet>;
  for (const kind of FACET_KINDS) {
    const text = v[kind];
    const facet = text ? s.facets.find(kind, text) : s.facets.fallback(kind);
    if (!facet)
      return {
        code: 'UNKNOWN_FACET',
        message: `"${(text ?? '').slice(0, 30)}" is not a ${facetWord(kind)} Shipdesk knows. Known: ${s.facets.known(kind)}.`,
      };
    facets[kind] = facet;
  }
  return {
    key: group.key,
    orderKey: '',
    recipientName: v.recipientName,
    recipientPhone: v.recipientPhone ?? '',
    country,
    region: country === s.homeCountry ? 'domestic' : 'international',
    postalCode: v.postalCode ?? '',
    addressLine1: v.addressLine1,
    addressLine2: v.addressLine2 ?? '',
    memo: v.memo ?? '',
    facets,
  };
}

/** A Korean postal code stored as a number loses its leading zero (06236 -> 6236); put it back, and say so. */
function postalNote(line: LineDraft, ship: NewShipment): Problem | null {
  if (ship.country !== 'KR' || !line.draft.fromNumber.has('postalCode') || !/^\d{4}$/.test(ship.postalCode))
    return null;
  ship.postalCode = `0${ship.postalCode}`;
  return {
    code: 'POSTAL_CODE_PADDED',
    message: `Excel stored the postal code as a number; it is read as ${ship.postalCode}. Format the column as Text to keep leading zeros.`,
  };
}

function lineProblem(l: LineDraft, plan: ColumnPlan, seen: Set<string>, out: CheckedLine): Problem | null {
  if (l.problem) return l.problem;
  if (!l.orderNo)
    return { code: 'MISSING_VALUE', message: 'The order number is missing. Every line needs its order number.' };
  if (!l.lineId)
    return {
      code: 'MISSING_VALUE',
      message: "The line id is missing (the channel's id of this product line, e.g. 상품주문번호).",
    };
  const id = `${l.channel}\u0001${l.orderNo}\u0001${l.lineId}`;
  if (seen.has(id))
    return {
      code: 'DUPLICATE_IN_FILE',
      message: `Line ${l.lineId} of order ${l.orderNo} appears twice in this file. Remove the repeated row.`,
    };
  seen.add(id);
  if (!out.productId && !out.productName)
    return { code: 'MISSING_VALUE', message: 'The product is missing: fill in its product id or its name.' };
  const qty = readQuantity(l.draft.values.quantity ?? '');
  if (!qty.ok) return qty;
  out.quantity = qty.value;
  if (plan.fields.claim) {
    const claim = readClaim(l.draft.values.claim ?? '');
    if (!claim.ok) return claim;
  }
  return null;
}

function orderClaim(group: OrderGroup, plan: ColumnPlan): ClaimType {
  if (!plan.fields.claim) return 'general';
  const claim = readClaim(group.values.claim ?? '');
  return claim.ok ? claim.value : 'general';
}

/** What the line meets in Shipdesk: already there, or which unshipped shipment of its order takes it. */
function placeInExisting(line: CheckedLine, l: LineDraft, existing: ExistingOrder, groupKey: string): Problem | null {
  const present = existing.lines.get(l.lineId);
  if (present) {
    line.shipmentNo = present.shipmentNo;
    verdictOf(line, 'skip', {
      code: 'ALREADY_PRESENT',
      message: present.shipped
        ? `Already in Shipdesk on ${present.shipmentNo}, which has an invoice; nothing changes.`
        : `Already in Shipdesk on ${present.shipmentNo}; left as it is.`,
    });
    return null;
  }
  const sameGroup = existing.shipments.filter((s) => s.shipmentKeys.has(l.shipmentKey) || !l.shipmentKey);
  const open = sameGroup.find((s) => takesNewLines({ hasInvoice: s.invoiced }));
  if (open) {
    line.target = { kind: 'existing', shipmentId: open.id, shipmentNo: open.shipmentNo };
    line.shipmentNo = open.shipmentNo;
    verdictOf(line, 'create', {
      code: 'ADDED_TO_SHIPMENT',
      message: `A new line of order ${l.orderNo}: added to ${open.shipmentNo}, its parcel that has no invoice yet.`,
    });
    return null;
  }
  const shipped = sameGroup[0];
  if (shipped) {
    return {
      code: 'ALREADY_SHIPPED',
      message: `Order ${l.orderNo} already shipped under ${shipped.shipmentNo}, and this line is not on it. Import the line as an order of its own, or check the sheet.`,
    };
  }
  line.target = { kind: 'new', key: groupKey };
  return null;
}

export function checkLines(
  ctx: ServiceContext,
  drafts: readonly DraftLine[],
  plan: ColumnPlan,
  s: CheckSettings,
): CheckedImport {
  const groups = groupLines(drafts, plan.profile.channel, Boolean(plan.fields.lineId), plan.shipmentKey);
  const seen = new Set<string>();
  const lines: CheckedLine[] = [];
  const orders = new Map<string, NewOrder>();
  const shipments = new Map<string, NewShipment>();
  const fileOrders = new Set(groups.map((g) => g.key));
  // What Shipdesk holds of the file's orders and of the originals its exchanges name, in two queries.
  const known = existingOrders(
    ctx,
    groups.flatMap((g) => [
      { channel: g.channel, orderNo: g.orderNo },
      ...(g.values.originalOrderNo ? [{ channel: g.channel, orderNo: g.values.originalOrderNo }] : []),
    ]),
    plan.shipmentKey,
  );

  for (const group of groups) {
    const existing = group.orderNo ? (known.get(group.key) ?? null) : null;
    const date = orderDate(group, plan, s);
    const claim = orderClaim(group, plan);
    const originalNo = group.values.originalOrderNo ?? '';
    const originalKey = originalNo ? orderKeyOf(group.channel, originalNo) : null;
    let orderProblem: Problem | null = null;
    if (claim === 'exchange') {
      if (!originalNo)
        orderProblem = { code: 'MISSING_VALUE', message: 'An exchange needs its original order number (원주문번호).' };
      else if (!fileOrders.has(originalKey ?? '') && !known.has(originalKey ?? ''))
        orderProblem = {
          code: 'ORIGINAL_NOT_FOUND',
          message: `The original order ${originalNo} of this exchange is not in Shipdesk or in this file. Import the original order first.`,
        };
    }
    if (!orderProblem && date.ms === null && !existing)
      orderProblem = { code: 'MISSING_VALUE', message: 'The order date is missing on every line of this order.' };

    const groupLinesOut: CheckedLine[] = [];
    for (const sg of group.shipments) {
      const ship = shipmentFields(sg, plan, s);
      for (const l of sg.lines) {
        const line = baseLine(l);
        groupLinesOut.push(line);
        const p =
          lineProblem(l, plan, seen, line) ??
          (date.bad.has(l.draft) ? { code: 'INVALID_DATE' as const, message: date.bad.get(l.draft) ?? '' } : null) ??
          orderProblem ??
          ('code' in ship ? ship : null);
        if (p) {
          verdictOf(line, 'reject', p);
          continue;
        }
        if ('code' in ship) continue;
        const padded = postalNote(l, ship);
        if (existing) {
          const placed = placeInExisting(line, l, existing, sg.key);
          if (placed) {
            verdictOf(line, 'reject', placed);
            continue;
          }
          if (line.outcome === 'skip' || line.target?.kind === 'existing') continue;
        } else line.target = { kind: 'new', key: sg.key };
        verdictOf(line, 'create', padded);
        shipments.set(sg.key, { ...ship, orderKey: group.key });
      }
    }
    // Whole or not at all: a bad line holds back the order's other new lines.
    const bad = groupLinesOut.find((l) => l.outcome === 'reject');
    if (bad) {
      for (const l of groupLinesOut) {
        if (l.outcome !== 'create') continue;
        verdictOf(l, 'reject', {
          code: 'ORDER_HAS_ERRORS',
          message: `Row ${bad.row} of order ${group.orderNo} has an error, and an order is imported whole or not at all. Fix that row and import again.`,
        });
        l.target = null;
      }
      for (const sg of group.shipments) shipments.delete(sg.key);
    }
    if (groupLinesOut.some((l) => l.outcome === 'create')) {
      orders.set(group.key, {
        key: group.key,
        channel: group.channel,
        orderNo: group.orderNo,
        orderedAt: date.ms ?? s.importTime,
        buyerName: group.values.buyerName ?? '',
        claim,
        originalKey: claim === 'exchange' ? originalKey : null,
        existingId: existing?.id ?? null,
      });
    }
    lines.push(...groupLinesOut);
  }
  // An exchange never loses its link: its original refused above refuses it too.
  refuseOrphanedExchanges(orders, known, lines, (key, p) => {
    for (const l of lines.filter((l) => l.orderKey === key && l.outcome === 'create')) {
      verdictOf(l, 'reject', p);
      l.target = null;
    }
    orders.delete(key);
    for (const [k, ship] of shipments) if (ship.orderKey === key) shipments.delete(k);
  });
  lines.sort((a, b) => a.row - b.row);
  const newOrders = [...orders.values()].filter((o) => o.existingId === null).length;
  return { lines, orders, shipments, totals: totalsOf(lines, newOrders, shipments.size) };
}

export function totalsOf(lines: readonly OrderLineVerdict[], orders: number, shipments: number): OrderImportTotals {
  const t: OrderImportTotals = {
    lines: lines.length,
    ok: 0,
    warning: 0,
    error: 0,
    toCreate: 0,
    toSkip: 0,
    orders,
    shipments,
  };
  for (const l of lines) {
    t[l.verdict]++;
    if (l.outcome === 'create') t.toCreate++;
    else if (l.outcome === 'skip') t.toSkip++;
  }
  return t;
}

/** What the screen sees of a checked line. */
export function publicLine(l: CheckedLine): OrderLineVerdict {
  const { row, channel, orderNo, lineId, outcome, verdict, code, message, shipmentNo, recipient, address, product } = l;
  return {
    row,
    channel,
    orderNo,
    lineId,
    outcome,
    verdict,
    recipient,
    address,
    product,
    ...(code ? { code } : {}),
    ...(message ? { message } : {}),
    ...(shipmentNo ? { shipmentNo } : {}),
  };
}
