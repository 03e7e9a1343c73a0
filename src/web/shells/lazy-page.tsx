/**
 * A page whose code is a chunk of its own, fetched the first time it is shown: a phone's first visit to the home
 * page or the search downloads only theirs (issue 11, finding 12). While it loads, the shell shows that it is
 * loading (its Suspense around the page), never a blank page.
 */
import { lazy, type ComponentType, type ReactElement } from 'react';

export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ReactElement {
  const Page = lazy<ComponentType>(async () => ({ default: (await load())[name] }));
  return <Page />;
}
