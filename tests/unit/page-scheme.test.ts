import { afterEach, describe, expect, it } from 'vitest';
import { opaqueLuminance, schemeBehind } from '@/components/card/page-scheme';

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  document.body.removeAttribute('style');
  document.documentElement.removeAttribute('style');
});

describe('opaqueLuminance', () => {
  it.each([
    ['rgb(255, 255, 255)', 1],
    ['rgb(0, 0, 0)', 0],
    ['rgba(16, 20, 24, 0.9)', 0.0065],
    ['rgb(119, 119, 119)', 0.1845], // mid grey: just on the light side of the line
    ['rgb(16 20 24 / 80%)', 0.0065],
  ])('%s → %f', (colour, luminance) => {
    expect(opaqueLuminance(colour)).toBeCloseTo(luminance, 3);
  });

  it.each(['rgba(0, 0, 0, 0)', 'rgba(16, 20, 24, 0.3)', 'transparent', 'oklch(0.2 0.02 250)', ''])('%s is no judge', (colour) => {
    expect(opaqueLuminance(colour)).toBeNull();
  });
});

describe('schemeBehind', () => {
  const spot = () => {
    document.body.innerHTML = '<main><section><p id="spot">text</p></section></main>';
    return document.getElementById('spot')!;
  };

  it('takes the first opaque background from the element up', () => {
    const p = spot();
    p.closest('section')!.setAttribute('style', 'background-color: rgb(16, 20, 24)');
    document.body.setAttribute('style', 'background-color: rgb(255, 255, 255)');
    expect(schemeBehind(p, false)).toBe('dark');
    p.setAttribute('style', 'background-color: rgb(250, 250, 250)');
    expect(schemeBehind(p, true)).toBe('light');
  });

  it('looks past transparent and faint backgrounds up to <html>', () => {
    const p = spot();
    p.setAttribute('style', 'background-color: rgba(255, 255, 255, 0.1)');
    document.documentElement.setAttribute('style', 'background-color: rgb(30, 30, 30)');
    expect(schemeBehind(p, false)).toBe('dark');
  });

  it.each([
    ['', false, 'light'],
    ['', true, 'light'], // a page that says nothing is drawn on a white canvas whatever the system prefers
    ['dark', false, 'dark'],
    ['light dark', true, 'dark'],
    ['light dark', false, 'light'],
    ['only light', true, 'light'],
  ] as const)('no background anywhere: the canvas, from <meta name=color-scheme content="%s"> and a system that prefers dark: %s → %s', (meta, prefersDark, expected) => {
    if (meta) document.head.innerHTML = `<meta name="color-scheme" content="${meta}">`;
    expect(schemeBehind(spot(), prefersDark)).toBe(expected);
  });
});
