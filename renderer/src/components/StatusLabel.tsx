// A shipment's status as icon + words: never colour alone.
import type { ShipmentStatus } from '../../../shared/domain';
import { useT } from '../i18n';

const PATHS: Record<ShipmentStatus, string> = {
  // clock: waiting for a number
  AWAITING_INVOICE: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm.75 3v3.19l2.28 2.28-1.06 1.06L7.25 8.31V4.5h1.5Z',
  // box: packed, number registered, waiting to go upstream
  PREPARING_TO_SHIP:
    'M2 4.5 8 1.5l6 3v7l-6 3-6-3v-7Zm1.5 1.2v4.9l3.75 1.9V6.6L3.5 5.7Zm9 0-3.75.9v4.9l3.75-1.9V5.7ZM8 3.2 4.6 4.9 8 5.8l3.4-.9L8 3.2Z',
  // box with arrow: handed over
  RELEASED:
    'M2 4.5 8 1.5l6 3v3.3h-1.5V5.7l-3.75.9v7.6L8 14.5l-6-3v-7Zm1.5 1.2v4.9l3.75 1.9V6.6L3.5 5.7ZM10 10h3V8.5l2.5 2.25L13 13v-1.5h-3V10Z',
  // warehouse scan
  PROCESSED: 'M1.5 6 8 2l6.5 4v8.5h-2v-6h-9v6h-2V6Zm4 4h5v1.5h-5V10Zm0 2.5h5V14h-5v-1.5Z',
  // truck
  SHIPPING:
    'M1 3.5h8.5V6H12l3 3v3.5h-1.6a2 2 0 0 1-3.8 0H6.4a2 2 0 0 1-3.8 0H1v-9Zm9.5 4v3h3V9.6l-1.6-2.1H10.5ZM4.5 11.5a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5Zm7 0a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5Z',
  // warning triangle
  FAILED: 'M8 1.5 15 14H1L8 1.5Zm-.75 4.5v4h1.5V6h-1.5Zm0 5v1.5h1.5V11h-1.5Z',
  // check circle
  DELIVERED:
    'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm3.03 4.72-3.78 4.78-2.28-2.28 1.06-1.06 1.1 1.1 2.72-3.47 1.18.93Z',
};

export function StatusIcon({ status }: { status: ShipmentStatus }) {
  return (
    <svg className="status-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={PATHS[status]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}

export function StatusLabel({ status }: { status: ShipmentStatus }) {
  const t = useT();
  return (
    <span className={`status status-${status.toLowerCase()}`}>
      <StatusIcon status={status} />
      <span className="status-text">{t(`status.${status}`)}</span>
    </span>
  );
}
