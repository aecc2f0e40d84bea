import { useEffect } from 'react';

/** Sets the document title, so screen-reader users hear where a route change took them. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Rapport`;
  }, [title]);
}
