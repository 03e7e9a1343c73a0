/**
 * The catalogue search lives in the URL, under the API's own query keys: a search can be shared or
 * bookmarked, and the back button undoes the last change.
 */
import { useSearchParams } from 'react-router';
import { SEARCH_FILTER_KEYS, searchRequest, type SearchKey } from '../../../shared/lib/program-search.ts';

export type { SearchKey };

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

  return {
    all,
    one,
    update,
    /** Adds or removes one value of a key that takes several. */
    toggle: (key: SearchKey, value: string, on: boolean) => update({ [key]: on ? [...all(key), value] : all(key).filter((v) => v !== value) }),
    clearFilters: () => update(Object.fromEntries(SEARCH_FILTER_KEYS.map((key) => [key, null]))),
    filterCount: SEARCH_FILTER_KEYS.reduce((sum, key) => sum + params.getAll(key).length, 0),
    hasPlace: hasPlace(params),
    apiPath: searchRequest(params),
  };
}

export type SearchState = ReturnType<typeof useSearchState>;
