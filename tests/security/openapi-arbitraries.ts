/**
 * The API as its OpenAPI document describes it, turned into requests: every operation with its path,
 * query and body schemas; fast-check arbitraries of values those schemas accept; hostile values a
 * stranger may send instead (zero bytes, lone surrogates, numbers no column holds, 1 MB strings, deep
 * JSON, wrong content types…); and a line that reproduces any request with curl.
 *
 * Nothing here knows a route by name: a new route is fuzzed as soon as it is in the document.
 */
import fc from 'fast-check';

/** The subset of JSON Schema (OpenAPI 3.0) that TypeBox contracts produce. */
export interface JsonSchema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
}

export interface Parameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** `METHOD /api/path/{param}`, as in the document: the key of the access matrix. */
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  pathParams: Parameter[];
  query: Parameter[];
  /** The JSON body's schema, when the operation documents one. */
  body: JsonSchema | null;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, {
    parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
    requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  }>>;
}

/** Every operation of the document, in its order. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => {
    const parameters = (where: string) => (operation.parameters ?? []).filter((p) => p.in === where)
      .map((p) => ({ name: p.name, required: p.required ?? false, schema: p.schema }));
    return {
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase() as Operation['method'],
      path,
      pathParams: parameters('path'),
      query: parameters('query'),
      body: operation.requestBody?.content?.['application/json']?.schema ?? null,
    };
  }));
}

export const isUnsafe = (method: string) => method !== 'GET' && method !== 'HEAD';

// ---------------------------------------------------------------------------------------------------
// Values: what a schema accepts, and one example of it

/** JSON text that JSON.stringify cannot write (`1e400`, `-0`, a deep nest): sent exactly as it is. */
export class RawJson {
  constructor(readonly text: string, readonly label: string = text) {}
}

export function jsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}:${jsonText(item)}`).join(',')}}`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

/**
 * Values a field of this name should take to reach past lookups (real ids and codes), filled in by the test;
 * under `#keys`, the keys a map (an object with `additionalProperties`) should use.
 */
export type KnownValues = Record<string, readonly unknown[]>;

const typeOf = (schema: JsonSchema) => schema.type ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);

/** A well-formed value for a pattern the contracts use; fast-check's own for any other. */
const patternExamples: Record<string, string> = {
  '^[0-9]{5}$': '31060',
  '^[0-9]{7}$': '3106052',
  '^[0-9]{2}$': '31',
  '^https?://': 'https://learning.example.kr/',
  '^[0-9a-f-]{36}$': '00000000-0000-4000-8000-000000000000',
  '^[0-9+() -]{6,20}$': '02-2680-6114',
  '^([01][0-9]|2[0-3]):[0-5][0-9]$': '10:00',
  '^[a-z]+$': 'committee',
};

function exampleString(schema: JsonSchema): string {
  switch (schema.format) {
    case 'date': return '2027-03-02';
    case 'date-time': return '2027-03-02T10:00:00+09:00';
    case 'uri': return 'https://learning.example.kr/';
    case 'email': return 'fuzz@example.com';
    case 'uuid': return '00000000-0000-4000-8000-000000000000';
  }
  if (schema.pattern && patternExamples[schema.pattern]) return patternExamples[schema.pattern]!;
  const text = '평생학습 도시의 배움 기록'.padEnd(schema.minLength ?? 0, '배');
  return text.slice(0, Math.max(schema.minLength ?? 0, schema.maxLength ?? text.length));
}

function exampleNumber(schema: JsonSchema): number {
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
  return Math.min(Math.max(1, low), schema.maximum ?? Number.MAX_SAFE_INTEGER);
}

/** One value the schema accepts, every documented property filled: the base that hostile values replace. */
export function exampleOf(schema: JsonSchema, known: KnownValues = {}, name?: string): unknown {
  if (name && known[name]?.length) return known[name]![0];
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return exampleOf(schema.anyOf[0]!, known, name);
  switch (typeOf(schema)) {
    case 'string': return exampleString(schema);
    case 'integer':
    case 'number': return exampleNumber(schema);
    case 'boolean': return false;
    case 'array': return Array.from({ length: Math.max(schema.minItems ?? 0, 1) }, () => exampleOf(schema.items ?? {}, known)).slice(0, schema.maxItems ?? 1);
    case 'object': {
      const entries = Object.entries(schema.properties ?? {}).map(([key, property]) => [key, exampleOf(property, known, key)]);
      const key = known['#keys']?.[0];
      if (entries.length === 0 && typeof key === 'string' && typeof schema.additionalProperties === 'object') entries.push([key, exampleOf(schema.additionalProperties, known)]);
      return Object.fromEntries(entries);
    }
    default: return null;
  }
}

const hangul = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((code) => String.fromCharCode(code));
const textUnit = fc.oneof({ arbitrary: hangul, weight: 2 }, { arbitrary: fc.constantFrom('a', 'Z', '0', ' ', '-', '.', '\'', '"', '<', '%', '$', '&', '`', '\\'), weight: 2 }, { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 1 });

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const example = exampleString(schema);
  if (schema.format === 'date') {
    return fc.oneof(fc.constant(example), fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
  }
  if (schema.format === 'date-time') {
    return fc.oneof(fc.constant(example), fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString()));
  }
  if (schema.format === 'email') return fc.emailAddress({ size: 'small' });
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'uri') return fc.webUrl({ size: 'small' });
  if (schema.pattern) return fc.oneof(fc.constant(example), fc.stringMatching(new RegExp(schema.pattern), { size: 'small' }).filter((s) => s.length <= (schema.maxLength ?? Infinity)));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 200, Math.max(minLength, 80));
  return fc.oneof(fc.constant(example), fc.string({ unit: textUnit, minLength, maxLength }));
}

/** Values the schema accepts (mostly: `known` values for a field of that name come first). */
export function valueArbitrary(schema: JsonSchema, known: KnownValues = {}, name?: string): fc.Arbitrary<unknown> {
  const own = ownValueArbitrary(schema, known);
  const values = name ? known[name] : undefined;
  const withKnown = values?.length ? fc.oneof({ arbitrary: fc.constantFrom(...values), weight: 3 }, { arbitrary: own, weight: 1 }) : own;
  return schema.nullable ? fc.option(withKnown, { nil: null, freq: 6 }) : withKnown;
}

function ownValueArbitrary(schema: JsonSchema, known: KnownValues): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => valueArbitrary(s, known)));
  switch (typeOf(schema)) {
    case 'string': return stringArbitrary(schema);
    case 'integer': return fc.integer({ min: Math.max(schema.minimum ?? -2_147_483_648, -2_147_483_648), max: Math.min(schema.maximum ?? 2_147_483_647, 2_147_483_647) });
    case 'number': {
      const min = schema.minimum ?? schema.exclusiveMinimum ?? -1e9;
      const max = schema.maximum ?? 1e9;
      const step = schema.multipleOf;
      return step ? fc.integer({ min: Math.ceil(min / step), max: Math.floor(max / step) }).map((n) => n * step)
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: schema.exclusiveMinimum !== undefined });
    }
    case 'boolean': return fc.boolean();
    case 'array': {
      const items = valueArbitrary(schema.items ?? {}, known);
      const constraints = { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 5) };
      return schema.uniqueItems ? fc.uniqueArray(items, { ...constraints, selector: (v) => JSON.stringify(v) }) : fc.array(items, constraints);
    }
    case 'object': {
      const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, property]) => [key, valueArbitrary(property, known, key)]));
      const record = fc.record(properties, { requiredKeys: schema.required ?? [] }) as fc.Arbitrary<Record<string, unknown>>;
      if (typeof schema.additionalProperties === 'object') {
        const keys = (known['#keys'] ?? []).filter((k): k is string => typeof k === 'string');
        const key = keys.length ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 20 })) : fc.string({ maxLength: 20 });
        const map = fc.dictionary(key, valueArbitrary(schema.additionalProperties, known), { maxKeys: 4 });
        return fc.tuple(record, map).map(([fixed, extra]) => ({ ...extra, ...fixed }));
      }
      return record;
    }
    default: return fc.jsonValue({ maxDepth: 2 });
  }
}

// ---------------------------------------------------------------------------------------------------
// Hostile values

const MEGABYTE = 1 << 20;
const DEPTH = 10_000;

/** What a stranger puts where a field's value goes. `label` is how the summary names it. */
export interface Hostile {
  label: string;
  replace(current: unknown): unknown;
}

const insertAtMiddle = (current: unknown, text: string) => {
  const base = typeof current === 'string' ? current : typeof current === 'number' ? String(current) : '';
  const at = Math.floor(base.length / 2);
  return base.slice(0, at) + text + base.slice(at);
};

const constant = (label: string, value: unknown): Hostile => ({ label, replace: () => value });

export const hostileValues = {
  zeroByte: { label: 'zero byte', replace: (v: unknown) => insertAtMiddle(v, '\u0000') },
  loneSurrogate: { label: 'lone surrogate', replace: (v: unknown) => insertAtMiddle(v, '\uD800') },
  null: constant('null', null),
  huge: constant('1e400', new RawJson('1e400')),
  hugeNegative: constant('-1e400', new RawJson('-1e400')),
  max: constant('1e308', 1e308),
  negativeZero: constant('-0', new RawJson('-0')),
  unsafeInteger: constant('2**53+1', new RawJson('9007199254740993')),
  tiny: constant('5e-324', new RawJson('5e-324')),
  nanText: constant('"NaN"', 'NaN'),
  megabyte: { label: '1 MB string', replace: () => 'a'.repeat(MEGABYTE) },
  longText: { label: '64 KB string', replace: () => '배'.repeat(64 * 1024) },
  empty: constant('""', ''),
  wrongType: { label: 'wrong type', replace: (v: unknown) => (typeof v === 'string' ? 12345 : typeof v === 'number' ? '12345' : typeof v === 'boolean' ? 'true' : 'x') },
  inArray: { label: 'array instead', replace: (v: unknown) => [v] },
  asObject: { label: 'object instead', replace: (v: unknown) => ({ value: v }) },
  deep: constant(`${DEPTH} levels of [`, new RawJson(`${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`, `${DEPTH} levels of [`)),
} satisfies Record<string, Hostile>;

/** The hostile values tried on every field of its kind, one at a time, by the systematic pass. */
export function hostileFor(schema: JsonSchema): Hostile[] {
  const h = hostileValues;
  switch (typeOf(schema)) {
    case 'string': return [h.zeroByte, h.loneSurrogate, h.null, h.huge];
    case 'integer':
    case 'number': return [h.huge, h.hugeNegative, h.max, h.negativeZero, h.unsafeInteger, h.tiny, h.nanText, h.null];
    case 'boolean': return [h.null, h.wrongType];
    case 'array': return [h.null, h.asObject, h.deep];
    case 'object': return [h.null, h.inArray];
    default: return [h.null];
  }
}

/** A path into a JSON value (property names and indexes), for mutating one place and naming it. */
export type ValuePath = (string | number)[];

/** Every place in the value that a hostile value may replace, the root first. */
export function placesIn(value: unknown, path: ValuePath = []): ValuePath[] {
  const here = [path];
  if (Array.isArray(value)) return here.concat(...value.map((item, i) => placesIn(item, [...path, i])));
  if (value !== null && typeof value === 'object' && !(value instanceof RawJson)) {
    return here.concat(...Object.entries(value).map(([key, item]) => placesIn(item, [...path, key])));
  }
  return here;
}

export function valueAt(value: unknown, path: ValuePath): unknown {
  return path.reduce<unknown>((current, step) => (current as Record<string | number, unknown> | undefined)?.[step], value);
}

/** A copy of the value with the place replaced (or, with `undefined`, removed). */
export function replaceAt(value: unknown, path: ValuePath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [step, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, i) => (i === step ? replaceAt(item, rest, replacement) : item));
  const copy = { ...(value as Record<string, unknown>) };
  const next = replaceAt(copy[step as string], rest, replacement);
  if (next === undefined) delete copy[step as string];
  else copy[step as string] = next;
  return copy;
}

/** A change to a whole value: a hostile value at one place, an unknown field, a field left out. */
export interface Mutation {
  label: string;
  apply(value: unknown): unknown;
}

const hostileList: Hostile[] = Object.values(hostileValues);

/** Random mutations: a place chosen by index (modulo the places the value has) and what happens there. */
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.tuple(fc.nat(), fc.oneof(
  { arbitrary: fc.constantFrom(...hostileList).map((hostile) => ({ kind: 'hostile' as const, hostile })), weight: 8 },
  { arbitrary: fc.constantFrom('unknown', 'drop').map((kind) => ({ kind, hostile: null })), weight: 2 },
)).map(([index, { kind, hostile }]): Mutation => {
  const pick = (value: unknown, filter: (p: ValuePath) => boolean) => {
    const places = placesIn(value).filter(filter);
    return places[index % Math.max(places.length, 1)];
  };
  if (hostile) {
    return {
      label: hostile.label,
      apply: (value) => {
        const place = pick(value, () => true) ?? [];
        return replaceAt(value, place, hostile.replace(valueAt(value, place)));
      },
    };
  }
  if (kind === 'unknown') {
    return {
      label: 'unknown field',
      apply: (value) => {
        const place = pick(value, (p) => { const v = valueAt(value, p); return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof RawJson); });
        return place ? replaceAt(value, place, { ...(valueAt(value, place) as object), isAdmin: true }) : value;
      },
    };
  }
  return {
    label: 'field left out',
    apply: (value) => {
      const place = pick(value, (p) => typeof p[p.length - 1] === 'string');
      return place ? replaceAt(value, place, undefined) : value;
    },
  };
});

// ---------------------------------------------------------------------------------------------------
// Requests on the wire

export interface WireBody {
  contentType: string | null;
  payload: string | Buffer;
  label: string;
}

export const jsonBody = (value: unknown, label = 'JSON'): WireBody => ({ contentType: 'application/json', payload: jsonText(value), label });

/** Bodies that are not what any route reads: wrong content types, broken or hostile JSON. */
export const hostileBodies: WireBody[] = [
  { contentType: 'application/json', payload: '', label: 'empty JSON body' },
  { contentType: 'application/json', payload: '{', label: 'malformed JSON' },
  { contentType: 'application/json', payload: '{"a":1,}', label: 'trailing comma' },
  { contentType: 'application/json', payload: 'NaN', label: 'NaN as JSON' },
  { contentType: 'application/json', payload: 'null', label: 'null body' },
  { contentType: 'application/json', payload: '[]', label: 'array body' },
  { contentType: 'application/json', payload: '"text"', label: 'string body' },
  { contentType: 'application/json', payload: '1e400', label: '1e400 body' },
  { contentType: 'application/json', payload: '['.repeat(DEPTH), label: `${DEPTH} unclosed [` },
  { contentType: 'application/json', payload: `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`, label: `${DEPTH} levels of [` },
  { contentType: 'application/json', payload: `${'{"a":'.repeat(DEPTH)}{"constructor":{"prototype":{"polluted":1}}}${'}'.repeat(DEPTH)}`, label: `${DEPTH} levels of {} around constructor.prototype` },
  { contentType: 'application/json', payload: '{"__proto__":{"isAdmin":true}}', label: '__proto__' },
  { contentType: 'application/json', payload: `{"title":"${'a'.repeat(MEGABYTE)}"}`, label: '1 MB JSON' },
  { contentType: 'application/json', payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x80, 0x22, 0x7d]), label: 'invalid UTF-8' },
  { contentType: 'application/json', payload: '\uFEFF{}', label: 'byte-order mark' },
  { contentType: 'application/json; charset=utf-16', payload: '{}', label: 'charset=utf-16' },
  { contentType: 'text/plain', payload: '{}', label: 'text/plain' },
  { contentType: 'application/x-www-form-urlencoded', payload: 'title=a&year=2024', label: 'form-urlencoded' },
  { contentType: 'multipart/form-data; boundary=fuzz', payload: '--fuzz\r\nContent-Disposition: form-data; name="title"\r\n\r\na\r\n--fuzz--\r\n', label: 'multipart' },
  { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', payload: Buffer.from('PK\u0003\u0004 not a workbook'), label: 'not an xlsx' },
  { contentType: null, payload: '{}', label: 'no content type' },
];

/** Percent-encodes text for a URL; lone surrogates become the bytes a careless client sends (WTF-8). */
export function encodeWire(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    else out += encodeURIComponent(char);
  }
  return out;
}

/** Query and path values as sent (already encoded): what a stranger types into a URL. */
export const hostileWire: { label: string; wire: string }[] = [
  { label: 'zero byte', wire: '%00' },
  { label: 'lone surrogate', wire: '%ED%A0%80' },
  { label: 'invalid UTF-8', wire: '%FF%FE' },
  { label: 'bad percent', wire: '%' },
  { label: '1e400', wire: '1e400' },
  { label: '-1e400', wire: '-1e400' },
  { label: '1e308', wire: '1e308' },
  { label: '-0', wire: '-0' },
  { label: '2**53+1', wire: '9007199254740993' },
  { label: '2**31', wire: '2147483648' },
  { label: 'NaN', wire: 'NaN' },
  { label: 'Infinity', wire: 'Infinity' },
  { label: 'hex', wire: '0x1F' },
  { label: 'empty', wire: '' },
  { label: '10 KB', wire: 'a'.repeat(10_000) },
];

export function wireValue(value: unknown): string {
  return encodeWire(typeof value === 'string' ? value : JSON.stringify(value) ?? '');
}

/** A request ready for `inject`, and the words that describe it. */
export interface FuzzRequest {
  /** Who sends it: an actor's name from the test's world ('anonymous', 'resident'…). */
  actor: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: WireBody | null;
  /** What was hostile about it, briefly. */
  summary: string;
}

export function buildUrl(path: string, pathValues: Record<string, string>, query: [string, string][]): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => pathValues[name] ?? '1');
  return query.length === 0 ? filled : `${filled}?${query.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&')}`;
}

/** No control characters or lone surrogates: text a shell argument carries as it is. */
const isPlainText = (text: string) => text.isWellFormed() && [...text].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f);

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** A JavaScript expression that writes the payload, with long runs folded (`"a".repeat(1048576)`). */
function payloadExpression(payload: string | Buffer): string {
  if (Buffer.isBuffer(payload)) return `Buffer.from(${JSON.stringify(payload.toString('base64'))},"base64")`;
  const chars = [...payload];
  const pieces: string[] = [];
  let plain = '';
  for (let i = 0; i < chars.length;) {
    let j = i + 1;
    while (j < chars.length && chars[j] === chars[i]) j++;
    if (j - i >= 64) {
      if (plain) pieces.push(JSON.stringify(plain));
      plain = '';
      pieces.push(`${JSON.stringify(chars[i])}.repeat(${j - i})`);
    } else {
      plain += chars.slice(i, j).join('');
    }
    i = j;
  }
  if (plain) pieces.push(JSON.stringify(plain));
  return (pieces.join('+') || '""').replace(/'/g, '\\u0027');
}

/** How to fill in `$SESSION_<actor>` in a curl line: log in as that demo account. */
export const SESSION_HINT = 'SESSION_admin=$(curl -si http://localhost:3000/api/auth/login -H \'content-type: application/json\' '
  + '--data-binary \'{"email":"admin@example.com","password":"learning-city-2001"}\' | grep -o \'lc_session=[^;]*\' | cut -d= -f2)';

/** A line that sends the same request to a running server (the session as `$SESSION_<actor>`: see SESSION_HINT). */
export function curlLine(request: FuzzRequest, base = 'http://localhost:3000'): string {
  const parts = ['curl -sS -g --path-as-is', '-X', request.method, shellQuote(`${base}${request.url}`)];
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'cookie') continue;
    parts.push('-H', shellQuote(`${name}: ${value}`));
  }
  if (request.actor !== 'anonymous') parts.push('-b', `"lc_session=$SESSION_${request.actor.replace(/\W/g, '_')}"`);
  if (request.body) {
    // `content-type:` with no value tells curl to send none.
    parts.push('-H', shellQuote(`content-type:${request.body.contentType ? ` ${request.body.contentType}` : ''}`));
    const { payload } = request.body;
    if (typeof payload === 'string' && payload.length <= 300 && isPlainText(payload)) {
      parts.push('--data-binary', shellQuote(payload));
    } else {
      parts.unshift(`node -e 'process.stdout.write(${payloadExpression(payload)})' |`);
      parts.push('--data-binary @-');
    }
  }
  return parts.join(' ');
}
