/**
 * The File System Access API (Chromium 86+): a file the clerk picks once and the app then keeps up
 * to date. Its permission calls are not in TypeScript's DOM library yet, so they are typed here, and
 * every call is guarded: other browsers lack the API, and the app downloads there instead.
 */

type Mode = { mode: 'readwrite' };

interface PermissionedHandle extends FileSystemFileHandle {
  queryPermission?: (d: Mode) => Promise<PermissionState>;
  requestPermission?: (d: Mode) => Promise<PermissionState>;
}

interface SavePickerWindow {
  showSaveFilePicker?: (options: {
    suggestedName?: string;
    types?: { description: string; accept: Record<string, string[]> }[];
  }) => Promise<FileSystemFileHandle>;
}

export function canKeepFile(): boolean {
  return typeof (window as SavePickerWindow).showSaveFilePicker === 'function';
}

/** Ask where to keep the file; rejects with an AbortError when the clerk cancels. */
export async function pickFile(suggestedName: string, description: string): Promise<FileSystemFileHandle> {
  const picker = (window as SavePickerWindow).showSaveFilePicker;
  if (!picker) throw new DOMException('showSaveFilePicker is missing', 'NotSupportedError');
  return picker.call(window, {
    suggestedName,
    types: [{ description, accept: { 'application/json': ['.json'] } }],
  });
}

const READWRITE: Mode = { mode: 'readwrite' };

/** Whether the app may write the file now; a handle without the permission calls is writable. */
export async function permissionOf(handle: FileSystemFileHandle): Promise<PermissionState> {
  const h = handle as PermissionedHandle;
  return h.queryPermission ? h.queryPermission(READWRITE) : 'granted';
}

/** Ask again (after a reload the browser forgets): only allowed during a click. */
export async function askPermission(handle: FileSystemFileHandle): Promise<PermissionState> {
  const h = handle as PermissionedHandle;
  return h.requestPermission ? h.requestPermission(READWRITE) : 'granted';
}

/** Replace the file's content; the browser swaps it in on close, so a failure leaves the old file. */
export async function writeText(handle: FileSystemFileHandle, text: string): Promise<void> {
  const w = await handle.createWritable();
  try {
    await w.write(text);
    await w.close();
  } catch (e) {
    await w.abort().catch(() => undefined);
    throw e;
  }
}

export function isFileHandle(v: unknown): v is FileSystemFileHandle {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { createWritable?: unknown }).createWritable === 'function' &&
    typeof (v as { name?: unknown }).name === 'string'
  );
}
