/**
 * The response headers detection reads, as the build compiles them in from the rules (wxt.config.ts): the options
 * page names them without bundling the rules themselves.
 */
declare const __PYTHON_INSIDE_DETECTION_HEADERS__: string[];

export const DETECTION_HEADER_NAMES: readonly string[] = __PYTHON_INSIDE_DETECTION_HEADERS__;
