import { useLayoutEffect, useRef } from 'preact/hooks';
import { showCardHereParts } from './show-card-here';

/**
 * "Show the card here" (or, with `detections`, "Show on page") for the popup's Preact views: the same nodes the
 * popup's first view draws without a framework (show-card-here.ts), in place before the page paints.
 */
export function ShowCardHere({ tabId, detections = false }: { tabId: number; detections?: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    box.current?.replaceChildren(...showCardHereParts(tabId, detections));
  }, [tabId, detections]);
  return <div class="pi-show-here" ref={box} />;
}
