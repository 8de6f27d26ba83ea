/**
 * Carousel behaviour on plain DOM, so the Preact renderer stays stateless: native scrolling
 * (swipe, trackpad, scroll-snap) does the moving; these add keys, buttons and opt-in autoplay.
 */

const KEYS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, Home: -1e9, End: 1e9 };

/** Arrow keys (and Home/End) move focus between cards; Tab still leaves the list at once. */
export function onArrowKeys(event: KeyboardEvent): void {
  const step = KEYS[event.key];
  const card = (event.target as Element).closest?.(".vitrin-card");
  if (step === undefined || !card?.parentElement) return;
  const cards = [...card.parentElement.children];
  const next = cards[Math.max(0, Math.min(cards.length - 1, cards.indexOf(card) + step))];
  const target = next?.querySelector<HTMLElement>("a[href]");
  if (!target) return;
  event.preventDefault();
  target.focus();
}

/** Scrolls the carousel holding `button` by about one view; instantly under reduced motion. */
export function scrollByView(button: Element, direction: 1 | -1, smooth: boolean): void {
  const track = button.parentElement?.querySelector(".vitrin-items");
  track?.scrollBy({
    left: direction * track.clientWidth * 0.9,
    behavior: smooth ? "smooth" : "auto",
  });
}

const edges = new WeakMap<Element, () => void>();

/**
 * Marks a carousel (or strip) at its start and end (`data-at-start`, `data-at-end`), so the
 * button that cannot move dims and says so (`aria-disabled`), and both hide when nothing
 * overflows. The buttons stay in place and focusable: a focused button that vanished would drop
 * focus. Called on every render.
 */
export function trackEdges(wrap: HTMLElement | null): void {
  const track = wrap?.querySelector<HTMLElement>(".vitrin-items");
  if (!wrap || !track) return;
  let update = edges.get(wrap);
  if (!update) {
    update = () => {
      const start = track.scrollLeft <= 1;
      const end = track.scrollLeft + track.clientWidth >= track.scrollWidth - 1;
      wrap.toggleAttribute("data-at-start", start);
      wrap.toggleAttribute("data-at-end", end);
      wrap.querySelector(".vitrin-prev")?.setAttribute("aria-disabled", String(start));
      wrap.querySelector(".vitrin-next")?.setAttribute("aria-disabled", String(end));
    };
    edges.set(wrap, update);
    track.addEventListener("scroll", update, { passive: true });
    if (typeof ResizeObserver === "function") new ResizeObserver(update).observe(track);
  }
  // A track at its start stays there when its picks change: scroll snapping follows the card it
  // snapped to, and a first card that moved to the end would take the view with it.
  if (wrap.hasAttribute("data-at-start")) track.scrollLeft = 0;
  // Again on every render: new picks change how far the track scrolls.
  update();
}

const playing = new WeakSet<Element>();

/**
 * Autoplay, only when the merchant asked and never under data saver or reduced motion (the
 * renderer checks those). Pauses while hovered or focused, stops for good at the first touch,
 * key or click in the carousel — including its stop button (WCAG 2.2.2) — and when it leaves the page.
 */
export function autoplay(seconds: number): (wrap: HTMLElement | null) => void {
  return (wrap) => {
    if (!wrap || playing.has(wrap)) return;
    playing.add(wrap);
    const track = wrap.querySelector<HTMLElement>(".vitrin-items");
    let stopped = false;
    const stop = () => {
      stopped = true;
      wrap.querySelector(".vitrin-pause")?.setAttribute("hidden", "");
    };
    for (const type of ["pointerdown", "keydown", "wheel", "click"])
      wrap.addEventListener(type, stop);
    const timer = setInterval(() => {
      if (stopped || !wrap.isConnected || !track) return clearInterval(timer);
      if (wrap.matches(":hover,:focus-within")) return;
      const end = track.scrollLeft + track.clientWidth >= track.scrollWidth - 2;
      const step = track.firstElementChild?.getBoundingClientRect().width ?? track.clientWidth;
      track.scrollTo({ left: end ? 0 : track.scrollLeft + step, behavior: "smooth" });
    }, seconds * 1000);
  };
}
