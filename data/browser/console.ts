/**
 * An error nobody waits for (the work of an event listener, of a click) goes to the console of the context it
 * happened in, as the browser reports an unhandled rejection: a dropped promise is never silent.
 */
export const logError = (error: unknown): void => console.error('Python Inside:', error);
