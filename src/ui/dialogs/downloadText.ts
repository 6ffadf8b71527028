/** Saves `content` as a file named `name` (a blob URL; nothing leaves the browser). */
export function downloadText(name: string, content: string, type = 'application/yaml'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Revoke after the click has been handled; revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
