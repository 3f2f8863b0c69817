/** Why a file was refused: codes here, Chinese words in i18n. */
export type FileRefusal =
  'empty' | 'lock-file' | 'encrypted' | 'not-spreadsheet' | 'unreadable' | 'no-table' | 'duplicate';

export type FileReading<T> = { ok: true; value: T } | { ok: false; reason: FileRefusal; detail?: string };
