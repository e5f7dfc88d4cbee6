/** Every http(s) site (not file: or other schemes): the optional host access detection asks for. */
export const DETECTION_ORIGINS = ['*://*/*'];
