// A card the user asked for (the keyboard shortcut, the popup's "Show the card here") takes the keyboard.
import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { OverlayCard } from '@/components/card/OverlayCard';
import { behaviourOf, DEFAULT_SETTINGS } from '@/data/settings/shape';
import { acme } from '../fixtures/profiles';

describe('a card the user asked for', () => {
  const renderCard = (takeFocus: boolean) =>
    render(
      <OverlayCard
        company={acme}
        behaviour={behaviourOf({ ...DEFAULT_SETTINGS, autoHideSeconds: 0 })}
        takeFocus={takeFocus}
        scheme={null}
        onClose={() => undefined}
        onSetSiteEnabled={() => Promise.resolve()}
        onOpenOptions={() => undefined}
      />,
    );

  it('takes focus as it opens (the shortcut, the popup), so its controls are one Tab away', () => {
    renderCard(true);
    expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Python at Acme' }));
  });

  it('a card that came by itself does not', () => {
    renderCard(false);
    const region = screen.getByRole('region', { name: 'Python at Acme' });
    expect(region.contains(document.activeElement)).toBe(false);
    expect(region.hasAttribute('tabindex')).toBe(false);
  });
});
