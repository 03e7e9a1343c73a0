/**
 * Great-circle distance in SQL, written here apart from the server's own, so tests can recount "within N km"
 * straight from the tables.
 */
import { sql, type SQL } from 'drizzle-orm';

export function kmBetween(latA: SQL, lonA: SQL, latB: SQL, lonB: SQL): SQL {
  return sql`(2 * 6371.0088 * asin(sqrt(power(sin(radians(${latB} - ${latA}) / 2), 2)
    + cos(radians(${latA})) * cos(radians(${latB})) * power(sin(radians(${lonB} - ${lonA}) / 2), 2))))`;
}
