import type { EventItem, VitrinEvent } from "./events.js";
import type { Environment } from "./recognize.js";

/** A small catalog in the Vitrin format, for tests. */
export const CATALOG = {
  format: "vitrin-catalog",
  version: 1,
  currency: "TRY",
  items: [
    {
      id: "ELB-1",
      groupId: "ELB-1",
      title: "Keten Elbise Çiçekli – Mavi",
      url: "/urun/elb-1.html",
      image: "/img/elb-1.svg",
      price: 1299.9,
      salePrice: 999.9,
      availability: "in_stock",
      brand: "Ege Dokuma",
      categories: ["Giyim", "Kadın", "Elbise"],
      attributes: { color: "mavi", season: "summer", material: "keten" },
    },
    {
      id: "ELB-2",
      groupId: "ELB-1",
      title: "Keten Elbise Çiçekli – Sarı",
      url: "/urun/elb-2.html",
      price: 1299.9,
      availability: "in_stock",
      brand: "Ege Dokuma",
      categories: ["Giyim", "Kadın", "Elbise"],
      attributes: { color: "sarı", season: "summer", material: "keten" },
    },
    {
      id: "ELB-3",
      title: "Pamuklu Yazlık Elbise",
      url: "/urun/elb-3.html",
      price: 899.9,
      availability: "in_stock",
      brand: "Marmara Moda",
      categories: ["Giyim", "Kadın", "Elbise"],
      attributes: { color: "beyaz", season: "summer", material: "pamuk" },
    },
    {
      id: "ELB-4",
      title: "Saten Abiye Elbise",
      url: "/urun/elb-4.html",
      price: 2499,
      availability: "out_of_stock",
      brand: "Ege Dokuma",
      categories: ["Giyim", "Kadın", "Elbise"],
      attributes: { season: "all" },
    },
    {
      id: "KBN-1",
      title: "Yün Kaban – Lacivert",
      url: "/urun/kbn-1.html",
      price: 3999,
      availability: "in_stock",
      brand: "Karadeniz Örgü",
      categories: ["Giyim", "Kadın", "Kaban"],
      attributes: { color: "lacivert", season: "winter", material: "yün" },
    },
    {
      id: "KTP-1",
      title: "Sessiz Liman (Roman)",
      url: "/urun/ktp-1.html",
      price: 189.9,
      availability: "in_stock",
      brand: "Pusula Yayınları",
      categories: ["Kitap", "Roman"],
      attributes: {},
    },
  ],
};

let counter = 0;

/** A stored event viewing `id` at time `ts`. */
export function viewEvent(
  id: string,
  ts: number,
  name: VitrinEvent["name"] = "view_item",
): VitrinEvent {
  counter++;
  return {
    id: `e${counter}`,
    name,
    ts,
    items: [{ item_id: id }],
    params: {},
    source: "datalayer",
    path: "/",
    session: "s1",
    ctx: { traffic: "direct", device: "desktop" },
  };
}

/** A stored event for tests: `name` at `ts` on the given items (ids or GA4 items), in `session`. */
export function makeEvent(
  name: VitrinEvent["name"],
  ts: number,
  items: (string | EventItem)[] = [],
  extra: { session?: string; params?: VitrinEvent["params"]; ctx?: VitrinEvent["ctx"] } = {},
): VitrinEvent {
  counter++;
  return {
    id: `e${counter}`,
    name,
    ts,
    items: items.map((item) => (typeof item === "string" ? { item_id: item } : item)),
    params: extra.params ?? {},
    source: "datalayer",
    path: "/",
    session: extra.session ?? "s1",
    ctx: extra.ctx ?? { traffic: "direct", device: "desktop" },
  };
}

/** What a desktop browser in `timeZone` reports to the profile, with `overrides`. */
export function testEnvironment(
  timeZone = "Europe/Istanbul",
  overrides: Partial<Environment> = {},
): Environment {
  return {
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140",
    maxTouchPoints: 0,
    screenWidth: 1440,
    coarsePointer: false,
    hover: true,
    saveData: false,
    reducedMotion: false,
    languages: ["tr-TR"],
    timeZone,
    referrer: "",
    host: "magaza.example",
    search: "",
    ...overrides,
  };
}
