// What the "scan here to test" field says about a scan: whether the prefix and suffix set above
// arrived, and the code between them.
export type ScanTestVerdict =
  | { kind: 'nothing' }
  | { kind: 'unframed' } // no prefix or suffix set: scans are told by their pace
  | { kind: 'framed'; code: string }
  | { kind: 'missing'; prefix: boolean; suffix: boolean };

/** `sent`: every character the scanner typed, its Enter as "\r". */
export function judgeTestScan(sent: string, prefix: string, suffix: string): ScanTestVerdict {
  if (sent === '') return { kind: 'nothing' };
  if (prefix === '' && suffix === '') return { kind: 'unframed' };
  const body = sent.endsWith('\r') ? sent.slice(0, -1) : sent;
  const hasPrefix = prefix === '' || body.startsWith(prefix);
  const hasSuffix = suffix === '' || body.endsWith(suffix);
  if (!hasPrefix || !hasSuffix || body.length < prefix.length + suffix.length)
    return { kind: 'missing', prefix: !hasPrefix, suffix: !hasSuffix };
  return { kind: 'framed', code: body.slice(prefix.length, body.length - suffix.length) };
}
