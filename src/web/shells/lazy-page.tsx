/**
 * A page whose code is a chunk of its own, fetched the first time it is shown: a phone's first visit to the home
 * page or the search downloads only theirs (issue 11, finding 12). The modules' words (loadModuleTexts) are fetched
 * beside it, at the same time, and the page shows once both are here. While they load, the shell shows that it is
 * loading (its Suspense around the page), never a blank page.
 */
import { lazy, type ComponentType, type ReactElement } from 'react';
import { loadModuleTexts } from '../i18n/index.ts';

export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ReactElement {
  const Page = lazy<ComponentType>(async () => {
    const [page] = await Promise.all([load(), loadModuleTexts()]);
    return { default: page[name] };
  });
  return <Page />;
}
