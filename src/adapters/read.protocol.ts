/** Messages between the page and the parsing worker. */
import type { FileReading } from '../core/import/reasons';
import type { FilePreview } from '../core/import/types';

export interface ReadRequest {
  id: number;
  fileName: string;
  buffer: ArrayBuffer;
}

export interface ReadResponse {
  id: number;
  result: FileReading<FilePreview>;
}
