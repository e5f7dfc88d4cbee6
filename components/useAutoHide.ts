import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Counts down `seconds` (0 = never) and calls `onExpire`, pausing while the pointer is over the card or focus is
 * inside it, so nobody loses the card while reading it. Restarts from the full time when the pause ends.
 */
export function useAutoHide(seconds: number, onExpire: () => void) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const expire = useRef(onExpire);
  expire.current = onExpire;

  const paused = hovered || focused;
  useEffect(() => {
    if (seconds <= 0 || paused) return;
    const timer = setTimeout(() => expire.current(), seconds * 1000);
    return () => clearTimeout(timer);
  }, [seconds, paused]);

  return {
    paused,
    handlers: {
      onMouseEnter: () => setHovered(true),
      onMouseLeave: () => setHovered(false),
      onFocusIn: () => setFocused(true),
      onFocusOut: (e: FocusEvent) => {
        const next = e.relatedTarget as Node | null;
        if (!next || !(e.currentTarget as Node).contains(next)) setFocused(false);
      },
    },
  };
}
