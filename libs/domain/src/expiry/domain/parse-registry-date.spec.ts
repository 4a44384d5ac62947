import { describe, expect, it } from 'vitest';
import { parseRegistryDate, UTC_HINTS, type DateHints } from './parse-registry-date';
import { registryDateHints } from './registry-date-hints';

const DAY_FIRST: DateHints = { dayFirst: true, localOffsetMinutes: 0 };

describe('parseRegistryDate', () => {
  it.each([
    ['2018-04-17T23:59:59Z', '2018-04-17T23:59:59.000Z'],
    ['2020-03-08T04:00:00.0Z', '2020-03-08T04:00:00.000Z'],
    ['2018-04-13T19:52:17.635Z', '2018-04-13T19:52:17.635Z'],
    ['2025-01-01T00:00:00.123456Z', '2025-01-01T00:00:00.123Z'],
    ['2025-06-30T23:59:59+02:00', '2025-06-30T21:59:59.000Z'],
    ['2025-06-30T23:59:59-0500', '2025-07-01T04:59:59.000Z'],
    ['2019-12-04 00:00:00+02', '2019-12-03T22:00:00.000Z'],
    ['2019-05-26 00:00:00', '2019-05-26T00:00:00.000Z'],
    ['2020-07-25', '2020-07-25T00:00:00.000Z'],
    ['20200518', '2020-05-18T00:00:00.000Z'],
    ['2026/03/31', '2026-03-31T00:00:00.000Z'],
    ['2025.01.02 13:00:00', '2025-01-02T13:00:00.000Z'],
    ['2025. 01. 02.', '2025-01-02T00:00:00.000Z'],
    ['26.03.2026 16:18:03', '2026-03-26T16:18:03.000Z'],
    ['1.2.2025', '2025-02-01T00:00:00.000Z'],
    ['05-Dec-2020', '2020-12-05T00:00:00.000Z'],
    ['20-feb-2010', '2010-02-20T00:00:00.000Z'],
    ['04-Oct-2008 04:00:00 UTC', '2008-10-04T04:00:00.000Z'],
    ['1 January 2025', '2025-01-01T00:00:00.000Z'],
    ['2019-Aug-22.', '2019-08-22T00:00:00.000Z'],
    ['January 5 2025', '2025-01-05T00:00:00.000Z'],
    ['Jan 5, 2025', '2025-01-05T00:00:00.000Z'],
    ['Sat Mar 28 23:59:00 2026', '2026-03-28T23:59:00.000Z'],
    ['2019-11-20 14:48:02 CLST', '2019-11-20T17:48:02.000Z'],
    ['2025-05-29 10:45:59 (JST)', '2025-05-29T01:45:59.000Z'],
    ['2025-01-01 12:44:02 (GMT+0:00)', '2025-01-01T12:44:02.000Z'],
    ['2025-01-01 08:00:00 (UTC+8)', '2025-01-01T00:00:00.000Z'],
    ['2025-01-01 00:00:00 GMT', '2025-01-01T00:00:00.000Z'],
    ['13/11/2019', '2019-11-13T00:00:00.000Z'],
    ['11/13/2019', '2019-11-13T00:00:00.000Z'],
  ])('%s -> %s', (text, iso) => {
    expect(parseRegistryDate(text)?.toISOString()).toBe(iso);
  });

  it.each([
    ['', 'nothing'],
    ['before Aug-1996', 'not a whole date'],
    ['2019-02-30', 'no such day'],
    ['2025-13-01', 'no such month'],
    ['2025-01-01 25:00:00', 'no such hour'],
    ['02/11/2019', 'day and month could be either way round'],
    ['2025-01-01 00:00:00 CST', 'CST is China or US Central'],
    ['2025-01-01 00:00:00 XYZT', 'a zone nobody knows'],
    ['12-dic-2025', 'a Spanish month'],
    ['01-01-25', 'a two-digit year'],
    ['2025-01-01 00:00:00 and then some', 'words after the date'],
    ['Connected', 'a state with no date'],
    ['1900-01-01', 'before domain names existed'],
  ])('%j is no date (%s)', (text) => {
    expect(parseRegistryDate(text)).toBeNull();
  });

  it('reads an ambiguous numeric date day first only for registries that write it so', () => {
    expect(parseRegistryDate('02/11/2019 23:59:00', DAY_FIRST)?.toISOString()).toBe('2019-11-02T23:59:00.000Z');
    expect(parseRegistryDate('02/11/2019 23:59:00', registryDateHints('sapo.pt'))?.toISOString()).toBe('2019-11-02T23:59:00.000Z');
    expect(parseRegistryDate('02/11/2019', registryDateHints('example.com'))).toBeNull();
    expect(parseRegistryDate('02/11/2019', UTC_HINTS)).toBeNull();
  });

  it("reads a time without a zone in the registry's local time where it is known to print one", () => {
    expect(parseRegistryDate('2025-03-17 12:48:36', registryDateHints('example.cn'))?.toISOString()).toBe('2025-03-17T04:48:36.000Z');
    // A bare date stays that calendar day, so a whole-day countdown is never off by one.
    expect(parseRegistryDate('2025-03-17', registryDateHints('example.cn'))?.toISOString()).toBe('2025-03-17T00:00:00.000Z');
    // An explicit zone always wins over the hint.
    expect(parseRegistryDate('2025-03-17 12:48:36Z', registryDateHints('example.cn'))?.toISOString()).toBe('2025-03-17T12:48:36.000Z');
  });
});
