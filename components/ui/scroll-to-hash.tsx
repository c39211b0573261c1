'use client';

import { useEffect } from 'react';

/**
 * Scrolls to the URL fragment's target once the page has mounted. React reveals streamed
 * Suspense content (here, behind loading.tsx) in a batch that can land after the browser's own
 * fragment scroll has given up, leaving `/model#dim_user` at the top of the page.
 * Does nothing when the reader has already scrolled.
 */
export function ScrollToHash() {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id || window.scrollY > 0) return;
    document.getElementById(id)?.scrollIntoView();
  }, []);

  return null;
}
