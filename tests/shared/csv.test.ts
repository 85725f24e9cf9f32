import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, csvLine, exportCsv, toCsv } from '../../shared/csv';

/** A small RFC 4180 reader, to check that what we write reads back to the same values. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length) throw new Error('text did not end with CRLF');
  return rows;
}

describe('CSV fields (RFC 4180)', () => {
  it('leaves plain text alone and quotes commas, quotes and line breaks', () => {
    expect(csvField('plain words')).toBe('plain words');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
    expect(csvField('')).toBe('');
  });

  it('writes numbers, booleans and empties plainly', () => {
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(0)).toBe('0');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('puts an apostrophe before text that a spreadsheet would run as a formula', () => {
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('+44 phone')).toBe("'+44 phone");
    expect(csvField('-dash list')).toBe("'-dash list");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tTabbed')).toBe("'\tTabbed");
    // Guarded first, then quoted: the apostrophe sits inside the quotes.
    expect(csvField('=HYPERLINK("http://x","click")')).toBe('"\'=HYPERLINK(""http://x"",""click"")"');
    // Only the first character matters; numbers we write are never touched.
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(-3)).toBe('-3');
  });

  it('guards formulas behind leading white space and after a ";" (issue 16, item 15)', () => {
    expect(csvField(' =1+2')).toBe("' =1+2");
    expect(csvField('\u00A0=1+2')).toBe("'\u00A0=1+2");
    expect(csvField('\n=1+2')).toBe('"\'\n=1+2"');
    expect(csvField('\uFEFF=1+2')).toBe("'\uFEFF=1+2");
    expect(csvField('  @SUM(A1)')).toBe("'  @SUM(A1)");
    // Locales that split on ";" see "ok" and "=cmd": guarded, and quoted so it stays one cell.
    expect(csvField('ok;=cmd|calc')).toBe('"\'ok;=cmd|calc"');
    expect(csvField('ok; -2')).toBe('"\'ok; -2"');
    expect(csvField('tea; biscuits')).toBe('"tea; biscuits"');
    expect(csvField('a = b')).toBe('a = b');
  });

  it('lines end with CRLF, the last one too', () => {
    expect(csvLine(['a', 1, null])).toBe('a,1,');
    expect(toCsv(['x', 'y'], [['1', '2']])).toBe('x,y\r\n1,2\r\n');
  });
});

describe('exportCsv', () => {
  const data = {
    stretches: [
      {
        start: '2026-11-23T14:00:00.000Z',
        end: '2026-11-23T14:40:30.000Z',
        endedBy: 'routine' as const,
        discomfortAt: '2026-11-23T14:25:00.000Z',
      },
      {
        start: '2026-11-23T14:41:00.000Z',
        end: '2026-11-23T15:00:00.000Z',
        endedBy: 'natural' as const,
        discomfortAt: null,
      },
    ],
    breaks: [
      {
        dueAt: '2026-11-23T14:30:00.000Z',
        outcome: 'taken' as const,
        at: '2026-11-23T14:40:30.000Z',
        snoozes: 1,
        routineId: 'classic-snack',
        seconds: 60,
        feeling: 'better' as const,
      },
    ],
    checkins: [
      {
        at: '2026-11-23T22:00:00.000Z',
        painLow: 2,
        painHigh: 5,
        stiffnessMin: 15,
        walkingMin: 30,
        confidence: 6,
        note: '=cmd|calc, then "lifted" the basket\nno bracing',
      },
    ],
  };

  it('one row per record, in time order, with a header', () => {
    const rows = parseCsv(exportCsv(data));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => r[0])).toEqual(['record', 'stretch', 'break', 'stretch', 'checkin']);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const first = rows[1]!;
    expect(first[col('minutes')]).toBe('40.5');
    expect(first[col('minutes_to_discomfort')]).toBe('25');
    expect(first[col('ended_by')]).toBe('routine');
    expect(rows[2]![col('outcome')]).toBe('taken');
    expect(rows[2]![col('feeling')]).toBe('better');
    expect(rows[3]![col('discomfort_at')]).toBe('');
  });

  it('a hostile note reads back as text, apostrophe first, commas and newlines intact', () => {
    const rows = parseCsv(exportCsv(data));
    const note = rows[4]![CSV_COLUMNS.indexOf('note')];
    expect(note).toBe('\'=cmd|calc, then "lifted" the basket\nno bracing');
  });

  it('optionally starts with a byte order mark for Excel', () => {
    expect(exportCsv(data, { bom: true }).startsWith('\uFEFFrecord,')).toBe(true);
    expect(exportCsv({ stretches: [], breaks: [], checkins: [] })).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });
});
