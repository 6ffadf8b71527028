/** The subset of Go's `url.Parse` errors a URL path can hit (used by the OTLP receiver, §6.3). */

/** Go's error text for `url.Parse(value)`, or null when it parses. */
export function goUrlParseError(value: string): string | null {
  const q = JSON.stringify(value);
  if ([...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return `parse ${q}: net/url: invalid control character in URL`;
  // getScheme: a ':' before any character that cannot be in a scheme; at index 0 it is "missing protocol scheme".
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+.-]/.test(c)) {
      if (i === 0) break;
      continue;
    }
    if (c === ':' && i === 0) return `parse ${q}: missing protocol scheme`;
    break;
  }
  const escape = /%(?![0-9a-fA-F]{2})(.{0,2})/.exec(value);
  if (escape) return `parse ${q}: invalid URL escape ${JSON.stringify(`%${escape[1]}`)}`;
  return null;
}
