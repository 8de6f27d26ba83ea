import { describe, expect, it } from "vitest";
import { continueSession, readSession, SESSION_TIMEOUT_MS } from "./session.js";

let n = 0;
const id = () => `s${++n}`;

describe("continueSession", () => {
  it("starts the first session, continues within 30 minutes, restarts after", () => {
    const first = continueSession(undefined, 1000, undefined, id);
    expect(first).toMatchObject({ start: 1000, last: 1000, count: 1 });
    const same = continueSession(first, 1000 + SESSION_TIMEOUT_MS, undefined, id);
    expect(same).toMatchObject({ id: first.id, last: 1000 + SESSION_TIMEOUT_MS, count: 1 });
    const next = continueSession(same, 2001 + 2 * SESSION_TIMEOUT_MS, undefined, id);
    expect(next.id).not.toBe(first.id);
    expect(next.count).toBe(2);
  });

  it("starts a new session for a new campaign, not for a page without one", () => {
    const a = continueSession(undefined, 0, "google/cpc/kis", id);
    expect(continueSession(a, 10, undefined, id).id).toBe(a.id);
    expect(continueSession(a, 10, "google/cpc/kis", id).id).toBe(a.id);
    const b = continueSession(a, 20, "newsletter/email/yaz", id);
    expect(b).toMatchObject({ count: 2, campaign: "newsletter/email/yaz" });
    expect(b.id).not.toBe(a.id);
  });

  it("never moves last activity backwards (another tab's clock order)", () => {
    const a = continueSession(undefined, 5000, undefined, id);
    expect(continueSession(a, 4000, undefined, id).last).toBe(5000);
  });
});

describe("readSession", () => {
  it("reads a stored session and ignores anything else", () => {
    expect(readSession(JSON.stringify({ id: "x", start: 1, last: 2, count: 1 }))).toEqual({
      id: "x",
      start: 1,
      last: 2,
      count: 1,
    });
    for (const raw of [
      null,
      "",
      "{",
      "[]",
      '{"id":1}',
      '{"id":"x","start":"1","last":2,"count":1}',
    ]) {
      expect(readSession(raw)).toBeUndefined();
    }
  });
});
