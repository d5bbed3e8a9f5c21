import { describe, expect, it } from 'vitest';
import { csvCell, neutralise, toCsv } from './csv';

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const cell of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx']) {
      expect(neutralise(cell)).toBe(`'${cell}`);
    }
    expect(neutralise('Acme')).toBe('Acme');
    expect(neutralise('a=b')).toBe('a=b');
  });

  it('quotes after neutralising, so a quoted formula is still defused', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });

  it('keeps numbers as numbers, negative ones included, and leaves missing cells empty', () => {
    expect(csvCell(-12)).toBe('-12');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('writes a header and one line per row', () => {
    const csv = toCsv(
      [
        { header: 'name', value: (r: { name: string; score: number }) => r.name },
        { header: 'score', value: (r) => r.score },
      ],
      [
        { name: '@evil', score: 31 },
        { name: 'Acme', score: 72 },
      ],
    );
    expect(csv).toBe("name,score\r\n'@evil,31\r\nAcme,72\r\n");
  });
});
