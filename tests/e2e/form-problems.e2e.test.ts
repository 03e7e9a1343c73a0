/**
 * Issue 11, finding 4, in the browser: a form sent with several problems shows every one of them at once, in
 * Korean, beside its field (read with it through aria-describedby, the field marked invalid), sums them up for
 * screen readers with a link to each, and puts the keyboard on the first. Checked with axe in both modes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, checkScreen, chromiumAvailable, logIn, openPhone, type PhoneWorld, type RunningServer } from '../support/browser.ts';

/** Every field marked invalid, in the page's order: its label (a group's legend) and what is read with it. */
function invalidFields(page: Page) {
  return page.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('form [aria-invalid="true"]')].map((field) => {
    const choice = field.type === 'checkbox' || field.type === 'radio';
    const label = (choice ? field.closest('fieldset')?.querySelector('legend')?.textContent : field.labels?.[0]?.textContent) ?? '';
    const description = (field.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    return { label: label.trim(), description: description.trim(), focused: document.activeElement === field };
  }));
}

/** The summary's links, by their words. */
const summaryLinks = (page: Page) => page.getByRole('alert').getByRole('link').allTextContents();

describe.skipIf(!chromiumAvailable)('a form sent with several problems', () => {
  let world: PhoneWorld;
  let server: RunningServer;
  let page: Page;

  beforeAll(async () => {
    world = await openPhone({ DEMO: 'false' });
    ({ server, page } = world);
  });
  afterAll(() => world?.close());

  it('sign-up: every problem beside its field, in Korean, the keyboard on the first', async () => {
    await page.goto(`${server.url}/signup`);
    await page.getByRole('heading', { level: 1, name: '회원가입' }).waitFor();
    await page.getByLabel('이메일').fill('not-an-email');
    await page.getByLabel('비밀번호', { exact: true }).fill('short');
    await page.getByLabel('태어난 해').fill('1800');
    await page.locator('form').getByRole('button', { name: '가입하기' }).click();

    await expect.poll(() => summaryLinks(page)).toEqual(['이름', '이메일', '비밀번호', '태어난 해']);
    expect(await invalidFields(page)).toEqual([
      { label: '이름', description: '이름을 입력해 주세요.', focused: true },
      { label: '이메일', description: '이메일은 이메일 주소 형식(아이디@주소)으로 입력해 주세요.', focused: false },
      { label: '비밀번호', description: '비밀번호는 10자 이상 입력해 주세요.', focused: false },
      { label: '태어난 해', description: '태어난 해는 1900 이상이어야 합니다.', focused: false },
    ]);
    expect(await page.getByRole('alert').textContent()).toContain('고칠 곳이 4곳 있습니다.');
    await checkScreen(page, 'form-problems', 'sign-up with four problems');

    // A link of the summary takes the keyboard to its field.
    await page.getByRole('alert').getByRole('link', { name: '태어난 해' }).click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent)).toBe('태어난 해');
  });

  it('publishing a program: every problem beside its field, choices included', async () => {
    const me = await (await apiAs(server, 'staff@example.com'))('GET', '/api/auth/me');
    const institutionId = me.json<{ grants: { institutionId: number }[] }>().grants[0]!.institutionId;
    await logIn(page, server.url, 'staff@example.com');
    await page.goto(`${server.url}/institutions/${institutionId}/programs/new`);
    const form = page.locator('form');
    await form.getByLabel('프로그램 이름').fill('요');
    await form.getByLabel('소개글').fill('짧음');
    await form.getByRole('group', { name: '대상' }).locator('label', { hasText: '누구나' }).click();
    await form.getByLabel('수업 횟수').fill('0');
    await form.getByRole('button', { name: '확인하고 게시' }).click();

    await expect.poll(() => summaryLinks(page)).toEqual(['프로그램 이름', '소개글', '대상', '첫 수업일', '요일', '수업 횟수']);
    expect(await invalidFields(page)).toEqual([
      { label: '프로그램 이름', description: '프로그램 이름은 2자 이상 입력해 주세요.', focused: true },
      { label: '소개글', description: '소개글은 10자 이상 입력해 주세요.', focused: false },
      { label: '대상', description: '대상은 하나 이상 골라 주세요.', focused: false },
      { label: '첫 수업일', description: '첫 수업일은 날짜(연-월-일)로 입력해 주세요.', focused: false },
      { label: '요일', description: '요일은 하나 이상 골라 주세요.', focused: false },
      { label: '수업 횟수', description: '수업 횟수는 1 이상이어야 합니다.', focused: false },
    ]);
    await checkScreen(page, 'form-problems', 'program with six problems');
  });
});
