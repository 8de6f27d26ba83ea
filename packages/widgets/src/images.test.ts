import { describe, expect, it } from "vitest";
import { imageOf } from "./images.js";
import { pickOf } from "./slot-fixtures.js";

const item = (fields: object) => pickOf("A", fields).item;

describe("imageOf", () => {
  it("describes both copies in a srcset, with the image as src for browsers without one", () => {
    expect(
      imageOf(item({ image: "https://cdn.example/a.jpg", thumb: "https://cdn.example/a-s.jpg" })),
    ).toEqual({
      src: "https://cdn.example/a.jpg",
      srcset: "https://cdn.example/a-s.jpg 200w,https://cdn.example/a.jpg 800w",
    });
  });

  it("gives the thumb alone where small images are wanted, else falls back to the image", () => {
    const both = item({ image: "https://cdn.example/a.jpg", thumb: "https://cdn.example/s.jpg" });
    expect(imageOf(both, true)).toEqual({ src: "https://cdn.example/s.jpg", srcset: undefined });
    expect(imageOf(item({ image: "https://cdn.example/a.jpg" }), true).src).toBe(
      "https://cdn.example/a.jpg",
    );
    expect(imageOf(item({ image: undefined, thumb: "https://cdn.example/s.jpg" })).src).toBe(
      "https://cdn.example/s.jpg",
    );
  });

  it("never lets an unsafe URL through, nor one that would break the srcset", () => {
    const unsafe = imageOf(item({ image: "javascript:alert(1)", thumb: "data:image/png,x" }));
    expect(unsafe).toEqual({ src: undefined, srcset: undefined });
    const comma = imageOf(
      item({ image: "https://cdn.example/a.jpg", thumb: "https://cdn.example/w_200,h_200," }),
    );
    expect(comma.srcset).toBeUndefined();
    // A comma inside a URL (image CDNs use them) is fine.
    const cdn = imageOf(
      item({ image: "https://cdn.example/a.jpg", thumb: "https://cdn.example/w_200,h_200/a.jpg" }),
    );
    expect(cdn.srcset).toContain("w_200,h_200/a.jpg 200w");
  });
});
