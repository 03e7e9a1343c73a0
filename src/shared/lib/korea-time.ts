/** Korea keeps one offset all year (KST, UTC+9, no daylight saving): its calendar day, on the server or in any browser. */
export function todayInKorea(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}
