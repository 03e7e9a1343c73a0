/**
 * Whether an element has come near the screen (within `margin` of it), once and for good: what sits below the fold
 * is fetched when the reader scrolls, or tabs, towards it, not on a phone's first visit (issue 11, finding 12).
 * Without IntersectionObserver, at once. Returns the callback ref to put on the element, and whether it is near.
 */
import { useEffect, useState } from 'react';

export function useNearView<E extends Element>(margin = '600px'): [(element: E | null) => void, boolean] {
  const [element, setElement] = useState<E | null>(null);
  // Rendered on the server (decision 028): not near, as the browser's first render will say before it observes.
  const [near, setNear] = useState(() => typeof window !== 'undefined' && typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (near || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setNear(true);
    }, { rootMargin: margin });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, near, margin]);
  return [setElement, near];
}
