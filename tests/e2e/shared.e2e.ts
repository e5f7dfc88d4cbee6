// The scenarios shared with the Firefox suite (tests/shared/scenarios.ts), here in Chromium.
import { beforeEach, describe, it } from 'vitest';
import { scenarios, type Driver } from '../shared/scenarios';
import { extensionPage, useExtension } from './harness';

const harness = useExtension();
let driver: Driver;

beforeEach(() => {
  const h = harness();
  driver = {
    browserName: 'chromium',
    async openTab() {
      const page = await h.context.newPage();
      return {
        goto: async (url) => void (await page.goto(url)),
        evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
        click: (x, y) => page.mouse.click(x, y),
        press: (key) => page.keyboard.press(key),
        close: () => page.close(),
      };
    },
    extensionUrl: (path) => extensionPage(h, path),
  };
});

describe('Chromium, shared scenarios', () => {
  it('shows the card on covered sites', () => scenarios.cardOnCoveredSites(driver));
  it('shows no card anywhere else', () => scenarios.noCardElsewhere(driver));
  it("the card's own switch turns its site off", () => scenarios.cardTurnsItsSiteOff(driver));
  it("popup: the tab's company, or search across every profile", () => scenarios.popupShowsTheTabsCompany(driver));
  it('options: a site turned off gets no card, turned on gets it back', () => scenarios.optionsTurnASiteOffAndOn(driver));
  it('the browser assigned the shortcut, and the popup names it', () => scenarios.shortcutIsAssigned(driver));
  it('popup: "Show the card here" brings the card onto its tab', () => scenarios.popupShowsTheCardHere(driver));
  it('the card stays reachable above a modal dialog of the page', () => scenarios.cardAboveModalDialog(driver));
  it('the card shrinks to a tab at the side and opens again', () => scenarios.cardShrinksToATab(driver));
  it('"Show all" brings the full profile into the card', () => scenarios.cardShowsTheFullProfile(driver));
  it("CSS zoom on the page's <html> does not move the card out of the window", () => scenarios.cardUnderPageZoom(driver));
  it('the card matches a dark page', () => scenarios.cardMatchesADarkPage(driver));
});
