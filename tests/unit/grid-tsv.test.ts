import { describe, expect, it } from 'vitest';
import { parseTsv, writeTsv } from '../../src/core/grid/tsv';

describe('parseTsv: what Excel and WPS put on the clipboard', () => {
  const cases: [string, string, string[][]][] = [
    ['empty clipboard', '', []],
    ['one cell with Excel’s trailing line break', 'abc\r\n', [['abc']]],
    ['one cell, no trailing break (WPS)', 'abc', [['abc']]],
    [
      'a 2×2 block',
      'P1\t11.5\r\nP2\t22.5\r\n',
      [
        ['P1', '11.5'],
        ['P2', '22.5'],
      ],
    ],
    [
      'LF line breaks',
      'a\tb\nc\td\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'empty cells kept in place',
      '\tb\t\r\nc\t\t\r\n',
      [
        ['', 'b', ''],
        ['c', '', ''],
      ],
    ],
    ['a quoted cell with a line break inside', '"第一行\n第二行"\tx\r\n', [['第一行\n第二行', 'x']]],
    ['doubled quotes inside a quoted cell', '"他说""好"""\r\n', [['他说"好"']]],
    ['a quote not at the start is text', '12"\t3\r\n', [['12"', '3']]],
    ['a quoted cell with a tab inside', '"a\tb"\tc', [['a\tb', 'c']]],
    ['an empty quoted cell', '""\tx\r\n', [['', 'x']]],
    ['a blank line in the middle is a row of one empty cell', 'a\r\n\r\nb\r\n', [['a'], [''], ['b']]],
    ['Chinese text and full-width digits', '青山村\t６００\r\n', [['青山村', '６００']]],
  ];
  it.each(cases)('%s', (_name, text, rows) => {
    expect(parseTsv(text)).toEqual(rows);
  });
});

describe('writeTsv', () => {
  const cases: [string, string[][], string][] = [
    ['nothing', [], ''],
    [
      'a block, CR LF and a trailing break',
      [
        ['a', '1'],
        ['b', '2'],
      ],
      'a\t1\r\nb\t2\r\n',
    ],
    [
      'line breaks, tabs and quotes are quoted',
      [['x\ny', 'a\tb', '他说"好"']],
      '"x\ny"\t"a\tb"\t"他说""好"""\r\n',
    ],
    ['empty cells', [['', 'a', '']], '\ta\t\r\n'],
  ];
  it.each(cases)('%s', (_name, rows, text) => {
    expect(writeTsv(rows)).toBe(text);
  });

  it('round-trips through parseTsv', () => {
    const rows = [
      ['2023-03-05', '走访', '江峰、王霞美', '青山村', '走访"困难户"\n慰问', '12', ''],
      ['', '', '', '', '', '', '备注\t有tab'],
    ];
    expect(parseTsv(writeTsv(rows))).toEqual(rows);
  });
});
