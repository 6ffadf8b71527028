/**
 * Copies text to the clipboard. The async Clipboard API can be refused (no permission, not
 * focused, insecure context); then the older copy command on a hidden textarea is tried.
 * Resolves false when neither worked, so the caller can ask the user to copy by hand.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Refused or unavailable: fall back to the copy command below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  const host = document.activeElement?.closest('dialog') ?? document.body;
  host.appendChild(area);
  area.select();
  let copied: boolean;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}
