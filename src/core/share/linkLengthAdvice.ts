import { MAX_SHARE_CHARS } from './shareLink';

export interface LinkAdvice {
  readonly severity: 'warning' | 'error';
  /** The character count above which this advice applies. */
  readonly threshold: number;
  readonly message: string;
}

/**
 * Warnings for a share link of `length` characters (the whole URL), most severe last.
 *
 * Why these numbers:
 * - **2,000** — the long-standing "safe" URL length (Internet Explorer stopped at 2,083 and much
 *   tooling kept that assumption). Discord rejects messages over 2,000 characters (4,000 with
 *   Nitro), so the link cannot be pasted there at all, and link previewers, some ticket systems
 *   and SMS apps truncate or stop turning text into a link around this size.
 * - **8,000** — common server and proxy limits on a request line are 8 KiB (nginx
 *   `large_client_header_buffers`, Apache `LimitRequestLine` 8,190). The fragment is never sent to
 *   a server, but URL shorteners, chat unfurlers, e-mail security scanners that rewrite links
 *   and QR codes do handle the whole URL, and many of them refuse or break links this long.
 * - **{@link MAX_SHARE_CHARS}** — Pipeline Studio itself refuses to open a payload longer than
 *   this (a guard against decompression bombs), so the link would not open anywhere.
 *
 * Browsers themselves cope with far longer URLs (Chrome up to 2 MB), so none of this stops the
 * link from working when opened directly, e.g. from a file or bookmark.
 */
export function linkLengthAdvice(length: number): LinkAdvice[] {
  const advice: LinkAdvice[] = [];
  if (length > 2_000) {
    advice.push({
      severity: 'warning',
      threshold: 2_000,
      message: `The link is ${length} characters long: some chat tools truncate links over 2,000 characters (Discord refuses such messages), so it may arrive broken.`,
    });
  }
  if (length > 8_000) {
    advice.push({
      severity: 'warning',
      threshold: 8_000,
      message: `Over 8,000 characters, many chat tools, e-mail link scanners and URL shorteners refuse or break the link; consider sharing the YAML file instead.`,
    });
  }
  if (length > MAX_SHARE_CHARS) {
    advice.push({
      severity: 'error',
      threshold: MAX_SHARE_CHARS,
      message: `Over ${MAX_SHARE_CHARS.toLocaleString('en-US')} characters, Pipeline Studio refuses to open the link; share the YAML file instead.`,
    });
  }
  return advice;
}
