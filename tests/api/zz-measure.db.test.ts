import { it } from 'vitest';
import { testApp } from '../support/app.ts';
import { testEngine } from '../support/database.ts';
it('measure', async () => {
  const t = await testApp();
  const ministry = await t.as('ministry@example.com');
  const times: Record<string, number[]> = { create: [], cities: [], approve: [] };
  for (let i = 0; i < 5; i++) {
    let at = performance.now();
    const made = await ministry.post('/api/investment-rounds', { year: 2027, title: `측정 ${i}`, budget: 1_000_000_000, cityCap: 60_000_000, weightEvaluation: 40, weightNeed: 60, conditions: '측정용 조건입니다' });
    times.create!.push(performance.now() - at);
    const id = made.json().id;
    at = performance.now();
    await ministry.get(`/api/investment-rounds/${id}/cities?pageSize=300`);
    times.cities!.push(performance.now() - at);
    at = performance.now();
    const approved = await ministry.post(`/api/investment-rounds/${id}/approve`);
    times.approve!.push(performance.now() - at);
    if (i === 0) console.log('cities', made.json().cities, 'funded', approved.json().funded);
  }
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!.toFixed(0);
  console.log(testEngine(), Object.fromEntries(Object.entries(times).map(([k, v]) => [k, `median ${median(v)} ms of ${v.map((x) => x.toFixed(0)).join('/')}`])));
  await t.close();
}, 300000);
