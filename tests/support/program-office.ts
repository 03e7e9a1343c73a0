/**
 * Steps of browser journeys in the program back office (the editor of one program), shared by the journeys that run
 * a term's programs: people enrolled in a program, a session and the room moved (the people told), the program copied
 * into a new term, and cancelled with a reason.
 */
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { rows, type AppDb } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';

/** Residents of Gwangmyeong enrolled in the program directly (the enrolment tests cover how residents enrol); their ids. */
export async function enrolResidents(db: AppDb, programId: number, people: { email: string; name: string }[]): Promise<number[]> {
  const ids: number[] = [];
  for (const person of people) {
    const [row] = await rows<{ id: number }>(db, sql`
      INSERT INTO people (email, display_name, birth_year, home_city_code) VALUES (${person.email}, ${person.name}, 1958, '31060') RETURNING id`);
    await db.execute(sql`INSERT INTO enrolments (program_id, person_id, city_code, status) VALUES (${programId}, ${row!.id}, '31060', 'enrolled')`);
    ids.push(row!.id);
  }
  return ids;
}

/** In the editor: the third session a day later and the program in the next room; saving tells the `told` people enrolled or waiting. */
export async function moveThirdSessionAndRoom(page: Page, told: number): Promise<void> {
  await page.getByText(`수강 ${told}명, 대기 0명`).waitFor();
  const third = page.getByRole('group', { name: '3회차' });
  const date = await third.getByLabel('날짜').inputValue();
  await third.getByLabel('날짜').fill(addDays(date, 1));
  const room = page.getByLabel('강의실', { exact: true });
  const current = await room.inputValue();
  const other = await room.locator('option').evaluateAll((options, now) => options.map((o) => (o as HTMLOptionElement).value).find((v) => v && v !== now), current);
  await room.selectOption(other!);
  await page.getByRole('button', { name: '저장', exact: true }).click();
  await page.getByText(`저장했습니다. 수강생과 대기자 ${told}명에게 바뀐 내용을 알렸습니다.`).waitFor();
}

/** What the people of a program were told about its changes: whom, and the Korean text. */
export async function changeNotices(db: AppDb, programId: number) {
  return rows<{ personId: number; bodyKo: string }>(db, sql`
    SELECT person_id AS "personId", body_ko AS "bodyKo" FROM notifications WHERE kind = 'program.changed' AND link = ${`/programs/${programId}`}`);
}

/**
 * In the editor of a Tuesday/Thursday program: copies it into the term starting `startsOn` and is taken to the copy,
 * whose sessions skip the public holidays the page names; returns the copy's third session's day.
 */
export async function copyIntoTerm(page: Page, startsOn: string): Promise<string> {
  const original = page.url();
  await page.getByLabel('새 학기 시작일').fill(startsOn);
  await page.getByRole('button', { name: '복사하기' }).click();
  await page.getByText('복사했습니다. 새 프로그램을 고친 뒤 공개하세요.').waitFor();
  expect(page.url()).not.toBe(original);
  // The editor may still show the original's sessions for a moment while the copy loads: its dates are in the new term.
  const third = page.getByRole('group', { name: '3회차' }).getByLabel('날짜');
  await expect.poll(async () => (await third.inputValue()) >= startsOn).toBe(true);
  return third.inputValue();
}

/** In the editor: cancels the program with `reason`, by keyboard, confirming that `told` people are told; the page then says why. */
export async function cancelProgram(page: Page, reason: string, told: number): Promise<void> {
  await page.getByLabel('폐강 사유 (수강생에게 알립니다)').fill(reason);
  await page.getByRole('button', { name: '폐강하기' }).focus();
  await page.keyboard.press('Enter');
  await page.getByText(new RegExp(`폐강할까요\\? .* ${told}명에게 사유를 알립니다`)).waitFor();
  await page.keyboard.press('Enter');
  await page.getByText(`폐강한 프로그램입니다. 사유: ${reason}`).waitFor();
}
