/**
 * The permissions behind "detect Python on any site": optional, asked for only when the user turns detection
 * on, and given back when they turn it off. Host access to every http(s) site lets the detector look at the page;
 * webRequest lets it read the main document's response headers (Server, X-Powered-By).
 */
import { browser, type Browser } from 'wxt/browser';
import { DETECTION_ORIGINS } from './origins';
export const DETECTION_PERMISSIONS: Browser.permissions.Permissions = { origins: DETECTION_ORIGINS, permissions: ['webRequest'] };

/** Detection is on exactly while the browser grants access to all sites (the user can also revoke it there). */
export const detectionGranted = () => browser.permissions.contains({ origins: DETECTION_ORIGINS });

/**
 * Must be called straight from the click or change handler: browsers grant optional permissions only
 * during a user action, so nothing may be awaited before it.
 */
export const requestDetection = () => browser.permissions.request(DETECTION_PERMISSIONS);

export const revokeDetection = () => browser.permissions.remove(DETECTION_PERMISSIONS);
