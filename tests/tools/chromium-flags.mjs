// Flags for Debian's headless Chromium on a machine with no network: without the background-networking ones,
// Chromium keeps trying (and failing) to reach Google's services.
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
