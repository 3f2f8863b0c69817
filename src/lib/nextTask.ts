/**
 * A pause until a later task: the page paints and answers input between pieces of long work (an
 * import of 100,000 records, parsing them after a reload) instead of holding it for all of it.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
