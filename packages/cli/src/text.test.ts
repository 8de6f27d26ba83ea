import { describe, expect, it } from "vitest";
import {
  attributeKey,
  cleanText,
  cut,
  fold,
  lowerTr,
  MAX_TEXT,
  splitList,
  splitPath,
} from "./text.js";

describe("cleanText", () => {
  it("decodes HTML entities and strips tags", () => {
    expect(cleanText("Kadın Elbise &#8211; Lacivert &amp; Beyaz <strong>Çizgili</strong>")).toBe(
      "Kadın Elbise – Lacivert & Beyaz Çizgili",
    );
    expect(cleanText("Şişme Mont &#8220;Kar&#8221; &ndash; Haki")).toBe("Şişme Mont “Kar” – Haki");
    expect(cleanText("&Ouml;rg&uuml; &#x15F;al")).toBe("Örgü şal");
  });

  it("never lets markup through, not even entity-encoded markup or script bodies", () => {
    expect(cleanText('<p>Bluz<script>alert("x")</script></p>')).toBe("Bluz");
    expect(cleanText("&lt;img src=x onerror=alert(1)&gt;Etek")).toBe("Etek");
    expect(cleanText("<style>p{}</style>Yelek<!-- not this -->")).toBe("Yelek");
  });

  it("keeps a lone < that is not a tag", () => {
    expect(cleanText("Beden < 40 için")).toBe("Beden < 40 için");
  });

  it("collapses whitespace and control characters, and is undefined when nothing is left", () => {
    expect(cleanText("  Keten\n\tGömlek\u00a0 ")).toBe("Keten Gömlek");
    expect(cleanText("<br/> &nbsp; ")).toBeUndefined();
    expect(cleanText(undefined)).toBeUndefined();
    expect(cleanText(42)).toBe("42");
  });

  it("cuts at 500 characters without splitting a surrogate pair", () => {
    expect(cleanText("a".repeat(800))).toHaveLength(MAX_TEXT);
    const emoji = `${"a".repeat(499)}😀tail`;
    expect(cut(emoji)).toBe("a".repeat(499));
  });
});

describe("Turkish lower case and folding", () => {
  it("lowerTr matches toLocaleLowerCase('tr')", () => {
    for (const text of [
      "İSTANBUL",
      "IĞDIR",
      "KAZAK ATKI",
      "Işıl İnce",
      "SWIMSUIT",
      "ÇÖĞÜŞ",
      "Ünlü",
    ]) {
      expect(lowerTr(text)).toBe(text.toLocaleLowerCase("tr"));
    }
    expect(lowerTr("İI")).toBe("iı");
  });

  it("fold maps Turkish letters and accents to ASCII", () => {
    expect(fold("ATKI")).toBe("atki");
    expect(fold("Atkı")).toBe("atki");
    expect(fold("SWIMSUIT")).toBe("swimsuit");
    expect(fold("Şort Güneş Çiçek Öğle")).toBe("sort gunes cicek ogle");
    expect(fold("Café")).toBe("cafe");
  });
});

describe("splitting", () => {
  it("splits category paths on > or /", () => {
    expect(splitPath("Giyim > Kadın > Elbise")).toEqual(["Giyim", "Kadın", "Elbise"]);
    expect(splitPath("Giyim/Kadın/Triko")).toEqual(["Giyim", "Kadın", "Triko"]);
    expect(splitPath("Aksesuar")).toEqual(["Aksesuar"]);
    expect(splitPath(" > ")).toEqual([]);
  });

  it("splits lists but keeps decimal commas", () => {
    expect(splitList("S, M, L")).toEqual(["S", "M", "L"]);
    expect(splitList("S|M|L")).toEqual(["S", "M", "L"]);
    expect(splitList("38,5")).toEqual(["38,5"]);
    expect(splitList("new,bestseller")).toEqual(["new", "bestseller"]);
  });
});

describe("attributeKey", () => {
  it("maps store option names in Turkish and English to catalog keys", () => {
    expect(attributeKey("Renk")).toBe("color");
    expect(attributeKey("Colour")).toBe("color");
    expect(attributeKey("BEDEN")).toBe("size");
    expect(attributeKey("Numara")).toBe("size");
    expect(attributeKey("Malzeme")).toBe("material");
    expect(attributeKey("pa_renk")).toBe("color");
    expect(attributeKey("Kol Boyu")).toBe("kol_boyu");
    expect(attributeKey("  ")).toBeUndefined();
  });
});
