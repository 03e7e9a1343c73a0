/** Browser tests need the built web app; build it if its sources changed. */
import { buildWebIfStale } from '../../scripts/build-web.ts';

export default async function setup() {
  await buildWebIfStale(() => {});
}
