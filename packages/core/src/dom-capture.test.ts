// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { followDataAttributes } from "./dom-capture.js";

/** IntersectionObserver stand-in: the test says which targets are on screen. */
class FakeObserver {
  static all: FakeObserver[] = [];
  targets = new Set<Element>();
  observed = 0;
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.all.push(this);
  }
  observe(target: Element) {
    this.targets.add(target);
    this.observed++;
  }
  disconnect() {
    this.targets.clear();
  }
  /** Reports every observed target in `visible` as intersecting, as a browser would. */
  show(visible: Element[]) {
    const entries = visible
      .filter((el) => this.targets.has(el))
      .map((target) => ({ target, isIntersecting: true }) as unknown as IntersectionObserverEntry);
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}

let stop: (() => void) | undefined;
beforeEach(() => {
  FakeObserver.all = [];
  vi.stubGlobal("IntersectionObserver", FakeObserver);
  vi.useFakeTimers();
  document.body.replaceChildren();
});
afterEach(() => {
  stop?.();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function page() {
  const list = document.createElement("ul");
  list.dataset.vitrinList = "yeni";
  const cards = ["A", "B"].map((id) => {
    const li = document.createElement("li");
    li.dataset.vitrinItem = id;
    li.textContent = id;
    return li;
  });
  list.append(...cards);
  const button = document.createElement("button");
  button.dataset.vitrinEvent = "add_to_cart";
  button.dataset.vitrinItem = "C";
  document.body.append(list, button);
  const emit = vi.fn();
  const follow = followDataAttributes(document, emit);
  stop = follow.stop;
  const observer = FakeObserver.all[0] as FakeObserver;
  return { cards, button, emit, follow, observer };
}

const impressions = (emit: ReturnType<typeof vi.fn>) =>
  emit.mock.calls
    .filter(([name]) => name === "view_item_list")
    .map(([, params]) => params.items.map((i: { item_id: string }) => i.item_id));

describe("followDataAttributes", () => {
  it("observes product cards, not buttons that name an item", () => {
    const { cards, button, observer } = page();
    expect([...observer.targets]).toEqual(cards);
    expect(observer.targets.has(button)).toBe(false);
  });

  it("batches impressions, once per card, and writes a waiting batch on flush", () => {
    const { cards, emit, follow, observer } = page();
    observer.show(cards);
    observer.show(cards);
    expect(impressions(emit)).toEqual([]);
    follow.flush();
    expect(impressions(emit)).toEqual([["A", "B"]]);
    expect(emit.mock.calls[0]?.[1].item_list_id).toBe("yeni");
    vi.advanceTimersByTime(1000);
    expect(impressions(emit)).toHaveLength(1);
  });

  it("after reset (a new page view) counts cards still on screen again", () => {
    const { cards, emit, follow, observer } = page();
    observer.show(cards);
    vi.advanceTimersByTime(300);
    follow.reset();
    // Observed anew: a browser reports an element's state when it starts being observed, and
    // otherwise only on a change, which cards that stay on screen never have.
    expect(observer.observed).toBe(4);
    expect([...observer.targets]).toEqual(cards);
    observer.show(cards);
    vi.advanceTimersByTime(300);
    expect(impressions(emit)).toEqual([
      ["A", "B"],
      ["A", "B"],
    ]);
  });

  it("clicks: a card is select_item, a button its own event with its item", () => {
    const { cards, button, emit } = page();
    cards[1]?.click();
    button.click();
    expect(emit.mock.calls.map(([name, params]) => [name, params.items])).toEqual([
      ["select_item", [{ item_id: "B" }]],
      ["add_to_cart", [{ item_id: "C", quantity: 1 }]],
    ]);
  });
});
