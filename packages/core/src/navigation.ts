/**
 * Route changes of single-page apps. With the Navigation API, `currententrychange` fires
 * after every same-document navigation (push, replace, back/forward), once the URL has
 * changed; without it, `pushState`/`replaceState` are wrapped and `popstate` is followed.
 */

type NavigationLike = EventTarget;

/**
 * Calls `onRoute` whenever the path or query changes without a page
 * load. Returns a function that stops following (and restores wrapped history methods).
 */
export function followRoutes(onRoute: () => void): () => void {
  let last = location.pathname + location.search;
  const check = () => {
    const now = location.pathname + location.search;
    if (now === last) return;
    last = now;
    onRoute();
  };
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  if (navigation) {
    navigation.addEventListener("currententrychange", check);
    return () => navigation.removeEventListener("currententrychange", check);
  }
  const { pushState, replaceState } = history;
  history.pushState = function (this: History, ...args: Parameters<History["pushState"]>) {
    pushState.apply(this, args);
    check();
  };
  history.replaceState = function (this: History, ...args: Parameters<History["replaceState"]>) {
    replaceState.apply(this, args);
    check();
  };
  addEventListener("popstate", check);
  return () => {
    history.pushState = pushState;
    history.replaceState = replaceState;
    removeEventListener("popstate", check);
  };
}
