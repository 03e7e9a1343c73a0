/**
 * The web's only way to the server: JSON over /api, same-origin cookies, errors as ApiError with the
 * server's message and the field it names, and every problem it found (each with its field).
 */
import i18next from 'i18next';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ErrorBody, Problem } from '../../shared/contracts/common.ts';

export class ApiError extends Error {
  /** Every problem the server found; an answer without a list has one, its message (with its field). */
  readonly problems: readonly Problem[];

  constructor(
    readonly status: number, readonly code: string, message: string, readonly field?: string, problems?: readonly Problem[],
    /** The whole error body, for refusals that carry facts (a waiting-room ticket, the reasons one cannot enrol). */
    readonly body?: Record<string, unknown>,
  ) {
    super(message);
    this.problems = problems?.length ? problems : [{ ...(field ? { field } : {}), message }];
  }
}

/** The server's list of problems, as far as it is one (some refusals list other details under the same name). */
const problemsIn = (value: unknown): Problem[] | undefined =>
  Array.isArray(value) && value.every((p) => typeof p?.message === 'string' && (p.field === undefined || typeof p.field === 'string'))
    ? value.map((p: Problem) => ({ ...(p.field ? { field: p.field } : {}), message: p.message }))
    : undefined;

/**
 * A JSON body is sent as JSON; a file (a Blob) as its bytes, the one kind of request that is not JSON: the server tells a
 * document's type by its contents, and reads a workbook or CSV by the `contentType` given.
 */
export async function api<T>(
  path: string, init: { method?: string; body?: unknown; contentType?: string; signal?: AbortSignal } = {},
): Promise<T> {
  const bytes = init.body instanceof Blob;
  const response = await fetch(`/api${path}`, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    // The server words refusals in the language the person reads.
    headers: {
      accept: 'application/json',
      'accept-language': i18next.language,
      ...(init.body === undefined ? {} : { 'content-type': bytes ? init.contentType ?? 'application/octet-stream' : 'application/json' }),
    },
    body: init.body === undefined ? undefined : bytes ? (init.body as Blob) : JSON.stringify(init.body),
    signal: init.signal,
  });
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => null)) as unknown;
  // Aborted while the body was read: the caller asked for something newer; never hand back half an answer as null.
  init.signal?.throwIfAborted();
  if (!response.ok) {
    const error = (payload ?? {}) as Partial<ErrorBody>;
    throw new ApiError(response.status, error.error ?? 'error', error.message ?? response.statusText, error.field, problemsIn(error.problems), error);
  }
  return payload as T;
}

/** Builds a query string from defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The API's answer to a page's first request, put into the page by the server (spa.ts). */
export interface FirstAnswer { request: string; locale: string; answer: unknown }

/**
 * The first answer a page is rendered with on the server (ssr.tsx provides it; in the browser there is no provider
 * and the answer is read from the page).
 */
export const RenderedAnswer = createContext<FirstAnswer | null | undefined>(undefined);

/**
 * The answer the server put into the page, so that a phone's first visit need not wait for it after the scripts,
 * and the server's rendering of the page (decision 028) is taken over with the very data it was rendered with. Used
 * by that request only, in the language it was asked in. A page shown again from the browser's cache (going back)
 * shows it first too, as its markup does, and then asks the API again (`stale`).
 */
let pageAnswer: (FirstAnswer & { stale: boolean }) | null | undefined;

function answerInPage(): typeof pageAnswer {
  if (pageAnswer === undefined) {
    const element = document.getElementById('lc-first-answer');
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    pageAnswer = element?.textContent ? { ...JSON.parse(element.textContent) as FirstAnswer, stale: navigation?.type === 'back_forward' } : null;
  }
  return pageAnswer;
}

const answerFor = (given: FirstAnswer | null | undefined, path: string, locale: string): unknown =>
  given && given.request === path && given.locale === locale ? given.answer : undefined;

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/** Loads `path` (null: nothing to load yet); reloads when it changes; ignores answers that arrive late. */
export function useApi<T>(path: string | null): Loaded<T> {
  const rendered = useContext(RenderedAnswer);
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>(() => {
    // On the server the answer was asked in the language the page is rendered in.
    const given = path === null ? undefined
      : (rendered === undefined ? answerFor(answerInPage(), path, i18next.language) : answerFor(rendered, path, rendered?.locale ?? '')) as T | undefined;
    return given === undefined ? { loading: path !== null } : { data: given, loading: false };
  });
  // The page's answer stands for the first load only: once shown, the page's next requests go to the API.
  const fromPage = useRef(state.data !== undefined);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (path === null) return;
    if (fromPage.current) {
      fromPage.current = false;
      const stale = pageAnswer?.stale ?? false;
      pageAnswer = null;
      if (!stale) return;
    }
    const controller = new AbortController();
    setState((previous) => ({ data: previous.data, loading: true }));
    api<T>(path, { signal: controller.signal })
      .then((data) => {
        if (!controller.signal.aborted) setState({ data, loading: false });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ loading: false, error: error instanceof ApiError ? error : new ApiError(0, 'network', String(error)) });
      });
    return () => controller.abort();
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
