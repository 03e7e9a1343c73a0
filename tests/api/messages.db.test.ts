/**
 * Every message a person can meet is in their language and names a field as its form labels it (issue 11,
 * finding 4). Walks every request field of the OpenAPI document with every validation keyword its schema uses,
 * in Korean and English; reads every Korean and English text the server's errors are made of; and sends forms
 * with several problems to see them all come back at once, each beside its field.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemLabel, validationKeywords, validationMessage, type SchemaProblem } from '../../src/shared/messages/validation.ts';
import { fieldLabel, labelAreaOf, locales, type Locale } from '../../src/shared/vocabulary/index.ts';
import { repositoryRoot } from '../../src/server/config.ts';
import { testApp, type TestApp } from '../support/app.ts';

/**
 * Latin letters a Korean message may carry: file kinds and units people see written so on Korean forms, the
 * start of a web address, and the keyboard runs the password advice quotes as what not to type.
 */
const latinAllowedInKorean = new Set([
  'PDF', 'CSV', 'XLSX', 'xlsx', 'csv', 'HWP', 'HWPX', 'DOCX', 'PNG', 'JPEG', 'JSON', 'API', 'URL', 'ID', 'QR', 'MB', 'KB', 'km',
  'http', 'https', 'qwer', 'asdf', 'abcd', 'abcabc', 'aaaa',
]);
/** MIME types (`application/json`) are names an API caller types as they are. */
const mimeType = /\b[a-z]+\/[a-z0-9.+-]+\b/g;

/** Latin words in Korean text that are not on the list above. */
function englishIn(korean: string): string[] {
  return (korean.replace(mimeType, '').match(/[A-Za-z]+/g) ?? []).filter((word) => !latinAllowedInKorean.has(word));
}

/** Property names as code spells them: camelCase, snake_case, dotted paths (not an email's domain), schema codes like date-time. */
function rawNamesIn(text: string): string[] {
  return text.match(/\b[a-z]+[A-Z][A-Za-z0-9]*\b|\b[a-z0-9]+_[a-z0-9_]+\b|(?<![@\w.])[a-z]{2,}\.[a-z]{2,}[A-Za-z0-9.]*\b|\bdate-time\b/g) ?? [];
}

function expectReadable(message: string, locale: Locale, where: string) {
  expect(rawNamesIn(message), `${where}: ${message}`).toEqual([]);
  if (locale === 'ko') {
    expect(englishIn(message), `${where}: ${message}`).toEqual([]);
    expect(message, where).toMatch(/[가-힣]/);
  }
}

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  [keyword: string]: unknown;
}
interface Field { area: string | undefined; path: string; schema: Schema; route: string }

/** Every field a request can carry (parameters and body, nested objects and list entries), with its schema; '' is the body. */
function requestFields(document: { paths: Record<string, Record<string, { parameters?: { name: string; schema: Schema }[]; requestBody?: { content?: Record<string, { schema: Schema }> } }>> }): Field[] {
  const fields: Field[] = [];
  const walk = (schema: Schema, at: string, area: string | undefined, route: string) => {
    fields.push({ area, path: at, schema, route });
    for (const [name, child] of Object.entries(schema.properties ?? {})) walk(child, at ? `${at}.${name}` : name, area, route);
    if (schema.items) walk(schema.items, at ? `${at}.0` : '0', area, route);
    // A union's branches are the same field (a value or null, a list or 'all'): each with its own keywords.
    for (const branch of schema.anyOf ?? []) walk(branch, at, area, route);
  };
  for (const [route, operations] of Object.entries(document.paths)) {
    const area = labelAreaOf(route);
    for (const [method, operation] of Object.entries(operations)) {
      for (const parameter of operation.parameters ?? []) walk(parameter.schema, parameter.name, area, `${method} ${route}`);
      const body = operation.requestBody?.content?.['application/json']?.schema;
      if (body) walk(body, '', area, `${method} ${route}`);
    }
  }
  return fields;
}

/** Ajv's error for each keyword a field's schema uses, with the parameters Ajv gives it. */
function problemsOf(field: Field): { problem: SchemaProblem; path: string }[] {
  const { schema, path: at } = field;
  const problems: { problem: SchemaProblem; path: string }[] = [];
  const limitOf = (keyword: string) => ({ problem: { keyword, params: { limit: schema[keyword] } }, path: at });
  for (const keyword of ['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems']) {
    if (keyword in schema) problems.push(limitOf(keyword));
  }
  if (schema.format) problems.push({ problem: { keyword: 'format', params: { format: schema.format } }, path: at });
  if (schema.pattern) problems.push({ problem: { keyword: 'pattern', params: { pattern: schema.pattern } }, path: at });
  if (schema.enum) problems.push({ problem: { keyword: 'enum', params: { allowedValues: schema.enum } }, path: at });
  if ('const' in schema) problems.push({ problem: { keyword: 'const', params: { allowedValue: schema.const } }, path: at });
  if (schema.anyOf) problems.push({ problem: { keyword: 'anyOf', params: {} }, path: at });
  if (schema.multipleOf) problems.push({ problem: { keyword: 'multipleOf', params: { multipleOf: schema.multipleOf } }, path: at });
  if (schema.uniqueItems) problems.push({ problem: { keyword: 'uniqueItems', params: { i: 1, j: 0 } }, path: at });
  for (const type of [schema.type ?? []].flat()) problems.push({ problem: { keyword: 'type', params: { type } }, path: at });
  const inside = (name: string) => (at ? `${at}.${name}` : name);
  for (const missing of schema.required ?? []) problems.push({ problem: { keyword: 'required', params: { missingProperty: missing } }, path: inside(missing) });
  if (schema.additionalProperties === false) {
    problems.push({ problem: { keyword: 'additionalProperties', params: { additionalProperty: 'somethingElse' } }, path: inside('somethingElse') });
  }
  return problems;
}

/** The server's source files, where its error messages are written. */
function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/**
 * The texts of `ko: '…'` and `en: \`…\`` literals, what they interpolate (code, possibly with literals of its own)
 * read as '…'. A small scanner: a regular expression cannot follow a template inside a template.
 */
function literalsOf(source: string, locale: Locale): string[] {
  const texts: string[] = [];
  /** Reads a quoted or template literal whose opening quote is at `start`; returns its text and the index after it. */
  const read = (start: number): [string, number] => {
    const quote = source[start]!;
    let text = '';
    let i = start + 1;
    while (i < source.length && source[i] !== quote) {
      if (source[i] === '\\') { text += source[i + 1] === 'n' ? ' ' : source[i + 1]; i += 2; continue; }
      if (quote === '`' && source.startsWith('${', i)) {
        let depth = 1;
        i += 2;
        while (i < source.length && depth > 0) {
          const c = source[i]!;
          if (c === '`' || c === "'" || c === '"') { i = read(i)[1]; continue; }
          if (c === '{') depth++;
          if (c === '}') depth--;
          i++;
        }
        text += '…';
        continue;
      }
      text += source[i];
      i++;
    }
    return [text, i + 1];
  };
  for (const match of source.matchAll(new RegExp(`\\b${locale}: (?=['\`])`, 'g'))) texts.push(read(match.index + match[0].length)[0]);
  return texts;
}

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('every validation message of the contracts', () => {
  it('names every request field by a label, in Korean and English, with every keyword its schema uses', async () => {
    const document = (await t.anonymous.get('/api/openapi.json')).json();
    const fields = requestFields(document);
    expect(fields.length).toBeGreaterThan(250);
    const unlabelled = new Set<string>();
    const seenKeywords = new Set<string>();
    let walked = 0;
    for (const field of fields) {
      for (const locale of locales) if (field.path && !fieldLabel(field.path, locale, field.area)) unlabelled.add(`${field.route}: ${field.path}`);
      for (const { problem, path: at } of problemsOf(field)) {
        seenKeywords.add(problem.keyword);
        for (const locale of locales) {
          const label = problemLabel(problem, at, locale, field.area);
          const message = validationMessage(problem, label, locale);
          expectReadable(message, locale, `${field.route} ${at} ${problem.keyword} (${locale})`);
          if (label) expect(message, `${field.route} ${at} ${problem.keyword}`).toContain(label);
          else expect(problem.keyword === 'additionalProperties' || at === '', `${field.route} ${at} ${problem.keyword}: no label`).toBe(true);
          walked++;
        }
      }
    }
    expect([...unlabelled]).toEqual([]);
    // Every keyword the contracts use has its own words (and no keyword the words know is left untried).
    expect([...seenKeywords].filter((k) => !(validationKeywords as readonly string[]).includes(k))).toEqual([]);
    // Words kept for keywords the document does not show: no contract bounds a number exclusively yet, and
    // OpenAPI 3.0 writes a literal (`const`, which Ajv reports) as a one-value enum.
    expect(validationKeywords.filter((k) => !seenKeywords.has(k) && !['exclusiveMinimum', 'exclusiveMaximum', 'const'].includes(k))).toEqual([]);
    expect(walked).toBeGreaterThan(1000);
  });

  it('says every keyword in words for the whole request when no field is named', () => {
    for (const keyword of validationKeywords) {
      const params = { limit: 3, multipleOf: 0.5, format: 'date', pattern: '^[0-9]{5}$', type: 'integer' };
      for (const locale of locales) expectReadable(validationMessage({ keyword, params }, undefined, locale), locale, keyword);
    }
  });
});

describe('every error message the server writes', () => {
  const files = [...sourceFiles(path.join(repositoryRoot, 'src/server')), ...sourceFiles(path.join(repositoryRoot, 'src/shared'))];
  it('is Korean in Korean and names no field by its property name, in either language', () => {
    let read = 0;
    const problems: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const locale of locales) {
        for (const text of literalsOf(source, locale)) {
          read++;
          const raw = rawNamesIn(text);
          const english = locale === 'ko' ? englishIn(text) : [];
          if (raw.length || english.length) problems.push(`${path.relative(repositoryRoot, file)} (${locale}): ${text} → ${[...raw, ...english].join(', ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(read).toBeGreaterThan(500);
  });
});

describe('a form with several problems', () => {
  const korean = { 'accept-language': 'ko-KR,ko;q=0.9' };
  const english = { 'accept-language': 'en-GB,en;q=0.9' };

  it('comes back with all of them at once, each beside its field, in the caller’s language', async () => {
    const body = { email: 'not-an-email', password: 'short', birthYear: 1800, homeDongCode: '31', favouriteColour: 'blue' };
    const answers = {
      ko: await t.anonymous.request({ method: 'POST', url: '/api/auth/signup', payload: body, headers: korean }),
      en: await t.anonymous.request({ method: 'POST', url: '/api/auth/signup', payload: body, headers: english }),
    };
    const expected = {
      ko: {
        email: '이메일은 이메일 주소 형식(아이디@주소)으로 입력해 주세요.',
        password: '비밀번호는 10자 이상 입력해 주세요.',
        displayName: '이름을 입력해 주세요.',
        birthYear: '태어난 해는 1900 이상이어야 합니다.',
        homeDongCode: '사는 동네 (읍·면·동)는 숫자 7자리로 입력해 주세요.',
        favouriteColour: '보낸 내용에 알 수 없는 항목이 들어 있습니다. 그 항목을 빼고 다시 보내 주세요.',
      },
      en: {
        email: 'Email must be an email address, like name@example.com.',
        password: 'Password must be at least 10 characters.',
        displayName: 'Name is required.',
        birthYear: 'Year of birth must be 1900 or more.',
        homeDongCode: 'Your neighbourhood (dong) must be 7 digits.',
        favouriteColour: 'The request has a field we do not know. Leave it out and send again.',
      },
    };
    for (const locale of locales) {
      const answer = answers[locale];
      expect(answer.statusCode).toBe(400);
      const { error, message, field, problems } = answer.json() as { error: string; message: string; field: string; problems: { field: string; message: string }[] };
      expect(error).toBe('validation');
      expect(Object.fromEntries(problems.map((p) => [p.field, p.message]))).toEqual(expected[locale]);
      // The first problem is still the answer's message and field, for callers that read only those.
      expect({ field, message }).toEqual(problems[0]);
    }
  });

  it('names the fields of the program form as that form labels them', async () => {
    const staff = await t.as('staff@example.com');
    const institutionId = (await staff.get('/api/auth/me')).json().grants[0].institutionId;
    const answer = await staff.request({
      method: 'POST', url: '/api/programs', headers: korean,
      payload: {
        institutionId, title: '요', description: '짧음', area: 'cooking', subcategory: 'x', targetGroups: [], mode: 'in_person',
        startsOn: '2027-13-01', weekdays: ['mon'], startTime: '25:00', endTime: '12:00', sessionCount: 0, capacity: 10, feeKrw: -1,
      },
    });
    expect(answer.statusCode).toBe(400);
    const problems = Object.fromEntries((answer.json().problems as { field: string; message: string }[]).map((p) => [p.field, p.message]));
    expect(Object.keys(problems).sort()).toEqual(['area', 'description', 'feeKrw', 'sessionCount', 'startTime', 'startsOn', 'subcategory', 'targetGroups', 'title'].sort());
    expect(problems.title).toBe('프로그램 이름은 2자 이상 입력해 주세요.');
    expect(problems.description).toBe('소개글은 10자 이상 입력해 주세요.');
    expect(problems.startsOn).toBe('첫 수업일은 날짜(연-월-일)로 입력해 주세요.');
    expect(problems.startTime).toBe('시작 시각은 시각(시:분)으로 입력해 주세요.');
    expect(problems.area).toBe('분야를 목록에 있는 것 중에서 골라 주세요.');
    expect(problems.targetGroups).toBe('대상은 하나 이상 골라 주세요.');
    for (const message of Object.values(problems)) expectReadable(message, 'ko', 'program form');
  });

  it("names a field as its own form does where forms of one module call it otherwise", async () => {
    const staff = await t.as('staff@example.com');
    const institutionId = (await staff.get('/api/auth/me')).json().grants[0].institutionId;
    const send = async (url: string, payload: object, headers = korean) =>
      Object.fromEntries(((await staff.request({ method: 'POST', url, headers, payload })).json().problems as { field: string; message: string }[]).map((p) => [p.field, p.message]));
    // The network's proposal form calls its title 협약 이름 and the booking form its times 시작 시각, 끝나는 시각.
    const proposal = await send(`/api/institutions/${institutionId}/agreements`, { partnerIds: [1], title: '', startsOn: '2027-01-01', endsOn: 'x', scopeAreas: [], scopeText: '' });
    expect(proposal.title).toBe('협약 이름은 2자 이상 입력해 주세요.');
    expect(proposal.endsOn).toBe('종료일은 날짜(연-월-일)로 입력해 주세요.');
    const booking = await send(`/api/institutions/${institutionId}/bookings`, { resourceId: 1, startsAt: 'soon', endsAt: 'later', purpose: '' }, { 'accept-language': 'en' });
    expect(booking.startsAt).toBe('From must be a date and time.');
    expect(booking.purpose).toBe('Purpose must be at least 2 characters.');
    // The institution's own page calls its name 기관 이름; copying a program calls its first day 새 학기 시작일.
    const copy = await send('/api/programs/1/copy', { startsOn: '2027-02-30x' });
    expect(copy.startsOn).toBe('새 학기 시작일은 날짜(연-월-일)로 입력해 주세요.');
    for (const message of [...Object.values(proposal), ...Object.values(copy)]) expectReadable(message, 'ko', 'forms of the network and the office');
  });

  it('hears a refusal the service decides in Korean too, beside its field', async () => {
    const body = { email: 'resident@example.com', password: 'a long and unusual passphrase 81', displayName: '김하나' };
    const answer = await t.anonymous.request({ method: 'POST', url: '/api/auth/signup', payload: body, headers: korean });
    expect(answer.statusCode).toBe(409);
    const { message, field, problems } = answer.json();
    expect(field).toBe('email');
    expect(problems).toEqual([{ field: 'email', message }]);
    expectReadable(message, 'ko', 'email taken');
  });
});
