/**
 * Request/response schemas shared by server (validation + OpenAPI) and web (types only, via `import type`).
 */
import Type, { type Static, type TSchema } from 'typebox';

/** One problem of a request: the field it concerns (none for the request as a whole) and what to do, in the caller's language. */
export const Problem = Type.Object(
  { field: Type.Optional(Type.String()), message: Type.String() },
  { additionalProperties: true, description: 'Some add where in a file (sheet, row, column).' },
);
export type Problem = Static<typeof Problem>;

export const ErrorBody = Type.Object(
  {
    error: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
    problems: Type.Optional(Type.Array(Problem, { description: 'Every problem found (validation finds all at once); message and field are the first.' })),
  },
  { $id: 'ErrorBody', additionalProperties: true, description: 'Some errors add details, e.g. `reasons` when enrolment is refused.' },
);
export type ErrorBody = Static<typeof ErrorBody>;

export const MAX_PAGE_SIZE = 100;

/** Pagination parameters; reference lists (cities, dongs) allow larger pages than the default 100. */
export const pageQuery = (maxPageSize = MAX_PAGE_SIZE, defaultPageSize = 20) => ({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1, description: 'Page number, from 1' })),
  pageSize: Type.Optional(
    Type.Integer({ minimum: 1, maximum: maxPageSize, default: defaultPageSize, description: `Items per page (at most ${maxPageSize})` }),
  ),
});
export const PageQuery = pageQuery();

export interface PageRequest {
  page: number;
  pageSize: number;
}

export function pageRequest(query: { page?: number; pageSize?: number }): PageRequest {
  return { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
}

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ description: 'Items matching, over all pages' }),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const Localised = Type.Object({ ko: Type.String(), en: Type.String() });

/** A KOSTAT code: 5 digits for a municipality (시·군·구), 7 for a dong (읍·면·동). */
export const CityCode = Type.String({ pattern: '^[0-9]{5}$', description: 'KOSTAT code of a 시·군·구 (5 digits)' });
export const DongCode = Type.String({ pattern: '^[0-9]{7}$', description: 'KOSTAT code of a 읍·면·동 (7 digits)' });
/** The largest id (and version) a PostgreSQL integer holds. */
export const MAX_INT = 2_147_483_647;
/** Whether a number can name a row: hooks that look a thing up before validation leave anything else to it (a 400). */
export const isId = (value: number) => Number.isInteger(value) && value >= 1 && value <= MAX_INT;
export const Id = Type.Integer({ minimum: 1, maximum: MAX_INT });
export const IdParams = Type.Object({ id: Id });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** An enum of vocabulary codes as a JSON-schema string enum (clear 400 messages, OpenAPI lists the values). */
export const Code = <C extends string>(codes: readonly C[], description?: string) =>
  Type.Unsafe<C>({ type: 'string', enum: [...codes], ...(description ? { description } : {}) });
