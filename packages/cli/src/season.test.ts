import { describe, expect, it } from "vitest";
import { deriveSeason } from "./season.js";

describe("deriveSeason", () => {
  it.each([
    ["Kaşe Kaban Uzun", "winter"],
    ["Yün Karışımlı Kazak", "winter"],
    ["Deri Chelsea Bot", "winter"],
    ["Örgü Atkı ve Bere Seti", "winter"],
    ["Polar Sweatshirt", "winter"],
    ["Şişme Mont", "winter"],
    ["Down Puffer Jacket", "winter"],
    ["Merino Wool Beanie", "winter"],
    ["Leather Boots", "winter"],
    ["Plaid Scarf", "winter"],
    ["Keten Gömlek Kısa Kollu", "summer"],
    ["Deniz Şortu", "summer"],
    ["Bikini Takımı", "summer"],
    ["Deri Sandalet", "summer"],
    ["Plaj Terliği", "summer"],
    ["Pamuklu Tişört", "summer"],
    ["Güneş Gözlüğü", "summer"],
    ["Linen Shorts", "summer"],
    ["One-Piece Swimsuit", "summer"],
    ["Cotton T-Shirt", "summer"],
    ["Aviator Sunglasses", "summer"],
    ["Pamuklu Bluz", "all"],
    ["Everyday Sneakers", "all"],
    ["", "all"],
  ])("%s → %s", (title, season) => {
    expect(deriveSeason(title)).toBe(season);
  });

  it("folds capitals the Turkish way: İ/ı and I/i both match", () => {
    expect(deriveSeason("ATKI")).toBe("winter");
    expect(deriveSeason("atki")).toBe("winter");
    expect(deriveSeason("KIŞLIK ÇİZME")).toBe("winter");
    expect(deriveSeason("ŞORT IŞIKLI DESEN")).toBe("summer");
    expect(deriveSeason("TİŞÖRT")).toBe("summer");
    expect(deriveSeason("SWIMSUIT")).toBe("summer");
    expect(deriveSeason("SUNGLASSES")).toBe("summer");
  });

  it("counts plural and possessive endings, not longer words", () => {
    expect(deriveSeason("Kadın Montları")).toBe("winter");
    expect(deriveSeason("Çocuk Botu")).toBe("winter");
    expect(deriveSeason("Polarize Cam")).toBe("all");
    expect(deriveSeason("Montaj Seti")).toBe("all");
    expect(deriveSeason("Botanik Baskı")).toBe("all");
    expect(deriveSeason("Mayonez Kabı")).toBe("all");
    expect(deriveSeason("2 Kişilik Nevresim")).toBe("all");
    expect(deriveSeason("Kış Koleksiyonu")).toBe("winter");
  });

  it("weighs materials over garments and ties to all", () => {
    expect(deriveSeason("Keten Ceket")).toBe("summer");
    expect(deriveSeason("Linen Blazer Jacket")).toBe("summer");
    expect(deriveSeason("Wool Shorts")).toBe("winter");
    expect(deriveSeason("Sandals and Boots")).toBe("all");
  });

  it("reads every text it is given: product type, category path, title, material", () => {
    expect(deriveSeason("Giyim > Kadın > Dış Giyim", ["Giyim", "Kadın"], "Uzun Model", "yün")).toBe(
      "winter",
    );
    expect(deriveSeason(undefined, ["Ayakkabı", "Sandalet"], "Taba 39")).toBe("summer");
  });
});
