/** `?tab=123` in the popup's URL: the popup for a given tab (tests, keyboard users), instead of the active one. */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}
