/**
 * What day and year it is in Korea, for tests: the same rule the server reads (src/server/platform/clock.ts),
 * never the UTC date of `new Date().toISOString()` nor the machine's own time zone, which disagree with Korea
 * every day from 00:00 to 09:00 KST (and about the year from 00:00 to 09:00 on 1 January).
 */
export { todayInKorea, yearInKorea } from '../../src/server/platform/clock.ts';
