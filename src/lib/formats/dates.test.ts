import { expect } from '@open-wc/testing';
import { feedDate } from './dates.js';

describe('feedDate', () => {
  // What the card shows is the first ten characters: the day on the clock the feed wrote.
  const cases: Array<[string, string]> = [
    ['Wed, 12 Jun 2024 00:30:00 BST', '2024-06-12T00:30:00+01:00'],
    ['Wed, 12 Jun 2024 00:30:00 +0100', '2024-06-12T00:30:00+01:00'],
    ['Tue, 11 Jun 2024 23:30:00 GMT', '2024-06-12T00:30:00+01:00'],
    ['Tue, 11 Jun 2024 23:30:00 +0000', '2024-06-12T00:30:00+01:00'],
    ['Tue, 11 Jun 2024 23:30:00 UT', '2024-06-12T00:30:00+01:00'],
    ['Sun, 05 Jan 2025 23:30:00 Z', '2025-01-05T23:30:00Z'],
    ['Sun, 31 Mar 2024 00:59:59 GMT', '2024-03-31T00:59:59Z'],
    ['Sun, 31 Mar 2024 01:00:00 GMT', '2024-03-31T02:00:00+01:00'],
    ['Sun, 27 Oct 2024 00:59:00 GMT', '2024-10-27T01:59:00+01:00'],
    ['Sun, 27 Oct 2024 01:00:00 GMT', '2024-10-27T01:00:00Z'],
    ['3 Feb 24 9:05 EST', '2024-02-03T09:05:00-05:00'],
    ['Fri, 17 Oct 97 12:00:00 -0430', '1997-10-17T12:00:00-04:30'],
    ['17 Sept 2024 12:00:00 EDT', '2024-09-17T12:00:00-04:00'],
    ['17 Sep 2024 12:00:00 AEST', '2024-09-17T12:00:00'],
    ['Mon, 20 May 2024 09:15:00', '2024-05-20T09:15:00'],
    ['2024-06-12T00:30:00+01:00', '2024-06-12T00:30:00+01:00'],
    ['2024-06-12t00:30+0100', '2024-06-12T00:30:00+01:00'],
    ['2024-06-11T23:30:00.000Z', '2024-06-12T00:30:00+01:00'],
    ['2024-06-12 10:00:00', '2024-06-12T10:00:00'],
    ['2024-06-12', '2024-06-12'],
    ['  2024-06-12\n', '2024-06-12'],
    ['Mon, 31 Jun 2024 10:00:00 +0100', 'Mon, 31 Jun 2024 10:00:00 +0100'],
    ['Wed, 12 Foo 2024 00:30:00 BST', 'Wed, 12 Foo 2024 00:30:00 BST'],
    ['2024-02-30T10:00:00Z', '2024-02-30T10:00:00Z'],
    ['last Tuesday', 'last Tuesday'],
    ['', ''],
  ];
  for (const [input, expected] of cases) it(`${JSON.stringify(input)} → ${expected}`, () => expect(feedDate(input)).to.equal(expected));

  it('keeps the instant: a UTC time moved to the UK clock is the same moment', () => {
    expect(Date.parse(feedDate('Tue, 11 Jun 2024 23:30:00 GMT'))).to.equal(Date.parse('2024-06-11T23:30:00Z'));
  });
});
