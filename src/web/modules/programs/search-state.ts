/**
 * The catalogue search lives in the URL, under the API's own query keys: a search can be shared or
 * bookmarked, and the back button undoes the last change.
 */
import { useSearchParams } from 'react-router';

const FILTER_KEYS = ['area', 'subcategory', 'target', 'mode', 'city', 'fee', 'weekday', 'timeOfDay', 'startsWithinDays', 'seatsLeft'] as const;
const PLACE_KEYS = ['near', 'lat', 'lon', 'radiusKm', 'includeOnline'] as const;
const API_KEYS = ['q', ...FILTER_KEYS, ...PLACE_KEYS, 'sort', 'page'] as const;
export type SearchKey = (typeof API_KEYS)[number];

export const PAGE_SIZE = 12;

function hasPlace(params: URLSearchParams): boolean {
  return params.has('near') || (params.has('lat') && params.has('lon'));
}

export function useSearchState() {
  const [params, setParams] = useSearchParams();
  const all = (key: SearchKey) => params.getAll(key);
  const one = (key: SearchKey) => params.get(key) ?? '';

  /** Sets keys (null or an empty list removes them), goes back to page 1 and drops a sort that no longer applies. */
  const update = (changes: Partial<Record<SearchKey, string | readonly string[] | null>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      next.delete(key);
      for (const v of typeof value === 'string' ? [value] : (value ?? [])) if (v !== '') next.append(key, v);
    }
    if (!('page' in changes)) next.delete('page');
    const sort = next.get('sort');
    if ((sort === 'relevance' && !next.get('q')) || (sort === 'distance' && !hasPlace(next))) next.delete('sort');
    setParams(next);
  };

  const forwarded = new URLSearchParams();
  for (const key of API_KEYS) for (const value of params.getAll(key)) forwarded.append(key, value);
  forwarded.set('pageSize', String(PAGE_SIZE));

  return {
    all,
    one,
    update,
    /** Adds or removes one value of a key that takes several. */
    toggle: (key: SearchKey, value: string, on: boolean) => update({ [key]: on ? [...all(key), value] : all(key).filter((v) => v !== value) }),
    clearFilters: () => update(Object.fromEntries(FILTER_KEYS.map((key) => [key, null]))),
    filterCount: FILTER_KEYS.reduce((sum, key) => sum + params.getAll(key).length, 0),
    hasPlace: hasPlace(params),
    apiPath: `/programs?${forwarded.toString()}`,
  };
}

export type SearchState = ReturnType<typeof useSearchState>;
