/**
 * The requests for programs the home page and the search make first, built in one place: the web makes them, and the
 * server makes the same one to put its answer into the page on a first visit (spa.ts), which it can only do if both
 * build the very same path.
 */

/** The search's filters, place and order: the API's own query keys, which the search page keeps in its address. */
export const SEARCH_FILTER_KEYS = ['area', 'subcategory', 'target', 'mode', 'city', 'fee', 'weekday', 'timeOfDay', 'startsWithinDays', 'seatsLeft'] as const;
const SEARCH_PLACE_KEYS = ['near', 'lat', 'lon', 'radiusKm', 'includeOnline'] as const;
const SEARCH_KEYS = ['q', ...SEARCH_FILTER_KEYS, ...SEARCH_PLACE_KEYS, 'sort', 'page'] as const;
export type SearchKey = (typeof SEARCH_KEYS)[number];

const SEARCH_PAGE_SIZE = 12;

/** The API request (`/programs?…`) for the search page at an address with this query string. */
export function searchRequest(params: URLSearchParams): string {
  const forwarded = new URLSearchParams();
  for (const key of SEARCH_KEYS) for (const value of params.getAll(key)) forwarded.append(key, value);
  forwarded.set('pageSize', String(SEARCH_PAGE_SIZE));
  return `/programs?${forwarded.toString()}`;
}

/** The home page's newest programs. */
export const NEWEST_PROGRAMS_REQUEST = '/programs?pageSize=8&sort=newest';
