/**
 * Dates as feeds write them (RFC 822 in RSS, RFC 3339 in Atom, JSON Feed and JSON:API), made
 * into the ISO 8601 a feed item holds, with the time and offset kept: the card shows the day as
 * written (a post at 00:30 BST on 12 June, written `+0100` or `BST`, is dated 12 June) and sorts
 * by the instant.
 *
 * A time in UTC (`GMT`, `UT`, `Z`, `+0000`) is given on the UK's clock instead: WordPress writes
 * every feed time in UTC, so a post published at 00:30 on 12 June in summer says 23:30 on
 * 11 June, and councils and their visitors read days on the UK's clock.
 */

const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';

// RFC 822's zones, and BST, in hours east of UTC.
const ZONES: Record<string, number> = { UT: 0, UTC: 0, GMT: 0, Z: 0, BST: 1, EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7 };

const RFC_822 = /^(?:[a-z]+,?\s*)?(\d\d?)\s+([a-z]{3})[a-z]*\.?\s+(\d{4}|\d\d)\s+(\d\d?):(\d\d)(?::(\d\d))?\s*([a-z]+|[+-]\d\d:?\d\d)?$/i;
const RFC_3339 = /^(\d{4})-(\d\d)-(\d\d)(?:[t ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?\s*(z|[+-]\d\d:?\d\d)?)?$/i;

const pad = (value: number | string): string => String(value).padStart(2, '0');

/**
 * A feed's date as ISO 8601 with its offset, a date alone as it was, or the text unchanged when
 * it is not a date (the feed check then reports it and leaves the date out).
 *
 * @example
 * feedDate('Wed, 12 Jun 2024 00:30:00 BST');  // '2024-06-12T00:30:00+01:00'
 * feedDate('Tue, 11 Jun 2024 23:30:00 +0000'); // '2024-06-12T00:30:00+01:00' (UK summer time)
 * feedDate('2024-06-12');                      // '2024-06-12'
 */
export function feedDate(value: string): string {
  value = value.trim();
  let parts: Array<string | number>;
  let zone: string | undefined;
  const rfc822 = RFC_822.exec(value);
  const rfc3339 = RFC_3339.exec(value);
  if (rfc822) {
    const [, day, month, year, hour, minute, second] = rfc822;
    const index = MONTHS.indexOf(month!.toLowerCase());
    // Two-digit years as RFC 2822 reads them: 00–49 are 2000–2049.
    const fullYear = year!.length === 2 ? Number(year) + (Number(year) < 50 ? 2000 : 1900) : Number(year);
    if (index % 3) return value;
    parts = [fullYear, index / 3 + 1, day!, hour!, minute!, second ?? 0];
    zone = rfc822[7];
  } else if (rfc3339) {
    if (!rfc3339[4]) return rfc3339.slice(1, 4).join('-');
    parts = rfc3339.slice(1, 7).map((part) => part ?? 0);
    zone = rfc3339[7];
  } else {
    return value;
  }
  const [year, month, day, hour, minute, second] = parts.map(Number) as [number, number, number, number, number, number];
  const named = zone ? ZONES[zone.toUpperCase()] : undefined;
  const offset = zone && /^[+-]/.test(zone) ? Number(zone.slice(0, 3)) * 60 + Number(zone.slice(-2)) * (zone[0] === '-' ? -1 : 1) : named === undefined ? undefined : named * 60;
  const written = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  // Not a real day or time (31 June, 25:00): as the feed wrote it, for the feed check to report.
  if (new Date(time).toISOString().slice(0, 19) !== written) return value;
  if (offset === undefined) return written;
  if (offset === 0) return ukTime(time);
  return `${written}${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/**
 * An instant on the UK's clock: British Summer Time (+01:00) from 01:00 UTC on the last Sunday
 * of March to 01:00 UTC on the last Sunday of October, else GMT. Worked out here rather than
 * with `Intl`, so it is the same in every browser and in Node whatever their time zone data.
 */
function ukTime(time: number): string {
  const year = new Date(time).getUTCFullYear();
  const lastSunday = (month: number) => {
    const end = Date.UTC(year, month + 1, 0, 1);
    return end - new Date(end).getUTCDay() * 86_400_000;
  };
  const summer = time >= lastSunday(2) && time < lastSunday(9);
  return new Date(time + (summer ? 3_600_000 : 0)).toISOString().slice(0, 19) + (summer ? '+01:00' : 'Z');
}
