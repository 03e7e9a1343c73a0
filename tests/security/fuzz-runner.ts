/**
 * The fuzz itself, for the test (fixed seed, few runs) and the benchmark (many runs, printed): for one
 * operation, a systematic pass (each hostile value in each query parameter, path parameter and body
 * field of a valid request, one at a time, and each hostile body), then random requests drawn from the
 * schema's arbitraries as every actor, about every target. Each answer is checked:
 * - never 500 or above;
 * - a 4xx is JSON shaped `{ error: string, message: string, field?: string }`, without a stack trace;
 * - a 4xx wrote nothing (the write log is empty);
 * - a field sent as `null` and accepted comes back `null`, not turned into a value (0, "").
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import {
  buildUrl, curlLine, hostileBodies, hostileFor, hostileWire, isUnsafe, jsonBody, mutationArbitrary, replaceAt,
  RawJson, valueArbitrary, valueAt, wireValue, type FuzzRequest, type JsonSchema, type KnownValues, type Operation, type ValuePath,
} from './openapi-arbitraries.ts';
import { exampleQuery, exampleRequest, knownValues, pathValue, type Target, type World } from './security-world.ts';

export interface Probe {
  operation: string;
  request: FuzzRequest;
  status: number;
  /** What is wrong with the answer; empty when all is well. */
  problems: string[];
  /** The answer's `error` code, when it has one. */
  error: string | null;
}

export interface FuzzOptions {
  /** Random requests per operation (after the systematic pass). */
  runs: number;
  seed: number;
  /** Called after every request (the benchmark prints it). */
  onProbe?: (probe: Probe) => void;
}

const excerpt = (text: string) => (text.length > 160 ? `${text.slice(0, 160)}…` : text).replace(/\s+/g, ' ');

/** Top-level fields sent as null that an accepted request answers with a value. */
function nullsTurnedIntoValues(request: FuzzRequest, response: LightMyRequestResponse): string[] {
  if (request.body?.contentType !== 'application/json' || !String(response.headers['content-type']).startsWith('application/json')) return [];
  try {
    const sent = JSON.parse(String(request.body.payload)) as unknown;
    const answer = response.json() as unknown;
    if (!sent || typeof sent !== 'object' || Array.isArray(sent) || !answer || typeof answer !== 'object') return [];
    return Object.entries(sent).filter(([key, value]) => value === null && key in answer && (answer as Record<string, unknown>)[key] !== null)
      .map(([key]) => `${key}: null became ${JSON.stringify((answer as Record<string, unknown>)[key])}`);
  } catch {
    return [];
  }
}

export function responseProblems(response: LightMyRequestResponse, writes: string[], request?: FuzzRequest): string[] {
  const status = response.statusCode;
  if (status >= 500) return [`${status} ${excerpt(response.body)}`];
  if (status < 400) {
    const changed = request ? nullsTurnedIntoValues(request, response) : [];
    return changed.length ? [`${status} accepted null and stored a value (${changed.join(', ')})`] : [];
  }
  const problems: string[] = [];
  let body: Record<string, unknown> | null = null;
  try {
    body = response.json();
  } catch {
    problems.push(`${status} is not JSON (${String(response.headers['content-type'])}): ${excerpt(response.body)}`);
  }
  if (body && (typeof body.error !== 'string' || typeof body.message !== 'string' || ('field' in body && typeof body.field !== 'string'))) {
    problems.push(`${status} without the error shape {error, message, field?}: ${excerpt(response.body)}`);
  }
  if (/\n\s+at \S+ \(|node_modules/.test(response.body)) problems.push(`${status} shows a stack trace: ${excerpt(response.body)}`);
  if (writes.length > 0) problems.push(`${status} but wrote to ${writes.join(', ')}`);
  return problems;
}

export async function probe(world: World, operation: Operation, request: FuzzRequest): Promise<Probe> {
  const response = await world.send(request);
  if (response.statusCode < 400 && isUnsafe(request.method)) await world.settle();
  const writes = await world.takeWrites();
  let error: string | null = null;
  try {
    error = typeof response.json().error === 'string' ? response.json().error : null;
  } catch { /* not JSON: responseProblems says so when it matters */ }
  return { operation: operation.key, request, status: response.statusCode, problems: responseProblems(response, writes, request), error };
}

/**
 * The target whose example request a route accepts from an administrator: the Gwangmyeong place, but for
 * one's own enrolment and rating, the program the administrator holds a place in or completed.
 */
export function baseTarget(operation: Operation, world: World): Target {
  const own = world.belongings.admin!;
  const place = world.withBelongings(world.targets[0]!, own);
  if (/\/programs\/\{id\}\/enrolment$/.test(operation.path) && operation.method !== 'POST') return world.withBelongings(place, own, own.enrolledProgram);
  if (/\/programs\/\{id\}\/rating$/.test(operation.path)) return world.withBelongings(place, own, own.completedProgram);
  return place;
}

/** Each place in a JSON value with the schema that describes it (where the schema says). */
function schemaPlaces(schema: JsonSchema, value: unknown, path: ValuePath = []): { path: ValuePath; schema: JsonSchema }[] {
  const here = [{ path, schema }];
  if (Array.isArray(value) && schema.items) return here.concat(...value.map((item, i) => schemaPlaces(schema.items!, item, [...path, i])));
  if (value !== null && typeof value === 'object' && !(value instanceof RawJson)) {
    return here.concat(...Object.entries(value).map(([key, item]) => {
      const property = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {});
      return schemaPlaces(property, item, [...path, key]);
    }));
  }
  return here;
}

/** The URL values the systematic pass tries in each parameter (the random pass draws from all of `hostileWire`). */
const systematicWire = hostileWire.filter((h) => !['1e308', '-0', '2**31', 'hex'].includes(h.label));

const placeName = (path: ValuePath) => (path.length === 0 ? 'the body' : path.join('.'));

/**
 * The valid request the systematic pass varies, sent first: as an administrator about the base target, or where
 * an administrator may not make it (a city's application, a reviewer's scores, a consultant's advice), as the
 * first actor about the first target that gets an answer other than 401, 403 or 404 (else the administrator's):
 * hostile values must get past who may ask to reach what is behind.
 */
async function acceptedExample(operation: Operation, world: World, send: (request: FuzzRequest) => Promise<Probe>): Promise<{ valid: FuzzRequest; target: Target }> {
  const base = baseTarget(operation, world);
  const actors = ['admin', ...world.actors.filter((a) => a !== 'admin')];
  const candidates = [base, world.withBelongings(world.targets[1]!, world.belongings.admin!)]
    .flatMap((target) => actors.map((actor) => ({ valid: exampleRequest(operation, actor, target, world), target })));
  for (const candidate of candidates) {
    if (![401, 403, 404].includes((await send(candidate.valid)).status)) return candidate;
  }
  return candidates[0]!;
}

/** The valid request with one hostile thing in it, for every place: each query and path parameter, each body field, the body. */
export function systematicRequests(operation: Operation, world: World, valid: FuzzRequest, target: Target): FuzzRequest[] {
  const pathValues = Object.fromEntries(operation.pathParams.map((p) => [p.name, encodeURIComponent(pathValue(operation, p.name, target, world))]));
  const query = exampleQuery(operation, target, world);
  const requests: FuzzRequest[] = [];
  for (const param of operation.query) {
    for (const hostile of systematicWire) {
      const pairs: [string, string][] = [...query.filter(([name]) => name !== param.name), [param.name, hostile.wire]];
      requests.push({ ...valid, url: buildUrl(operation.path, pathValues, pairs), summary: `query ${param.name}: ${hostile.label}` });
    }
  }
  for (const param of operation.pathParams) {
    for (const hostile of systematicWire.filter((h) => h.wire !== '')) {
      requests.push({ ...valid, url: buildUrl(operation.path, { ...pathValues, [param.name]: hostile.wire }, query), summary: `path {${param.name}}: ${hostile.label}` });
    }
  }
  if (operation.body && valid.body?.label === 'valid example') {
    const example = JSON.parse(valid.body.payload as string) as unknown;
    for (const { path, schema } of schemaPlaces(operation.body, example)) {
      for (const hostile of hostileFor(schema)) {
        const body = jsonBody(replaceAt(example, path, hostile.replace(valueAt(example, path))));
        requests.push({ ...valid, body, summary: `body ${placeName(path)}: ${hostile.label}` });
      }
    }
    requests.push({ ...valid, body: jsonBody({ ...(example as object), isAdmin: true }), summary: 'body: unknown field' });
  }
  if (isUnsafe(operation.method)) {
    for (const body of hostileBodies) requests.push({ ...valid, body, summary: `body: ${body.label}` });
  }
  return requests;
}

/** Random requests: any actor, any target, values from the schemas (real ids and codes among them), now and then something hostile. */
export function requestArbitrary(operation: Operation, world: World): fc.Arbitrary<FuzzRequest> {
  const hostilePath = fc.option(fc.tuple(fc.constantFrom(...operation.pathParams.map((p) => p.name).concat('')), fc.constantFrom(...hostileWire)), { freq: 6 });
  const queryValue = (schema: JsonSchema, known: KnownValues, name: string) => fc.option(fc.oneof(
    { arbitrary: valueArbitrary(schema, known, name).map((v) => (Array.isArray(v) ? v.map(wireValue) : [wireValue(v)])), weight: 5 },
    { arbitrary: fc.constantFrom(...hostileWire).map((h) => [h.wire]), weight: 1 },
  ), { freq: 2 });
  const extraQuery = fc.option(fc.constantFrom<[string, string]>(['unknown', '1'], ['__proto__', 'x'], ['constructor[prototype][x]', '1'], ['page', '1&page=2']), { freq: 8 });
  return fc.constantFrom(...world.targets).chain((target) => {
    const known = knownValues(target, world);
    const query = fc.tuple(...operation.query.map((p) => queryValue(p.schema, known, p.name).map((values) => (values ?? []).map((v) => [p.name, v] as [string, string]))));
    const valid = exampleRequest(operation, 'admin', target, world);
    const body: fc.Arbitrary<{ body: FuzzRequest['body']; labels: string[] }> = operation.body
      ? fc.oneof(
        {
          weight: 8,
          arbitrary: fc.tuple(
            fc.oneof(fc.constant(valid.body ? JSON.parse(valid.body.payload as string) as unknown : {}), valueArbitrary(operation.body, known)),
            fc.oneof({ arbitrary: fc.constant([]), weight: 3 }, { arbitrary: fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }), weight: 4 }),
          ).map(([value, mutations]) => ({ body: jsonBody(mutations.reduce((v, m) => m.apply(v), value)), labels: mutations.map((m) => m.label) })),
        },
        { weight: 1, arbitrary: fc.constantFrom(...hostileBodies).map((b) => ({ body: b, labels: [b.label] })) },
      )
      : isUnsafe(operation.method)
        ? fc.option(fc.constantFrom(...hostileBodies), { freq: 2 }).map((b) => ({ body: b ?? valid.body, labels: b ? [b.label] : [] }))
        : fc.constant({ body: null, labels: [] });
    return fc.record({ actor: fc.constantFrom(...world.actors), hostilePath, query, extraQuery, body, english: fc.boolean() })
      .map(({ actor, hostilePath: bad, query: pairs, extraQuery: extra, body: { body: payload, labels } }) => {
        const values = Object.fromEntries(operation.pathParams.map((p) => [p.name, encodeURIComponent(pathValue(operation, p.name, target, world))]));
        if (bad && bad[0]) values[bad[0]] = bad[1].wire;
        const queryPairs = pairs.flat().concat(extra ? [extra] : []);
        const summary = [
          bad?.[0] ? `path {${bad[0]}}: ${bad[1].label}` : null,
          queryPairs.length ? `query ${queryPairs.map(([k]) => k).join(',')}` : null,
          labels.length ? `body: ${labels.join(', ')}` : payload ? 'body: random' : null,
        ].filter(Boolean).join('; ');
        return { actor, method: operation.method, url: buildUrl(operation.path, values, queryPairs), headers: {}, body: payload, summary: `${target.label}; ${summary || 'valid'}` };
      });
  });
}

/** A stable seed per operation: adding a route does not change what the others try. */
export function seedFor(seed: number, operation: Operation): number {
  let hash = seed | 0;
  for (const char of operation.key) hash = Math.imul(hash ^ char.charCodeAt(0), 16_777_619);
  return hash >>> 0;
}

/**
 * Random requests for the operation. One that takes no input has little to vary but the actor (and some, like
 * the learning record's PDF, cost seconds each), so it gets a twentieth.
 */
export function randomRuns(operation: Operation, runs: number): number {
  const takesInput = operation.pathParams.length + operation.query.length > 0 || operation.body !== null || isUnsafe(operation.method);
  return takesInput ? runs : Math.floor(runs / 20);
}

export async function fuzzOperation(world: World, operation: Operation, options: FuzzOptions): Promise<Probe[]> {
  const probes: Probe[] = [];
  const send = async (request: FuzzRequest) => {
    const result = await probe(world, operation, request);
    options.onProbe?.(result);
    probes.push(result);
    return result;
  };
  const { valid, target } = await acceptedExample(operation, world, send);
  const runs = randomRuns(operation, options.runs);
  const requests = [
    ...systematicRequests(operation, world, valid, target),
    ...(runs > 0 ? fc.sample(requestArbitrary(operation, world), { seed: seedFor(options.seed, operation), numRuns: runs }) : []),
  ];
  for (const request of requests) await send(request);
  return probes;
}

/** The failures, one per distinct cause (status, error code, what was hostile), each with a line that reproduces it. */
export function describeFailures(probes: Probe[]): string[] {
  const groups = new Map<string, { probe: Probe; count: number }>();
  for (const p of probes.filter((x) => x.problems.length > 0)) {
    // What was hostile, without the target and the names of random (valid) query parameters.
    const cause = p.request.summary.split('; ').filter((part, i) => !(i === 0 && !part.includes(':')) && !/^query [^:]*$/.test(part) && part !== 'body: random').join('; ');
    const key = `${p.problems.map((x) => x.replace(/:.*/, '')).join('|')} ${p.error} ${cause}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { probe: p, count: 1 });
  }
  return [...groups.values()].map(({ probe: p, count }) =>
    `${p.problems.join('; ')}\n    as ${p.request.actor}: ${p.request.summary}${count > 1 ? ` (and ${count - 1} more like it)` : ''}\n    ${curlLine(p.request)}`);
}
