// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { contentLang, reminderMessage } from "./content-strings.js";

afterEach(() => document.documentElement.removeAttribute("lang"));

describe("reminderMessage", () => {
  it("greets by first name in Turkish, with no suffix on the name or the noun", () => {
    expect(reminderMessage("tr", { name: "Ayşe", count: 2 })).toBe(
      "Sevgili Ayşe, seçtiğin 2 ürün sepetinde seni bekliyor!",
    );
    expect(reminderMessage("tr", { name: "Ayşe", count: 2, noun: "kitap" })).toBe(
      "Sevgili Ayşe, seçtiğin 2 kitap sepetinde seni bekliyor!",
    );
    // Turkish nouns stay singular after a number: "1 kitap", "3 kitap".
    expect(reminderMessage("tr", { count: 1, noun: "kitap" })).toBe(
      "Sepetinde seni bekleyen 1 kitap var!",
    );
    expect(reminderMessage("tr", { count: 3 })).toBe("Sepetinde seni bekleyen 3 ürün var!");
  });

  it("uses English plural rules, with and without a name", () => {
    expect(reminderMessage("en", { count: 1 })).toBe("You have 1 item waiting in your cart!");
    expect(reminderMessage("en", { count: 2 })).toBe("You have 2 items waiting in your cart!");
    expect(reminderMessage("en", { count: 0 })).toBe("You have 0 items waiting in your cart!");
    expect(reminderMessage("en", { name: "Ayşe", count: 1 })).toBe(
      "Hi Ayşe, the item you picked is waiting in your cart!",
    );
    expect(reminderMessage("en", { name: "Ayşe", count: 5, noun: "kitap" })).toBe(
      "Hi Ayşe, the 5 items you picked are waiting in your cart!",
    );
  });
});

describe("contentLang", () => {
  it("takes the requested language, else the page's, else Turkish", () => {
    expect(contentLang("en-GB")).toBe("en");
    expect(contentLang("de")).toBe("tr");
    expect(contentLang()).toBe("tr");
    document.documentElement.lang = "en";
    expect(contentLang()).toBe("en");
    expect(contentLang("tr")).toBe("tr");
  });
});
