// Test fixtures for the slot widgets (imported by tests only).
import {
  type CatalogItem,
  createVitrin,
  memoryStores,
  type Pick,
  type Reason,
  type Vitrin,
  type VitrinEvent,
} from "@vitrin/core";
import { atom } from "nanostores";
// Core's test data, by path: test fixtures are not part of any package's exports.
import { viewEvent } from "../../core/src/test-fixtures.js";
import type { Conditions } from "./attributes.js";

const item = (id: string, title: string, price: number, extra: object = {}) => ({
  id,
  title,
  url: `/urun/${id}.html`,
  image: `/img/${id}.jpg`,
  price,
  availability: "in_stock",
  brand: "Ege Dokuma",
  categories: ["Giyim", "Kışlık Mont"],
  ...extra,
});

/** Eight coats, one with hostile text (the catalog validator already refuses unsafe URLs). */
export const CATALOG = {
  format: "vitrin-catalog",
  version: 1,
  currency: "TRY",
  items: [
    item("A", "Kaban", 1299.9, { salePrice: 999.9 }),
    item("B", "Parka", 899.9),
    item("C", "Evil <img src=x onerror=alert(1)>", 10),
    ...["F", "G", "H", "I", "J"].map((id, i) => item(id, `Mont ${id}`, 100 + i)),
  ],
};

/** A stored product view: core's test event. */
export const view = (id: string, ts: number): VitrinEvent => viewEvent(id, ts);

const running: Vitrin[] = [];

/** A Vitrin over the catalog, with `viewed` items already in the stored history. */
export async function vitrinWith(viewed: string[] = [], options: object = {}) {
  const stores = memoryStores();
  await stores.events.append(viewed.map((id, i) => view(id, i + 1)));
  const vitrin = createVitrin({ catalog: CATALOG, stores, dataLayer: false, ...options });
  running.push(vitrin);
  await vitrin.ready;
  return vitrin;
}

/** Stops every instance a test made: live ones would share events across the tab channel. */
export async function destroyAll(): Promise<void> {
  await Promise.all(running.splice(0).map((vitrin) => vitrin.destroy()));
}

/** Conditions of a fake device, as the store slots follow. */
export function device(on: Partial<Conditions> = {}) {
  return atom<Conditions>({
    mobile: false,
    tablet: false,
    desktop: true,
    touch: false,
    mouse: true,
    saver: false,
    "reduced-motion": false,
    ...on,
  });
}

/** An IntersectionObserver stand-in whose visibility the test sets. */
export class FakeIntersectionObserver {
  static all: FakeIntersectionObserver[] = [];
  targets: Element[] = [];
  constructor(readonly callback: (entries: object[]) => void) {
    FakeIntersectionObserver.all.push(this);
  }
  observe(el: Element) {
    this.targets.push(el);
  }
  unobserve() {}
  disconnect() {
    this.targets = [];
  }
  /**
   * Reports every observed element at this visible ratio, on a screen 1000 px tall; `shown` is
   * the height of the visible part (default: the ratio of an element 100 px tall).
   */
  static show(ratio: number, shown = ratio * 100) {
    for (const o of FakeIntersectionObserver.all)
      if (o.targets.length)
        o.callback(
          o.targets.map((target) => ({
            target,
            intersectionRatio: ratio,
            isIntersecting: ratio > 0,
            intersectionRect: { height: shown },
            rootBounds: { height: 1000 },
          })),
        );
  }
}

/** Lets queued microtasks and store updates settle. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A pick as Relevance makes it, for renderer tests that need data the catalog would refuse. */
export function pickOf(id: string, extra: Partial<CatalogItem> = {}, reasons: Reason[] = []): Pick {
  const item: CatalogItem = {
    id,
    title: `Ürün ${id}`,
    url: `https://shop.example/${id}`,
    image: `https://shop.example/${id}.jpg`,
    price: 100,
    currency: "",
    availability: "in_stock",
    categories: ["Giyim"],
    attributes: {},
    tags: [],
    ...extra,
  };
  const reason = reasons[0] ?? { kind: "popular" };
  return { item, score: 1, reason, reasons: reasons.length ? reasons : [reason] };
}

/** A Vitrin whose every slot shows `picks`: only what the connector reads. */
export function fakeVitrin(picks: Pick[], titles: Record<string, string> = {}): Vitrin {
  const byId = new Map(Object.entries(titles).map(([id, title]) => [id, { title }]));
  return {
    slot: ({ limit }: { limit: number }) =>
      atom({ status: "ready", picks: picks.slice(0, limit), currency: "TRY", explain: () => {} }),
    $catalog: atom({ byId }),
  } as unknown as Vitrin;
}
