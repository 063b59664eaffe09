import { describe, expect, it } from 'vitest';
import { toCsvCell, toCsvRow } from './to-csv-cell.js';

describe('toCsvCell', () => {
  it('quotes cells with quotes, commas and line breaks, doubling quotes', () => {
    expect(toCsvCell('plain')).toBe('plain');
    expect(toCsvCell('a,b')).toBe('"a,b"');
    expect(toCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(toCsvCell('two\nlines')).toBe('"two\nlines"');
    expect(toCsvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(toCsvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(toCsvCell('+1')).toBe("'+1");
    expect(toCsvCell('-2+3')).toBe("'-2+3");
    expect(toCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(toCsvCell('\tcmd')).toBe("'\tcmd");
    expect(toCsvCell('a=b')).toBe('a=b');
  });

  it('writes null as empty and numbers and booleans as they are', () => {
    expect(toCsvCell(null)).toBe('');
    expect(toCsvCell(undefined)).toBe('');
    expect(toCsvCell(-5)).toBe('-5');
    expect(toCsvCell(false)).toBe('false');
    expect(toCsvRow(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n');
  });
});
