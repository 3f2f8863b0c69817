import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { contentHash } from '../../src/core/hash';

describe('contentHash', () => {
  it('is deterministic and shaped as 16 hex digits and the length', () => {
    const b = new TextEncoder().encode('日期,委员\n2023-03-05,江峰\n');
    expect(contentHash(b)).toBe(contentHash(b.slice()));
    expect(contentHash(b)).toMatch(new RegExp(`^[0-9a-f]{16}-${b.length}$`));
    expect(contentHash(new Uint8Array(0))).toMatch(/^[0-9a-f]{16}-0$/);
  });

  it.each<[number[], number[]]>([
    [
      [1, 2, 3],
      [1, 2, 4],
    ],
    [
      [1, 2, 3],
      [3, 2, 1],
    ],
    [[0], [0, 0]],
    [[], [0]],
  ])('tells %j from %j', (a, b) => {
    expect(contentHash(new Uint8Array(a))).not.toBe(contentHash(new Uint8Array(b)));
  });

  it('property: one changed byte changes the hash', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 256 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (bytes, at, delta) => {
          const i = at % bytes.length;
          const changed = bytes.slice();
          changed[i] = ((changed[i] ?? 0) + delta) % 256;
          expect(contentHash(changed)).not.toBe(contentHash(bytes));
        },
      ),
    );
  });
});
