/**
 * Copying the paragraph. Plain text everywhere; rich text (HTML) where the browser allows it, in
 * the fonts of an official document so it pastes into Word and WPS looking right.
 */

export async function copyPlain(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyBySelection(text, null);
  }
}

export function paragraphHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return (
    `<p style="font-family:仿宋_GB2312,FangSong,仿宋,serif;font-size:16pt;line-height:28pt;` +
    `text-indent:2em;margin:0">${escaped}</p>`
  );
}

export async function copyRich(text: string): Promise<boolean> {
  const html = paragraphHtml(text);
  try {
    if (typeof ClipboardItem === 'undefined') throw new Error('no ClipboardItem');
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      }),
    ]);
    return true;
  } catch {
    return copyBySelection(text, html);
  }
}

/** The old way, for browsers that refuse the async clipboard: select a hidden element and copy. */
function copyBySelection(text: string, html: string | null): boolean {
  const el = document.createElement('div');
  el.contentEditable = 'true';
  el.style.position = 'fixed';
  el.style.left = '-9999px';
  if (html) el.innerHTML = html;
  else el.textContent = text;
  document.body.appendChild(el);
  const range = document.createRange();
  range.selectNodeContents(el);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  let ok: boolean;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  sel?.removeAllRanges();
  el.remove();
  return ok;
}
