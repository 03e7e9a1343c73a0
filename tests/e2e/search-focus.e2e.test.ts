/**
 * Issue 11, finding 7 (the rest): the keyboard follows each action to what it answers, and stays in sight. Picking a
 * dong moves focus to the search's answer (not the page's body); tabbing through every search filter, on a 390 px
 * phone and on a desktop, keeps the focused control (for a KRDS check box or radio button, the label that draws it)
 * inside the viewport; opening the cancel dialog puts the keyboard on its answer with the question read. Every screen
 * is checked with axe in both modes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../../src/server/platform/clock.ts';
import { apiAs, checkScreen, chromiumAvailable, DESKTOP, logIn, openPhone, PHONE, type PhoneWorld, type RunningServer } from '../support/browser.ts';

/**
 * Where the keyboard is: its element, what it says, and whether what shows it lies inside the viewport once the page
 * has stopped scrolling (KRDS scrolls smoothly unless the reader asks for less motion; a busy machine takes a while).
 */
function focusNow(page: Page) {
  return page.evaluate(async () => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || active === document.body) return { tag: 'BODY', text: '', inView: false, rect: null, described: '' };
    // KRDS hides a check box or radio button and draws it (and its focus ring) on its label.
    const shown = active instanceof HTMLInputElement && (active.type === 'checkbox' || active.type === 'radio') && active.labels?.[0] ? active.labels[0] : active;
    const frame = () => new Promise<number>((done) => requestAnimationFrame(() => done(shown.getBoundingClientRect().top)));
    for (let still = 0, last = await frame(), frames = 0; still < 10 && frames < 300; frames++) {
      const top = await frame();
      still = top === last ? still + 1 : 0;
      last = top;
    }
    const r = shown.getBoundingClientRect();
    const inView = r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
    const described = (active.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    return {
      tag: active.tagName, text: (active.getAttribute('aria-label') ?? shown.textContent ?? '').trim(), inView, described,
      rect: { top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), right: Math.round(r.right), viewport: window.innerHeight },
    };
  });
}

describe.skipIf(!chromiumAvailable)('the keyboard follows the search and stays in sight', () => {
  let world: PhoneWorld;
  let server: RunningServer;
  let page: Page;

  beforeAll(async () => {
    world = await openPhone();
    ({ server, page } = world);
  });
  afterAll(() => world?.close());

  it('after picking a dong, is on the search answer, in sight', async () => {
    await page.goto(`${server.url}/programs`);
    await page.locator('.lc-card').first().waitFor();
    await page.getByLabel('동네 이름 (읍·면·동)').fill('철산');
    const dong = page.getByRole('list', { name: '찾은 동네' }).getByRole('button', { name: /철산1동/ });
    await dong.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('near=');
    await expect.poll(async () => (await focusNow(page)).text, { timeout: 10_000 }).toMatch(/^프로그램 [\d,]+개/);
    expect((await focusNow(page)).inView).toBe(true);
    await checkScreen(page, 'search-focus', 'dong picked');
  });

  for (const [device, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`tabbing through every filter on a ${device} keeps each one in sight`, async () => {
      await page.setViewportSize(viewport);
      // As most people have it: KRDS scrolls smoothly (an earlier screen's accessibility check asked for less motion).
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      await page.goto(`${server.url}/programs`);
      await page.locator('.lc-card').first().waitFor();
      const toggle = page.getByRole('button', { name: /^조건/ });
      if (await toggle.isVisible()) {
        await toggle.focus();
        await page.keyboard.press('Enter');
        expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      } else {
        await page.getByRole('link', { name: '검색 결과로 바로 가기' }).focus();
        // On a desktop the filters come first after the place: start from the last control before them.
        await page.locator('.lc-near').getByRole('button').last().focus();
      }
      const visited: string[] = [];
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const inPanel = await page.evaluate(() => document.activeElement?.closest('.lc-filter-panel') !== null);
        if (!inPanel) break;
        const now = await focusNow(page);
        visited.push(now.text);
        expect(now.inView, `${device}: ${now.text} at ${JSON.stringify(now.rect)}`).toBe(true);
      }
      // Every group was walked through (the areas, the radio groups, the city).
      expect(visited.length, visited.join(' | ')).toBeGreaterThan(10);
      await checkScreen(page, 'search-focus', `filters on a ${device}`);
      await page.setViewportSize(PHONE);
    });
  }

  it('opening the cancel dialog puts the keyboard on its answer, with the question read, in sight', async () => {
    const staff = await apiAs(server, 'staff@example.com');
    const institutionId = (await staff('GET', '/api/auth/me')).json().grants[0].institutionId as number;
    const made = await staff('POST', '/api/programs', {
      institutionId, title: '초보 수채화', description: '붓 잡는 법부터 배우는 수채화 교실입니다.', area: 'culture_arts', subcategory: 'everyday_arts',
      targetGroups: ['all'], mode: 'online', startsOn: addDays(todayInKorea(), 14), weekdays: ['fri'], startTime: '10:00', endTime: '12:00',
      sessionCount: 4, capacity: 10, feeKrw: 0,
    });
    expect(made.statusCode, made.body).toBe(201);
    await logIn(page, server.url, 'resident@example.com');
    await page.goto(`${server.url}/programs/${made.json().id}`);
    const panel = page.getByRole('region', { name: '수강 신청' });
    await panel.getByRole('button', { name: '신청하기' }).click();
    const cancel = panel.getByRole('button', { name: '신청 취소' });
    await cancel.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focusNow(page)).tag).toBe('BUTTON');
    const now = await focusNow(page);
    expect(now.described).toContain('취소');
    expect(now.inView).toBe(true);
    await checkScreen(page, 'search-focus', 'cancel dialog');
  });
});
