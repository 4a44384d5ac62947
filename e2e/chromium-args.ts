/**
 * The flags every Chromium of ours runs with (the e2e tests, and npm test's check that a browser starts). As
 * root Chromium needs --no-sandbox; without the background-networking flags it keeps calling Google's hosts,
 * which a closed network refuses many times a second.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
