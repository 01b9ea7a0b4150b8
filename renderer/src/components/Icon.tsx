// Small 16px line icons, drawn here (no icon font, nothing fetched). Always decorative: the button
// or text beside them carries the name.
const PATHS = {
  copy: 'M5.5 1.5h7a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1h-7a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1Zm0 1.5v7h6.5V3H5.5ZM2 4.5h1.5v8h6.5V14H3a1 1 0 0 1-1-1V4.5Z',
  timeline:
    'M3 1.5h1.5v3.1a2 2 0 0 1 0 3.8v1.2a2 2 0 0 1 0 3.8v1.1H3v-1.1a2 2 0 0 1 0-3.8V8.4a2 2 0 0 1 0-3.8V1.5Zm.75 4.25a.5.5 0 1 0 0 1 .5.5 0 0 0 0-1Zm0 5a.5.5 0 1 0 0 1 .5.5 0 0 0 0-1ZM7 5.5h7V7H7V5.5Zm0 5h5V12H7v-1.5Z',
  history:
    'M8 1.5a6.5 6.5 0 1 1-6.3 8.1l1.46-.37A5 5 0 1 0 4.4 4.5H6.5V6H2V1.5h1.5v1.9A6.48 6.48 0 0 1 8 1.5Zm.75 3v3.19l2.03 2.03-1.06 1.06-2.47-2.47V4.5h1.5Z',
  pencil:
    'M11.1 1.6a1.5 1.5 0 0 1 2.12 0l1.18 1.18a1.5 1.5 0 0 1 0 2.12L6.2 13.1 2 14l.9-4.2 8.2-8.2Zm1.06 1.06L10.9 3.9l1.2 1.2 1.26-1.26-1.2-1.18ZM9.84 4.96 4.25 10.55l-.35 1.55 1.55-.35 5.59-5.59-1.2-1.2Z',
  trash:
    'M6 1.5h4l.5 1h3v1.5h-11V2.5h3l.5-1ZM3.5 5h9l-.7 8.6a1.5 1.5 0 0 1-1.5 1.4H5.7a1.5 1.5 0 0 1-1.5-1.4L3.5 5Zm1.6 1.5.6 7h4.6l.6-7H5.1Zm1.65 1h1.5v5h-1.5v-5Z',
  memo: 'M2.5 2h11a1 1 0 0 1 1 1v7.5a1 1 0 0 1-1 1H7l-3.5 3V11.5h-1a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1ZM3 3.5v6.5h2v1.9L6.5 10H13V3.5H3Zm1.5 1.5h7v1.5h-7V5Zm0 2.5h5V9h-5V7.5Z',
  gear: 'M7 1h2l.4 1.8 1.2.5 1.6-1 1.4 1.4-1 1.6.5 1.2L15 7v2l-1.8.4-.5 1.2 1 1.6-1.4 1.4-1.6-1-1.2.5L9 15H7l-.4-1.8-1.2-.5-1.6 1-1.4-1.4 1-1.6-.5-1.2L1 9V7l1.8-.4.5-1.2-1-1.6 1.4-1.4 1.6 1 1.2-.5L7 1Zm1 4.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5Z',
  lock: 'M8 1.5a3.5 3.5 0 0 1 3.5 3.5v2h1a1 1 0 0 1 1 1v5.5a1 1 0 0 1-1 1h-9a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h1V5A3.5 3.5 0 0 1 8 1.5ZM8 3a2 2 0 0 0-2 2v2h4V5a2 2 0 0 0-2-2ZM4 8.5V13h8V8.5H4Zm3.25 1h1.5v2.5h-1.5V9.5Z',
  search:
    'M6.75 1.5a5.25 5.25 0 0 1 4.2 8.4l3.6 3.6-1.06 1.06-3.6-3.6A5.25 5.25 0 1 1 6.75 1.5Zm0 1.5a3.75 3.75 0 1 0 0 7.5 3.75 3.75 0 0 0 0-7.5Z',
  close:
    'M3.3 2.24 8 6.94l4.7-4.7 1.06 1.06L9.06 8l4.7 4.7-1.06 1.06L8 9.06l-4.7 4.7-1.06-1.06L6.94 8l-4.7-4.7L3.3 2.24Z',
  plus: 'M7.25 2h1.5v5.25H14v1.5H8.75V14h-1.5V8.75H2v-1.5h5.25V2Z',
  minus: 'M2 7.25h12v1.5H2v-1.5Z',
  sortAsc: 'M8 2.5 12 7H4l4-4.5Z',
  sortDesc: 'M8 13.5 4 9h8l-4 4.5Z',
  sortNone: 'M8 1.8 11.2 5.5H4.8L8 1.8Zm0 12.4L4.8 10.5h6.4L8 14.2Z',
  check: 'M13.5 4.3 6.3 11.6 2.5 7.8l1.06-1.06L6.3 9.48l6.14-6.24L13.5 4.3Z',
  alert: 'M8 1.5 15 14H1L8 1.5Zm-.75 4.5v4h1.5V6h-1.5Zm0 5v1.5h1.5V11h-1.5Z',
  upload:
    'M8 1.5 12.5 6l-1.06 1.06-2.69-2.69V11h-1.5V4.37L4.56 7.06 3.5 6 8 1.5ZM2 12.5h1.5V13h9v-.5H14V14a.5.5 0 0 1-.5.5h-11A.5.5 0 0 1 2 14v-1.5Z',
  download:
    'M7.25 1.5h1.5v6.63l2.69-2.69 1.06 1.06L8 11 3.5 6.5l1.06-1.06 2.69 2.69V1.5ZM2 12.5h1.5V13h9v-.5H14V14a.5.5 0 0 1-.5.5h-11A.5.5 0 0 1 2 14v-1.5Z',
  refresh:
    'M8 2a6 6 0 0 1 5.2 3H11v1.5h4.5V2H14v1.6A7.5 7.5 0 0 0 .6 7.2l1.5.2A6 6 0 0 1 8 2Zm5.9 6.6A6 6 0 0 1 2.8 11H5V9.5H.5V14H2v-1.6a7.5 7.5 0 0 0 13.4-3.6l-1.5-.2Z',
  arrowRight: 'M9.2 3.2 14 8l-4.8 4.8-1.06-1.06 2.99-2.99H2v-1.5h9.13L8.14 4.26 9.2 3.2Z',
  calendar:
    'M4.5 1h1.5v1.5h4V1h1.5v1.5H13a1 1 0 0 1 1 1V14a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V3.5a1 1 0 0 1 1-1h1.5V1ZM3.5 6.5v7h9v-7h-9Zm1.5 1.5h2v2H5V8Zm3.5 0h2v2h-2V8Z',
  barcode:
    'M1.5 3H3v10H1.5V3Zm2.5 0h1v10H4V3Zm2 0h1.5v10H6V3Zm2.5 0h.75v10H8.5V3Zm1.75 0h1.5v10h-1.5V3Zm2.5 0h.75v10h-.75V3Zm1.25 0h.5v10H14V3Z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16, className }: { name: IconName; size?: number; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 16 16"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
