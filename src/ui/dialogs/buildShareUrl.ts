import { encodeShareFragment, type SharedDesign } from '../../core/share/shareLink';

/** The whole share URL for a design: this page with the design in its fragment (never sent to a server). */
export function buildShareUrl(design: SharedDesign, base: string): string {
  return `${base.replace(/#.*$/, '')}#${encodeShareFragment(design)}`;
}
