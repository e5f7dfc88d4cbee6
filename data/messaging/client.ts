/**
 * The one way every context asks the background: `askBackground(message)`, answered with the response type that
 * goes with the message (protocol.ts). Each context gets it over the transport it has: extension.ts in the pages
 * that load the polyfill (popup, options, browse), in-page.ts in the card, whose size budget leaves no room for
 * the polyfill. Same messages, same answers; the background checks every one (parse.ts).
 */
import type { Message, ResponseFor } from './protocol';

export type AskBackground = <M extends Message>(message: M) => Promise<ResponseFor[M['type']]>;

/** The client over a transport that sends a message and settles with the background's answer. */
export const clientOver =
  (send: (message: Message) => Promise<unknown>): AskBackground =>
  <M extends Message>(message: M) =>
    send(message) as Promise<ResponseFor[M['type']]>;
