/**
 * How long a product page was actually looked at, and how far down: visible time counted with
 * the Page Visibility API (a background tab is not attention), reported in increments each
 * time the page is hidden, so nothing is lost when the shopper never comes back to the tab.
 */

/** One engagement increment. */
export interface Engagement {
  /** Visible milliseconds since the previous report. */
  ms: number;
  /** Deepest scroll so far, in percent of the page. */
  scrolled: number;
}

/**
 * Measures visible time and scroll depth until `take()` is called. `take(true)` is for a page
 * being left: the clock stays stopped until the page is shown again (a back/forward-cache
 * restore), so the `visibilitychange` that follows `pagehide` reports nothing twice.
 */
export function measureEngagement(now: () => number): {
  take(leaving?: boolean): Engagement | undefined;
  stop(): void;
} {
  let visibleSince: number | undefined = document.visibilityState === "visible" ? now() : undefined;
  let total = 0;
  let scrolled = 0;
  let pending = false;

  const measureScroll = () => {
    pending = false;
    const height = document.documentElement.scrollHeight;
    if (height > 0)
      scrolled = Math.max(
        scrolled,
        Math.min(100, Math.round(((scrollY + innerHeight) / height) * 100)),
      );
  };
  const onScroll = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(measureScroll);
  };
  const onVisibility = () => {
    if (document.visibilityState === "visible") visibleSince ??= now();
  };
  addEventListener("scroll", onScroll, { passive: true });
  document.addEventListener("visibilitychange", onVisibility);
  addEventListener("pageshow", onVisibility);
  measureScroll();

  return {
    take(leaving = false) {
      if (visibleSince !== undefined) total += now() - visibleSince;
      visibleSince = !leaving && document.visibilityState === "visible" ? now() : undefined;
      measureScroll();
      const ms = Math.round(total);
      total = 0;
      return ms > 0 ? { ms, scrolled } : undefined;
    },
    stop() {
      removeEventListener("scroll", onScroll);
      document.removeEventListener("visibilitychange", onVisibility);
      removeEventListener("pageshow", onVisibility);
    },
  };
}
