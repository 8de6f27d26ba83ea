import { reportFailure, warnOnce } from "@vitrin/core";

/** Methods a page may call through the queue, by name: any object of methods (an interface fits). */
export type Commands = object;

/** What `window.vitrin` becomes once the bundle has loaded. */
export type QueueApi<T extends Commands> = T & { push(...commands: unknown[]): void };

/**
 * Replays the command queue a page built before the script loaded
 * (`window.vitrin = window.vitrin || []; vitrin.push(["track", "add_to_cart", {...}])`), in order,
 * then replaces it with an object whose `push` runs commands at once, so the same snippet works
 * before and after loading. A function in the queue is called with the API (a "when ready" hook).
 */
export function installCommandQueue<T extends Commands>(
  win: Record<string, unknown>,
  name: string,
  commands: T,
): QueueApi<T> {
  const run = (command: unknown) => {
    try {
      if (typeof command === "function") {
        command(api);
        return;
      }
      if (!Array.isArray(command) || typeof command[0] !== "string") {
        warnOnce(
          `${name}.push: expected ["command", ...arguments] or a function; got ${typeof command}`,
        );
        return;
      }
      const [method, ...args] = command as [string, ...never[]];
      const fn = Object.hasOwn(commands, method)
        ? (commands as Record<string, unknown>)[method]
        : undefined;
      if (typeof fn !== "function") {
        warnOnce(
          `${name}.push: unknown command "${method}"; expected one of ${Object.keys(commands).join(", ")}`,
        );
        return;
      }
      fn(...args);
    } catch (error) {
      reportFailure(`${name}.push`, error);
    }
  };
  const api = { ...commands, push: (...queued: unknown[]) => queued.forEach(run) } as QueueApi<T>;
  const queued = win[name];
  win[name] = api;
  if (Array.isArray(queued)) queued.forEach(run);
  return api;
}
