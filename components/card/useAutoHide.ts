import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Counts down `seconds` (0 = never) and calls `onExpire`, pausing while the pointer is over the card or focus is
 * inside it, so nobody loses the card while reading it, and while the tab is hidden, so nobody loses it unseen.
 * Restarts from the full time when the pause ends.
 */
export function useAutoHide(seconds: number, onExpire: () => void) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [hidden, setHidden] = useState(() => document.visibilityState === 'hidden');
  const expire = useRef(onExpire);
  expire.current = onExpire;

  useEffect(() => {
    const onChange = () => setHidden(document.visibilityState === 'hidden');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);

  const paused = hovered || focused || hidden;
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
