import { useEffect, useState } from 'preact/hooks';
import { parseProfileHash } from './area-grid';

/** The profile the page's #hash points at, kept in step with back/forward and links. */
export function useHashRoute() {
  const [route, setRoute] = useState(() => parseProfileHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseProfileHash(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
