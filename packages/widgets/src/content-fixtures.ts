/** Shared test data of the content widgets (cart reminder, offers, variants). Tests only. */
import {
  buildProfile,
  type Catalog,
  type Environment,
  type Profile,
  parseCatalog,
  type Vitrin,
  type VitrinEvent,
} from "@vitrin/core";
import { atom } from "nanostores";
// Core's test data, by path: test fixtures are not part of any package's exports.
import { testEnvironment } from "../../core/src/test-fixtures.js";

/** A December evening in Istanbul (21:00 local, UTC+3). */
export const NOW = Date.UTC(2026, 11, 10, 18);
export const DAY = 864e5;

/** A desktop browser in Istanbul: core's test environment. */
export const ENV: Environment = testEnvironment("Europe/Istanbul", {
  userAgent: "Mozilla/5.0 (X11; Linux x86_64)",
});

const item = (id: string, title: string, categories: string[], extra: object = {}) => ({
  id,
  title,
  url: `/urun/${id}.html`,
  image: `/img/${id}.jpg`,
  price: 100,
  availability: "in_stock",
  categories,
  ...extra,
});

/** The catalog as a merchant file. */
export const CATALOG_JSON = {
  format: "vitrin-catalog",
  version: 1,
  currency: "TRY",
  items: [
    item("KTP-1", "Sessiz Liman", ["Kitap", "Roman"]),
    item("KTP-2", "Kayıp Harita", ["Kitap", "Roman"]),
    item("ELB-1", "Keten Elbise", ["Giyim", "Elbise"]),
    item("EVIL", '<img src=x onerror="alert(1)">', ["Kitap", "Roman"], {
      image: "javascript:alert(1)",
    }),
    item("GONE", "Tükendi", ["Kitap", "Roman"], { availability: "out_of_stock" }),
    item("KLM-1", "Kalem", ["Kırtasiye", "Kalemler"]),
  ],
};

export const CATALOG = parseCatalog(CATALOG_JSON, "catalog").catalog as Catalog;

let counter = 0;
/** A stored event in a session. */
export function event(
  name: VitrinEvent["name"],
  ts: number,
  ids: string[],
  session: string,
): VitrinEvent {
  counter++;
  return {
    id: `c${counter}`,
    name,
    ts,
    items: ids.map((item_id) => ({ item_id, quantity: 1 })),
    params: {},
    source: "datalayer",
    path: "/",
    session,
    ctx: { traffic: "direct", device: "desktop" },
  };
}

/** A returning shopper who put `ids` in the cart two days ago, now in session s2. */
export function abandonerProfile(ids: string[], catalog: Catalog = CATALOG): Profile {
  return buildProfile({
    events: [
      event("page_view", NOW - 2 * DAY, [], "s1"),
      event("add_to_cart", NOW - 2 * DAY + 1000, ids, "s1"),
      event("page_view", NOW - 1000, [], "s2"),
    ],
    catalog,
    environment: ENV,
    now: NOW,
    session: { id: "s2", count: 2 },
  });
}

/** A new visitor's profile, with some facts replaced. */
export function profileWith(
  change: {
    segments?: string[];
    persona?: string;
    context?: Partial<Profile["context"]>;
    returning?: boolean;
    affinities?: Record<string, number>;
  } = {},
  now = NOW,
): Profile {
  const base = buildProfile({ events: [], environment: ENV, now });
  return {
    ...base,
    segments: change.segments ?? base.segments,
    persona: change.persona ? { id: change.persona, confidence: 1, scores: {} } : undefined,
    context: { ...base.context, ...change.context },
    visitor: change.returning
      ? { ...base.visitor, visits: 3, isNew: false, returning: true }
      : base.visitor,
    memory: {
      ...base.memory,
      affinities: {
        ...base.memory.affinities,
        categories: new Map(Object.entries(change.affinities ?? {})),
      },
    },
  };
}

/** Just the stores the content widgets read, to drive them by hand. */
export function fakeVitrin(profile?: Profile, catalog: Catalog | null = CATALOG) {
  const $profile = atom<Profile | undefined>(profile);
  const $catalog = atom<Catalog | null | undefined>(catalog);
  const $identity = atom<Record<string, string | number | boolean>>({});
  let storing = false;
  const vitrin = {
    $profile,
    $catalog,
    $identity,
    storing: () => storing,
  } as unknown as Vitrin;
  return {
    vitrin,
    $profile,
    $catalog,
    $identity,
    allowStorage: (on: boolean) => {
      storing = on;
    },
  };
}

/**
 * Replaces the test page's body with `markup` (static, written in the tests) and returns its
 * first element. Parsed by DOMParser and moved in: no code here assigns HTML strings, tests
 * included.
 */
export function setPage(markup: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(markup, "text/html");
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.adoptNode(n)));
  return document.body.firstElementChild as HTMLElement;
}
