/**
 * The evaluation's data sets and their splits. Each protocol turns a file into a training part
 * (what `vitrin model` and the baselines learn from) and requests (a shopper's history before a
 * moment, and the item they went to next), for a validation target and a test target.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** One recorded action: who, what, when (ms since the epoch), which kind, in which visit. */
export interface Click {
  user: string;
  item: string;
  time: number;
  event: "view" | "cart" | "purchase";
  session: string;
}

/** What the data says about an item, for the catalog the browser code reads. */
export interface ItemInfo {
  id: string;
  categories?: string[];
  brand?: string;
  price?: number;
  attributes?: Record<string, string[]>;
}

/** A ranking to make: the shopper's history (oldest first) and the item that came next. */
export interface EvalRequest {
  user: string;
  history: Click[];
  target: string;
  /** When the target happened: the browser's clock for this request. */
  time: number;
  /** The target is already in the history (a repeat), which `for-you` never shows by design. */
  repeat: boolean;
}

/** A training part and the requests evaluated against a model built on it. */
export interface Split {
  train: Click[];
  requests: EvalRequest[];
}

/** A data set read for one protocol: its items and its validation and test splits. */
export interface ProtocolData {
  name: string;
  protocol: Protocol;
  items: ItemInfo[];
  validation: Split;
  test: Split;
  /** How the split was made, for the report. */
  notes: string[];
}

export const PROTOCOLS = ["loo", "session", "timesplit"] as const;
export type Protocol = (typeof PROTOCOLS)[number];

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Sequence files carry no times: the n-th item of a user is at BASE + n minutes, one visit. */
const BASE = Date.UTC(2020, 0, 1);

const lines = (text: string) => text.split(/\r?\n/).filter((line) => line.trim() !== "");

/** Where the shared data sets are: `VITRIN_DATA`, else ../shared/data from the working directory. */
export function dataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.VITRIN_DATA ?? join(process.cwd(), "..", "shared", "data");
}

/** `user item item …` lines → user → items in time order. */
export function parseSequences(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of lines(text)) {
    const [user, ...items] = line.trim().split(/\s+/);
    if (user !== undefined && items.length) out.set(user, items);
  }
  return out;
}

const sequenceClicks = (user: string, items: readonly string[]): Click[] =>
  items.map((item, n) => ({ user, item, time: BASE + n * MINUTE, event: "view", session: user }));

/**
 * Leave-one-out (S3-Rec, SASRec): per user, the last item is the test target, the one before
 * it the validation target, the rest the training part. One training part serves both: the
 * validation target is in the test history but never in what the model learns from, as in the
 * published protocol. Users with fewer than 3 items give no validation request.
 */
export function leaveOneOut(sequences: ReadonlyMap<string, readonly string[]>): {
  validation: Split;
  test: Split;
} {
  const train: Click[] = [];
  const validation: EvalRequest[] = [];
  const test: EvalRequest[] = [];
  for (const [user, items] of sequences) {
    if (items.length < 2) continue;
    const clicks = sequenceClicks(user, items);
    train.push(...clicks.slice(0, -2));
    const request = (history: Click[], target: Click): EvalRequest => ({
      user,
      history,
      target: target.item,
      time: target.time,
      repeat: history.some((c) => c.item === target.item),
    });
    if (items.length >= 3) validation.push(request(clicks.slice(0, -2), clicks.at(-2) as Click));
    test.push(request(clicks.slice(0, -1), clicks.at(-1) as Click));
  }
  return { validation: { train, requests: validation }, test: { train, requests: test } };
}

/** `SessionId\tItemId\tTime` (unix seconds) → session → clicks in time order. */
export function parseSessionTsv(text: string, prefix = ""): Map<string, Click[]> {
  const out = new Map<string, Click[]>();
  const [header, ...rows] = lines(text);
  const cols = (header ?? "").split("\t");
  const [s, i, t] = ["SessionId", "ItemId", "Time"].map((name) => cols.indexOf(name));
  if (s === undefined || i === undefined || t === undefined || s < 0 || i < 0 || t < 0)
    throw new Error("expected a header with SessionId, ItemId and Time");
  for (const row of rows) {
    const f = row.split("\t");
    const session = `${prefix}${f[s]}`;
    const click: Click = {
      user: session,
      item: f[i] as string,
      time: Math.round(Number(f[t]) * 1000),
      event: "view",
      session,
    };
    const list = out.get(session) ?? out.set(session, []).get(session);
    list?.push(click);
  }
  for (const list of out.values()) list.sort((a, b) => a.time - b.time);
  return out;
}

/**
 * Next item in session (session-rec): test clicks on items never seen in training are
 * dropped, then sessions left with fewer than 2 clicks; every later position of every session
 * is a request (the session so far → the next click).
 */
export function sessionRequests(
  sessions: Iterable<readonly Click[]>,
  trainItems: ReadonlySet<string>,
): EvalRequest[] {
  const out: EvalRequest[] = [];
  for (const raw of sessions) {
    const clicks = raw.filter((c) => trainItems.has(c.item));
    for (let at = 1; at < clicks.length; at++) {
      const target = clicks[at] as Click;
      const history = clicks.slice(0, at);
      out.push({
        user: target.user,
        history,
        target: target.item,
        time: target.time,
        repeat: history.some((c) => c.item === target.item),
      });
    }
  }
  return out;
}

/**
 * Session protocol splits: test = the test file against all training sessions; validation =
 * the training sessions that start in the last `validationDays` of the training part (the test
 * file is the day after it) against the earlier ones.
 */
export function sessionSplit(
  train: ReadonlyMap<string, readonly Click[]>,
  test: ReadonlyMap<string, readonly Click[]>,
  validationDays = 1,
): { validation: Split; test: Split } {
  const all = [...train.values()];
  const trainClicks = all.flat();
  const last = Math.max(...trainClicks.map((c) => c.time));
  const cut = last - validationDays * DAY;
  const early = all.filter((s) => (s[0]?.time ?? 0) < cut);
  const late = all.filter((s) => (s[0]?.time ?? 0) >= cut);
  const earlyClicks = early.flat();
  return {
    validation: {
      train: earlyClicks,
      requests: sessionRequests(late, new Set(earlyClicks.map((c) => c.item))),
    },
    test: {
      train: trainClicks,
      requests: sessionRequests(test.values(), new Set(trainClicks.map((c) => c.item))),
    },
  };
}

const EVENT_TYPES: Record<string, Click["event"]> = {
  view: "view",
  cart: "cart",
  purchase: "purchase",
};

/** The REES46 event log: clicks in file order (time order), and what it says about each product. */
export function parseEventLog(text: string): { clicks: Click[]; items: ItemInfo[] } {
  const [header, ...rows] = lines(text);
  const cols = (header ?? "").split(",");
  const col = (name: string) => {
    const at = cols.indexOf(name);
    if (at < 0) throw new Error(`expected a column ${name} in the header`);
    return at;
  };
  const [time, type, product, code, brand, price, user, session] = [
    "event_time",
    "event_type",
    "product_id",
    "category_code",
    "brand",
    "price",
    "user_id",
    "user_session",
  ].map(col) as number[];
  const clicks: Click[] = [];
  const items = new Map<string, ItemInfo>();
  rows.forEach((row, n) => {
    const f = row.split(",");
    const event = EVENT_TYPES[f[type as number] ?? ""];
    const when = Date.parse((f[time as number] ?? "").replace(" UTC", "Z").replace(" ", "T"));
    const id = f[product as number];
    if (!event || !id || !Number.isFinite(when))
      throw new Error(`line ${n + 2}: expected a time, an event type and a product id`);
    clicks.push({
      user: f[user as number] ?? "",
      item: id,
      time: when,
      event,
      session: f[session as number] ?? "",
    });
    if (!items.has(id)) {
      const categories = (f[code as number] ?? "").split(".").filter(Boolean);
      const p = Number(f[price as number]);
      items.set(id, {
        id,
        ...(categories.length ? { categories } : {}),
        ...(f[brand as number] ? { brand: f[brand as number] as string } : {}),
        ...(Number.isFinite(p) && p > 0 ? { price: p } : {}),
      });
    }
  });
  clicks.sort((a, b) => a.time - b.time);
  return { clicks, items: [...items.values()] };
}

/**
 * Time split of an event log: the first `share` of the events (by time) train; every later
 * add-to-cart or purchase is a target, once per shopper and item, with the shopper's events
 * before it as history; targets on items never seen in training are dropped.
 */
export function timeSplit(clicks: readonly Click[], share = 0.8): Split {
  const cutAt = Math.floor(clicks.length * share);
  const cut = clicks[cutAt]?.time ?? Infinity;
  const train = clicks.filter((c) => c.time < cut);
  const known = new Set(train.map((c) => c.item));
  const history = new Map<string, Click[]>();
  const asked = new Set<string>();
  const requests: EvalRequest[] = [];
  for (const click of clicks) {
    const before = history.get(click.user) ?? history.set(click.user, []).get(click.user) ?? [];
    const key = `${click.user}\u0000${click.item}`;
    if (click.time >= cut && click.event !== "view" && known.has(click.item) && !asked.has(key)) {
      asked.add(key);
      if (before.length) {
        requests.push({
          user: click.user,
          history: [...before],
          target: click.item,
          time: click.time,
          repeat: before.some((c) => c.item === click.item),
        });
      }
    }
    before.push(click);
  }
  return { train, requests };
}

/**
 * Time split for timesplit validation: the same split inside the training part of the test
 * split, so the test events are never read while tuning.
 */
export function timeSplits(
  clicks: readonly Click[],
  share = 0.8,
): { validation: Split; test: Split } {
  const test = timeSplit(clicks, share);
  return { validation: timeSplit(test.train, share), test };
}

/** Reads a data set for a protocol, from the files named in the shared data README. */
export async function loadProtocol(
  protocol: Protocol,
  file: string,
  options: { attributes?: string; testFile?: string } = {},
): Promise<ProtocolData> {
  const text = await readFile(file, "utf8");
  const name = file.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  if (protocol === "loo") {
    const sequences = parseSequences(text);
    const attributes: Record<string, unknown> = options.attributes
      ? JSON.parse(await readFile(options.attributes, "utf8"))
      : {};
    const ids = new Set<string>();
    for (const list of sequences.values()) for (const id of list) ids.add(id);
    const items = [...ids].map((id): ItemInfo => {
      const attrs = attributes[id];
      return Array.isArray(attrs) && attrs.length
        ? { id, attributes: { attribute: attrs.map(String) } }
        : { id };
    });
    return {
      name,
      protocol,
      items,
      ...leaveOneOut(sequences),
      notes: [
        `${sequences.size} users, ${ids.size} items; training = all but the last 2 items of each user`,
      ],
    };
  }
  if (protocol === "session") {
    const testFile = options.testFile ?? file.replace(/_train(\.[^.]+)$/, "_test$1");
    if (testFile === file) throw new Error("the session protocol needs --test <file>");
    const train = parseSessionTsv(text, "tr");
    const test = parseSessionTsv(await readFile(testFile, "utf8"), "te");
    const ids = new Set<string>();
    for (const s of [...train.values(), ...test.values()]) for (const c of s) ids.add(c.item);
    return {
      name,
      protocol,
      items: [...ids].map((id) => ({ id })),
      ...sessionSplit(train, test),
      notes: [
        `${train.size} training and ${test.size} test sessions; validation = training sessions of the last day`,
      ],
    };
  }
  const { clicks, items } = parseEventLog(text);
  return {
    name,
    protocol,
    items,
    ...timeSplits(clicks),
    notes: [
      `${clicks.length} events; training = the first 80% by time, targets = later add-to-cart / purchase`,
    ],
  };
}
