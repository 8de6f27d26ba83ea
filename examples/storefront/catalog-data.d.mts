// Types for the plain-JS catalog generator, so TypeScript tests can import it.

export type Availability = "in_stock" | "out_of_stock";
export type Season = "summer" | "winter" | "spring" | "autumn" | "all";
export type CatalogLanguage = "tr" | "en";

export interface CatalogItem {
  id: string;
  groupId: string;
  title: string;
  url: string;
  image: string;
  price: number;
  salePrice?: number;
  currency: "TRY";
  availability: Availability;
  brand: string;
  categories: string[];
  attributes: Record<string, string | string[]> & { season: Season };
  tags: string[];
  createdAt: string;
  popularity: number;
  rating: number;
}

export interface Catalog {
  format: "vitrin-catalog";
  version: 1;
  currency: "TRY";
  language: CatalogLanguage;
  items: CatalogItem[];
}

/** Language-neutral record both catalogs are projected from (also drives the SVGs). */
export interface ProductRecord {
  id: string;
  groupId: string;
  title: { tr: string; en: string };
  slug: string;
  categories: { tr: string[]; en: string[] };
  price: number;
  salePrice: number | null;
  availability: Availability;
  brand: string;
  attributes: Record<string, string | string[]> & { season: Season };
  tags: string[];
  createdAt: string;
  popularity: number;
  rating: number;
  icon: string;
  hex: string;
}

export interface TopCategory {
  prefix: string;
  slug: string;
  tr: string;
  en: string;
}

export const CATEGORIES: TopCategory[];
export const COLORS: Record<string, { tr: string; en: string; hex: string }>;
export const MATERIALS: Record<string, [tr: string, en: string]>;
export const SIZES: Record<string, string[]>;

export function generateProducts(): ProductRecord[];
export function localizeProducts(products: ProductRecord[], lang: CatalogLanguage): CatalogItem[];
export function generateCatalog(lang?: CatalogLanguage): Catalog;

/** A seeded random source (mulberry32): the same seed gives the same stream. */
export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
}
export function createRandom(seed: number): Random;
