/**
 * The proposals demo (what `npm start` shows of issue 13, item 2), seeded on the tests' data and read back through
 * the API as the demo officer, resident and centre manager would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOf } from '../../src/shared/contracts/common.ts';
import type { ProposalList, ProposalOrigin, ProposalView } from '../../src/shared/contracts/proposals.ts';
import { testApp, type TestApp } from '../../tests/support/app.ts';
import { testEngine } from '../../tests/support/database.ts';
import { seedProposalsDemo } from './proposals-demo.ts';

describe(`the proposals demo on ${testEngine()}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    await seedProposalsDemo(t.database.db);
  });
  afterAll(async () => t?.close());

  it('gives Gwangmyeong one proposal in each phase, the accepted one a draft in the centre’s back office', async () => {
    const list = (await t.anonymous.get('/api/cities/31060/proposals?pageSize=100')).json<ProposalList>();
    expect(list.items.map((p) => p.phase).sort()).toEqual(['accepted', 'awaiting', 'declined', 'open']);
    const staff = await t.as('staff@example.com');
    const me = (await staff.get('/api/auth/me')).json<{ grants: { institutionId: number | null }[] }>();
    const centre = me.grants.find((g) => g.institutionId)!.institutionId!;
    const origins = (await staff.get(`/api/institutions/${centre}/proposal-programs`)).json<PageOf<ProposalOrigin>>();
    expect(origins.items).toHaveLength(1);
    expect(origins.items[0]!.proposalId).toBe(list.items.find((p) => p.phase === 'accepted')!.id);
  });

  it('gives Suncheon’s demo resident her own proposal and one she supports that awaits the answer', async () => {
    const resident = await t.as('resident@example.com');
    const list = (await resident.get('/api/cities/36030/proposals?pageSize=100')).json<ProposalList>();
    expect(list.items.map((p) => p.phase).sort()).toEqual(['awaiting', 'declined', 'open']);
    const pages = await Promise.all(list.items.map(async (p) => (await resident.get(`/api/cities/36030/proposals/${p.id}`)).json<ProposalView>()));
    expect(pages.find((p) => p.mine)?.phase).toBe('open');
    expect(pages.find((p) => p.supportedByMe)?.phase).toBe('awaiting');
    expect(pages.find((p) => p.phase === 'declined')?.declineReason).toMatch(/생활 금융 교실/);
  });
});
