/**
 * Keeps the tabs of one shop in step: events stored by one tab reach the others' slots, and
 * an erase (consent withdrawn) empties every tab's memory, not only the store.
 */
import type { VitrinEvent } from "./events.js";

/** A message between tabs. */
export type TabMessage =
  | { type: "events"; events: VitrinEvent[] }
  | { type: "erase"; withdrawn: boolean }
  | { type: "consent" };

/** Opens the shop's channel; a no-op where BroadcastChannel does not exist. */
export function openTabChannel(onMessage: (message: TabMessage) => void): {
  post(message: TabMessage): void;
  close(): void;
} {
  if (typeof BroadcastChannel !== "function") return { post() {}, close() {} };
  const channel = new BroadcastChannel("vitrin");
  channel.onmessage = (event: MessageEvent<TabMessage>) => onMessage(event.data);
  return {
    post(message) {
      try {
        channel.postMessage(message);
      } catch {
        // A closed channel (page being torn down) has no one left to tell.
      }
    },
    close: () => channel.close(),
  };
}
